"""`annotator predict` on a Dask LocalCluster of 1 and of 2 worker processes, over the same corpus.

    python benchmarks/predict.py [--corpus ../shared/corpus/news.jsonl] [--runs 3] [--limit N] [--shard-size 20]
    python benchmarks/predict.py --scheduler tcp://host:8786     # an existing cluster instead (its own workers)

Prints, per run and as medians, the words per second while shards are computed (from the first shard sent to
the last one written: the pipeline is already loaded on every worker), the wall time of the whole command
(cluster start and pipeline loading included), the same-run ratio of 2 workers to 1, the load average before
and after, and what 1,000,000 articles of the corpus's mean length would take at the measured rate. Runs
alternate so that machine noise hits both alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from shared_corpus import shared_corpus

from annotator.exchange.predict import predict
from annotator.exchange.shards import count_articles

DEFAULT_CORPUS = shared_corpus()
MILLION = 1_000_000


def limited(corpus: Path, limit: int, folder: Path) -> Path:
    if not limit:
        return corpus
    path = folder / corpus.name
    with corpus.open("rb") as source:
        path.write_bytes(b"".join(line for _, line in zip(range(limit), source, strict=False)))
    return path


def one_run(corpus: Path, shard_size: int, workers: int | None, scheduler: str | None) -> tuple[float, float, int]:
    """(words/s while computing, wall seconds of the whole command, words)."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        report = predict([corpus], Path(folder) / "out", workers=workers, scheduler=scheduler, shard_size=shard_size)
        wall = time.perf_counter() - started
    return report.words_per_second, wall, report.words_computed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--shard-size", type=int, default=20)
    parser.add_argument("--scheduler", help="an existing Dask scheduler (then only its workers are measured)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        corpus = limited(args.corpus, args.limit, Path(folder))
        articles = count_articles([corpus])
        setups: list[tuple[str, int | None, str | None]] = (
            [(f"cluster at {args.scheduler}", None, args.scheduler)]
            if args.scheduler
            else [("1 worker", 1, None), ("2 workers", 2, None)]
        )
        print(f"{articles} articles from {args.corpus}, shards of {args.shard_size}")
        print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        rates: dict[str, list[float]] = {name: [] for name, _, _ in setups}
        walls: dict[str, list[float]] = {name: [] for name, _, _ in setups}
        ratios: list[float] = []
        words = 0
        for run in range(1, args.runs + 1):
            for name, workers, scheduler in setups:
                rate, wall, words = one_run(corpus, args.shard_size, workers, scheduler)
                rates[name].append(rate)
                walls[name].append(wall)
            if not args.scheduler:
                ratios.append(rates["2 workers"][-1] / rates["1 worker"][-1])
            figures = ", ".join(
                f"{name} {rates[name][-1]:,.0f} words/s ({walls[name][-1]:.1f} s)" for name, *_ in setups
            )
            print(f"run {run}: {figures}")
        mean_words = words / articles
        for name, *_ in setups:
            rate = statistics.median(rates[name])
            hours = MILLION * mean_words / rate / 3600
            print(
                f"median {name}: {rate:,.0f} words/s while computing, {statistics.median(walls[name]):.1f} s for the "
                f"whole command; 1,000,000 articles of {mean_words:,.0f} words: {hours:,.1f} h"
            )
        if ratios:
            print(f"ratio 2 workers / 1: {statistics.median(ratios):.2f}x (median of same-run ratios)")
        print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
