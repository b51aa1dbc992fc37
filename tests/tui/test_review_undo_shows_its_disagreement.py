"""`u` on the review screen after a pick: the panel shows the disagreement the undo opened again (a newcomer's
trial: it stayed on "Disagreement 3/46", where the pick had moved on to, while the undo went back to the one
before); a redo shows the one it settles again. Pilot on a real two-annotator database at 80x24 and 200x50,
reading the rows the panel draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.tui.review import make_review_app
from annotator.tui.screens.review import ReviewScreen
from tests.tui.test_review_panel_hints import ELEVEN, WHO, eleven_disagreements, panel_rows


def heading(app) -> str:
    """The panel's progress line(s), joined: "Disagreement 3/11 · 9 open"."""
    rows = panel_rows(app)
    at = next(i for i, row in enumerate(rows) if row.startswith("Disagreement"))
    return rows[at] if "open" in rows[at] else f"{rows[at]} · {rows[at + 1]}"


def disputed(app) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    start, end = screen._marks().disputed
    return ELEVEN[start:end]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_undo_and_redo_of_a_pick_show_the_disagreement_they_change(tmp_path: Path, size) -> None:
    path = eleven_disagreements(tmp_path / "eleven.db")
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", "a", "a")  # Anna, Ben, Carl picked: on to Dora
        assert (heading(app), disputed(app)) == ("Disagreement 4/11 · 8 open", "Dora")
        await pilot.press("u")  # Carl open again
        assert (heading(app), disputed(app)) == ("Disagreement 3/11 · 9 open", "Carl")
        assert app.screen.status_line.text.plain.startswith("undid ")  # what the undo did stays said
        assert "missing · open" in panel_rows(app)
        await pilot.press("u")
        assert (heading(app), disputed(app)) == ("Disagreement 2/11 · 10 open", "Ben")
        await pilot.press("ctrl+r")  # Ben settled again
        assert (heading(app), disputed(app)) == ("Disagreement 2/11 · 9 open", "Ben")
        assert "missing · settled: alice" in panel_rows(app)
