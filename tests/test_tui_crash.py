"""The real TUI in tmux: killed mid-session it loses nothing it showed as done; hostile text stays inert.

Skipped without tmux. The long run is benchmarks/tui_crash.py.
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest
from crashing import prepare
from tmux_tui import HAVE_TMUX, SUCCESS, Session, events_of, spans_shown, tui_crash_run

from annotator.store import Store

pytestmark = pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
#: What a program writes to leave the alternate screen (a TUI's last word to the terminal).
ALT_SCREEN_OFF = b"\x1b[?1049l"


def test_killing_the_tui_mid_session_loses_nothing_it_showed_as_done(tmp_path: Path) -> None:
    db = tmp_path / "tui.db"
    prepare(db)
    report = tui_crash_run(db, kills=2, actions_per_kill=5, seed=6)
    assert (report.kills, report.acknowledged, report.lost, report.problems) == (2, 10, 0, [])
    session = Session(db)  # and it opens again where it was, showing what the database holds
    try:
        shown = session.started()
        count = spans_shown(session.screen())
    finally:
        session.kill()
    with Store.open(db) as store:
        article = store.last_opened("alice")
        assert (shown, count) == (True, len(store.spans(article, "alice")))


def test_hostile_text_does_not_set_the_terminal_title_or_clipboard(tmp_path: Path) -> None:
    from test_tui_reliability import HOSTILE, database

    db = database(tmp_path / "h.db", HOSTILE, title="T \x1b]0;pwned\x07 \x1b]52;c;cHduZWQ=\x07")
    session = Session(db)
    try:
        session.tmux("set-option", "-t", session.name, "set-clipboard", "on")
        session.started()
        session.press_and_read("Tab")
        title = session.tmux("display-message", "-p", "-t", session.name, "#{pane_title}").strip()
        buffers = session.tmux("list-buffers", "-F", "#{buffer_sample}")
        screen = "\n".join(session.screen())
    finally:
        session.kill()
    assert "pwned" not in title
    assert "pwned" not in buffers
    assert "␛]0;pwned␇" in screen


@pytest.mark.parametrize(
    ("stop", "code"),
    [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)],
    ids=["SIGTERM", "SIGINT", "SIGHUP"],
)
def test_a_signal_closes_the_tui_cleanly_keeping_every_acknowledged_action(
    tmp_path: Path, stop: signal.Signals, code: int
) -> None:
    """`kill PID` of an open annotator: it leaves its screen (the terminal as it was), says so in one line and
    exits with 143; every edit the screen acknowledged is stored (each is committed when made). A SIGINT
    (`kill -INT PID`; the terminal's ctrl+c is a key to the screen) does the same with 130, as every command
    interrupted does: it ended the screen with status 0 and not a word. A SIGHUP (`kill -HUP PID`, the terminal
    still there) does the same with 129: it killed the screen outright (tests/test_hangup.py closes the terminal)."""
    db = tmp_path / "tui.db"
    prepare(db)
    terminal, status = tmp_path / "terminal.out", tmp_path / "status"
    session = Session(db, status_to=status)
    try:
        session.tmux("pipe-pane", "-t", session.name, f"cat > {terminal}")  # every byte the annotator writes
        assert session.started()
        session.settle()
        acknowledged = sum(bool(SUCCESS.match(session.press_and_read(key))) for key in ["Enter", "Tab", "x"])
        os.kill(session.pid, stop)
        deadline = time.monotonic() + 20
        while not (status.exists() and status.read_text().endswith("\n")):
            assert time.monotonic() < deadline, session.screen()
            time.sleep(0.05)
        time.sleep(0.5)  # for `cat` to have it all
    finally:
        session.kill()
    _, after = terminal.read_bytes().rsplit(ALT_SCREEN_OFF, 1)
    assert (acknowledged, status.read_text(), re.sub(rb"\x1b\[\?[0-9;]*[a-zA-Z]", b"", after)) == (
        2,
        f"{code}\n",
        b"annotator: error: interrupted; every action the screen showed as done is stored\r\n",
    )
    assert events_of(db, "alice") == acknowledged
