"""Accepting every suggestion of one long article at once (`A` on the screen, `annotator accept`): does the store's
time grow with the number of suggestions, or faster?

    .venv/bin/python benchmarks/accept_all_long.py [--sizes 1000,5000,10000] [--runs 3] [--quotes]
        [--compare OTHER_CHECKOUT]

A newcomer's trial (s56 t13 G1) pressed A on an article of 10,000 entity suggestions and waited 11-13 CPU seconds
in `Store.accept_all`, which checked each accepted span against the annotator's spans in a query of its own. Each
size here is a number of suggestions: one article of that trial's sentence (four entity suggestions a sentence)
repeated to give it, or with `--quotes` a quoted sentence (a QUOTE whose suggested speaker is an ACTOR, and three
entities: five a sentence), ingested with the real pipeline into a database of its own. Each run copies it, and a
fresh interpreter opens the copy and reports the CPU seconds of `accept_all` for alice on it. Medians of `--runs`.
With `--compare`, the same copies are accepted by another checkout's code too (`git worktree add /tmp/old HEAD~1`),
alternately, the ratio of the two medians of each size is printed, and so is whether both wrote the same event
(its message, before and after: a faster accept must accept the same). Growth: each size's median over the
smallest's, beside the ratio of their sizes (equal: linear). Prints figures; never run as a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from growth import code_columns, growth_rows, other_ratio

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Mayor Jane Doe said 5 people left Oslo. "  # 4 entity suggestions
QUOTED = '"Five people left Oslo," Mayor Jane Doe said. '  # a QUOTE with its speaker, and 3 entities besides

ACCEPT = """
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
from annotator.store import Store
with Store.open(sys.argv[2]) as store:
    article_id = store.article_ids()[0]
    start = time.process_time()
    edit = store.accept_all(article_id, "alice")
    spent = time.process_time() - start
    row = store.conn.execute("SELECT before, after FROM events ORDER BY id DESC LIMIT 1").fetchone()
    event = json.dumps([edit.message, json.loads(row[0]), json.loads(row[1])], sort_keys=True)
print(hashlib.sha256(event.encode()).hexdigest()[:12], spent)
"""


def build(folder: Path, suggestions: int, quotes: bool) -> Path:
    """A database of one article with `suggestions` of the shipped suggestions."""
    sentence, each = (QUOTED, 5) if quotes else (SENTENCE, 4)
    source, db = folder / f"a{suggestions}.jsonl", folder / f"a{suggestions}.db"
    source.write_text(json.dumps({"text": sentence * (suggestions // each)}) + "\n", encoding="utf-8")
    annotator = Path(sys.executable).with_name("annotator")
    subprocess.run([annotator, "ingest", source, "--db", db], check=True, capture_output=True)
    return db


def accepted(code: Path, db: Path, folder: Path) -> tuple[str, float]:
    """The event's digest and the CPU seconds of `code`'s accept_all on a fresh copy of `db`."""
    copy = folder / "run.db"
    shutil.copyfile(db, copy)
    try:
        done = subprocess.run(
            [sys.executable, "-c", ACCEPT, str(code), str(copy)], check=True, capture_output=True, text=True
        )
    finally:
        for path in folder.glob("run.db*"):  # the copy this run made, and SQLite's files beside it
            path.unlink()
    digest, spent = done.stdout.split()[-2:]
    return digest, float(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000", help="suggestions per article, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quotes", action="store_true", help="quoted sentences: each QUOTE brings its speaker")
    parser.add_argument("--compare", type=Path, help="another checkout whose code accepts the same articles")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    codes = {"this": ROOT} | ({"other": args.compare.resolve()} if args.compare else {})
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        dbs = {size: build(folder, size, args.quotes) for size in sizes}
        times: dict[tuple[str, int], list[float]] = {}
        digests: dict[tuple[str, int], set[str]] = {}
        for _ in range(args.runs):
            for size, db in dbs.items():
                for code_name, code in codes.items():
                    digest, spent = accepted(code, db, folder)
                    times.setdefault((code_name, size), []).append(spent)
                    digests.setdefault((code_name, size), set()).add(digest)
    print(f"{'suggestions':>11} " + code_columns(list(codes)))
    for row in growth_rows(times, sizes, list(codes), lambda size: f"{size:>11,} "):
        print(row)
    if args.compare:
        for size in sizes:
            same = "the same event" if digests[("this", size)] == digests[("other", size)] else "DIFFERENT events"
            print(
                f"{size:,} suggestions: the other checkout takes {other_ratio(times, size):.1f}x this one's time; {same}"
            )


if __name__ == "__main__":
    main()
