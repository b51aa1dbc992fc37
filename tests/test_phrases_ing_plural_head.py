"""A tester re-trying the keys on "Users of video sharing platforms complained.": 1 on "video" added 'video', on
"sharing" 'video sharing platforms', on "platforms" 'platforms': a compound in -ing (`wordlists.ACTIVITY_INGS`) was
taken as one only before a singular noun, so before a plural head the word in -ing was read as the first noun's verb
from "platforms" and "video". A plural head joins the compound as a singular one does, unless a singular determiner
before the first noun makes that noun the subject ("a site sharing | videos": its verb's object). Core functions
on spaCy's tokens, as `ingest` stores them; sentences written for the test.
"""

from __future__ import annotations

import pytest
from support import spacy_at

from annotator import phrases
from annotator.vocabulary import Label

USERS = "Users of video sharing platforms complained."


def words(text: str, tokens: list[tuple[int, int]], found: tuple[int, int] | None) -> str:
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


@pytest.mark.parametrize("word", ["video", "sharing", "platforms"])
def test_the_actor_key_adds_the_compound_with_its_plural_head_from_each_word(word: str) -> None:
    tokens, index = spacy_at(USERS, word)
    assert words(USERS, tokens, phrases.at_cursor(USERS, tokens, index, Label.ACTOR)) == "video sharing platforms"


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Regulators fined the gold mining companies on Monday.", "gold", "the gold mining companies"),
        ("Police said a site sharing videos was closed.", "videos", "videos"),  # "a site": the verb's object
        ("Police said a site sharing videos was closed.", "site", "a site"),
    ],
)
def test_a_plural_head_joins_the_compound_a_singular_subject_keeps_its_verb(text: str, word: str, phrase: str) -> None:
    tokens, index = spacy_at(text, word)
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.ACTOR)) == phrase
