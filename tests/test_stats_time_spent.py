"""`stats` "time spent" counts the screens' actions only: `annotator accept` names itself in the events it writes,
so runs of it add no time. The real console script on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from processes import annotator
from support import word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store

TEXT = "Ann met Bob in Paris on Monday."


def test_accept_commands_add_no_time_spent(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    suggestions = [
        Suggestion(start=0, end=3, label="ACTOR", text="Ann", suggester="entities.v1"),
        Suggestion(start=8, end=11, label="ACTOR", text="Bob", suggester="entities.v1"),
    ]
    with Store.open(db) as store:
        [[article], _] = store.add_articles(
            [(ArticleIn(id="a1", text=TEXT, title="T"), word_tokens(TEXT), suggestions)]
        )
    two_minutes_ago = (datetime.now(UTC) - timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with closing(sqlite3.connect(db)) as connection, connection:  # bob's last key on a screen, two minutes ago
        connection.execute(
            "INSERT INTO events (article_id, annotator, action, before, after, at) VALUES (?, ?, ?, ?, ?, ?)",
            [article, "bob", "comment", json.dumps({}), json.dumps({}), two_minutes_ago],
        )
    accepted = annotator("accept", article, "--annotator", "bob", "--db", db)
    assert accepted.returncode == 0, accepted.stderr
    with Store.open(db, read_only=True) as store:
        assert [e.after.get("command") for e in store.events(article, "bob")] == [None, "accept"]
    result = annotator("stats", "--db", db)
    assert result.returncode == 0, result.stderr
    [bob] = [line for line in result.stdout.splitlines() if line.startswith("bob")]
    assert bob.endswith(" 0.0 min"), result.stdout


def test_a_screen_redo_of_an_accept_command_is_the_screens_and_the_file_checks(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    suggestion = Suggestion(start=0, end=3, label="ACTOR", text="Ann", suggester="entities.v1")
    with Store.open(db) as store:
        [[article], _] = store.add_articles(
            [(ArticleIn(id="a1", text=TEXT, title="T"), word_tokens(TEXT), [suggestion])]
        )
    assert annotator("accept", article, "--annotator", "bob", "--db", db).returncode == 0
    with Store.open(db) as store:  # what u and ctrl+r on the screen do
        store.undo(article, "bob")
        store.redo(article, "bob")
        assert [(e.action, e.after.get("command")) for e in store.events(article, "bob")] == [
            ("accept_all", "accept"),
            ("undo", None),
            ("redo", None),
        ]
        assert len(store.spans(article, "bob")) == 1
    assert annotator("check", "--db", db).returncode == 0


def test_adjudicate_auto_marks_its_events_gold_marked_done_included(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        [[article], _] = store.add_articles([(ArticleIn(id="a1", text=TEXT, title="T"), word_tokens(TEXT), [])])
        for who in ("alice", "bob"):
            store.add_span(article, who, 0, 3, "ACTOR")
            store.set_status(article, who, "done")
    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert result.returncode == 0, result.stderr
    with Store.open(db, read_only=True) as store:
        events = store.events(article, "gold")
    assert [(e.action, e.after.get("command")) for e in events] == [
        ("adjudicate", "adjudicate --auto"),
        ("status", "adjudicate --auto"),
    ]


def test_a_reviewers_time_is_shown_as_theirs(tmp_path: Path) -> None:
    """A newcomer's trial (s57 t14 F2): carol's reviews showed only as gold's time spent, never as hers. Gold's
    events on the review screen name their reviewer: `stats` lists each reviewer's time from them."""
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        [[article], _] = store.add_articles([(ArticleIn(id="a1", text=TEXT, title="T"), word_tokens(TEXT), [])])
    at = [(datetime.now(UTC) - timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%S.%fZ") for s in (300, 210, 120, 60)]
    rows = [("carol", at[0]), ("carol", at[1]), ("dan", at[2]), ("dan", at[3])]  # gaps: carol 90 s, dan 60 s
    with closing(sqlite3.connect(db)) as connection, connection:
        for reviewer, when in rows:
            after = {"spans": [], "source": "alice", "reviewer": reviewer, "region": ["entity", 0, 3]}
            connection.execute(
                "INSERT INTO events (article_id, annotator, action, before, after, at) VALUES (?, ?, ?, ?, ?, ?)",
                [article, "gold", "adjudicate", json.dumps({"spans": []}), json.dumps(after), when],
            )
    result = annotator("stats", "--db", db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("reviewer   time spent")
    expected = ["reviews", "reviewer   time spent", "─" * 21, "carol         1.5 min", "dan           1.0 min"]
    assert lines[start - 1 : start + 4] == expected, result.stdout
