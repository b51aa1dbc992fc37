"""An article stored before the tokenizer split a sentence's full stop off a figure's unit keeps its tokens ("410",
"m." of "€410m."; "38C."): an entity's edge never grows over the stop inside such a token, nor does a selection
make an entity across it (`edges.stop_inside`); an abbreviation's or an initial's stop ends no sentence."""

from __future__ import annotations

import pytest
import spacy

from annotator.edges import EdgeRefused, crossing_sentence_end, move_edge, stop_inside
from annotator.suggest.tokens import split_markup, tokens_of

TEXT = "Sales were €410m. Its shares fell as it reached 38C. Jan. 5 in the U.S. President J. Smith said."


def stored_before(text: str) -> list[tuple[int, int]]:
    tokenizer = spacy.blank("en").tokenizer
    split_markup(tokenizer)
    return [(t.start, t.end) for t in tokens_of(tokenizer(text))]


TOKENS = stored_before(TEXT)


def token(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def test_the_tokens_stored_before_hold_the_stops() -> None:
    assert [TEXT[slice(*t)] for t in TOKENS][2:6] == ["€", "410", "m.", "Its"]
    assert token("38C.") in TOKENS


@pytest.mark.parametrize(("words", "held"), [("m.", True), ("38C.", True), ("Jan.", False), ("U.S.", False)])
def test_which_tokens_hold_a_sentences_stop(words: str, held: bool) -> None:
    assert stop_inside(TEXT, token(words)) is held
    assert not stop_inside(TEXT, token("J."))


def test_the_end_of_410_does_not_grow_over_m_and_its_stop() -> None:
    start = TEXT.index("€410")
    with pytest.raises(EdgeRefused) as refused:
        move_edge(TEXT, TOKENS, start, start + 4, "FIGURE", "end", 1)
    assert str(refused.value) == "the span ends a sentence: its end does not cross the '.' that ends it"


def test_the_start_of_its_does_not_grow_onto_the_token_holding_the_stop_before_it() -> None:
    start = TEXT.index("Its")
    with pytest.raises(EdgeRefused) as refused:
        move_edge(TEXT, TOKENS, start, start + 3, "ACTOR", "start", -1)
    assert str(refused.value) == "the span starts a sentence: its start does not cross the '.' that ends the one before"


def test_an_abbreviations_stop_is_crossed_as_before() -> None:
    five, smith = TEXT.index("5 in"), TEXT.index("Smith")
    assert TEXT[slice(*move_edge(TEXT, TOKENS, five, five + 1, "FIGURE", "start", -1))] == "Jan. 5"
    assert TEXT[slice(*move_edge(TEXT, TOKENS, smith, smith + 5, "ACTOR", "start", -1))] == "J. Smith"
    us = TEXT.index("U.S.")
    assert TEXT[slice(*move_edge(TEXT, TOKENS, us, us + 4, "LOCATION", "end", 1))] == "U.S. President"


def test_a_selection_over_the_stop_inside_a_token_is_no_entity() -> None:
    start, end = TEXT.index("€410"), TEXT.index("Its") + 3
    assert crossing_sentence_end(TEXT, TOKENS, start, end, "ACTOR") == (
        "an entity does not cross a sentence's end: the selection crosses the '.' of 'm.'"
    )
    assert crossing_sentence_end(TEXT, TOKENS, start, end - 4, "FIGURE") is None  # the stop at its edge: a span rule
    assert crossing_sentence_end(TEXT, TOKENS, start, end, "QUOTE") is None
