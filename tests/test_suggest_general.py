"""entities.v2's general rules on sentences written for the purpose (none from the gold files), with the real
pipeline: each rule's effect as exact (text, label) pairs of the entity layer."""

from __future__ import annotations

import pytest

from annotator.models import Label, check_spans
from annotator.suggest import suggest_doc, suggesters_of


def entities(nlp, text: str) -> list[tuple[str, str]]:
    """The entity layer the default suggesters make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters_of(nlp))
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an organisation after "in" is still an organisation
            "She won a seat in the European Parliament in 2019.",
            [("European Parliament", "ACTOR")],
        ),
        (  # ... and after "within"
            "Sources within the Labour Party said the vote would be delayed.",
            [("Labour Party", "ACTOR")],
        ),
        (  # a place after "in" is a place
            "The protesters marched in Berlin on Sunday.",
            [("The protesters", "ACTOR"), ("Berlin", "LOCATION")],
        ),
    ],
)
def test_organisations_after_a_locative_preposition(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a capital "The" inside the sentence is part of the name
            "The article appeared in The Washington Post on Monday.",
            [("The Washington Post", "ACTOR")],
        ),
        (  # at the start of a sentence it is the sentence's capital
            "The Washington Post reported the fire on Monday.",
            [("Washington Post", "ACTOR")],
        ),
    ],
)
def test_a_capital_the_inside_a_sentence_starts_a_name(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected
