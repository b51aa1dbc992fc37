"""A newcomer's trial: on the article list, `/ p o r t enter enter` sent at once (tmux send-keys in one call) lost
the second enter: the first closed the title search, the second reached the search box too (it still had the
focus), where it did nothing, so the article under the cursor was not opened, as it is when typed slowly. The
keys read after the enter that closes the search wait until the list has the focus (`KeysAheadApp`), as after
a typed line's screen. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from textual import events

from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.screens.annotate import AnnotateScreen
from tests.tui.test_article_list import TITLES, make_db

CHARACTERS = {"slash": "/", "enter": "\r", "escape": "\x1b"}


def burst(app: AnnotatorApp, keys: list[str]) -> None:
    """Every key waiting for the app at once, as a paste or tmux send-keys in one call delivers them."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))


async def test_enter_typed_at_once_after_the_search_opens_the_match(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await pilot.press("slash", *"rain", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == ids[TITLES.index("Rain again")]


async def test_keys_waiting_all_at_once_after_the_search_act_on_the_list(tmp_path: Path) -> None:
    """The keys all waiting for the app before the first is handled, as a paste's arrive: 'down' after the
    search's enter moves the list's cursor, and enter opens that row."""
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        burst(app, ["slash", *"storm", "enter", "down", "enter"])
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == ids[TITLES.index("Storm warning lifted")]


async def test_two_enters_waiting_at_once_after_the_search_open_the_match(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        burst(app, ["slash", *"rain", "enter", "enter"])
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == ids[TITLES.index("Rain again")]


async def opened_after(path: Path, keys: list[str], at_once: bool) -> str | None:
    """The article `keys` open from the list, typed at once (all waiting for the app) or slowly."""
    app = make_app(path, "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        if at_once:
            burst(app, keys)
        else:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        return app.screen.article_id if isinstance(app.screen, AnnotateScreen) else None


async def test_keys_waiting_after_the_searchs_escape_act_as_typed_slowly(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    keys = ["slash", *"rain", "escape", "down", "enter"]  # escape clears the search: every title again
    slowly = await opened_after(tmp_path / "a.db", keys, at_once=False)
    assert slowly is not None
    assert await opened_after(tmp_path / "a.db", keys, at_once=True) == slowly
