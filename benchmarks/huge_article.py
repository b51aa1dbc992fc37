"""`annotator ingest` of one huge article on a single line (no line break): wall time and peak memory.

Each run ingests one generated .txt article of N MB into a new database with the real console script (this
checkout's code, `python -m annotator`), in a process of its own, whose peak resident memory comes from the kernel
(`os.wait4`, as /usr/bin/time -v reports it). Two kinds of article: news-like sentences ending with full stops, some
of them quotes ("sentences"), and the same words with no sentence punctuation at all ("no stops"). A text of more
than `suggest.pieces.WHOLE_CHARS` characters is parsed in pieces of `PIECE_CHARS`, at most about
`dispatch.BATCH_CHARS` characters at a time. Before that, a 10 MB one-line article took 11 minutes and about 10 GB
(pieces of 100,000 characters, 32 parsed at once), and one of 300 KB (parsed whole) 37 s and 1.7 GB.

Measured on 2026-12-03 (2 cores shared, load average 2 to 6): sentences 1 MB 44 s and 520 MB (median of 3),
3 MB 134 s and 615 MB (median of 3), 10 MB 624 s and 952 MB (1 run, load 4 to 6); no stops 1 MB 49 s and 491 MB,
10 MB 437 s and 875 MB (1 run); 300 KB 15 s and 478 MB; the 10 longest corpus articles (0.49 M chars) 35 s, 71 s
per MB, and 978 MB.

Figures are medians of --runs runs for sizes up to 3 MB, one run above (each takes minutes).

For comparison it first ingests the --reference longest articles of the shared corpus (ordinary articles with line
breaks, each parsed whole) and prints their time per MB.

Run: nice -n 10 .venv/bin/python benchmarks/huge_article.py [--sizes 1,3,10] [--runs 3] [--kinds sentences,nostops]
[--reference 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_corpus import shared_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = shared_corpus()
VOCABULARY = (
    "the mayor said council bridge would reopen on Monday after repairs costing million dollars residents "
    "complained about traffic near river station while officials promised faster work and new buses for "
    "the city centre during summer"
)
WORDS = VOCABULARY.split()
NAMES = ("Maria Silva", "John Smith", "Ana Costa", "Lyon", "Paris", "Tom Hale", "the United Nations", "Berlin")


def one_line(size: int, sentences: bool) -> str:
    """About `size` characters of news-like words with names and numbers, without a line break."""
    rng = random.Random(28)
    parts: list[str] = []
    length = 0
    while length < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 900)))
        sentence = " ".join(words)
        if sentences:
            sentence = sentence[0].upper() + sentence[1:] + "."
            if rng.random() < 0.1:
                sentence = f'"{sentence}" {rng.choice(NAMES[:3])} said.'
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)[:size].rstrip()


def ingest(source: Path, db: Path) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of one `annotator ingest` in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "annotator", "ingest", str(source), "--db", str(db)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # reaped here, for its own resource usage
        seconds = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        said, problem = out.read().strip(), err.read().strip()
    if code != 0 or problem:
        raise SystemExit(f"{source}: ingest failed (exit status {code}): {problem}")
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    return seconds, peak, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,3,10", help="article sizes in MB (default %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size up to 3 MB (default %(default)s)")
    parser.add_argument("--kinds", default="sentences,nostops", help="sentences, nostops (default %(default)s)")
    parser.add_argument("--reference", type=int, default=10, help="longest corpus articles timed too (0: none)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; median of runs; peak RSS of the ingest process")
    if args.reference and CORPUS.is_file():  # ordinary articles, for their time per MB
        texts = sorted((json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()), key=len)
        chosen = texts[-args.reference :]
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "ordinary.jsonl"
            source.write_text("".join(json.dumps({"text": t}) + "\n" for t in chosen), encoding="utf-8")
            seconds, peak, said = ingest(source, Path(folder) / "ordinary.db")
        size = sum(map(len, chosen)) / 1_000_000
        print(
            f"ordinary: the {len(chosen)} longest corpus articles ({size:.2f} M chars)   {seconds:7.1f} s   "
            f"{seconds / size:6.1f} s/MB   peak RSS {peak:7.0f} MB   {said.split(' -> ')[0]}",
            flush=True,
        )
    for kind in filter(None, args.kinds.split(",")):
        for size in (float(s) for s in args.sizes.split(",")):
            text = one_line(int(size * 1_000_000), sentences=kind == "sentences")
            times, peaks = [], []
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder) / "huge.txt"
                source.write_text(text, encoding="utf-8")
                for run in range(args.runs if size <= 3 else 1):
                    seconds, peak, said = ingest(source, Path(folder) / f"run{run}.db")
                    times.append(seconds)
                    peaks.append(peak)
            print(
                f"{kind:<9} {size:>5g} MB ({len(text):>10,} chars, {len(times)} run(s))   "
                f"{statistics.median(times):7.1f} s   {statistics.median(times) / size:6.1f} s/MB   "
                f"peak RSS {statistics.median(peaks):7.0f} MB ({max(peaks):.0f} max)   {said.split(' -> ')[0]}",
                flush=True,
            )


if __name__ == "__main__":
    main()
