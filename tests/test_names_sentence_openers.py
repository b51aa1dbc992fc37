"""A newcomer's trial: at the start of the sentence "Unlike Senators, who serve six-year terms, ..." `;` stopped at
"Unlike" and 1 added 'Unlike Senators'. A preposition, a conjunction or an adverb that opens a sentence is
capitalised only because it does: it is no name's first word, and a name after it starts after it ("After |
Mugabe fired", "Although | Hong Kong's"), unless the article writes it capitalised mid-sentence too (a name's own
capital: "shares of Under Armour"). Core functions on spaCy's tokens, as `ingest` stores them; the texts are the
corpus articles' (Wikinews, CC BY 2.5).
"""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator import phrases, stops
from annotator.vocabulary import Label

#: wikinews/2019/Nancy_Pelosi_again_elected_Speaker_as_116th_U.S._Congress_sworn_in, two sentences of it.
PELOSI = (
    "Speaker of the House is the third-highest ranking person in the U.S. Federal government and automatically "
    "assumes the presidency if the President and Vice President are both killed or incapacitated.\n"
    "Unlike Senators, who serve six-year terms, members of the House are elected for two-year terms."
)


def words(text: str, tokens: list[tuple[int, int]], found: tuple[int, int] | None) -> str:
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


def test_semicolon_stops_at_senators_not_at_unlike() -> None:
    tokens, index = spacy_at(PELOSI, "Unlike")
    unmarked = lambda _: False  # noqa: E731
    assert not stops.is_candidate(PELOSI, tokens, index, unmarked)
    found = stops.next_candidate(PELOSI, tokens, index - 1, 1, unmarked)
    assert words(PELOSI, tokens, (found, found)) == "Senators"


def test_the_label_key_on_senators_adds_senators_alone() -> None:
    tokens, index = spacy_at(PELOSI, "Senators")
    assert words(PELOSI, tokens, phrases.at_cursor(PELOSI, tokens, index, Label.ACTOR)) == "Senators"
    assert offered(PELOSI, "Senators") == [(("ACTOR", "LOCATION"), "Senators")]


def test_nothing_is_offered_on_unlike() -> None:
    assert offered(PELOSI, "Unlike") == []


SENTENCES = [  # corpus sentences: the opening word, and the name the key adds from the name's first word
    ("After Mugabe fired his vice president, the army moved on November 15, 2017.", "Mugabe", "Mugabe"),
    ("Although Hong Kong's district elections are usually quiet, no candidate ran unopposed.", "Hong", "Hong Kong"),
    ("Following South Carolina's primary, Bernie Sanders had the most delegates.", "South", "South Carolina"),
    ("Regarding Trump's phone call, former federal prosecutor Elie Honig said it was a crime.", "Trump", "Trump"),
    ("Though Lorenzo was forecast to diminish, gusts of wind were forecast to reach 60 mph.", "Lorenzo", "Lorenzo"),
    ("Before Qaboos's burial at a family cemetery, his successor attended funeral prayers.", "Qaboos", "Qaboos"),
    ("When Bush proposed the missile defense systems, it was a real provocation.", "Bush", "Bush"),
]


@pytest.mark.parametrize(("text", "first", "name"), SENTENCES)
def test_a_sentences_opening_function_word_is_no_part_of_the_name(text: str, first: str, name: str) -> None:
    tokens, index = spacy_at(text, first)
    unmarked = lambda _: False  # noqa: E731
    assert stops.next_candidate(text, tokens, -1, 1, unmarked) == index
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.ACTOR)) == name


def test_a_word_the_article_capitalises_mid_sentence_too_still_opens_a_name() -> None:
    text = "Under Armour cut its forecast. Shares of Under Armour fell 5%."
    tokens, index = spacy_at(text, "Under")
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.ACTOR)) == "Under Armour"
