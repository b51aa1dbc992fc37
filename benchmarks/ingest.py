"""Ingest with suggestions against plain `nlp.pipe` over the same texts, and ingest with 1 and with 2 workers.

    python benchmarks/ingest.py [--corpus ../shared/corpus/news.jsonl] [--runs 3] [--limit N] [--workers 1,2]

Prints words per second for plain `nlp.pipe` of the small English model alone and of the default pipeline
(the small model plus the learned guide component), both in one process, and for `annotator ingest`'s whole
path (default pipeline, suggesters, SQLite) with each number of workers (forked worker processes, `ingest
--workers N`). Ratios: ingest (one worker) / plain small model (target >= 0.6x: what the learned layer and the
suggesters cost), ingest / plain default pipeline (target >= 0.9x: the suggesters and SQLite alone), and each
worker count against one (target on 2 cores: 2 workers >= 1.6x). Runs alternate so that machine noise hits all
alike; figures are medians; the load average is printed before and after, since other work on the machine shares
the cores the workers need. The CPU seconds (this process, the worker processes) and the cores they kept busy
show what the load cannot change: how the work splits. On a shared Linux machine with autogroup scheduling
(`/proc/sys/kernel/sched_autogroup_enabled`), one session's processes share one session's fair part of the
CPUs, so 2 workers there get no more CPU than 1: compare the cores kept busy before reading the ratio. So the
CPU time of each worker process is read too (from /proc while it runs, every 20 ms), and a ratio from CPU time
alone is printed: one process's CPU seconds against what N idle cores would take for the N-worker run (its
busiest worker's CPU seconds, or all its CPU seconds over N cores, whichever is longer). Measured on 2026-12-01
under a load average of 2.9-3.5, 100 articles, 3 runs: 17.0 CPU seconds in one process against 0.8 + 16.7 with 2
workers (9.2 + 8.6 in the second run), 1.94x from CPU time, 1.12x by the clock (0.64 and 0.74 cores kept busy);
at a load of 1.7-2.9: 17.6 against 0.7 + 20.0 (10.4 + 9.6), 1.70x from CPU time, 1.36x by the clock (0.91 and 1.43
cores kept busy). Both workers running at once cost 3-18% more CPU seconds than one process for the same articles.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import threading
import time
from pathlib import Path

from shared_corpus import shared_corpus

from annotator.exchange.article_files import read_articles
from annotator.exchange.ingest import ingest
from annotator.store import Store
from annotator.suggest import load_pipeline, suggesters_of
from annotator.suggest.loading import DEFAULT_MODELS

DEFAULT_CORPUS = shared_corpus()


def plain_pipe(nlp, texts: list[str], batch_size: int) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process, and of its finished child processes (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


TICK = os.sysconf("SC_CLK_TCK")


class WorkerClock:
    """The CPU seconds of each child process of this one, read from /proc every 20 ms while they run (the last
    reading before a worker ends: up to 20 ms of its CPU time missed), so the split between workers shows."""

    def __init__(self) -> None:
        self.seconds: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> WorkerClock:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.02):
            for task in Path("/proc/self/task").iterdir():
                try:
                    children = (task / "children").read_text().split()
                except OSError:
                    continue
                for pid in map(int, children):
                    try:  # fields 14 and 15 (user, system) after the command name
                        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except OSError:
                        continue
                    self.seconds[pid] = (int(fields[11]) + int(fields[12])) / TICK


def full_ingest(nlp, articles, batch_size: int, workers: int = 1, cpu: list | None = None) -> float:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        before = cpu_seconds()
        started = time.perf_counter()
        with WorkerClock() as clock:
            report = ingest(store, articles, nlp=nlp, batch_size=batch_size, workers=workers)
        elapsed = time.perf_counter() - started
        after = cpu_seconds()
        assert len(report.added) == len(articles), "every article should be new in a fresh database"
    if cpu is not None:
        cpu.append((after[0] - before[0], after[1] - before[1], sorted(clock.seconds.values(), reverse=True)))
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to compare (first: 1)")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]

    articles = read_articles([args.corpus])
    articles = list({a.article_id: a for a in articles}.values())
    if args.limit:
        articles = articles[: args.limit]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    import spacy

    small = next(spacy.load(name) for name in DEFAULT_MODELS if spacy.util.is_package(name))
    nlp = load_pipeline()
    print(f"{len(articles)} articles, {words:,} words; small: {small.meta['name']} {small.meta['version']} "
          f"{small.pipe_names}; default: {' + '.join(suggesters_of(nlp).names)} {nlp.pipe_names}")  # fmt: skip
    plain_pipe(small, texts[:20], args.batch_size)  # warm up every path once
    plain_pipe(nlp, texts[:20], args.batch_size)

    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    plain: list[float] = []
    plain_small: list[float] = []
    full: dict[int, list[float]] = {n: [] for n in counts}
    ratios: dict[int, list[float]] = {n: [] for n in counts}  # same-run ratio: n workers against the first
    # (this process, worker processes, each worker's as read from /proc)
    cpu: dict[int, list[tuple[float, float, list[float]]]] = {n: [] for n in counts}
    for run in range(1, args.runs + 1):
        plain_small.append(plain_pipe(small, texts, args.batch_size))
        plain.append(plain_pipe(nlp, texts, args.batch_size))
        for n in counts:
            full[n].append(full_ingest(nlp, articles, args.batch_size, n, cpu[n]))
            ratios[n].append(full[counts[0]][-1] / full[n][-1])
        rates = ", ".join(f"ingest {n} worker(s) {words / full[n][-1]:,.0f}" for n in counts)
        print(
            f"run {run}: plain small model {words / plain_small[-1]:,.0f}, plain default pipeline "
            f"{words / plain[-1]:,.0f}, {rates} words/s"
        )
    small_rate = words / statistics.median(plain_small)
    plain_rate = words / statistics.median(plain)
    print(f"median plain nlp.pipe, small model: {small_rate:,.0f} words/s ({statistics.median(plain_small):.2f} s)")
    print(f"median plain nlp.pipe, default pipeline: {plain_rate:,.0f} words/s ({statistics.median(plain):.2f} s)")
    for n in counts:
        rate = words / statistics.median(full[n])
        print(
            f"median ingest + suggestions + SQLite, {n} worker(s): {rate:,.0f} words/s ({statistics.median(full[n]):.2f} s)"
        )
    ingest_rate = words / statistics.median(full[counts[0]])
    print(f"ratio ingest ({counts[0]} worker) / plain small model: {ingest_rate / small_rate:.2f}x (target >= 0.60x)")
    print(
        f"ratio ingest ({counts[0]} worker) / plain default pipeline: {ingest_rate / plain_rate:.2f}x (target >= 0.90x)"
    )
    for n in counts[1:]:
        print(
            f"ratio {n} workers / {counts[0]}: {statistics.median(ratios[n]):.2f}x "
            f"(median of same-run ratios; target for 2 on 2 cores >= 1.60x)"
        )
    for n in counts:  # what the machine's load cannot change: the work, and where it was done
        own = statistics.median(c[0] for c in cpu[n])
        workers = statistics.median(c[1] for c in cpu[n])
        busy = (own + workers) / statistics.median(full[n])
        middle = sorted(cpu[n], key=lambda c: max([*c[2], 0.0][0], (c[0] + c[1]) / n))[len(cpu[n]) // 2]
        each = " + ".join(f"{s:.1f}" for s in middle[2]) or "none"
        print(
            f"CPU seconds, {n} worker(s): {own:.1f} in this process + {workers:.1f} in worker processes "
            f"({own / (own + workers):.0%} in this process; each worker, median run: {each}); cores kept busy: "
            f"{busy:.2f} (an idle 2-core machine gives 2 workers close to 2)"
        )
    alone = statistics.median(c[0] + c[1] for c in cpu[counts[0]])
    for n in counts[1:]:  # what the clock would say on n idle cores: the load cannot change this
        idle = [max([*c[2], 0.0][0], (c[0] + c[1]) / n) for c in cpu[n]]
        print(
            f"ratio {n} workers / {counts[0]} from CPU time: {alone / statistics.median(idle):.2f}x ({alone:.1f} CPU "
            f"seconds in one process against {statistics.median(idle):.1f} on {n} idle cores: the busiest worker's, "
            f"or all over {n}, whichever is longer)"
        )
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
