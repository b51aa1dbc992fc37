"""A screen opened as a name before `annotator rename-annotator` moved that name's work to another, in another
process, kept writing under the old name (t8 R9, R2): the old name was back with work beside the new one, the
person compared with themself, and after `rename-annotator Ana ana` the look-alike pair the tool forbids, which
`check` named and `merge` refused. The Store now refuses work under a name renamed away (`store.aliases`), and the
screen says so on its status line; `u` there still takes the rename back. Pilot on the real app, the real console
script in a subprocess, one real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from tests.test_renamed_away_writes import renamed_after
from tests.tui.conftest import WHO
from tests.tui.fixtures import washington_article


def with_work(tmp_path: Path) -> Path:
    """The Washington article, LOCATION 'Gaza' accepted by alice; ACTOR 'Washington' pending."""
    db = washington_article(tmp_path / "n.db")
    with Store.open(db) as store:
        store.add_span("n", WHO, 23, 27, "LOCATION")
    return db


def spans(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute("SELECT annotator, label, text FROM spans ORDER BY annotator, start"))


async def test_a_key_under_a_name_renamed_since_the_screen_opened_is_refused(tmp_path: Path) -> None:
    db = with_work(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        renamed = annotator("rename-annotator", WHO, "ana", "--db", str(db))
        assert renamed.stdout == f"moved 1 article(s) of alice to ana -> {db}\n", renamed.stderr
        await pilot.press("enter")
        await pilot.pause()
        said = app.messages[-1][1]
    assert said == (
        "Not done: 'alice' was renamed 'ana' (annotator rename-annotator): work as 'ana' (--annotator ana); nothing "
        "was written"
    )
    assert spans(db) == [("ana", "LOCATION", "Gaza")]


async def test_u_under_the_old_name_still_takes_the_rename_back(tmp_path: Path) -> None:
    db = with_work(tmp_path)
    assert annotator("rename-annotator", WHO, "ana", "--db", str(db)).returncode == 0
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        said = app.messages[-1][1]
    assert said == (
        "undid merge of LOCATION 'Gaza' at 23:27, a change made before this window opened; the rename of 'alice' to "
        "'ana' with it: the work is under 'alice' again"
    )
    assert spans(db) == [("alice", "LOCATION", "Gaza")]


async def test_the_screen_says_the_rename_when_it_shows_the_article_as_stored(tmp_path: Path) -> None:
    """It showed the old name's emptied to-do with "changed by `annotator rename-annotator`" and the items no longer
    marked, as if the work were gone (s54's left list)."""
    db = with_work(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert annotator("rename-annotator", WHO, "ana", "--db", str(db)).returncode == 0
        assert app.screen.catch_up() is True
        said = app.messages[-1][1]
    assert said == (
        "Shown as stored now: 'alice' was renamed 'ana' by `annotator rename-annotator`, with this work: to go on "
        "with it, q, then open as 'ana' (--annotator ana); u takes the rename back"
    )


async def test_a_screen_opened_under_the_old_name_says_whose_the_work_is(tmp_path: Path) -> None:
    db = with_work(tmp_path)
    assert annotator("rename-annotator", WHO, "ana", "--db", str(db)).returncode == 0
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = app.messages[-1][1]
    assert said == (
        "'alice' was renamed 'ana' by `annotator rename-annotator`, with this work: to go on with it, q, then open "
        "as 'ana' (--annotator ana); u takes the rename back"
    )


def test_where_the_rename_was_undone_on_another_article_only_the_articles_it_stands_on_say_it(tmp_path: Path) -> None:
    first, second = renamed_after(tmp_path, begun=2)
    with Store.open(tmp_path / "r.db") as store:
        store.undo(first, "bea")
        said = store.moved_away(first, "Ana"), store.moved_away(second, "Ana")
    assert said == (
        None,
        "'Ana' was renamed 'bea' on this article by `annotator rename-annotator`, with this work: to go on with it, "
        "q, then open as 'bea' (--annotator bea); u takes the rename back",
    )


def test_a_rename_redone_in_another_window_is_said_to_be_that_windows(tmp_path: Path) -> None:
    """A redo's event holds the rename's data it put back: the other screen said the change was made by `annotator
    rename-annotator`, which had not run since (s54's left list)."""
    first, _ = renamed_after(tmp_path, begun=1)
    with Store.open(tmp_path / "r.db").as_screen() as screen, Store.open(tmp_path / "r.db").as_screen() as other:
        screen.view(first, "bea")
        other.undo(first, "Ana")
        other.redo(first, "Ana")
        said = screen.changed_elsewhere(first, "bea")
    assert said == "the annotation was changed in another window"
