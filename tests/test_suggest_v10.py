"""entities.v10's rule (`suggest.general_v10`: streets and squares are places) on sentences written for the purpose
(none from the gold files), with the real pipeline: exact (text, label) pairs of the entity layer, beside entities.v9's
layer for the same text."""

from __future__ import annotations

import pytest

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc

V9 = Suggesters("entities.v9", "quotes.v3")
V10 = Suggesters("entities.v10", "quotes.v3")


def entities(nlp, text: str, suggesters: Suggesters = V10) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


CASES = [
    (  # a street named street word first, made an ACTOR by entities.v9
        "Protesters marched down Avenida da Liberdade on Saturday.",
        [("Protesters", "ACTOR"), ("Avenida da Liberdade", "ACTOR")],
        [("Protesters", "ACTOR"), ("Avenida da Liberdade", "LOCATION")],
    ),
    (  # ... as a clause's subject
        "Rua da Prata reopened on Monday.",
        [("Rua da Prata", "ACTOR")],
        [("Rua da Prata", "LOCATION")],
    ),
    (  # a street word last, in a transliterated name
        "Traffic was diverted from Nevsky Prospekt.",
        [("Nevsky Prospekt", "ACTOR")],
        [("Nevsky Prospekt", "LOCATION")],
    ),
    (  # a French street word first
        "Police cordoned off Boulevard Haussmann.",
        [("Police", "ACTOR"), ("Boulevard Haussmann", "ACTOR")],
        [("Police", "ACTOR"), ("Boulevard Haussmann", "LOCATION")],
    ),
    (  # a square
        "Demonstrators filled Plaza de Mayo.",
        [("Demonstrators", "ACTOR"), ("Plaza de Mayo", "ACTOR")],
        [("Demonstrators", "ACTOR"), ("Plaza de Mayo", "LOCATION")],
    ),
    (  # a German street word glued to the name
        "Heavy traffic blocked the Kurfürstendamm in Berlin.",
        [("Kurfürstendamm", "ACTOR"), ("Berlin", "LOCATION")],
        [("Kurfürstendamm", "LOCATION"), ("Berlin", "LOCATION")],
    ),
    (  # a street nothing marked
        "Police closed Fifth Avenue.",
        [("Police", "ACTOR")],
        [("Police", "ACTOR"), ("Fifth Avenue", "LOCATION")],
    ),
    (  # ... with an abbreviated street word
        "The shooting happened on Main St. in Dayton.",
        [("Dayton", "LOCATION")],
        [("Main St.", "LOCATION"), ("Dayton", "LOCATION")],
    ),
    (  # ... street word first, after a preposition of place
        "Police said the gunman fled down Avenue Foch.",
        [("Police", "ACTOR"), ("the gunman", "ACTOR")],
        [("Police", "ACTOR"), ("the gunman", "ACTOR"), ("Avenue Foch", "LOCATION")],
    ),
]


@pytest.mark.parametrize(("text", "v9", "v10"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_streets_are_places(nlp, text: str, v9: list[tuple[str, str]], v10: list[tuple[str, str]]) -> None:
    assert entities(nlp, text, V9) == v9
    assert entities(nlp, text) == v10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # streets entities.v9 already had right
        ("Shops on Rua da Prata stayed shut.", [("Rua da Prata", "LOCATION")]),
        ("A fire broke out on Oxford Street.", [("Oxford Street", "LOCATION")]),
        # a street word inside a longer name is no street
        ("The crash, the Florida Highway Patrol said, happened at night.", [("Florida Highway Patrol", "ACTOR")]),
        # a surname that is also a street word
        ("The actor Nathan Lane said he was delighted.", [("Nathan Lane", "ACTOR")]),
        ("Smith met Street on Monday.", [("Street", "ACTOR")]),
        # a company whose name opens with a street word
        ("Square Enix announced a new game.", [("Square Enix", "ACTOR")]),
        # "St" first is a saint's name, not a street
        ("The St Petersburg court ruled on Tuesday.", [("St Petersburg", "LOCATION")]),
        # a street that acts stands for who is there: not added
        ("Wall Street fell sharply on Monday.", []),
        ("The Kremlin and Downing Street denied the report.", [("Kremlin", "ACTOR")]),
    ],
)
def test_what_the_rule_leaves_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected == entities(nlp, text, V9)
