"""A newcomer's trial (32): on "The Greek coast guard said ..." `;` stopped at "Greek" offering "1-3 add 'Greek'",
`1` added ACTOR 'Greek' and the next stop offered 'coast guard': two wrong spans for one group. On "The Greek
government" `;` stopped at "Greek" and at "government", each offering the whole group (two presses for one).
A nationality adjective (a general list of demonyms, `wordlists.NATIONALITIES`) opening a noun group offers the
group, and `;` stops once a group. Also: a headline's verb in -s is no part of the group after it ("Storm cuts |
power"), and a building's noun is no body of people ("the ticket | offices"). Core functions on spaCy's tokens."""

from __future__ import annotations

import pytest

from annotator import phrases, stops
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Label

ENTITIES = (Label.ACTOR, Label.LOCATION)  # words with no number: no FIGURE (the guide; `figure_labels`)


def tokens_of(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokenize([text])[0]]


def stops_with_phrases(text: str) -> list[tuple[str, list[tuple[tuple[Label, ...], str]]]]:
    """Each stop of `;` from the article's start, with what the status line offers there."""
    tokens, found, index = tokens_of(text), [], -1
    while True:
        following = next((i for i in range(index + 1, len(tokens)) if stops.is_candidate(text, tokens, i, _none)), None)
        if following is None:
            return found
        index = following
        offered = [
            (labels, text[tokens[a][0] : tokens[b][1]])
            for labels, (a, b), _ in phrases.key_phrases(text, tokens, index)
        ]
        found.append((text[slice(*tokens[index])], offered))


def _none(_: int) -> bool:
    return False


def test_a_nationality_adjective_opening_a_group_offers_the_group_once() -> None:
    text = "Rescuers arrived. The Greek coast guard said the ferry was towed to port."
    assert stops_with_phrases(text) == [
        ("Rescuers", [(ENTITIES, "Rescuers")]),
        ("Greek", [(ENTITIES, "The Greek coast guard")]),
    ]


def test_one_stop_for_a_nationality_and_its_noun_for_people() -> None:
    text = "Rescuers arrived. The Greek government said it would pay. Italian police said so."
    assert stops_with_phrases(text) == [
        ("Rescuers", [(ENTITIES, "Rescuers")]),
        ("Greek", [(ENTITIES, "The Greek government")]),
        ("police", [(ENTITIES, "Italian police")]),
    ]


def test_backwards_the_group_is_one_stop_too() -> None:
    text = "Rescuers arrived. The Greek government said it would pay."
    tokens = tokens_of(text)
    greek = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == "Greek")
    assert stops.next_candidate(text, tokens, len(tokens) - 1, -1, _none) == greek


def test_the_nationality_group_stops_before_its_verb() -> None:
    text = "Yesterday the Spanish coast guard rescued them. The Thai navy boat sank."
    tokens = tokens_of(text)

    def at(word: str) -> str:
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR) or (index, index)
        return text[tokens[first][0] : tokens[last][1]]

    assert (at("Spanish"), at("Thai")) == ("the Spanish coast guard", "The Thai navy boat")


def test_a_verb_in_s_after_a_headline_subject_is_no_part_of_the_group_after_it() -> None:
    text = "Storm cuts power across Wales\n\nMaersk cuts jobs. The state news agency said so."
    tokens = tokens_of(text)

    def at(word: str, nth: int = 0) -> str:
        index = [i for i, (s, e) in enumerate(tokens) if text[s:e] == word][nth]
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR) or (index, index)
        return text[tokens[first][0] : tokens[last][1]]

    assert (at("power"), at("jobs"), at("agency")) == ("power", "jobs", "The state news agency")


def test_a_building_noun_is_no_body_of_people() -> None:
    text = "Workers closed the ticket offices on Monday. The emergency services arrived."
    assert stops_with_phrases(text) == [
        ("Workers", [(ENTITIES, "Workers")]),
        ("services", [(ENTITIES, "The emergency services")]),
    ]


def test_the_key_on_a_noun_inside_a_nationalitys_group_adds_the_whole_group() -> None:
    """A person trying the keys on new articles: on "state" in "the Chinese state broadcaster" the ACTOR key added
    'the Chinese state', and on "news" in "the Russian news agency" 'the Russian news'; from the nationality or the
    head it added the group whole. A noun inside the group a nationality opens (`groups.nationality_head`) is no
    head of its own: the key on it adds the group as from the nationality."""
    text = "The Chinese state broadcaster said so. It cited the Russian news agency on Monday."
    tokens = tokens_of(text)

    def at(word: str) -> str:
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR) or (index, index)
        return text[tokens[first][0] : tokens[last][1]]

    assert [at(word) for word in ("Chinese", "state", "broadcaster", "Russian", "news", "agency")] == [
        "The Chinese state broadcaster",
        "The Chinese state broadcaster",
        "The Chinese state broadcaster",
        "the Russian news agency",
        "the Russian news agency",
        "the Russian news agency",
    ]


def test_from_inside_the_group_ends_where_it_does_from_the_nationality() -> None:
    text = "The Israeli army said so. The Thai navy boat sank."
    tokens = tokens_of(text)

    def at(word: str) -> str:
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR) or (index, index)
        return text[tokens[first][0] : tokens[last][1]]

    assert (at("army"), at("navy")) == ("The Israeli army", "The Thai navy boat")


@pytest.mark.parametrize(
    ("text", "words", "group"),
    [
        ("He said Chinese students living there left.", ("Chinese", "students"), "Chinese students"),
        ("They saw a Canadian film crew working there.", ("Canadian", "film"), "a Canadian film crew"),
        ("He said the Indian government appears calm.", ("Indian", "government"), "the Indian government"),
        ("The Iranian chess players reach the final.", ("Iranian", "chess"), "The Iranian chess players"),
        ("He denied any Turkish military operations.", ("Turkish", "military"), "any Turkish military operations"),
    ],
)
def test_a_nationalitys_group_ends_before_a_verb_or_an_adverb_after_its_noun(
    text: str, words: tuple[str, str], group: str
) -> None:
    """Found checking the rule above on the corpus: from "students" the key would have added 'Chinese students
    living' (as it did from "Chinese"): a word in -ing that modifies no noun, an adverb, anything after a plural
    noun, and a verb in -s after a noun for people or a body of them end the group."""
    tokens = tokens_of(text)

    def at(word: str) -> str:
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR) or (index, index)
        return text[tokens[first][0] : tokens[last][1]]

    assert [at(word) for word in words] == [group, group]
