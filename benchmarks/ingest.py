"""Ingest with suggestions against a plain en_core_web_sm `nlp.pipe` over the same texts, in one process.

    python benchmarks/ingest.py [--corpus ../shared/corpus/news.jsonl] [--runs 3] [--limit N]

The plain side is the small English model alone; the ingest side is `annotator ingest`'s whole path with the
default pipeline (the small model plus the learned guide component), the suggesters and SQLite. Prints words
per second for both and the ratio (target: ingest >= 0.6x the plain small model). Runs alternate so that
machine noise hits both alike; figures are medians, with the load average.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from annotator.exchange.ingest import ingest, read_articles
from annotator.store import Store
from annotator.suggest import load_pipeline, suggesters_of
from annotator.suggest.loading import DEFAULT_MODELS

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news.jsonl"


def plain_pipe(nlp, texts: list[str], batch_size: int) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def full_ingest(nlp, articles, batch_size: int) -> float:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        started = time.perf_counter()
        report = ingest(store, articles, nlp=nlp, batch_size=batch_size)
        elapsed = time.perf_counter() - started
        assert len(report.added) == len(articles), "every article should be new in a fresh database"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    articles = read_articles([args.corpus])
    articles = list({a.article_id: a for a in articles}.values())
    if args.limit:
        articles = articles[: args.limit]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    import os

    import spacy

    small = next(spacy.load(name) for name in DEFAULT_MODELS if spacy.util.is_package(name))
    nlp = load_pipeline()
    print(f"{len(articles)} articles, {words:,} words; plain: {small.meta['name']} {small.meta['version']} "
          f"{small.pipe_names}; ingest: {' + '.join(suggesters_of(nlp).names)} {nlp.pipe_names}")  # fmt: skip
    plain_pipe(small, texts[:20], args.batch_size)  # warm up both paths once
    plain_pipe(nlp, texts[:20], args.batch_size)

    plain, full = [], []
    for run in range(1, args.runs + 1):
        plain.append(plain_pipe(small, texts, args.batch_size))
        full.append(full_ingest(nlp, articles, args.batch_size))
        print(f"run {run}: plain nlp.pipe {words / plain[-1]:,.0f} words/s, ingest {words / full[-1]:,.0f} words/s")
    plain_rate = words / statistics.median(plain)
    ingest_rate = words / statistics.median(full)
    print(f"median plain nlp.pipe: {plain_rate:,.0f} words/s ({statistics.median(plain):.2f} s)")
    print(f"median ingest + suggestions + SQLite: {ingest_rate:,.0f} words/s ({statistics.median(full):.2f} s)")
    print(f"ratio ingest / plain: {ingest_rate / plain_rate:.2f}x (target >= 0.60x)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
