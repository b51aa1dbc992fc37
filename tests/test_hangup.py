"""A hang-up (SIGHUP: the terminal closed, an ssh connection dropped) stops a command as SIGTERM does: found by an
attacker, an `ingest` hung up ended at once, status 129 and not a word, leaving its half-made database's hidden
temporary files (`.new.db.new-*` and their -wal, -shm) beside its target for ever. Now it cleans up, says in one
line what is kept (if standard error still takes it) and exits with 129, a shell's status for a process the signal
ended. A command started ignoring hang-ups (`nohup`) goes on, and a screen whose terminal closes keeps every action
it acknowledged and exits with 129.

Real processes: the console script, really signalled, and the screen in a pseudo-terminal that is really closed.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shutil
import signal
import sqlite3
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest
from crashing import prepare
from processes import ANNOTATOR
from test_parallel_interrupt import running, small_articles
from tmux_tui import events_of

NOTHING_WRITTEN = "annotator: error: interrupted; nothing from this command was written\n"


def wait_for_temporary(folder: Path, prefix: str, process: subprocess.Popen[str]) -> None:
    """Until the command's temporary database (`prefix`...) is beside its target."""
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(prefix) for p in folder.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.02)


def test_a_hang_up_stops_an_ingest_removing_the_database_it_was_making(tmp_path: Path) -> None:
    source = small_articles(tmp_path)
    with running("ingest", source, "--db", tmp_path / "new.db") as process:
        wait_for_temporary(tmp_path, ".new.db.new-", process)
        process.send_signal(signal.SIGHUP)
        out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (129, "", NOTHING_WRITTEN)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl"]


def test_an_ingest_started_ignoring_hang_ups_goes_on_to_its_end(tmp_path: Path) -> None:
    """`nohup annotator ingest ...`: the command is meant to outlive its terminal."""
    source = tmp_path / "few.jsonl"
    source.write_text("".join(json.dumps({"text": f"Ann said {n} boats left Oslo."}) + "\n" for n in range(150)))
    process = subprocess.Popen(
        [ANNOTATOR, "ingest", source, "--no-suggest", "--db", tmp_path / "new.db"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
    )
    try:
        wait_for_temporary(tmp_path, ".new.db.new-", process)
        process.send_signal(signal.SIGHUP)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert (process.returncode, err) == (0, "")
    assert out.startswith("150 article(s) added, 0 already stored")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["few.jsonl", "new.db"]
    connection = sqlite3.connect(tmp_path / "new.db")
    try:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 150
    finally:
        connection.close()


class Terminal:
    """A pseudo-terminal that is the controlling terminal of the console script it runs (`setsid --ctty`: the
    script leads a session of its own, as in a terminal window or an ssh session), read as it writes."""

    def __init__(self, *args: str | Path) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 35, 120, 0, 0))  # 35 rows of 120 columns
        self.process = subprocess.Popen(
            ["setsid", "--ctty", ANNOTATOR, *map(str, args)], stdin=follower, stdout=follower, stderr=follower
        )
        os.close(follower)
        self.shown = b""

    def wait_for(self, text: bytes, timeout: float = 30) -> bool:
        """Read what the screen writes until `text` comes (from now on)."""
        start, deadline = len(self.shown), time.monotonic() + timeout
        while time.monotonic() < deadline:
            if select.select([self.leader], [], [], 0.1)[0]:
                self.shown += os.read(self.leader, 65536)
                if text in self.shown[start:]:
                    return True
        return False

    def press(self, key: bytes, answer: bytes) -> bool:
        """Press a key and wait for the screen's answer (the status line's "accepted ...")."""
        os.write(self.leader, key)
        return self.wait_for(answer, timeout=10)

    def close(self) -> int:
        """Close the terminal, as its window is closed: the kernel hangs up the session (a SIGHUP to its leader,
        standard input at its end, standard error no longer writable). The script's exit status."""
        os.close(self.leader)
        try:
            return self.process.wait(timeout=30)
        finally:
            self.process.kill()


@pytest.mark.skipif(shutil.which("setsid") is None, reason="needs setsid (util-linux)")
def test_closing_the_terminal_of_a_screen_keeps_every_acknowledged_action_and_exits_129(tmp_path: Path) -> None:
    """It ended at once, killed by the signal (Textual's threads and the database cut off wherever they were); now
    it closes as on a SIGTERM, its line unsaid (there is no terminal to say it on)."""
    db = tmp_path / "tui.db"
    prepare(db)
    before = events_of(db, "alice")
    terminal = Terminal("annotate", "--db", db, "--annotator", "alice")
    assert terminal.wait_for(b"pending"), terminal.shown[-2000:]
    terminal.wait_for(b"never", timeout=1)  # the screen settled
    answers = [terminal.press(b"\r", b"accepted"), terminal.press(b"\t", b"never"), terminal.press(b"x", b"rejected")]
    assert (answers, terminal.close(), events_of(db, "alice") - before) == ([True, False, True], 129, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tui.db"]
