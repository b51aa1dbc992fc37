"""Two screens open as the same annotator on the same article (two `annotator open` processes: two apps, each with
its own Store on one real SQLite file). Undo goes per article, so `a` accepted on screen A and `u` on screen B took
A's accept back, silently: B said only "undid accept of ...". Now `u` (and ctrl+r) on a screen takes back only its
own changes and those made before it opened; the last change made in another window since writes nothing and one
line says so. Pilot on the real app, both apps at once."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, washington_article


def status(app) -> str:
    return app.screen.status_line.text.plain


def actions(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [event.action for event in store.events("n", WHO)]


async def test_u_on_one_screen_leaves_the_accept_made_on_another(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    screen_a, screen_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with screen_a.run_test(size=(80, 24)) as pilot_a, screen_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_a.press("enter")  # A accepts Washington
        await pilot_b.press("u")
        said = status(screen_b)
    assert said == (
        "Not undone: the last change here, accept of ACTOR 'Washington' at 0:10, was made in another window since "
        "this one opened: u takes back only its own; shown as stored now"
    )
    assert held_spans(db, WHO) == [("ACTOR", "Washington")]
    assert actions(db) == ["accept"]


async def test_u_takes_back_this_screens_own_accept_made_after_the_other_ones(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    screen_a, screen_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with screen_a.run_test(size=(80, 24)) as pilot_a, screen_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_a.press("enter")  # A accepts Washington
        await pilot_b.press("tab", "tab")  # B shows the article as stored, and goes on to Gaza
        await pilot_b.press("enter", "u")  # B accepts Gaza, and takes it back
        said = status(screen_b)
    assert said == "undid accept of LOCATION 'Gaza' at 23:27"
    assert held_spans(db, WHO) == [("ACTOR", "Washington")]
    assert actions(db) == ["accept", "accept", "undo"]


async def test_redo_of_another_screens_undo_is_not_done(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    screen_a, screen_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with screen_a.run_test(size=(80, 24)) as pilot_a, screen_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_a.press("enter", "u")  # A accepts Washington, and takes it back
        await pilot_b.press("ctrl+r")
        said = status(screen_b)
    assert said == (
        "Not redone: the last undo here, of accept of ACTOR 'Washington' at 0:10, was made in another window since "
        "this one opened: ctrl+r redoes only its own; shown as stored now"
    )
    assert held_spans(db, WHO) == []
    assert actions(db) == ["accept", "undo"]


async def test_undo_after_a_reload_takes_back_this_screens_own_accept(tmp_path: Path) -> None:
    """B's accept, then A's accept taken back in A: B, reloaded by its u, undoes its own accept, and redoes it."""
    db = washington_article(tmp_path / "n.db")
    screen_a, screen_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with screen_a.run_test(size=(80, 24)) as pilot_a, screen_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_b.press("enter")  # B accepts Washington
        await pilot_a.press("tab", "tab", "enter", "u")  # A, as stored, accepts Gaza and takes it back
        await pilot_b.press("u")
        undone = status(screen_b)
        await pilot_b.press("ctrl+r")
        redone = status(screen_b)
    assert undone == (
        "undid accept of ACTOR 'Washington' at 0:10 (after reloading: the annotation was changed in another window)"
    )
    assert redone == "redid accept of ACTOR 'Washington' at 0:10"
    assert held_spans(db, WHO) == [("ACTOR", "Washington")]
    assert actions(db) == ["accept", "accept", "undo", "undo", "redo"]


async def test_undo_after_opening_again_says_the_change_was_made_before(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    async with make_app(db, WHO, keymap_path=False).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
    again = make_app(db, WHO, keymap_path=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        said = status(again)
    assert said == "undid accept of ACTOR 'Washington' at 0:10, a change made before this window opened"
    assert held_spans(db, WHO) == []
