"""A newcomer's trial: nothing on the screen said which suggester version made the pending suggestions (after
`annotator suggest --model models/x`, "entities.v15@<hash>"); only `export --suggestions` did. The status line of
a current suggestion names a trained pipeline's version (the shipped one's name would cost a row at 80x24 on every
suggestion). Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Firefighters in Leeds held a strike."
TRAINED = "entities.v15@0123456789ab"


def suggested(words: str, label: str, suggester: str) -> Suggestion:
    start = TEXT.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester=suggester)


async def test_the_status_line_of_a_suggestion_names_its_suggester(tmp_path: Path) -> None:
    db = one_article(
        tmp_path / "v.db", TEXT, [suggested("Firefighters", "ACTOR", TRAINED), suggested("Leeds", "LOCATION", "t.v1")]
    )
    app = make_app(db, WHO, keymap_path=False)
    lines = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines.append(app.screen.status_line.text.plain)
        await pilot.press("tab")
        await pilot.pause()
        lines.append(app.screen.status_line.text.plain)
        await pilot.press("enter")  # Leeds accepted: a span, no suggestion's any more
        await pilot.press("slash", *"Leeds", "enter")
        await pilot.pause()
        lines.append(app.screen.status_line.text.plain)
    assert lines == [
        f"? ACT Firefighters  (enter accept, x reject, 1/2 label) · suggested by {TRAINED}",
        "? LOC Leeds  (enter accept, x reject, 1/2 label)",  # a shipped version: no room taken at 80 columns
        "✓ LOC Leeds",
    ]
