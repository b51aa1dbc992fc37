"""A newcomer's trial (32): on "The Greek coast guard said ..." `;` stopped at "Greek" offering "1-3 add 'Greek'",
`1` added ACTOR 'Greek' and the next stop offered 'coast guard': two wrong spans for one group. On "The Greek
government" `;` stopped at "Greek" and at "government", each offering the whole group (two presses for one).
A nationality adjective (a general list of demonyms, `wordlists.NATIONALITIES`) opening a noun group offers the
group, and `;` stops once a group. Also: a headline's verb in -s is no part of the group after it ("Storm cuts |
power"), and a building's noun is no body of people ("the ticket | offices"). Core functions on spaCy's tokens."""

from __future__ import annotations

from annotator import phrases, stops
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Label

ENTITIES = (Label.ACTOR, Label.LOCATION, Label.FIGURE)


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
