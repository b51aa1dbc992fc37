"""ctrl+r with nothing to redo said "Nothing to redo on this article" and no more, whatever the reason: nothing was
undone there, a change after the undo ended the redo (made here, in another window, or by a command), every undo
was redone (here, or in another window), or the undo waiting is another window's. Now the same line says which,
read from the event log (whose each event is: `screen_events`), in words that fit 80 columns. Pilot on the real
app and real SQLite files; two apps at once on one file where two windows are involved; the real console script
for a command's change."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import washington_article


def status(app) -> str:
    return app.screen.status_line.text.plain


def actions(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [event.action for event in store.events("n", WHO)]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_nothing_undone_here(tmp_path: Path, size: tuple[int, int]) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("enter", "ctrl+r")  # accepts Washington; nothing undone
        said = status(app)
    assert said == "Nothing to redo on this article: nothing on it was undone"
    assert len(said) <= 80


async def test_a_change_here_after_the_undo(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "u", "x", "ctrl+r")  # accepts Washington, undoes it, rejects it
        said = status(app)
    assert said == "Nothing to redo on this article: the change after your undo ended it"
    assert actions(db) == ["accept", "undo", "reject"]


async def test_a_change_in_another_window_after_the_undo(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    here, there = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with here.run_test(size=(80, 24)) as pilot, there.run_test(size=(80, 24)) as other:
        await pilot.pause()
        await other.pause()
        await pilot.press("enter", "u")  # accepts Washington, undoes it
        await other.press("tab")  # the other window shows it as stored
        await other.press("x")  # and rejects Washington
        await other.pause()
        await pilot.press("ctrl+r")
        said = status(here)
    assert said == "Nothing to redo on this article: a change made in another window ended it"
    assert actions(db) == ["accept", "undo", "reject"]


async def test_a_change_by_a_command_after_the_undo(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "u")  # accepts Washington, undoes it
        accepted = annotator("accept", "n", "--db", str(db), "--annotator", WHO)
        assert accepted.returncode == 0, accepted.stderr
        await pilot.press("tab")  # shown as stored
        await pilot.press("ctrl+r")
        said = status(app)
    assert said == "Nothing to redo on this article: a change made by `annotator accept` ended it"
    assert len(said) <= 80
    assert actions(db) == ["accept", "undo", "accept_all"]


async def test_every_undo_redone_here(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "u", "ctrl+r", "ctrl+r")
        said = status(app)
    assert said == "Nothing to redo on this article: every undo on it is redone already"
    assert actions(db) == ["accept", "undo", "redo"]


async def test_the_undo_redone_in_another_window(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    here = make_app(db, WHO, keymap_path=False)
    async with here.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "u")  # accepts Washington, undoes it
        there = make_app(db, WHO, keymap_path=False)  # opened after the undo: it may redo it
        async with there.run_test(size=(80, 24)) as other:
            await other.pause()
            await other.press("ctrl+r")
            await other.pause()
            redone = status(there)
            await pilot.press("tab")  # shown as stored
            await pilot.press("ctrl+r")
            said = status(here)
    assert redone == "redid accept of ACTOR 'Washington' at 0:10, undone before this window opened"
    assert said == "Nothing to redo on this article: the last undo was redone in another window"
    assert actions(db) == ["accept", "undo", "redo"]


async def test_the_undo_waiting_elsewhere_is_another_windows(tui_db: Path) -> None:
    """The seed and the hostile article (`conftest`): one window undoes on the seed; ctrl+r on the hostile one in
    the other window named the seed as where its undo was, though ctrl+r there refuses another window's undo."""
    here, there = make_app(tui_db, WHO, keymap_path=False), make_app(tui_db, WHO, keymap_path=False)
    async with here.run_test(size=(80, 24)) as pilot, there.run_test(size=(80, 24)) as other:
        await pilot.pause()
        await other.pause()
        await pilot.press("n")  # the hostile article
        await pilot.pause()
        await other.press("enter", "u")  # the other window accepts Israel on the seed and undoes it
        await other.pause()
        assert here.screen.article_id == "hostile"
        await pilot.press("ctrl+r")
        said = status(here)
    assert said == "Nothing to redo in this window: the last undo was made in another window"
