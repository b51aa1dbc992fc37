"""`merge` carries the screens' sessions (`store.sessions`) of the work it brings: bob's pack, merged back without
them, showed 6.2 min spent where the pack itself showed 2.5 (the time between two short sittings in the pack counted
as work again). The real console script on real files; the sittings written through the store functions the screens
use, at fixed moments, and the edits through the store with their moments set (no sleeping)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store
from annotator.store.sessions import close_session, open_session

TEXTS = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
]
ROWS = "SELECT article_id, annotator, reviewer, opened_at, closed_at FROM sessions ORDER BY opened_at"


def at(clock: str) -> str:
    return f"2026-12-01T{clock}.000000Z"


def run(folder: Path, *args: str) -> list[str]:
    """The command's standard output lines; it must succeed."""
    result = annotator(*args, cwd=folder)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def team_and_pack(folder: Path) -> None:
    """team.db: both articles assigned to bob; his pack bob.db."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--no-suggest", "--db", "team.db")
    run(folder, "assign", "--annotators", "bob", "--db", "team.db")
    run(folder, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")


def edit(db: Path, clock: str, article: str, change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A screen's edit of bob's (a span on the first words, or a status), written by the store at `clock`."""
    monkeypatch.setattr("annotator.store.changes.utc_now", lambda: at(clock))
    with Store.open(db) as store:
        if change == "span":
            store.add_span(article, "bob", 0, 9, "ACTOR")
        else:
            store.set_status(article, "bob", change)


def two_sittings(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bob, in his pack: 10:00 to 10:03 on both articles (n at 10:01), then 10:20 to 10:21 on the first again."""
    with Store.open(db) as store:
        first = open_session(store, "first", "bob", at=at("10:00:00"))
    edit(db, "10:00:30", "first", "span", monkeypatch)
    with Store.open(db) as store:
        second = open_session(store, "second", "bob", leaving=first, at=at("10:01:00"))
        assert second is not None
    edit(db, "10:01:40", "second", "span", monkeypatch)
    with Store.open(db) as store:
        assert close_session(store, second, at=at("10:03:00"))
        again = open_session(store, "first", "bob", at=at("10:20:00"))
        assert again is not None
    edit(db, "10:20:50", "first", "done", monkeypatch)
    with Store.open(db) as store:
        assert close_session(store, again, at=at("10:21:00"))


def minutes(folder: Path, db: str, who: str = "bob") -> str:
    """`who`'s time spent, as the table of annotations says it."""
    [line] = [line for line in run(folder, "stats", "--db", db) if line.startswith(who) and line.endswith(" min")]
    return line.rsplit(None, 2)[-2]


def sessions(db: Path) -> list[tuple[str, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(ROWS).fetchall()


def test_time_spent_in_a_pack_merged_back_is_the_packs_and_merging_again_adds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team_and_pack(tmp_path)
    two_sittings(tmp_path / "bob.db", monkeypatch)
    # inside the sittings: 30 + 30 + 40 s, then 50 s (without them: 70 s + the 18 min between, capped at 5: 6.2 min)
    assert minutes(tmp_path, "bob.db") == "2.5"
    run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert minutes(tmp_path, "team.db") == "2.5"
    expected = [
        ("first", "bob", None, at("10:00:00"), at("10:01:00")),
        ("second", "bob", None, at("10:01:00"), at("10:03:00")),
        ("first", "bob", None, at("10:20:00"), at("10:21:00")),
    ]
    assert sessions(tmp_path / "team.db") == sessions(tmp_path / "bob.db") == expected
    run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert minutes(tmp_path, "team.db") == "2.5"
    assert sessions(tmp_path / "team.db") == expected
    assert run(tmp_path, "check", "--db", "team.db")[0].startswith("team.db: ok")


def test_a_sitting_open_at_the_first_merge_takes_its_end_at_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bob's screen was open on the pack when it was merged, and quit since: the row here takes its end."""
    team_and_pack(tmp_path)
    pack = tmp_path / "bob.db"
    with Store.open(pack) as store:
        sitting = open_session(store, "first", "bob", at=at("10:00:00"))
        assert sitting is not None
    edit(pack, "10:00:30", "first", "span", monkeypatch)
    run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert sessions(tmp_path / "team.db") == [("first", "bob", None, at("10:00:00"), None)]
    edit(pack, "10:01:30", "first", "done", monkeypatch)
    with Store.open(pack) as store:
        assert close_session(store, sitting, at=at("10:02:00"))
    run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert sessions(tmp_path / "team.db") == sessions(pack) == [("first", "bob", None, at("10:00:00"), at("10:02:00"))]
    assert minutes(tmp_path, "team.db") == minutes(tmp_path, "bob.db") == "1.5"


def test_the_sittings_of_work_a_conflict_left_out_stay_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bob also worked on 'One' here: the pack's work on it is a conflict, left out, and so are its sittings; an
    opening without the actions it timed would count the minute to the next one as work here."""
    team_and_pack(tmp_path)
    edit(tmp_path / "team.db", "09:00:00", "first", "span", monkeypatch)
    two_sittings(tmp_path / "bob.db", monkeypatch)
    merged = annotator("merge", "bob.db", "--db", "team.db", cwd=tmp_path)
    assert merged.returncode == 1 and "1 conflict(s)" in merged.stdout, merged.stderr
    assert sessions(tmp_path / "team.db") == [("second", "bob", None, at("10:01:00"), at("10:03:00"))]
    assert minutes(tmp_path, "team.db") == "0.7"  # 10:01:00 to the edit at 10:01:40; the 09:00 edit in none


def test_a_file_without_sessions_brings_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pack as an older release keeps it (schema 5: no table of sessions): its work comes, and the rule without
    sessions counts its time."""
    team_and_pack(tmp_path)
    two_sittings(tmp_path / "bob.db", monkeypatch)
    with closing(sqlite3.connect(tmp_path / "bob.db")) as connection, connection:
        connection.execute("DROP TABLE sessions")
        connection.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_sessions'")
        connection.execute("PRAGMA user_version = 5")
    said = run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert said[0].startswith("0 article(s), 2 annotation(s) and 3 event(s) added")
    assert sessions(tmp_path / "team.db") == []
    assert minutes(tmp_path, "team.db") == "6.2"


def test_a_pack_takes_its_annotators_sittings_of_its_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bob's sitting on 'One' before the pack goes into it (its time there is as here), alice's does not; merged
    back, it is not doubled."""
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(tmp_path, "ingest", "a.jsonl", "--no-suggest", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "bob", "--db", "team.db")
    team = tmp_path / "team.db"
    with Store.open(team) as store:
        bobs = open_session(store, "first", "bob", at=at("09:00:00"))
        alices = open_session(store, "first", "alice", at=at("09:00:10"))
        assert bobs is not None and alices is not None
    edit(team, "09:00:30", "first", "span", monkeypatch)
    with Store.open(team) as store:
        assert close_session(store, bobs, at=at("09:01:00")) and close_session(store, alices, at=at("09:02:00"))
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    bob = ("first", "bob", None, at("09:00:00"), at("09:01:00"))
    assert sessions(tmp_path / "bob.db") == [bob]
    assert minutes(tmp_path, "bob.db") == minutes(tmp_path, "team.db") == "0.5"
    run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert sessions(team) == [bob, ("first", "alice", None, at("09:00:10"), at("09:02:00"))]
