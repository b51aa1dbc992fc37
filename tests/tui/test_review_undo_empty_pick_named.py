"""u on the review screen after a pick of an empty version (bob marked nothing where alice marked Anna) said only
"undid adjudicate: in progress -> to do": the pick changed no span of gold, and the line named none, nor the
disagreement it opened again, as the screen's other undo lines name theirs. The undo (and the redo) of such a pick
names the disagreement it reopens (settles again). Pilot on a real review app on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.tui.review import make_review_app
from tests.tui.test_review_panel_hints import WHO, eleven_disagreements
from tests.tui.test_review_two_reviewers import disputed
from tests.tui.two_reviewers import status

ANNA, BEN = "disagreement 1/11 ('Anna' at 8:12)", "disagreement 2/11 ('Ben' at 14:17)"


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_undo_and_redo_of_a_pick_of_nothing_name_the_disagreement(tmp_path: Path, size) -> None:
    """The first pick (gold to do -> in progress), then one after another (gold's status as it was)."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    app = make_review_app(path, "lead", WHO, keymap_path=False)
    said = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for keys in (["b"], ["u"], ["ctrl+r"], ["j", "b"], ["u"]):  # ctrl+r leaves Anna shown: j to Ben
            await pilot.press(*keys)
            said.append((status(app), disputed(app)))
    assert said == [
        ("bob's version into gold: no span", "Ben"),
        (f"undid adjudicate: in progress -> to do; {ANNA} is open again", "Anna"),
        (f"redid adjudicate: to do -> in progress; {ANNA} is settled again by lead, with bob's version", "Anna"),
        ("bob's version into gold: no span", "Carl"),
        (f"undid adjudicate; {BEN} is open again", "Ben"),
    ]
