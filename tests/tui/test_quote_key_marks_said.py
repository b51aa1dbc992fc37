"""A tester's trial: `4` on a selection taking in the quotation marks, whose words between them are a quote
suggestion (pending or rejected), accepted it and said nothing of the marks left out; with only the opening mark
selected, the line said "Its quotation marks" (one was). Pilot on a real database."""

from __future__ import annotations

import pytest

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = 'She said: "We will stay." He left.'
MARKS = "its quotation marks left out: a quote is the words between them"
SELECT_WITH_MARKS = ["slash", *"said", "enter", "right", "right", *["shift+right"] * 5]


def suggestions(speaker: bool) -> list[Suggestion]:
    """The quote 'We will stay.', with its speaker 'She' suggested too or none."""
    start = TEXT.index("We will")
    said_by = {"start": 0, "end": 3} if speaker else None
    quote = Suggestion(start=start, end=start + 13, label="QUOTE", text="We will stay.", speaker=said_by,
                       suggester="test.v1")  # fmt: skip
    she = Suggestion(start=0, end=3, label="ACTOR", text="She", suggester="test.v1")
    return [quote, she] if speaker else [quote]


@pytest.mark.parametrize("speaker", [True, False])
async def test_4_with_the_marks_on_a_pending_quote_suggestion_says_they_are_left_out(tmp_path, speaker) -> None:
    db = one_article(tmp_path / "q.db", TEXT, suggestions(speaker))
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*SELECT_WITH_MARKS, "4")
        await pilot.pause()
        said = [message for _, message in app.messages]
        assert any(MARKS in message for message in said), said
    assert ("QUOTE", "We will stay.") in held_spans(db, WHO)


@pytest.mark.parametrize("speaker", [True, False])
async def test_4_with_the_marks_on_a_rejected_quote_suggestion_says_they_are_left_out(tmp_path, speaker) -> None:
    db = one_article(tmp_path / "q.db", TEXT, suggestions(speaker))
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x", *SELECT_WITH_MARKS, "4")
        await pilot.pause()
        said = [message for _, message in app.messages]
        assert any(MARKS in message for message in said), said
    assert ("QUOTE", "We will stay.") in held_spans(db, WHO)


async def test_4_with_only_the_opening_mark_says_its_quotation_mark(tmp_path) -> None:
    db = one_article(tmp_path / "q.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"said", "enter", "right", "right", *["shift+right"] * 4, "4")
        await pilot.pause()
        assert (
            "added QUOTE 'We will stay.' at 11:24; its quotation mark left out: a quote is the words between "
            "the marks" in [message for _, message in app.messages]
        )
        assert app.screen.below.status_line.text.plain.startswith(
            "Its quotation mark left out: a quote is the words between the marks · Speaker of 'We will stay.'?"
        )
    assert held_spans(db, WHO) == [("QUOTE", "We will stay.")]
