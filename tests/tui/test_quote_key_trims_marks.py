"""A newcomer's trial: `4` on a selection taking in the quotation marks made a quote with them ('...' in single
marks), without a word. The quote is the words between the marks (the guide, and every QUOTE of the gold), so the
key leaves the marks out and the status line says so. Pilot on a real database."""

from __future__ import annotations

import pytest

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

LEFT_OUT = "added QUOTE 'We will stay.' at 11:24; its quotation marks left out: a quote is the words between them"


@pytest.mark.parametrize("text", ["She said: 'We will stay.' He left.", 'She said: "We will stay." He left.'])
async def test_4_on_a_selection_with_its_marks_adds_the_words_between_them(tmp_path, text) -> None:
    db = one_article(tmp_path / "q.db", text)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"said", "enter", "right", "right", *["shift+right"] * 5, "4")
        await pilot.pause()
        assert LEFT_OUT in [message for _, message in app.messages]
        assert app.screen.below.status_line.text.plain.startswith(  # the speaker question asked at once says it too
            "Its quotation marks left out: a quote is the words between them · Speaker of 'We will stay.'?"
        )
    assert held_spans(db, WHO) == [("QUOTE", "We will stay.")]
