"""A newcomer's trial: the suggestion '€410' (its "m" left out) and `}` gave FIGURE '€410m. Its', over the sentence's
end, and `{` went back to '€410': "€410m." was tokenized "410", "m.", so '€410m' was no span the keys could make.
And `3` on "38C" at a sentence's end said "a FIGURE span may not end with punctuation ('.')": "38C." was one token.
The project's tokenizer splits the full stop off (`suggest.unit_stops`). Pilot on real databases."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

EURO = "The group's profit rose on sales of €410m. Its shares fell after it spent €12m in 2020."
HEAT = "Play was stopped when temperatures at Melbourne Park reached 38C.\nThe roof was closed."
ENDS = "Not moved: the span ends a sentence: its end does not cross the '.' that ends it"


def suggested(text: str, words: str, label: str) -> Suggestion:
    start = text.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="test.v1")


async def test_the_end_of_410_takes_the_m_and_stops_at_the_sentences_end(tmp_path: Path) -> None:
    db = one_article(tmp_path / "e.db", EURO, [suggested(EURO, "€410", "FIGURE")])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"410", "enter", "right_curly_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("FIGURE", "€410m")]
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == ENDS
        assert held_spans(db, WHO) == [("FIGURE", "€410m")]
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("FIGURE", "€410")]


async def test_3_on_38c_at_a_sentences_end_adds_the_figure(tmp_path: Path) -> None:
    db = one_article(tmp_path / "h.db", HEAT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"38C", "enter", "3")
        await pilot.pause()
        assert held_spans(db, WHO) == [("FIGURE", "38C")]
