"""A refused u or ctrl+r on the review screen (the last change, or undo, was another reviewer's since the window
opened) was said whole whatever the width: at 80 columns 3 rows with a long reviewer's name, 4 with a longer change.
It is fitted as the screen's other lines about another reviewer's change are: the fullest words that take 2 rows at
most (without the change, then the name cut short), fitted again when the terminal is resized. Pilot on two real
review apps on one real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from tests.tui.test_review_panel_hints import WHO, eleven_disagreements
from tests.tui.two_reviewers import status, two_reviewers

LONG = ("christopher-montgomery-lead", "lead2")
CHANGE = "adjudicate: to do -> in progress"
BY, CUT = "by christopher-montgomery-lead in another window", "by christopher-montgome… in another window"
UNDO = {
    200: f"the last change here, {CHANGE}, was made {BY} since this one opened: u takes back only its own",
    80: f"the last change here was made {CUT} since this one opened: u takes back only its own",
}
REDO = {
    200: f"the last undo here, of {CHANGE}, was made {BY} since this one opened: ctrl+r redoes only its own",
    80: f"the last undo here was made {CUT} since this one opened: ctrl+r redoes only its own",
}


def rows(app) -> int:
    return app.screen.status_line.size.height


@pytest.mark.parametrize(("opened", "resized"), [((80, 24), (200, 50)), ((200, 50), (80, 24))])
async def test_a_refused_undo_or_redo_fits_the_width_and_is_refitted(tmp_path: Path, opened, resized) -> None:
    """lead2's u after christopher-montgomery-lead's pick, then her ctrl+r after his undo: each refusal in 2 rows at
    most at the width it was said at, and said again as at the new width once the terminal is resized."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    wide, narrow = (w for w, _ in (opened, resized))
    async with two_reviewers(path, WHO, opened, names=LONG) as ((_, one), (lead2, two)):
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        await two.press("u")
        undo = status(lead2), rows(lead2)
        await two.resize_terminal(*resized)
        await two.pause()
        undo_refitted = status(lead2), rows(lead2)
        await one.press("k", "u")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        await two.press("ctrl+r")
        redo = status(lead2), rows(lead2)
        await two.resize_terminal(*opened)
        await two.pause()
        redo_refitted = status(lead2), rows(lead2)
    height = {80: 2, 200: 1}
    said = "; shown as stored now"
    assert undo == (f"Not undone: {UNDO[wide]}{said}", height[wide])
    assert undo_refitted == (f"Not undone: {UNDO[narrow]}{said}", height[narrow])
    assert redo == (f"Not redone: {REDO[narrow]}{said}", height[narrow])
    assert redo_refitted == (f"Not redone: {REDO[wide]}{said}", height[wide])


async def test_at_80_columns_a_short_name_keeps_the_change(tmp_path: Path) -> None:
    """With a short name the change undone is still named at 80 columns, "since this one opened" left out."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, (80, 24)) as ((_, one), (lead2, two)):
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        await two.press("u")
        undo = status(lead2), rows(lead2)
    said = f"the last change here, {CHANGE}, was made by lead in another window: u takes back only its own"
    assert undo == (f"Not undone: {said}; shown as stored now", 2)
