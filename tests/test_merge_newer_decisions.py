"""A merge takes what is newer, whichever side it is on. Two trials of stop 30: after `assign` took a2 from bob
(an `unassign` event here), merging bob's older pack gave it back to him ("1 assignment(s) added", a2 assigned to
bob and dave); and bob's second flag of an article with a new reason merged as "1 unchanged", the reason and its
event left behind (the work compared left the reason out). The real console script, real files."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store
from annotator.vocabulary import parse_timestamp

ARTICLES = (
    '{"id": "a1", "title": "One", "text": "John Smith said we will win in Paris on Monday."}\n'
    '{"id": "a2", "title": "Two", "text": "Maria Costa told reporters in Berlin that 12 people were hurt."}\n'
    '{"id": "a3", "title": "Three", "text": "The mayor of Rome, Paolo Rossi, said no comment to the press."}\n'
)


def run(*args: str | Path) -> str:
    result = annotator(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def team_of(db: Path) -> dict[str, list[str]]:
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT article_id, annotator FROM assignments ORDER BY article_id, annotator")
        found: dict[str, list[str]] = {}
        for article, who in rows:
            found.setdefault(article, []).append(who)
        return found


def ingested(tmp_path: Path, name: str) -> Path:
    (tmp_path / "arts.jsonl").write_text(ARTICLES, encoding="utf-8")
    db = tmp_path / name
    run("ingest", tmp_path / "arts.jsonl", "--no-suggest", "--db", db)
    return db


def test_an_old_pack_does_not_undo_a_newer_unassignment(tmp_path: Path) -> None:
    team = ingested(tmp_path, "team.db")
    run("assign", "--annotators", "bob,carol", "--db", team)
    bob_has = team_of(team)
    pack = tmp_path / "bob.db"
    run("pack", "--annotator", "bob", "-o", pack, "--db", team)
    run("assign", "--annotators", "carol,dave", "--db", team)  # bob leaves: his untouched articles go to others
    after_reassign = team_of(team)
    assert not any("bob" in names for names in after_reassign.values()), (bob_has, after_reassign)
    out = run("merge", pack, "--db", team)
    assert "assignment(s) added" not in out
    assert "1 assignment(s) of the other file left out: taken back here since" in out
    assert team_of(team) == after_reassign


@pytest.mark.parametrize("written", ["offset", "no moment"])
def test_an_old_pack_s_assignment_written_otherwise_is_compared_as_a_moment(tmp_path: Path, written: str) -> None:
    """An attacker's recheck: the pack's `assigned_at` written with another offset for the same moment (as another
    program may write it: "...T23:59:00+12:00" sorts after the unassign's "...T12:00:00Z" as text) or as no moment
    at all ("n/a") brought the taken-back assignment back. Stamps are compared as moments; a file holding one that
    names none is refused, nothing merged (trial 31: no moment annotator writes)."""
    team = ingested(tmp_path, "team.db")
    run("assign", "--annotators", "bob,carol", "--db", team)
    pack = tmp_path / "bob.db"
    run("pack", "--annotator", "bob", "-o", pack, "--db", team)
    run("assign", "--annotators", "carol,dave", "--db", team)
    after_reassign = team_of(team)
    with closing(sqlite3.connect(pack)) as connection, connection:
        for rowid, stamp in connection.execute("SELECT rowid, assigned_at FROM assignments").fetchall():
            moment = parse_timestamp(stamp).astimezone(timezone(timedelta(hours=12))).isoformat()
            new = moment if written == "offset" else "n/a"
            connection.execute("UPDATE assignments SET assigned_at = ? WHERE rowid = ?", [new, rowid])
    if written == "no moment":
        refused = annotator("merge", pack, "--db", team)
        assert refused.returncode == 1
        assert "column 'assigned_at', rowid 1: 'n/a' is not a moment annotator writes" in refused.stderr
    else:
        assert "assignment(s) added" not in run("merge", pack, "--db", team)
    assert team_of(team) == after_reassign


def test_an_assignment_made_there_after_ours_was_taken_back_comes(tmp_path: Path) -> None:
    team = ingested(tmp_path, "team.db")
    run("assign", "--annotators", "bob", "--db", team)
    other = tmp_path / "other.db"
    run("ingest", tmp_path / "arts.jsonl", "--no-suggest", "--db", other)
    run("assign", "--annotators", "carol", "--db", team)  # bob's taken back here ...
    run("assign", "--annotators", "bob", "--db", other)  # ... and given to him there later
    out = run("merge", other, "--db", team)
    assert "3 assignment(s) added" in out
    assert all("bob" in names for names in team_of(team).values())


def test_a_new_flag_reason_is_merged_with_its_event(tmp_path: Path) -> None:
    base = ingested(tmp_path, "base.db")
    run("assign", "--annotators", "bob", "--db", base)
    pack = tmp_path / "bob.db"
    run("pack", "--annotator", "bob", "-o", pack, "--db", base)
    with Store.open(pack) as store:
        store.set_status("a1", "bob", "flagged", "unsure")
    assert "1 annotation(s) and 1 event(s) added" in run("merge", pack, "--db", base)
    reason = "the quote is misattributed: see the correction"
    with Store.open(pack) as store:
        store.set_status("a1", "bob", "flagged", reason)
    out = run("merge", pack, "--db", base)
    assert "1 annotation(s) brought up to date" in out, out
    with Store.open(base) as store:
        assert store.flag_reason("a1", "bob") == reason
        ours = [e.action for e in store.events("a1", "bob") if e.action not in ("pack", "merged")]  # the team's records
    with Store.open(pack) as store:
        assert ours == [e.action for e in store.events("a1", "bob")]
