"""s57 t14 F2: a newcomer's two short sessions 75 s apart showed 1.4 min spent: the time between quitting the
screen and opening it again counted as work. With the screens' sessions (`store.sessions`), `stats` counts only
the gaps inside the time a screen was open. The real console script on a real SQLite file; the sessions written
through the store function the screen uses, at fixed moments (no sleeping)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from processes import annotator
from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.store.sessions import close_session, open_session

TEXT = "Ann met Bob in Paris on Monday."


def at(clock: str) -> str:
    return f"2026-12-01T{clock}.000000Z"


def database(tmp_path: Path, ids: tuple[str, ...] = ("a1",)) -> Path:
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(id=i, text=TEXT, title=i), word_tokens(TEXT), []) for i in ids])
        store.save_cursor(ids[0], "bob", 0)
    with closing(sqlite3.connect(db)) as connection, connection:  # a row in `stats`' annotations, no event
        connection.execute("UPDATE annotations SET status = 'in_progress'")
    return db


def actions(db: Path, who: str, *moments: tuple[str, str]) -> None:
    """Screen actions (comments: no command wrote them) of `who` on (article, clock time)."""
    with closing(sqlite3.connect(db)) as connection, connection:
        for article, clock in moments:
            connection.execute(
                "INSERT INTO events (article_id, annotator, action, before, after, at) VALUES (?, ?, ?, ?, ?, ?)",
                [article, who, "comment", json.dumps({}), json.dumps({}), at(clock)],
            )


def minutes(db: Path, who: str) -> str:
    result = annotator("stats", "--db", db)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith(who)]
    return line.rsplit(None, 2)[-2]


def test_the_time_between_two_sessions_is_no_work(tmp_path: Path) -> None:
    db = database(tmp_path)
    with Store.open(db) as store:
        first = open_session(store, "a1", "bob", at=at("10:00:00"))
        assert first is not None and close_session(store, first, at=at("10:00:45"))
        second = open_session(store, "a1", "bob", at=at("10:02:00"))  # 75 s after quitting
        assert second is not None and close_session(store, second, at=at("10:02:40"))
    actions(db, "bob", ("a1", "10:00:30"), ("a1", "10:02:30"))
    # opening to the first action, in each: 30 s + 30 s (without sessions: 10:00:30 to 10:02:30, 2.0 min)
    assert minutes(db, "bob") == "1.0"


def test_going_on_to_the_next_article_is_work_on_the_screen(tmp_path: Path) -> None:
    db = database(tmp_path, ("a1", "a2"))
    with Store.open(db) as store:
        first = open_session(store, "a1", "bob", at=at("10:00:00"))
        second = open_session(store, "a2", "bob", leaving=first, at=at("10:01:00"))  # n
        assert second is not None and close_session(store, second, at=at("10:05:00"))
    actions(db, "bob", ("a1", "10:00:30"), ("a2", "10:01:30"))
    assert minutes(db, "bob") == "1.5"  # 30 s + 30 s + 30 s


def test_a_session_without_an_end_ends_at_its_last_action(tmp_path: Path) -> None:
    """The screen crashed (or was killed) at 10:01:something: no leaving was written. Its session lasts to its
    last action, not until the screen opens again an hour later (nor forever)."""
    db = database(tmp_path)
    with Store.open(db) as store:
        open_session(store, "a1", "bob", at=at("10:00:00"))
        again = open_session(store, "a1", "bob", at=at("11:00:00"))
        assert again is not None and close_session(store, again, at=at("11:00:50"))
    actions(db, "bob", ("a1", "10:00:30"), ("a1", "10:01:00"), ("a1", "11:00:20"))
    assert minutes(db, "bob") == "1.3"  # 30 + 30 + 20 s; the gap of the crash (capped at 5 min) not


def test_a_database_without_sessions_keeps_the_rule_without_them(tmp_path: Path) -> None:
    db = database(tmp_path)
    actions(db, "bob", ("a1", "10:00:30"), ("a1", "10:02:30"))
    assert minutes(db, "bob") == "2.0"


def test_a_reviewers_time_counts_inside_their_review_sessions(tmp_path: Path) -> None:
    db = database(tmp_path)
    with Store.open(db) as store:
        for opened, closed in (("10:00:00", "10:00:40"), ("10:03:00", "10:03:40")):
            session = open_session(store, "a1", "gold", "carol", at=at(opened))
            assert session is not None and close_session(store, session, at=at(closed))
    with closing(sqlite3.connect(db)) as connection, connection:
        for clock in ("10:00:20", "10:03:30"):
            after = {"spans": [], "source": "alice", "reviewer": "carol", "region": ["entity", 0, 3]}
            connection.execute(
                "INSERT INTO events (article_id, annotator, action, before, after, at) VALUES (?, ?, ?, ?, ?, ?)",
                ["a1", "gold", "adjudicate", json.dumps({"spans": []}), json.dumps(after), at(clock)],
            )
    result = annotator("stats", "--db", db)
    assert result.returncode == 0, result.stderr
    [carol] = [line for line in result.stdout.splitlines() if line.startswith("carol")]
    assert carol.split() == ["carol", "0.8", "min"]  # 20 s + 30 s (without sessions: 3.2 min)


def test_a_session_row_another_program_wrote_wrong_is_refused_in_one_line_and_check_names_it(tmp_path: Path) -> None:
    db = database(tmp_path)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute(
            "INSERT INTO sessions (article_id, annotator, opened_at, closed_at) VALUES ('a1', 'bob', 'yesterday', 5)"
        )
    where = "table 'sessions', column 'opened_at', rowid 1: 'yesterday' is not a moment annotator writes"
    result = annotator("stats", "--db", db)
    assert result.returncode == 1 and where in result.stderr and len(result.stderr.splitlines()) == 1
    checked = annotator("check", "--db", db)
    assert checked.returncode != 0 and where in checked.stdout + checked.stderr
