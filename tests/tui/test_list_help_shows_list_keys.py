"""Nitpick (newcomer 42k): `?` in the article list showed the annotation screen's keys (tab, x, s ...), none of
which works there, and not the list's own (enter, f, /). It now shows the list's keys. Pilot, the help as drawn."""

from __future__ import annotations

from tests.tui.test_help_and_readme import joined, shown_lines


async def test_help_from_the_article_list_shows_the_lists_keys(running) -> None:
    async with running(size=(100, 32)) as (app, pilot):
        await pilot.press("l", "question_mark")
        await pilot.pause()
        lines, _ = shown_lines(app)
    assert [line.strip() for line in joined(lines)] == [
        "Keys  (remap them in a keymap file: see the README; escape closes this help)",
        "",
        "The article list",
        "enter  open the article under the cursor",
        "escape  back to the article that was open",
        "f  filter the list by status",
        "/  search the titles",
        "?  this help",
        "q  quit (everything is saved already)",
    ]
