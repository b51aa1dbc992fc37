"""A pack opened without --annotator (a newcomer's trial): the screen opened as the login ("root") with no word
that the pack is carol's, so the work would have merged back as root's. It opens as the pack's one assignee."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from processes import annotator, small_database
from tmux_tui import HAVE_TMUX, Session


@pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
def test_a_pack_opened_without_a_name_is_annotated_as_its_assignee(tmp_path: Path) -> None:
    small_database(tmp_path / "team.db")
    assert annotator("assign", "--annotators", "carol", "--db", "team.db", cwd=tmp_path).returncode == 0
    assert annotator("pack", "--annotator", "carol", "-o", "carol.db", "--db", "team.db", cwd=tmp_path).returncode == 0
    pack, status = tmp_path / "carol.db", tmp_path / "status"
    session = Session(pack, annotator=None, status_to=status)
    try:
        assert session.started()
        session.settle()
        session.press_and_read("Tab")
        session.press_and_read("Enter")
        session.quit_and_wait(status)
    finally:
        session.kill()
    with sqlite3.connect(pack) as connection:
        who = connection.execute("SELECT DISTINCT annotator FROM events WHERE action = 'accept'").fetchall()
    assert (status.read_text(), who) == ("0\n", [("carol",)])
