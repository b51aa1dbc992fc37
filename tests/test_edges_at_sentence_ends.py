"""A newcomer's trial: `[` on the suggestion ACTOR 'Soldiers', the first word of a sentence, grew it to 'metres.
Soldiers' (the move skips the full stop, which no edge rests on, to the word before it). An entity's edge never
crosses a sentence's end (. ! ? …), as a quote's never crosses its quotation mark; a quote holds whole sentences
and crosses them (annotator.edges.move_edge)."""

from __future__ import annotations

import pytest

from annotator.edges import EdgeRefused, move_edge
from annotator.suggest.tokens import tokenize

TEXT = 'The river rose two metres. Soldiers arrived in Lagos! "We will stay. We go home," she said.'


def offsets(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokenize([text])[0]]


def test_the_start_of_a_sentences_first_word_does_not_grow_over_the_sentence_before() -> None:
    start = TEXT.index("Soldiers")
    with pytest.raises(EdgeRefused) as refused:
        move_edge(TEXT, offsets(TEXT), start, start + len("Soldiers"), "ACTOR", "start", -1)
    assert str(refused.value) == "the span starts a sentence: its start does not cross the '.' that ends the one before"


def test_the_end_of_a_sentences_last_word_does_not_grow_over_the_sentence_after() -> None:
    lagos = TEXT.index("Lagos")
    with pytest.raises(EdgeRefused) as refused:
        move_edge(TEXT, offsets(TEXT), lagos, lagos + 5, "LOCATION", "end", 1)
    assert str(refused.value) == "the span ends a sentence: its end does not cross the '!' that ends it"


def test_an_edge_inside_a_sentence_still_moves_and_a_quote_crosses_its_sentences() -> None:
    tokens = offsets(TEXT)
    soldiers = TEXT.index("Soldiers")
    assert TEXT[slice(*move_edge(TEXT, tokens, soldiers, soldiers + 8, "ACTOR", "end", 1))] == "Soldiers arrived"
    we, go = TEXT.index("We"), TEXT.index("We go")
    assert TEXT[slice(*move_edge(TEXT, tokens, go, go + 5, "QUOTE", "start", -1))] == "stay. We go"
    assert TEXT[slice(*move_edge(TEXT, tokens, we, we + 12, "QUOTE", "end", 1))] == "We will stay."
