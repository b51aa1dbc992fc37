"""A newcomer's trial: `[` on the suggestion ACTOR 'Soldiers', the first word of a sentence, grew it to 'metres.
Soldiers' (the move skips the full stop, which no edge rests on, to the word before it). An entity's edge never
crosses a sentence's end (. ! ? …), as a quote's never crosses its quotation mark; a quote holds whole sentences
and crosses them (annotator.edges.move_edge)."""

from __future__ import annotations

import pytest

from annotator.edges import EdgeRefused, crossing_sentence_end, move_edge
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


def test_the_end_of_a_lines_last_word_names_the_sentences_end_not_the_line_break() -> None:
    """Trial s55 t10 T6: at a line's end the refusal said "a span may not cross a line break", where the '.' that
    ends the sentence is what stops the edge, as mid-line."""
    text = "He told Reuters via a chat app.\nThe talks went on."
    app = text.index("chat app")
    with pytest.raises(EdgeRefused) as refused:
        move_edge(text, offsets(text), app, app + len("chat app"), "ACTOR", "end", 1)
    assert str(refused.value) == "the span ends a sentence: its end does not cross the '.' that ends it"


def test_an_edge_inside_a_sentence_still_moves_and_a_quote_crosses_its_sentences() -> None:
    tokens = offsets(TEXT)
    soldiers = TEXT.index("Soldiers")
    assert TEXT[slice(*move_edge(TEXT, tokens, soldiers, soldiers + 8, "ACTOR", "end", 1))] == "Soldiers arrived"
    we, go = TEXT.index("We"), TEXT.index("We go")
    assert TEXT[slice(*move_edge(TEXT, tokens, go, go + 5, "QUOTE", "start", -1))] == "stay. We go"
    assert TEXT[slice(*move_edge(TEXT, tokens, we, we + 12, "QUOTE", "end", 1))] == "We will stay."


# A tester's trial: the selection 'later. Talks' and 1 added ACTOR 'later. Talks': the edge keys refuse to grow an
# entity over a sentence's end, and a selection is refused the same way (`crossing_sentence_end`), a quote's aside.
TALKS = "Police came later. Talks in the U.S. went on. Mr. Smith said so."


def test_a_selection_over_a_sentences_end_is_no_entity_and_says_which_mark() -> None:
    start = TALKS.index("later")
    end = TALKS.index("Talks") + len("Talks")
    problem = crossing_sentence_end(TALKS, offsets(TALKS), start, end, "ACTOR")
    assert problem == "an entity does not cross a sentence's end: the selection crosses the '.' after 'later'"


def test_a_quote_crosses_sentences_and_a_mark_inside_a_word_or_at_the_edge_ends_none() -> None:
    tokens = offsets(TALKS)
    start, end = TALKS.index("later"), TALKS.index("Talks") + 5
    assert crossing_sentence_end(TALKS, tokens, start, end, "QUOTE") is None
    us = TALKS.index("Talks")
    assert crossing_sentence_end(TALKS, tokens, us, TALKS.index("U.S.") + 4, "LOCATION") is None
    mr = TALKS.index("Mr.")
    assert crossing_sentence_end(TALKS, tokens, mr, mr + len("Mr. Smith"), "ACTOR") is None


def test_the_end_of_the_articles_last_word_before_its_full_stop_says_the_sentence_ends() -> None:
    """A tester's trial: } on the last word said "the article ends there": it ends the sentence first."""
    text = "Soldiers arrived in Port Mellin."
    mellin = text.index("Port Mellin")
    with pytest.raises(EdgeRefused) as refused:
        move_edge(text, offsets(text), mellin, mellin + 11, "LOCATION", "end", 1)
    assert str(refused.value) == "the span ends a sentence: its end does not cross the '.' that ends it"


def test_the_end_of_the_articles_last_word_with_no_mark_after_it_says_the_article_ends() -> None:
    text = "Soldiers arrived in Port Mellin"
    mellin = text.index("Port Mellin")
    with pytest.raises(EdgeRefused) as refused:
        move_edge(text, offsets(text), mellin, mellin + 11, "LOCATION", "end", 1)
    assert str(refused.value) == "the article ends there"
