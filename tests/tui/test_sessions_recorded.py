"""s57 t14 F2: `stats`' time spent counted the time between quitting the screen and opening it again as work:
quitting wrote nothing. The screen now records when it opens and leaves an article, as rows of their own
(`store.sessions`), never events: undo and redo do not see them. Pilot on a real SQLite file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from annotator.vocabulary import GOLD
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, washington_article
from tests.tui.test_review_panel_hints import WHO as PAIR
from tests.tui.test_review_panel_hints import eleven_disagreements
from tests.tui.two_reviewers import two_reviewers


def sessions(db: Path) -> list[tuple[str, str, str | None, str, str | None]]:
    with closing(sqlite3.connect(db)) as connection:
        sql = "SELECT article_id, annotator, reviewer, opened_at, closed_at FROM sessions ORDER BY id"
        return connection.execute(sql).fetchall()


async def test_two_runs_of_the_screen_are_two_sessions_and_undo_does_not_see_them(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # accept Washington
        await pilot.press("q")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")  # takes back the accept of the run before: no session is in the way
        await pilot.press("q")
    assert held_spans(db, WHO) == []
    first, second = sessions(db)
    assert first[:3] == second[:3] == ("n", WHO, None)
    assert first[3] <= first[4] <= second[3] <= second[4]  # type: ignore[operator]
    with Store.open(db, read_only=True) as store:
        assert [e.action for e in store.events("n", WHO)] == ["accept", "undo"]
    assert annotator("check", "--db", db).returncode == 0


async def test_the_next_article_opens_where_the_last_one_is_left(tui_db: Path) -> None:
    app = make_app(tui_db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        first = app.screen.article_id
        await pilot.press("n")
        second = app.screen.article_id
        await pilot.press("q")
    one, two = sessions(tui_db)
    assert (one[0], two[0]) == (first, second) != (first, first)
    assert one[4] == two[3]  # left and opened at the same moment: going on is work on the screen
    assert two[4] is not None


async def test_a_read_only_file_is_shown_and_keeps_no_session(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    before = db.read_bytes()
    app = AnnotatorApp(Store.open(db, read_only=True).as_screen(), WHO)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.article_id == "n"
        await pilot.press("q")
    assert app.crash() is None
    assert sessions(db) == []
    assert db.read_bytes() == before


async def test_a_screen_that_ends_without_quitting_leaves_its_session_open(tmp_path: Path) -> None:
    """A crash or a kill: no leaving is written, and `time_spent` ends the session at its last action."""
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.sitting.leaves = lambda: None  # type: ignore[method-assign]  # as if the process were killed here
        await pilot.press("enter")
    [(article, who, reviewer, _, closed)] = sessions(db)
    assert (article, who, reviewer, closed) == ("n", WHO, None, None)


async def test_the_review_screen_s_sessions_are_gold_s_and_name_their_reviewer(tmp_path: Path) -> None:
    db = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(db, PAIR, ticking=False) as ((_, one), (_, two)):
        await one.press("b")
        await one.press("q")
        await two.press("q")
    rows = sessions(db)
    assert [(article, who, reviewer) for article, who, reviewer, _, _ in rows] == [
        (rows[0][0], GOLD, "lead"),
        (rows[0][0], GOLD, "lead2"),
    ]
    assert all(closed is not None for *_, closed in rows)
