"""Two (or more) processes annotating one database file at once: lock errors, lost writes and conflicts.

    python benchmarks/two_writers.py [--actions 300]

Runs two annotators side by side, then one annotator in two windows on the same article, each process
making --actions edits through the Store (tests/concurrent_writer.py). Prints writes acknowledged, writes
lost (must be 0), "database is locked" errors that reached the writer (must be 0) and the conflicts the
same-annotator windows were told about. Exits 1 on any loss or lock error.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.store import Store
from annotator.store.verify import check

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from crashing import prepare  # noqa: E402


def together(db: Path, folder: Path, writers: list[tuple[str, str]], actions: int) -> list[tuple[list[dict], int, str]]:
    start = folder / f"go-{time.monotonic_ns()}"
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(TESTS / "concurrent_writer.py"),
                str(db),
                str(n),
                str(actions),
                who,
                article,
                str(start),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, (who, article) in enumerate(writers)
    ]
    for process in processes:
        assert process.stdout is not None
        process.stdout.readline()
    start.touch()
    results = []
    for process in processes:
        out, err = process.communicate()
        lines = [json.loads(line) for line in out.splitlines()]
        conflicts = lines[-1].get("conflicts", 0) if lines else 0
        results.append(([x for x in lines if "event" in x], conflicts, err))
    return results


def lost(db: Path, acks: list[dict]) -> int:
    connection = sqlite3.connect(db)
    stored = {row[0]: row[1:] for row in connection.execute("SELECT id, action, article_id FROM events")}
    connection.close()
    return sum(1 for a in acks if stored.get(a["event"]) != (a["action"], a["article"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=300)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = folder / "shared.db"
        article = prepare(db)[1]
        for title, writers in (
            ("two annotators, all articles", [("alice", "any"), ("bob", "any")]),
            ("one annotator, two windows, one article", [("carol", article), ("carol", article)]),
        ):
            started = time.perf_counter()
            results = together(db, folder, writers, args.actions)
            elapsed = time.perf_counter() - started
            acks = [a for r in results for a in r[0]]
            locked = sum("locked" in r[2] for r in results)
            crashed = sum(bool(r[2]) for r in results)
            missing = lost(db, acks)
            print(f"{title}:")
            print(f"  writes acknowledged  {len(acks)} in {elapsed:.1f} s")
            print(f"  writes lost          {missing}")
            print(f"  'locked' errors      {locked}   (writer crashes: {crashed})")
            print(f"  conflicts reported   {sum(r[1] for r in results)}")
            failed |= bool(missing or locked or crashed)
            for r in results:
                if r[2]:
                    print("  a writer said:", r[2].strip().splitlines()[-1][:300])
        with Store.open(db) as store:
            problems = check(store)
        print(f"log and tables agree   {'yes' if not problems else problems[:3]}")
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
