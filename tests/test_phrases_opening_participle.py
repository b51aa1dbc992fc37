"""A person trying the label keys on new articles: at the start of the sentence "Retired FBI agent ..." the ACTOR
key on "FBI" added 'Retired FBI'. A participle in -ed that opens a sentence or a quotation before a name and the
common noun that name modifies ("Retired | FBI agent", "Jailed | Kremlin critics") is capitalised only because it
opens it: no name's first word (`shapes.opening_participle`), as a preposition there is not ("Unlike | Senators"),
unless the article writes it capitalised mid-sentence too, or names open with it (`NAME_PARTICIPLES`: "United
Nations", "Associated Press"). The key on "FBI" adds the organisation, as it does mid-sentence ("a retired | FBI
agent"), or the group when its noun names people ("Jailed Kremlin critics", as "Former CIA officials"); the key on
the noun adds the whole group with its modifier (the house conventions: an unnamed member of a named organisation is
one ACTOR over the noun phrase). Core functions on spaCy's tokens; sentences written for the test.
"""

from __future__ import annotations

import pytest
from support import spacy_at

from annotator import phrases, stops
from annotator.vocabulary import Label


def at(text: str, word: str) -> str:
    tokens, index = spacy_at(text, word)
    found = phrases.at_cursor(text, tokens, index, Label.ACTOR)
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


@pytest.mark.parametrize(
    "text",
    [
        "Retired FBI agent Ann Lee said the case was closed.",
        "The case was closed. Retired FBI agents said so.",
        '"Retired FBI agents know it," she said.',
    ],
)
def test_the_key_on_the_name_after_an_opening_participle_adds_the_name(text: str) -> None:
    assert at(text, "FBI") == "FBI"


@pytest.mark.parametrize(
    ("text", "word", "group"),
    [
        ("Retired FBI agent Ann Lee said the case was closed.", "agent", "Retired FBI agent"),
        ("The case was closed. Retired FBI agents said so.", "agents", "Retired FBI agents"),
        ("Jailed Kremlin critics said so.", "critics", "Jailed Kremlin critics"),
    ],
)
def test_the_key_on_the_groups_noun_adds_the_group_with_its_participle(text: str, word: str, group: str) -> None:
    assert at(text, word) == group


def test_a_noun_for_people_after_the_name_takes_the_name_into_its_group() -> None:
    assert at("Jailed Kremlin critics said so.", "Kremlin") == "Jailed Kremlin critics"


def test_semicolon_stops_at_the_name_not_at_the_participle() -> None:
    text = "Retired FBI agent Ann Lee said the case was closed."
    tokens, index = spacy_at(text, "FBI")
    unmarked = lambda _: False  # noqa: E731
    assert stops.next_candidate(text, tokens, -1, 1, unmarked) == index


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("United Nations officials said so.", "United Nations officials"),
        ("Associated Press reported it first.", "Associated Press"),
        ("Armed Forces personnel arrived. Armed Forces chiefs met.", "Armed Forces personnel"),
    ],
)
def test_a_participle_that_opens_names_still_opens_one(text: str, name: str) -> None:
    assert at(text, text.split()[1]) == name
