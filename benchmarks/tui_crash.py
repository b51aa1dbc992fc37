"""The real TUI in tmux, SIGKILLed in the middle of sessions: nothing it showed as done may be lost.

    python benchmarks/tui_crash.py [--kills 10] [--actions 10] [--seed 0]

Each session opens `annotator annotate` in a private tmux server, makes --actions edits by key (tab, enter,
x, delete, u, ctrl+r, A), counting an edit as acknowledged when the status line shows its success message,
then presses one more key and kills the process a moment later. After each kill: SQLite's integrity and
the log-versus-tables check, and the annotator's events against the acknowledged count. Needs tmux.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from crashing import prepare
from tmux_tui import HAVE_TMUX, tui_crash_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--actions", type=int, default=10, help="acknowledged edits per session")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not HAVE_TMUX:
        sys.exit("tui_crash: needs tmux")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "tui.db"
        prepare(db)
        started = time.perf_counter()
        report = tui_crash_run(db, args.kills, args.actions, args.seed)
        elapsed = time.perf_counter() - started
    print(f"TUI sessions killed          {report.kills}")
    print(f"edits acknowledged on screen {report.acknowledged}")
    print(f"edits in the event log       {report.stored}")
    print(f"edits lost                   {report.lost}")
    print(f"integrity and log/tables      {'ok after every kill' if not report.problems else report.problems[:3]}")
    print(f"time                         {elapsed:.1f} s")
    sys.exit(0 if not report.lost and not report.problems else 1)


if __name__ == "__main__":
    main()
