"""A newcomer's trial: with the cursor on "It" in `The mayor added "It is serious," before leaving.` the status line
said "1-3 add 'It' at the cursor" and `1` added ACTOR 'It' at 57:59 (at a sentence's start the same pronoun was
refused). A pronoun opening a quotation mid-sentence is one alone: only the quotation is offered, and a digit says
why it adds nothing. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = 'The mayor of the port added "It is serious," before leaving.'


async def test_a_digit_on_a_pronoun_opening_a_quotation_adds_nothing_and_says_why(tmp_path: Path) -> None:
    db = one_article(tmp_path / "q.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"It", "enter")
        assert app.screen.status_line.text.plain.startswith("4 adds the quotation · ")
        await pilot.press("1")
        assert app.messages[-1][1] == (
            "Not added: 'It' alone is a pronoun, a function word or an adverb, no mention (the guide); v selects it, then the "
            "key marks it anyway"
        )
    assert held_spans(db, WHO) == []
