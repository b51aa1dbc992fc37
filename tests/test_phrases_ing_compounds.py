"""A person trying the label keys on new articles: in "a video sharing platform" the ACTOR key on "platform" added
'platform' and on "video" 'a video': the word in -ing after the singular noun "video" was read as that noun's verb
("a bus carrying | children"), and the group cut there. A word in -ing that names an activity, a trade or a process
(`wordlists.ACTIVITY_INGS`: "sharing", "mining", "laundering") between two singular common nouns is the middle of a
compound that modifies the noun after it; other words in -ing there stay verbs ("a truck carrying | fuel", "a bus
carrying | children"). Core functions on spaCy's tokens, as `ingest` stores them; sentences written for the test.
"""

from __future__ import annotations

import pytest
from support import spacy_at

from annotator import phrases
from annotator.vocabulary import Label

VIDEO = "The clip spread on a video sharing platform last week."


def words(text: str, tokens: list[tuple[int, int]], found: tuple[int, int] | None) -> str:
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


@pytest.mark.parametrize("word", ["video", "sharing", "platform"])
def test_the_actor_key_adds_the_whole_group_with_its_determiner(word: str) -> None:
    tokens, index = spacy_at(VIDEO, word)
    assert words(VIDEO, tokens, phrases.at_cursor(VIDEO, tokens, index, Label.ACTOR)) == "a video sharing platform"


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Police broke up a money laundering scheme on Friday.", "scheme", "a money laundering scheme"),
        ("The firm runs a ride hailing app in Jakarta.", "ride", "a ride hailing app"),
        ("Officials said a bus carrying children overturned.", "children", "children"),  # a plural: the verb's object
        ("Officials said a truck carrying fuel exploded.", "fuel", "fuel"),  # a common verb's form in -ing
        ("Officials said a truck carrying fuel exploded.", "truck", "a truck"),
    ],
)
def test_a_compound_in_ing_joins_the_group_a_verb_does_not(text: str, word: str, phrase: str) -> None:
    tokens, index = spacy_at(text, word)
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.ACTOR)) == phrase
