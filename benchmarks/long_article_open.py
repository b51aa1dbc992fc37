"""Opening the screen on one long article: does the time grow with the article, or faster?

    .venv/bin/python benchmarks/long_article_open.py [--sizes 250,500,1000] [--runs 3] [--compare OTHER_CHECKOUT]

A newcomer's trial (s56 t12 F2) opened a 20,000-character article with 2,000 suggestions in 4 s, one of 100,000
characters with 10,000 in 49 s, and one of 1.2 million characters never. Each size here is one article of that
trial's sentence repeated N times (four suggestions a sentence), ingested with the real pipeline into a database
of its own; then a fresh interpreter opens the screen on it headless (Pilot) and reports the CPU seconds from
building the app to its first idle moment, the article drawn. Medians of `--runs`. With `--compare`, the same
databases are opened by another checkout's code too (`git worktree add /tmp/old HEAD~1`), alternately, and the
ratio of the two medians of each size is printed. Growth: each size's median over the smallest's, beside the ratio
of their sizes (equal: linear). Prints figures; never run as a test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from growth import code_columns, growth_rows, other_ratio

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Mayor Jane Doe said 5 people left Oslo. "

OPEN = """
import asyncio, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from annotator.tui.app import make_app
async def main():
    start = time.process_time()
    app = make_app(Path(sys.argv[2]), "alice", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print(time.process_time() - start)
asyncio.run(main())
"""


def build(folder: Path, repeats: int) -> Path:
    """A database of one article of `repeats` sentences, with the shipped suggestions."""
    source, db = folder / f"a{repeats}.jsonl", folder / f"a{repeats}.db"
    source.write_text(json.dumps({"text": SENTENCE * repeats}) + "\n", encoding="utf-8")
    annotator = Path(sys.executable).with_name("annotator")
    subprocess.run([annotator, "ingest", source, "--db", db], check=True, capture_output=True)
    return db


def opened(code: Path, db: Path) -> float:
    """CPU seconds for a fresh interpreter running `code`'s app to open `db`."""
    done = subprocess.run([sys.executable, "-c", OPEN, str(code), str(db)], check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000", help="sentences per article, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another checkout whose code opens the same databases")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    codes = {"this": ROOT} | ({"other": args.compare.resolve()} if args.compare else {})
    with tempfile.TemporaryDirectory() as folder:
        dbs = {size: build(Path(folder), size) for size in sizes}
        times: dict[tuple[str, int], list[float]] = {}
        for _ in range(args.runs):
            for size, db in dbs.items():
                for name, code in codes.items():
                    times.setdefault((name, size), []).append(opened(code, db))
    print(f"{'sentences':>10} {'characters':>11} " + code_columns(list(codes)))
    for row in growth_rows(times, sizes, list(codes), lambda size: f"{size:>10} {len(SENTENCE) * size:>11,} "):
        print(row)
    if args.compare:
        for size in sizes:
            print(f"{size} sentences: the other checkout takes {other_ratio(times, size):.1f}x this one's time")


if __name__ == "__main__":
    main()
