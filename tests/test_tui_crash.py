"""The real TUI in tmux: killed mid-session it loses nothing it showed as done; hostile text stays inert.

Skipped without tmux. The long run is benchmarks/tui_crash.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from crashing import prepare
from tmux_tui import HAVE_TMUX, Session, spans_shown, tui_crash_run

from annotator.store import Store

pytestmark = pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")


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
