"""Two reviewers on an article where the annotators agree on nothing (a re-trial of the two-reviewer fixes): each time
lead2's screen read gold again after lead's pick, its message log (M) got "Agreed spans not taken: gold's annotation
of this article was changed in another window since it was shown here, so nothing was written": nothing was to be
taken, and nothing of lead2's was refused. Reading gold again puts in the agreed spans as opening it does, on gold as
stored. Pilot on two real review apps at once on one real SQLite file."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from tests.tui.test_review_gold_done_meanwhile import WHO, two_disagreements
from tests.tui.two_reviewers import status, two_reviewers


async def test_reading_gold_again_says_only_what_changed(tmp_path: Path) -> None:
    path = two_disagreements(tmp_path / "two.db")
    async with two_reviewers(path, WHO) as ((_, one), (lead2, two)):
        await one.press("b")  # lead: bob's nothing for Anna
        await two.pause(CURSOR_SAVE_SECONDS + 1)  # lead2's tick reads gold again
        shown = status(lead2)
        said = [message for _, message in lead2.messages]
    assert shown == (
        "Shown as stored now: disagreement 1/2 ('Anna' at 8:12) was settled by lead, with bob's version; highlighted "
        "now: 2/2"
    )
    assert said == [f"{shown} ('Ben' at 17:20)"]  # the log keeps the fullest words (`review_fitted`)
