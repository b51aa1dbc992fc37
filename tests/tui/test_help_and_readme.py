"""The keymap is shown exactly: the README's key table is the bindings' own (`key_table`), and the help screen
lists every binding with its keys (as a keymap file remaps them) and the same words."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.bindings import GROUPS, key_table, keys_shown
from annotator.tui.screens.help import HelpScreen

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_key_table_is_the_bindings() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- keys:")) + 1
    assert text[start : text.index("<!-- /keys -->")] == key_table()


async def test_the_help_screen_lists_every_binding_with_its_keys(running, tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('accept = "a"\n')
    async with running(keymap_path=keymap) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-keys").render())
    lines = shown.splitlines()
    for heading, bindings in GROUPS:
        assert heading in lines
        for binding in bindings:
            keys = keys_shown(binding, {"accept": "a"})
            assert f"{keys:>14}  {binding.tooltip}" in lines, binding.id
    assert f"{'a':>14}  accept the current suggestion (or a rejected one shown with R: taken back)" in lines
