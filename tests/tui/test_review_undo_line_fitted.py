"""The review screen's undo and redo lines were said whole whatever the width: with long reviewers' and annotators'
names, the redo of a pick of nothing took 3 rows at 80 columns, where every other line of the review screen takes 2
at most (`review_fitted`). They are fitted now, and fitted again when the terminal is resized. The message log (M)
kept such lines as fitted then, cut short for good; it keeps them whole. Pilot on a real review app on a real
SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from annotator.tui.review import make_review_app
from annotator.tui.screens.messages import MessagesScreen
from tests.tui.test_review_two_reviewers import LEADS, TEAM, long_names
from tests.tui.two_reviewers import status

REDID = "redid adjudicate: to do -> in progress; disagreement 1/3 ('the Harwick … directors'"
AT = {
    80: f"{REDID}) is settled again by christopher-montgomery-lead",
    200: f"{REDID} at 8:44) is settled again by christopher-montgomery-lead, with bartholomew-featherstonehaugh's "
    "version",
}


def rows(app) -> int:
    return app.screen.status_line.size.height


@pytest.mark.parametrize(("opened", "resized"), [((80, 24), (200, 50)), ((200, 50), (80, 24))])
async def test_a_redo_line_fits_two_rows_and_the_new_width(tmp_path: Path, opened, resized) -> None:
    path = long_names(tmp_path / "long.db", TEAM)
    app = make_review_app(path, LEADS[0], TEAM, keymap_path=False)
    async with app.run_test(size=opened) as pilot:
        await pilot.pause()
        await pilot.press("b", "u", "ctrl+r")  # bartholomew's nothing for the Harwick directors, undone, redone
        said, said_rows = status(app), rows(app)
        await pilot.resize_terminal(*resized)
        await pilot.pause()
        after, after_rows = status(app), rows(app)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, MessagesScreen)
        logged = app.messages[-1][1]
        shown = str(app.screen.query_one(Static).render())
    assert (said, said_rows) == (AT[opened[0]], 2 if opened == (80, 24) else 1)
    assert (after, after_rows) == (AT[resized[0]], 2 if resized == (80, 24) else 1)
    assert logged == AT[200]
    assert shown.endswith(f" {AT[200]}\n")
