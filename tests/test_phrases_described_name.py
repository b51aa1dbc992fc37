"""A tester re-trying the keys on "Retired police officer Jo Lin spoke.": 1 on "Retired" and "police" added 'Retired
police', on "officer" 'Retired police officer': one phrase cut three ways, none of them what the conventions mark. A
common noun group that ends in a noun for a person ("officer", "spokesman") right before a name describes that
person, as a title does: the conventions keep it out of the span ("Democratic mayor Muriel Bowser", "Police press
officer": a bare common noun in a job title stays unmarked; tests/fixtures/README.md), so the key on each of its
words adds the name (`descriptions.described_name`), as on "Mayor | Ana Costa". Core functions on spaCy's tokens, as
`ingest` stores them; sentences written for the test.
"""

from __future__ import annotations

import pytest
from support import spacy_at

from annotator import phrases
from annotator.vocabulary import Label

RETIRED = "Retired police officer Jo Lin spoke."


def words(text: str, tokens: list[tuple[int, int]], found: tuple[int, int] | None) -> str:
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


@pytest.mark.parametrize("word", ["Retired", "police", "officer", "Jo", "Lin"])
def test_the_actor_key_adds_the_name_from_each_word_of_its_description(word: str) -> None:
    tokens, index = spacy_at(RETIRED, word)
    assert words(RETIRED, tokens, phrases.at_cursor(RETIRED, tokens, index, Label.ACTOR)) == "Jo Lin"


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Reporters met retired police officer Jo Lin on Friday.", "retired", "Jo Lin"),
        ("Police officer Jo Lin said nothing.", "Police", "Jo Lin"),
        ("The officer said police Monday were late.", "police", "police"),  # a date: no name
        ("The retired police officer spoke.", "officer", "The retired police officer"),  # no name: the group
        ("Texas governor Jo Lin spoke.", "Texas", "Texas"),  # a place in a title: a LOCATION of its own
    ],
)
def test_a_description_gives_way_to_the_name_only_before_one(text: str, word: str, phrase: str) -> None:
    tokens, index = spacy_at(text, word)
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.ACTOR)) == phrase
