"""A newcomer's trial: `w` stopped twice in one phrase, at "cargo" and then at "ships" ("1-3 add 'cargo ships'"),
though its help says once a phrase. A singular noun before a plural noun that a plural's auxiliary or a verb in -ed
follows ("cargo ships waited", "fuel prices are") modifies it: `w` stops at the plural only, and the key on either
word adds the whole group. A noun before a verb in -s stays a stop of its own ("The death toll | rises.", "The
government | plans to act"). Core functions on spaCy's tokens."""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator.stops import next_unmarked

ENTITIES = ("ACTOR", "LOCATION")  # words with no number: no FIGURE (the guide; `figure_labels`)


def w_stops(text: str) -> list[str]:
    tokens, _ = spacy_at(text, text.split()[0])
    found, index = [], -1
    while (following := next_unmarked(text, tokens, index, 1, lambda _: False)) != index:
        found.append(text[slice(*tokens[following])])
        index = following
    return found


@pytest.mark.parametrize(
    ("text", "stops", "word", "group"),
    [
        ("Two cargo ships waited nearby.", ["Two", "ships"], "cargo", "cargo ships"),  # an adverb: no stop
        ("Analysts said fuel prices are rising.", ["Analysts", "prices"], "fuel", "fuel prices"),
        ("The death toll rises.", ["death", "toll", "rises"], "toll", "The death toll"),
        ("The government plans to act.", ["government", "plans", "act"], "government", "The government"),
        ("The storm cuts power.", ["storm", "cuts", "power"], "storm", "The storm"),
    ],
)
def test_w_stops_once_at_a_plural_a_noun_modifies(text: str, stops: list[str], word: str, group: str) -> None:
    assert w_stops(text) == stops
    assert offered(text, word) == [(ENTITIES, group)]
