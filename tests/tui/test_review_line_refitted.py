"""Two reviewers on one article; lead settles the disagreement lead2 looks at, and lead2's tick says so in a line
fitted to her status line's width: 2 rows at most at 80 columns (the one highlighted now named by its number), in
full at 200. The terminal resized, the line stayed fitted to the width it was said at: cut short at 200 columns, or
3 rows at 80 (and so the refusal of her next key). After a resize the line, and the refusal of the next key, are
those the screen says had it opened at the new size; so is the refusal of y after d asked. Pilot on two real review
apps on one real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from tests.tui.test_review_done_prompt_meanwhile import SHORTER, WHOLE
from tests.tui.test_review_panel_hints import WHO, eleven_disagreements
from tests.tui.test_review_two_reviewers import LEADS, TEAM, long_names
from tests.tui.two_reviewers import status, two_reviewers

ANNA = "disagreement 1/11 ('Anna' at 8:12) was settled by lead, with bob's version"
AT = {80: f"{ANNA}; highlighted now: 2/11", 200: f"{ANNA}; highlighted now: 2/11 ('Ben' at 14:17)"}
LONG = ("christopher-montgomery-lead", "lead2")


def rows(app) -> int:
    return app.screen.status_line.size.height


@pytest.mark.parametrize(("opened", "resized"), [((80, 24), (200, 50)), ((200, 50), (80, 24))])
async def test_the_line_about_another_reviewers_pick_fits_the_new_width(tmp_path: Path, opened, resized) -> None:
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, opened) as ((_, one), (lead2, two)):
        await one.press("b")  # lead: bob's nothing for Anna, which lead2 looks at
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        before = status(lead2)
        await two.resize_terminal(*resized)
        await two.pause()
        after, after_rows = status(lead2), rows(lead2)
        await two.press("a")  # aimed at Anna, as shown before the tick
        refused, refused_rows = status(lead2), rows(lead2)
    assert before == f"Shown as stored now: {AT[opened[0]]}"
    assert after == f"Shown as stored now: {AT[resized[0]]}"
    assert refused == f"Not done: {AT[resized[0]]}; press the key again to act on it"
    assert (after_rows, refused_rows) == ((2, 2) if resized == (80, 24) else (1, 1))


async def test_a_long_name_left_out_at_80_columns_comes_back_at_200(tmp_path: Path) -> None:
    """The fullest words that fit: at 80 columns, with a long reviewer's name, the offsets are left out too."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, (80, 24), names=LONG) as ((_, one), (lead2, two)):
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        narrow, narrow_rows = status(lead2), rows(lead2)
        await two.resize_terminal(200, 50)
        await two.pause()
        wide = status(lead2)
        await two.resize_terminal(80, 24)
        await two.pause()
        again, again_rows = status(lead2), rows(lead2)
    settled = "was settled by christopher-montgomery-lead, with bob's version; highlighted now: 2/11"
    assert narrow == f"Shown as stored now: 1/11 ('Anna') {settled}"
    assert wide == f"Shown as stored now: disagreement 1/11 ('Anna' at 8:12) {settled} ('Ben' at 14:17)"
    assert (again, again_rows) == (narrow, narrow_rows)
    assert narrow_rows <= 2


@pytest.mark.parametrize(("opened", "resized"), [((80, 24), (200, 50)), ((200, 50), (80, 24))])
async def test_the_refusal_of_y_fits_the_new_width(tmp_path: Path, opened, resized) -> None:
    """The refusal of y after another reviewer settled one of the disagreements d asked about, with long names: at 80
    columns without the offsets and whose version (`test_review_done_prompt_meanwhile`), at 200 whole."""
    path = long_names(tmp_path / "long.db", TEAM)
    async with two_reviewers(path, TEAM, opened, names=LEADS) as ((_, one), (lead2, two)):
        await two.press("d")
        await two.pause()
        await one.press("b")
        await two.press("y")
        await two.pause()
        before = status(lead2)
        await two.resize_terminal(*resized)
        await two.pause()
        after, after_rows = status(lead2), rows(lead2)
    settled = {80: SHORTER, 200: WHOLE}
    assert before == f"Not done: since d asked, {settled[opened[0]]}; 2 are open now: press d again"
    assert after == f"Not done: since d asked, {settled[resized[0]]}; 2 are open now: press d again"
    assert after_rows == (2 if resized == (80, 24) else 1)
