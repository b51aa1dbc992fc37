"""A newcomer's trial: the suggestion '€410' (its "m" left out) and `}` gave FIGURE '€410m. Its', over the sentence's
end, and `{` went back to '€410': "€410m." was tokenized "410", "m.", so '€410m' was no span the keys could make.
And `3` on "38C" at a sentence's end said "a FIGURE span may not end with punctuation ('.')": "38C." was one token.
The project's tokenizer splits the full stop off (`suggest.unit_stops`); an article stored before keeps its tokens,
and there an edge still never grows over the full stop held inside such a token (`edges.move_edge`). Pilot on real
databases."""

from __future__ import annotations

from pathlib import Path

import spacy

from annotator.models import ArticleIn, Suggestion
from annotator.rows import Token
from annotator.store import Store
from annotator.suggest.tokens import split_markup, tokens_of
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

EURO = "The group's profit rose on sales of €410m. Its shares fell after it spent €12m in 2020."
HEAT = "Play was stopped when temperatures at Melbourne Park reached 38C.\nThe roof was closed."
ENDS = "Not moved: the span ends a sentence: its end does not cross the '.' that ends it"
STARTS = "Not moved: the span starts a sentence: its start does not cross the '.' that ends the one before"


def suggested(text: str, words: str, label: str) -> Suggestion:
    start = text.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="test.v1")


def tokens_before(text: str) -> list[Token]:
    """The tokens an article ingested before the full stop was split off a unit has stored: spaCy's English
    tokenizer with the markup rule alone ("410", "m.", "38C.")."""
    tokenizer = spacy.blank("en").tokenizer
    split_markup(tokenizer)
    return tokens_of(tokenizer(text))


def stored_before(path: Path, text: str, suggestions: list[Suggestion]) -> Path:
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=text, id="n", title="N"), tokens_before(text), suggestions)])
    return path


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


async def test_an_article_stored_before_keeps_its_tokens_and_no_edge_crosses_the_stop_inside_one(
    tmp_path: Path,
) -> None:
    db = stored_before(tmp_path / "o.db", EURO, [suggested(EURO, "€410", "FIGURE"), suggested(EURO, "Its", "ACTOR")])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert [tuple(t) for t in app.screen.model.tokens] == [tuple(t) for t in tokens_before(EURO)]
        await pilot.press("slash", *"410", "enter", "right_curly_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == ENDS
        await pilot.press("slash", *"Its", "enter", "left_square_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == STARTS
    assert held_spans(db, WHO) == []
