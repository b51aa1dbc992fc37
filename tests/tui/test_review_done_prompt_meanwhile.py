"""Two reviewers on one article (a team lead's trial): lead2 pressed d with disagreements open, and while its question
("y mark gold done without them") was up, lead settled one of them; lead2's y marked gold done without a word, over
a decision lead2's answer had never seen. The answer is about the disagreements open as the question showed them:
the write checks, in its transaction, that those are still the ones open; else nothing is written and one line says
what changed and how many are open now, as the screen's other keys say it of a change they had not shown. Pilot on
two real review apps at once on one real SQLite file; gold's events read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.tui.screens.prompts import OpenDisagreementsPrompt
from tests.tui.test_review_gold_done_meanwhile import WHO, gold_events, two_disagreements
from tests.tui.test_review_two_reviewers import LEADS, TEAM, long_names
from tests.tui.two_reviewers import status, two_reviewers

ANNA, BEN = ("adjudicate", "lead", "bob"), ("adjudicate", "lead", "bob")  # lead settles each with bob's nothing


def asked(app) -> str:
    """The question the prompt shows, its first line."""
    assert isinstance(app.screen, OpenDisagreementsPrompt), app.screen
    return str(app.screen.query_one("#open-question").render()).split("\n")[0]


async def test_y_after_another_reviewer_settled_one_of_them_is_not_applied(tmp_path: Path) -> None:
    path = two_disagreements(tmp_path / "two.db")
    async with two_reviewers(path, WHO) as ((_, one), (lead2, two)):
        await two.press("d")
        await two.pause()
        question = asked(lead2)
        await one.press("b")  # lead: bob's nothing for Anna, while lead2's question is up
        await two.press("y")
        await two.pause()
        refused = status(lead2)
        assert gold_events(path) == [ANNA]
        await two.press("d")
        await two.pause()
        again = asked(lead2)
        await two.press("y")
        await two.pause()
    assert question == "2 disagreements are still open: gold would have none of their spans."
    assert refused == (
        "Not done: since d asked, disagreement 1/2 ('Anna' at 8:12) was settled by lead, with bob's version; 1 is "
        "open now: press d again"
    )
    assert again == "1 disagreement is still open: gold would have none of its spans."
    assert gold_events(path) == [ANNA, ("status", "lead2", "done")]


async def test_y_after_another_reviewer_settled_the_last_one_is_not_applied(tmp_path: Path) -> None:
    """lead2 settles Anna and asks to mark gold done without Ben; lead settles Ben meanwhile: none is open now, and
    d marks gold done without asking."""
    path = two_disagreements(tmp_path / "two.db")
    async with two_reviewers(path, WHO) as ((_, one), (lead2, two)):
        await two.press("b", "d")
        await two.pause()
        question = asked(lead2)
        await one.pause(CURSOR_SAVE_SECONDS + 1)  # lead's tick shows Anna settled: on to Ben
        await one.press("b", "b")  # the first not applied (the tick moved the highlight), the second settles Ben
        await two.press("y")
        await two.pause()
        refused = status(lead2)
        settled = gold_events(path)
        await two.press("d")
        await two.pause()
    assert question == "1 disagreement is still open: gold would have none of its spans."
    assert refused == (
        "Not done: since d asked, disagreement 2/2 ('Ben' at 17:20) was settled by lead, with bob's version; none is "
        "open now: press d again to mark gold done"
    )
    assert settled == [("adjudicate", "lead2", "bob"), BEN]
    assert gold_events(path) == [("adjudicate", "lead2", "bob"), BEN, ("status", "lead2", "done")]


async def test_y_after_a_change_that_leaves_the_same_ones_open_is_applied(tmp_path: Path) -> None:
    """lead picks alice's Anna and undoes it: the same two are open as lead2 was asked about, and y marks gold done
    (the store's own check of gold changed elsewhere, after the screen reads it anew, refuses nothing)."""
    path = two_disagreements(tmp_path / "two.db")
    async with two_reviewers(path, WHO) as ((_, one), (lead2, two)):
        await two.press("d")
        await two.pause()
        question = asked(lead2)
        await one.press("a", "u")
        await two.press("y")
        await two.pause()
    assert question == "2 disagreements are still open: gold would have none of their spans."
    assert [event[:2] for event in gold_events(path)] == [("adjudicate", "lead"), ("undo", "lead"), ("status", "lead2")]


SHORTER = "disagreement 1/3 ('the Harwick … directors') was settled by christopher-montgomery-lead"
WHOLE = (
    "disagreement 1/3 ('the Harwick … directors' at 8:44) was settled by christopher-montgomery-lead, with "
    "bartholomew-featherstonehaugh's version"
)


@pytest.mark.parametrize(("size", "settled", "height"), [((80, 24), SHORTER, 2), ((200, 50), WHOLE, 1)])
async def test_the_refusal_fits_two_rows_with_long_names(tmp_path: Path, size, settled: str, height: int) -> None:
    """With long annotators' and reviewers' names the refusal leaves out at 80 columns what does not fit 2 rows (the
    offsets, whose version), as the refusal after a tick does (`test_review_two_reviewers`)."""
    path = long_names(tmp_path / "long.db", TEAM)
    async with two_reviewers(path, TEAM, size, names=LEADS) as ((_, one), (lead2, two)):
        await two.press("d")
        await two.pause()
        await one.press("b")
        await two.press("y")
        await two.pause()
        refused, rows = status(lead2), lead2.screen.status_line.size.height
    assert refused == f"Not done: since d asked, {settled}; 2 are open now: press d again"
    assert rows == height
