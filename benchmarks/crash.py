"""The long crash run: SIGKILL an annotating process at random moments and check that nothing was lost.

    python benchmarks/crash.py [--kills 20] [--actions 1000] [--seed 0]

A child process makes random edits through the Store (accept, reject, add, remove, relabel, resize, speaker,
accept all, status, undo, redo) and acknowledges each after the Store call returned; the parent kills it with
SIGKILL, then checks SQLite's integrity, that every acknowledged action is in the event log, that replaying
the log gives the current tables, and that undo and redo still work. Prints the figures; exits 1 on any loss.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from crashing import crash_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--actions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        report = crash_run(Path(folder) / "crash.db", args.kills, args.actions, args.seed, log=print)
        elapsed = time.perf_counter() - started
    print(f"kills                      {report.kills}")
    print(f"killed inside an action    {report.killed_mid_action}")
    print(f"actions acknowledged       {report.acknowledged}")
    print(f"actions lost               {len(report.lost)}")
    print(f"integrity check            {'ok after every kill' if not report.integrity else report.integrity}")
    print(f"log and tables agree       {'yes' if not report.inconsistent else report.inconsistent}")
    print(f"undo/redo after each kill  {'ok' if not report.undo_redo_failures else report.undo_redo_failures}")
    print(f"time                       {elapsed:.1f} s")
    sys.exit(0 if report.ok else 1)


if __name__ == "__main__":
    main()
