"""Merge time on databases made the way a team makes them, at two sizes: is it linear in the rows merged?

Setup (cached in --cache, since ingesting the corpus with suggestions takes a couple of minutes): the shared
corpus ingested with the real suggesters; the first N articles assigned to alice, bob and carol with overlap 2;
then two kinds of merge, each on databases whose histories were made through the Store's own edit operations,
as the TUI makes them (`simulate` below: suggestions accepted, rejected or relabelled one by one, spans added
and resized, speakers linked, accept-all, and undo/redo runs, including undo and redo of accept-all; about
60-120 events per article and annotator; a seeded random walk, so every run builds the same files):
- packs: `annotator pack` for each annotator, each pack annotated, then the three merged back into the lead's
  database (annotator merge alice.db bob.db carol.db);
- sites: two copies of the lead database annotated at two sites (alice and bob at one, carol at the other,
  where alice also redid a few of her articles differently: conflicts), one merged into the other.
Each merge runs --runs times on a fresh copy of its target; the script prints the median seconds (wall and the
process's CPU time: on a loaded machine the wall time includes waiting for a core), the rows merged (events,
spans and decisions copied) and CPU microseconds per row, for N = --small and --large articles, and the ratio
of CPU time per row large/small (about 1.0 when merge time is linear in the rows merged). With
--check, `annotator check` runs on each result too.

Run: nice -n 10 .venv/bin/python benchmarks/merge.py [--small 84] [--large 336] [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared_corpus import shared_corpus  # noqa: E402  (benchmarks/shared_corpus.py; a script's folder is on sys.path)

from annotator.errors import AnnotatorError  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.store.assignments import assign, assigned  # noqa: E402
from annotator.store.merge import merge  # noqa: E402
from annotator.store.pack import pack  # noqa: E402
from annotator.store.verify import check  # noqa: E402
from annotator.vocabulary import Label  # noqa: E402

CORPUS = shared_corpus()
TEAM = ("alice", "bob", "carol")
CONFLICTS = 5


def corpus_db(cache: Path) -> Path:
    """The whole corpus with the real suggestions (built once)."""
    path = cache / "corpus.db"
    if not path.exists():
        from annotator.exchange.article_files import read_articles
        from annotator.exchange.ingest import ingest

        print(f"ingesting {CORPUS} with suggestions into {path} (once) ...", flush=True)
        partial = cache / "corpus.partial.db"
        partial.unlink(missing_ok=True)
        with Store.open(partial) as store:
            ingest(store, read_articles([CORPUS]))
        partial.rename(path)
    return path


def fast(store: Store) -> Store:
    """Building the benchmark's files: no fsync per edit (the merge itself runs with the usual settings)."""
    store.conn.execute("PRAGMA synchronous = OFF")
    return store


def simulate(store: Store, article_id: str, who: str, rng: random.Random, style: int = 0) -> None:
    """One annotator's session on one article, through the Store's edit operations as the TUI calls them."""

    def attempt(operation, *args) -> bool:
        try:
            operation(article_id, who, *args)
        except AnnotatorError:
            return False
        if rng.random() < 0.12:  # second thoughts: undo, and most often redo
            store.undo(article_id, who)
            if rng.random() < 0.7:
                store.redo(article_id, who)
        return True

    tokens = store.tokens(article_id)
    if rng.random() < 0.25 and store.pending(article_id, who):  # accept all, look, take it back, do it again
        store.accept_all(article_id, who)
        store.undo(article_id, who)
        store.redo(article_id, who)
        store.undo(article_id, who)
    for suggestion in store.pending(article_id, who):
        roll = rng.random()
        if roll < 0.5:
            attempt(store.accept_suggestion, suggestion.id)
        elif roll < 0.65:
            attempt(store.reject_suggestion, suggestion.id)
        elif roll < 0.75:
            label = rng.choice([lab for lab in Label if lab is not Label.QUOTE and lab != suggestion.label])
            if suggestion.label is not Label.QUOTE:
                store_label = label if style == 0 else Label.ACTOR
                with contextlib.suppress(AnnotatorError):
                    store.accept_corrected(article_id, who, suggestion.id, label=store_label)
    for _ in range(rng.randint(3, 10)):  # spans the model missed
        first = rng.randrange(len(tokens))
        last = min(first + rng.randint(0, 2), len(tokens) - 1)
        attempt(store.add_span, tokens[first].start, tokens[last].end, rng.choice(list(Label)[:3]))
    for span in store.spans(article_id, who)[:6]:  # boundaries moved, as [ ] { } do
        index = next((i for i, t in enumerate(tokens) if t.start == span.start), None)
        if index and index + 1 < len(tokens):
            attempt(store.resize_span, span.id, tokens[index - 1].start, span.end)
    spans = store.spans(article_id, who)
    actors = [s for s in spans if s.label is Label.ACTOR]
    for quote in (s for s in spans if s.label is Label.QUOTE):
        before = [a for a in actors if a.end <= quote.start]
        if before:
            attempt(store.set_speaker, quote.id, before[-1].id)
    store.save_cursor(article_id, who, tokens[len(tokens) // 2].start)
    store.set_status(article_id, who, "done" if rng.random() < 0.9 else rng.choice(["flagged", "skipped"]))


def build(cache: Path, size: int) -> dict[str, Path]:
    """Every file of one size (cached): the lead database, three annotated packs, two annotated sites."""
    folder = cache / f"n{size}"
    done = folder / "ready"
    files = {name: folder / f"{name}.db" for name in ("lead", *TEAM, "site1", "site2")}
    if done.exists():
        return files
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"building the {size}-article databases in {folder} ...", flush=True)
    lead = files["lead"]
    with Store.open(corpus_db(cache)) as corpus:
        ids = corpus.article_ids()
    shutil.copy(corpus_db(cache), lead)
    with Store.open(lead) as store, store.write():
        store.conn.execute(f"DELETE FROM suggestions WHERE article_id NOT IN ({','.join('?' * size)})", ids[:size])
        store.conn.execute(f"DELETE FROM articles WHERE id NOT IN ({','.join('?' * size)})", ids[:size])
    with Store.open(lead) as store:
        store.conn.execute("VACUUM")
        assign(store, TEAM, 2, seed=1, by="lead")
    with Store.open(lead) as store:
        for name in TEAM:
            pack(store, name, files[name])
    for index, name in enumerate(TEAM):
        with fast(Store.open(files[name])) as store:
            rng = random.Random(index)
            for article_id in assigned(store, name):
                simulate(store, article_id, name, rng)
    for site, people in (("site1", ("alice", "bob")), ("site2", ("carol",))):
        shutil.copy(lead, files[site])
        with fast(Store.open(files[site])) as store:
            for name in people:
                rng = random.Random(f"{site}{name}")
                for article_id in assigned(store, name):
                    simulate(store, article_id, name, rng)
            if site == "site2":  # alice redid a few of her articles here, differently: conflicts
                rng = random.Random("conflicts")
                for article_id in assigned(store, "alice")[:CONFLICTS]:
                    simulate(store, article_id, "alice", rng, style=1)
    done.touch()
    return files


def rows_merged(store: Store, before: dict[str, int]) -> int:
    return sum(store.count(table) - before[table] for table in ("events", "spans", "decisions"))


def timed_merge(
    target: Path, sources: list[Path], scratch: Path, runs: int, verify: bool
) -> tuple[float, float, int, int]:
    """(median seconds, median CPU seconds, rows merged, conflicts) of merging `sources` into fresh copies of
    `target`."""
    seconds, cpu, rows, conflicts = [], [], 0, 0
    for _ in range(runs):
        copy = scratch / "target.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        shutil.copy(target, copy)
        with Store.open(copy) as store:
            before = {t: store.count(t) for t in ("events", "spans", "decisions")}
            start, started = time.perf_counter(), time.process_time()
            report = merge(store, sources)
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - started)
            rows, conflicts = rows_merged(store, before), len(report.conflicts)
            if verify:
                problems = check(store)
                if problems:
                    sys.exit(f"merged database fails the check: {problems[0]}")
    return statistics.median(seconds), statistics.median(cpu), rows, conflicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=84)
    parser.add_argument("--large", type=int, default=336)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "annotator-bench-merge")
    parser.add_argument("--check", action="store_true", help="also run `annotator check` on each merged file")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"no corpus at {args.corpus}")
    globals()["CORPUS"] = args.corpus
    args.cache.mkdir(parents=True, exist_ok=True)
    scratch = args.cache / "scratch"
    scratch.mkdir(exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f}; {args.runs} run(s) each, medians")
    per_row: dict[str, list[float]] = {"packs": [], "sites": []}
    for size in (args.small, args.large):
        files = build(args.cache, size)
        with Store.open(files["lead"]) as store:
            events = store.count("events")
        for kind, target, sources in (
            ("packs", files["lead"], [files[name] for name in TEAM]),
            ("sites", files["site2"], [files["site1"]]),
        ):
            with Store.open(sources[0]) as source:
                history = source.count("events")
            seconds, cpu, rows, conflicts = timed_merge(target, sources, scratch, args.runs, args.check)
            per_row[kind].append(cpu / max(rows, 1))
            print(
                f"{size:>4} articles  {kind:<5}  {seconds:7.2f} s (CPU {cpu:6.2f} s)  {rows:>7} rows merged  "
                f"{1e6 * cpu / max(rows, 1):6.1f} CPU us/row  {conflicts} conflict(s)  "
                f"(target {events} events before, first source {history} events)"
            )
    for kind, values in per_row.items():
        print(f"{kind}: CPU time per row, {args.large} / {args.small} articles: {values[1] / values[0]:.2f}x")


if __name__ == "__main__":
    main()
