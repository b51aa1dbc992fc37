"""Trial s56 t12 F1: in the name prompt of `serve` (and `annotate --ask-annotator`) the list of names has the focus;
the letters of a name typed there went nowhere, and enter then opened the screen as the name highlighted: a new
annotator typing "dan" and enter worked as alice. Typing in the list now goes to the name box. Pilot on a real
database."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from annotator.tui.app import make_app
from annotator.tui.screens.who import WhoScreen
from tests.tui.test_new_annotator_name import team_db


@pytest.mark.parametrize("typed", ["dan", "carol", "Dan Ortiz"])
async def test_a_name_typed_while_the_list_has_the_focus_is_the_name_taken(tmp_path: Path, typed: str) -> None:
    db = team_db(tmp_path / "t.db", assigned=("alice", "bob", "dan"))
    app = make_app(db, "", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WhoScreen)
        await pilot.press(*typed)
        assert app.screen.query_one("#who-name", Input).value == typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.annotator == typed


async def test_arrows_and_enter_in_the_list_still_choose_a_name(tmp_path: Path) -> None:
    db = team_db(tmp_path / "t.db", assigned=("alice", "bob", "dan"))
    app = make_app(db, "", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.annotator == "bob"
