"""A newcomer's trial: in "... on the Chinese social networking platform Weibo.", the new ACTOR that `s` (and 1)
proposed on "social" or "networking" was 'the Chinese social networking': the word in -ing was read as the group's
last word, and the group was cut before its head noun "platform". A word in -ing that modifies a noun (no verb of the
clause: not after a noun, "a bus carrying | children", nor after a comma) runs the group on to that noun, as a
modifier does; the key on any word of the group adds the group whole, as it does from "Chinese" and "platform". (By
the house conventions a platform is no ACTOR and a descriptor before a name is not marked: whether to add it is the
annotator's call; the key's phrase is the whole group, never part of it.) Core functions on spaCy's tokens; the text
is the corpus article's (Wikinews, CC BY 2.5).
"""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator import phrases, stops
from annotator.vocabulary import Label

#: wikinews/2020/First_foreigners_die_from_coronavirus_in_Wuhan,_China, a sentence of it.
WUHAN = (
    "Li died of the infection on Friday, which quickly became the most frequently discussed subject on the Chinese "
    "social networking platform Weibo."
)
GROUP = "the Chinese social networking platform"


def words(text: str, tokens: list[tuple[int, int]], found: tuple[int, int] | None) -> str:
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


@pytest.mark.parametrize("word", ["Chinese", "social", "networking", "platform"])
def test_the_actor_key_adds_the_whole_group_from_each_of_its_words(word: str) -> None:
    tokens, index = spacy_at(WUHAN, word)
    assert words(WUHAN, tokens, phrases.at_cursor(WUHAN, tokens, index, Label.ACTOR)) == GROUP


def test_the_key_on_its_determiner_adds_the_whole_group_too() -> None:
    """In the TUI, on "the" before "Chinese" the line offered 'the Chinese': a nationality's group from its
    determiner is the group the key on the nationality adds (trial 32), as a name's is (trial 31)."""
    tokens, index = spacy_at(WUHAN, "the Chinese")
    assert words(WUHAN, tokens, phrases.at_cursor(WUHAN, tokens, index, Label.ACTOR)) == GROUP
    text = "The Greek coast guard said two boats sank."
    assert offered(text, "The") == [(("ACTOR", "LOCATION"), "The Greek coast guard")]


def test_the_status_line_offers_the_whole_group_on_networking() -> None:
    assert offered(WUHAN, "networking") == [(("ACTOR", "LOCATION"), GROUP)]


def test_w_stops_once_on_the_group_at_its_head() -> None:
    tokens, index = spacy_at(WUHAN, "social")
    unmarked = lambda _: False  # noqa: E731
    assert [stops.is_unmarked_word(WUHAN, tokens, i, unmarked) for i in (index, index + 1, index + 2)] == [
        False,
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("He wrote on the encrypted messaging service Telegram.", "messaging", "the encrypted messaging service"),
        ("The ruling party won the vote.", "ruling", "The ruling party"),
        ("Rescue workers reached the burning building on Friday.", "burning", "the burning building"),
        ("Officials said a bus carrying children overturned.", "carrying", "carrying"),  # a verb after its noun
        ("Troops were deployed, helping victims overnight.", "helping", "helping"),  # a clause of its own
    ],
)
def test_a_word_in_ing_runs_the_group_on_to_its_noun_unless_it_is_a_verb(text: str, word: str, phrase: str) -> None:
    tokens, index = spacy_at(text, word)
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.ACTOR)) == phrase
