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


def test_a_pack_with_the_team_merged_in_asks_whose_it_is_rather_than_opening_as_the_login(tmp_path: Path) -> None:
    """A newcomer's finding: carol's pack, with the team's database merged into it (to bring her colleagues' work
    along), has several assignees and opened as the login. Nothing in the file says which of them it was packed
    for (`annotator pack` leaves no mark), so a login with neither work nor an assignment in the file is asked for
    --annotator, the names there listed: one line, exit status 2, nothing written."""
    small_database(tmp_path / "team.db")
    assert (
        annotator("assign", "--annotators", "alice,carol", "--overlap", "2", "--db", "team.db", cwd=tmp_path).returncode
        == 0
    )
    assert annotator("pack", "--annotator", "carol", "-o", "carol.db", "--db", "team.db", cwd=tmp_path).returncode == 0
    assert annotator("merge", "team.db", "--db", "carol.db", cwd=tmp_path).returncode == 0
    pack = tmp_path / "carol.db"
    before = rows_of(pack)
    result = annotator("annotate", "--db", pack, cwd=tmp_path, timeout=60, terminal=True,
                       env={"LOGNAME": "root", "USER": "root"})  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"annotator: error: {pack} assigns articles to alice, carol, and your login name 'root' has neither work "
        "nor an assignment in it: give --annotator NAME (one of them, or your own to work on unassigned articles)\n",
    )
    assert rows_of(pack) == before


def test_a_login_with_work_in_the_file_is_not_asked(tmp_path: Path) -> None:
    """The team's own database: alice, who has worked in it, opens it as herself, as before (the screen is closed
    with ctrl+q once it has drawn)."""
    small_database(tmp_path / "team.db")  # alice's finished work
    assert (
        annotator("assign", "--annotators", "bob,carol", "--overlap", "2", "--db", "team.db", cwd=tmp_path).returncode
        == 0
    )
    result = annotator("annotate", "--db", "team.db", cwd=tmp_path, timeout=20, terminal=True,
                       env={"LOGNAME": "alice", "USER": "alice", "TERM": "xterm-256color"})  # fmt: skip
    assert (result.returncode, "annotator: error" in result.stderr, "alice" in result.stderr) == (0, False, True)


def rows_of(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return [row for table in ("annotations", "events") for row in connection.execute(f"SELECT * FROM {table}")]
