"""Trial 26: `;` on a sports report ("Riverside won 3-1 in the last quarter, said the team's leader."). It stopped
at "1" of the score "3-1", where the key added "1" alone (on "3" it adds "3-1": one figure, one stop, as "two |
million"), and at "quarter" of "the last quarter", a part of a match or a year, no quantity (the guide: "how many";
"third" of "the third quarter" is an ordinal, which the guide says is no figure either). A fraction is a figure where it
states a share ("nearly a quarter", "half of the residents", "three quarters"), not after a definite determiner, on its
own or through an ordinal ("the quarter", "the last quarter", "the second half", "this quarter"). At "leader" it
stops, as it should: a noun for people, and the key adds its group ("the team's leader", as "the prime minister's
office"). `w` stops once a phrase likewise. Core functions on spaCy's tokens, exact stops and phrases."""

from __future__ import annotations

import pytest
from support import offered

from annotator import stops
from annotator.suggest.tokens import tokenize

UNMARKED = lambda _: False  # noqa: E731
WORDS, NUMBER = ("ACTOR", "LOCATION"), ("FIGURE",)  # a FIGURE holds a number, a number alone is one (the guide)


def passes(text: str, finder: stops.Finder) -> list[str]:
    """The words one key stops at, pressed again and again from the article's first token (itself one if the key
    would stop there)."""
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    first = stops.is_candidate if finder is stops.next_candidate else stops.is_unmarked_word
    found, index = [text[slice(*tokens[0])]] if first(text, tokens, 0, UNMARKED) else [], 0
    while (following := finder(text, tokens, index, 1, UNMARKED)) != index:
        found.append(text[slice(*tokens[following])])
        index = following
    return found


RIVERSIDE = "Riverside won 3-1 in the last quarter, said the team's leader."


def test_the_score_is_one_stop_and_the_last_quarter_none() -> None:
    assert passes(RIVERSIDE, stops.next_candidate) == ["3", "leader"]
    assert passes(RIVERSIDE, stops.next_unmarked) == ["Riverside", "won", "3", "quarter", "leader"]


def test_the_key_adds_the_whole_score_from_either_number_and_the_period_as_a_group() -> None:
    assert offered(RIVERSIDE, "3-1") == [(NUMBER, "3-1")]
    assert offered(RIVERSIDE, "1 in") == [(NUMBER, "3-1")]
    assert offered(RIVERSIDE, "quarter") == [(WORDS, "the last quarter")]  # a part of a period: no figure
    assert offered(RIVERSIDE, "last") == [(WORDS, "the last quarter")]
    assert offered(RIVERSIDE, "leader") == [(WORDS, "the team's leader")]


@pytest.mark.parametrize(
    ("text", "stopped"),
    [
        ("The Hawks led 21-14 at the end of the third quarter.", ["Hawks", "21"]),
        ("He scored twice in the second half.", []),
        ("Prices rose in the first quarter of the year.", []),
        ("Sales fell 5% in the quarter, and 7% last quarter.", ["5", "7"]),
        ("The vote was 52-48 in favour.", ["52"]),
        ("Temperatures of 10 to 15 degrees.", ["10"]),
        ("Police said two million people came.", ["Police", "two", "people"]),
        ("Police said the 2019-20 season ended.", ["Police"]),
        ("Nearly a quarter of voters stayed home.", ["quarter", "voters"]),  # "Nearly": a qualifier
        ("Police said half of the residents fled.", ["Police", "half", "residents"]),
        ("Police said three quarters of the staff left.", ["Police", "three"]),
    ],
)
def test_one_stop_a_figure_and_none_at_a_part_of_a_period(text: str, stopped: list[str]) -> None:
    assert passes(text, stops.next_candidate) == stopped


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("The Hawks led 21-14 at the end of the third quarter.", "14", "21-14"),
        ("The Hawks led 21-14 at the end of the third quarter.", "quarter", "the third quarter"),
        ("He scored twice in the second half.", "half", "the second half"),
        ("Nearly a quarter of voters stayed home.", "quarter", "Nearly a quarter"),
        ("Police said three quarters of the staff left.", "three", "three quarters"),
        ("Police said three quarters of the staff left.", "quarters", "three quarters"),
    ],
)
def test_what_the_key_adds(text: str, word: str, phrase: str) -> None:
    assert offered(text, word) == [(WORDS if phrase.startswith("the ") else NUMBER, phrase)]
