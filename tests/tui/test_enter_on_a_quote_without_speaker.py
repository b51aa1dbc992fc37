"""A newcomer's trial: after a decision the cursor went on to an accepted quote without a speaker, where enter said
only "it is accepted already"; it now points to `s`. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = 'Rain fell. "We will stay," one man said.'
QUOTE = "We will stay,"


async def test_enter_on_an_accepted_quote_without_a_speaker_points_to_s(tmp_path: Path) -> None:
    start = TEXT.index(QUOTE)
    suggestion = Suggestion(start=start, end=start + len(QUOTE), label="QUOTE", text=QUOTE, suggester="test.v1")
    app = make_app(one_article(tmp_path / "n.db", TEXT, [suggestion]), WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # accepts the quote; it has no speaker, so the speaker prompt opens
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        item = app.screen.model.get(app.screen.current)
        assert item is not None and item.is_quote and item.kind == "span" and item.speaker is None
        await pilot.press("enter")
        assert app.messages[-1][1] == (
            "Nothing to accept: it is accepted already (it has no speaker: s chooses one); tab goes to the next "
            "suggestion"
        )
