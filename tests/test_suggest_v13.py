"""entities.v13's rules (`suggest.general_v13`: a money figure keeps its multiplier, a sports score is a FIGURE of its
own beside the names it is about, a capitalised common word opening a sentence is no ACTOR) on sentences written for
the purpose (none from the gold files), with the real pipeline: exact (text, label) pairs of the entity layer beside
entities.v12's layer for the same text; and the real CLI ingesting a .txt file with the default suggesters."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import ingested_suggestions

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc

V12 = Suggesters("entities.v12", "quotes.v4")
V13 = Suggesters("entities.v13", "quotes.v4")


def entities(nlp, text: str, suggesters: Suggesters = V13) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


CASES = [
    (  # the tokenizer splits "£3m" into three tokens; one token, "£1.2bn", was whole already
        "The council has set aside £3m for road repairs, and the bypass will cost £1.2bn.",
        [("The council", "ACTOR"), ("£3", "FIGURE"), ("£1.2bn", "FIGURE")],
        [("The council", "ACTOR"), ("£3m", "FIGURE"), ("£1.2bn", "FIGURE")],
    ),
    (
        "The firm paid $40m to settle the claim and raised €2bn in bonds.",
        [("$40", "FIGURE"), ("€2bn", "FIGURE")],
        [("$40m", "FIGURE"), ("€2bn", "FIGURE")],
    ),
    (  # a score glued to the names of the two sides
        "The final score was Carlisle United 3-1 Barnet.",
        [("Carlisle United 3-1 Barnet", "LOCATION")],
        [("Carlisle United", "ACTOR"), ("3-1", "FIGURE"), ("Barnet", "ACTOR")],
    ),
    (  # a figure on part of a score covers all of it
        "Carlisle United 3-1 win lifted spirits in the town.",
        [("1", "FIGURE")],
        [("3-1", "FIGURE")],
    ),
    (  # a range written with a hyphen is one FIGURE, as the house conventions make "6% to 11%"
        "Between 10-15 people were hurt in Leeds.",
        [("15", "FIGURE"), ("people", "ACTOR"), ("Leeds", "LOCATION")],
        [("10-15", "FIGURE"), ("people", "ACTOR"), ("Leeds", "LOCATION")],
    ),
    (  # a word opening a sentence that the same text writes in lower case, no doer
        "Turnout rose in Leeds on Thursday. The turnout was the highest in years.",
        [("Turnout", "ACTOR"), ("Leeds", "LOCATION")],
        [("Leeds", "LOCATION")],
    ),
    (  # an imperative opening a sentence is no name
        "Count the ballots again, the observers demanded.",
        [("Count", "ACTOR"), ("the observers", "ACTOR")],
        [("the observers", "ACTOR")],
    ),
]


@pytest.mark.parametrize(("text", "v12", "v13"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_what_entities_v13_changes(nlp, text: str, v12: list[tuple[str, str]], v13: list[tuple[str, str]]) -> None:
    assert entities(nlp, text, V12) == v12
    assert entities(nlp, text) == v13


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a multiplier needs a currency sign: "3m" alone may be metres, a unit that stays out
        ("The wall is 3m high and cost £40,000.", [("3", "FIGURE"), ("£40,000", "FIGURE")]),
        # a season is no score (a year's four digits)
        ("Attendance fell in the 2019-20 season, the club said.", [("the club", "ACTOR")]),
        # a word opening a sentence that is a doer, or that modifies a doer, or a one-word name, stays
        ("Count officials worked through the night in Leeds.", [("Count officials", "ACTOR"), ("Leeds", "LOCATION")]),
        (
            "Protesters marched in Leeds, and protesters sang.",
            [("Protesters", "ACTOR"), ("Leeds", "LOCATION"), ("protesters", "ACTOR")],
        ),
        # a common word read as a name that the text never writes in lower case stays: no word list tells it from a
        # one-word name ("Turnout" alone, as a lone "Gloria")
        ("Turnout was low across the county on Thursday.", [("Turnout", "ACTOR")]),
        ("Gloria spoke to the crowd in Leeds.", [("Gloria", "ACTOR"), ("the crowd", "ACTOR"), ("Leeds", "LOCATION")]),
    ],
)
def test_what_the_rules_leave_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected == entities(nlp, text, V12)


STORY = (
    "The council has set aside £3m for road repairs. Count the potholes, a councillor said. The turnout at the "
    "meeting was low.\nThe final score was Carlisle United 3-1 Barnet.\n"
)


def test_ingest_of_a_story_with_money_a_score_and_an_imperative(tmp_path: Path) -> None:
    """The real CLI, with the default suggesters: the multiplier stays in the figure, the score is a FIGURE beside the
    two sides' ACTORs, the imperative is no ACTOR."""
    suggestions = ingested_suggestions(tmp_path, "council.txt", STORY)
    assert [(s.text, s.label.value, s.suggester) for s in suggestions] == [
        ("The council", "ACTOR", "entities.v16"),
        ("£3m", "FIGURE", "entities.v16"),
        ("a councillor", "ACTOR", "entities.v16"),
        ("Carlisle United", "ACTOR", "entities.v16"),
        ("3-1", "FIGURE", "entities.v16"),
        ("Barnet", "ACTOR", "entities.v16"),
    ]
