"""Trial 26: the same database open in two windows (two Stores, as two processes have: one connection each). An
undo in window B of an accept made in A was not shown in A when A next acted or came back into focus: A went on
showing the span, and its moves read the old state. Now, before a key that reads the screen (a move, a view, done)
and when the window gets the focus back, A shows the article as stored and says why; such a key is then not
applied (it was aimed at what the screen showed), while an editing key still acts after the reload when it means
the same thing, or says why not (`reloading.retried`). Nothing acknowledged is lost: B's undo stands. Pilot on a
real database, a second real Store beside it."""

from __future__ import annotations

from pathlib import Path

from textual import events

from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, washington_article

SHOWN_ANEW = "Shown as stored now: the annotation was changed in another window since it was shown here"


def status(app) -> str:
    return app.screen.status_line.text.plain


def shown(app) -> list[tuple[str, str]]:
    return sorted((item.kind, item.text) for item in app.screen.model.items.values())


def undo_in_the_other_window(db: Path) -> None:
    with Store.open(db) as window_b:
        window_b.undo("n", WHO)


async def test_a_move_after_an_undo_in_another_window_shows_the_article_as_stored_first(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # accept Washington, on to Gaza
        assert shown(app) == [("pending", "Gaza"), ("span", "Washington")]
        undo_in_the_other_window(db)
        await pilot.press("comma")
        assert shown(app) == [("pending", "Gaza"), ("pending", "Washington")]
        assert status(app) == f"{SHOWN_ANEW}; the key was not applied: press it again"
        assert app.screen.current == ("pending", 2)  # still Gaza
        await pilot.press("comma")
        assert app.screen.current == ("pending", 1)
        assert status(app) == "? ACT Washington  (enter accept, x reject, 1/2 label)"
    assert held_spans(db, WHO) == []


async def test_the_focus_coming_back_shows_the_article_as_stored(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        app.post_message(events.AppBlur())
        await pilot.pause()
        undo_in_the_other_window(db)
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert shown(app) == [("pending", "Gaza"), ("pending", "Washington")]
        assert status(app) == SHOWN_ANEW
        assert app.screen.header is not None and app.screen.header[2] == "article 1 of 1 · 2 pending"
    assert held_spans(db, WHO) == []


async def test_an_edit_on_the_span_another_window_took_back_is_not_done(tmp_path: Path) -> None:
    """x aimed at the span A showed: after B's undo it is a suggestion again, which x would reject; it is not."""
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "comma")  # accept Washington, back onto the span
        assert app.screen.current[0] == "span"
        undo_in_the_other_window(db)
        await pilot.press("x")
        assert status(app).startswith("Not done: ")
        assert shown(app) == [("pending", "Gaza"), ("pending", "Washington")]
    with Store.open(db) as store:
        assert [e.action for e in store.events("n", WHO)] == ["accept", "undo"]


async def test_a_window_left_alone_shows_the_other_windows_change_by_itself(tmp_path: Path) -> None:
    """No key and no focus change in A: its next tick (every CURSOR_SAVE_SECONDS) shows B's undo, and the title
    bar's pending count with it (before, A said "1 pending" until someone touched it)."""
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert app.screen.header is not None and app.screen.header[2] == "article 1 of 1 · 1 pending"
        undo_in_the_other_window(db)
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)
        assert shown(app) == [("pending", "Gaza"), ("pending", "Washington")]
        assert status(app) == SHOWN_ANEW
        assert app.screen.header[2] == "article 1 of 1 · 2 pending"
    assert held_spans(db, WHO) == []
