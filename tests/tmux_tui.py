"""Driving the real TUI in tmux: press keys, read the screen, and SIGKILL it in the middle of a session.

An action counts as acknowledged when the status line shows its success message ("accepted …",
"rejected …", "undid …"): that is what tells the annotator it is done. Used by tests/test_tui_crash.py and
benchmarks/tui_crash.py.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from annotator.store import Store
from annotator.store.verify import check

ANNOTATOR = str(Path(sys.executable).parent / "annotator")
SUCCESS = re.compile(r"^\s*(accepted|rejected|removed|undid|redid|added|marked|\S+ is now|speaker)")
EDIT_KEYS = ["Enter", "Enter", "Enter", "x", "x", "u", "C-r", "A", "Delete"]
HAVE_TMUX = shutil.which("tmux") is not None


STARTED = re.compile(r"\d+ pending ·|\d+\? \d+✓")
SPANS_SHOWN = re.compile(r"(\d+) spans ·|\d+\? (\d+)✓")


def tmux(socket: str, *args: str) -> str:
    """A tmux command on the server at `socket`: each session has a server of its own (no one else's sessions or
    options, and no race with a server that is exiting because another test's last session ended)."""
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, check=True).stdout


def kill_server(socket: str) -> None:
    """End the tmux server at `socket` and remove its socket file, which tmux leaves behind (runs of the suite had
    left hundreds in /tmp/tmux-UID)."""
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    (Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}" / socket).unlink(missing_ok=True)


def spans_shown(screen: list[str]) -> int | None:
    """The number of spans the side panel says the article has (wide or narrow layout)."""
    found = SPANS_SHOWN.search("\n".join(screen))
    return int(found.group(1) or found.group(2)) if found else None


class Session:
    """One tmux session running `annotator annotate` on a database."""

    def __init__(
        self, db: Path, annotator: str | None = "alice", name: str | None = None, status_to: Path | None = None
    ) -> None:
        """`status_to`: a file that gets the annotator's exit status (its shell waits for it; `self.pid` is still
        the annotator's). `annotator` None: no --annotator."""
        self.name = name or f"annotator-reliability-{os.getpid()}-{time.monotonic_ns()}"
        command = f"exec {ANNOTATOR} annotate --db {db}" + (f" --annotator {annotator}" if annotator else "")
        if status_to is not None:
            command = f"{command.removeprefix('exec ')}; echo $? > {status_to}"
        self.tmux("new-session", "-d", "-s", self.name, "-x", "120", "-y", "35", command)
        self.pid = int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())
        deadline = time.monotonic() + 10
        while status_to is not None and not (found := Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text()):
            assert time.monotonic() < deadline, "the shell never started the annotator"
            time.sleep(0.01)
        if status_to is not None:
            self.pid = int(found.split()[0])

    def tmux(self, *args: str) -> str:
        return tmux(self.name, *args)

    def quit_and_wait(self, status: Path, timeout: float = 20.0) -> None:
        """Press q and wait until the annotator's exit status is in `status` (the `status_to` file)."""
        self.press("q")
        deadline = time.monotonic() + timeout
        while not (status.exists() and status.read_text().endswith("\n")):
            assert time.monotonic() < deadline, self.screen()
            time.sleep(0.05)

    def started(self) -> bool:
        """Wait until the annotate screen shows its side panel."""
        return self.wait_for(lambda: STARTED.search("\n".join(self.screen())) is not None)

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-t", self.name).splitlines()

    def status(self) -> str:
        lines = [line for line in self.screen() if line.strip()]
        return lines[-2] if len(lines) >= 2 else ""

    def wait_for(self, predicate, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.05)
        return False

    def press(self, key: str) -> None:
        self.tmux("send-keys", "-t", self.name, key)

    def settle(self, timeout: float = 3.0) -> str:
        """The status line once the screen has stopped changing (same for 0.2 s)."""
        deadline, last = time.monotonic() + timeout, self.screen()
        while time.monotonic() < deadline:
            time.sleep(0.2)
            now = self.screen()
            if now == last:
                break
            last = now
        return self.status()

    def press_and_read(self, key: str) -> str:
        """Press a key and return the status line it produced (waiting for the screen to change and settle)."""
        before = self.screen()
        self.press(key)
        self.wait_for(lambda: self.screen() != before, timeout=2.0)
        return self.settle()

    def kill(self) -> None:
        """SIGKILL the annotator, as a crash or a closed terminal would; then drop the tmux session."""
        with suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        kill_server(self.name)


@dataclass
class TuiCrashReport:
    kills: int = 0
    acknowledged: int = 0
    stored: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return max(0, self.acknowledged - self.stored)


def events_of(db: Path, annotator: str) -> int:
    connection = sqlite3.connect(db)
    count = connection.execute("SELECT COUNT(*) FROM events WHERE annotator = ?", [annotator]).fetchone()[0]
    connection.close()
    return count


def one_session(db: Path, actions: int, rng: random.Random) -> int:
    """Open the TUI, make `actions` acknowledged edits, start one more and kill the TUI mid-way."""
    session = Session(db)
    acknowledged = 0
    try:
        if not session.started():
            raise RuntimeError("the TUI did not start: " + "\n".join(session.screen()))
        session.settle()
        while acknowledged < actions:
            session.press_and_read(rng.choice(["Tab", "Tab", "BTab"]))
            if SUCCESS.match(session.press_and_read(rng.choice(EDIT_KEYS))):
                acknowledged += 1
        session.press(rng.choice(EDIT_KEYS))
        time.sleep(rng.uniform(0, 0.03))
    finally:
        session.kill()
    return acknowledged


def tui_crash_run(db: Path, kills: int, actions_per_kill: int, seed: int = 0) -> TuiCrashReport:
    rng = random.Random(seed)
    report = TuiCrashReport()
    start = events_of(db, "alice")
    for _ in range(kills):
        report.acknowledged += one_session(db, actions_per_kill, rng)
        report.kills += 1
        report.stored = events_of(db, "alice") - start
        with Store.open(db) as store:
            report.problems += check(store)
    return report
