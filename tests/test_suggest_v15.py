"""entities.v15's rules (`suggest.general_v15`: a person's full name right after a place name is the person, a name
ending in an organisation's head word is the organisation) on sentences written for the purpose (none from the gold
files), with the real pipeline: exact (text, label) pairs of the entity layer beside entities.v14's for the same
text, and the real CLI ingesting a .txt file with the default suggesters."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import ingested_suggestions

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc

V14 = Suggesters("entities.v14", "quotes.v6")
V15 = Suggesters("entities.v15", "quotes.v6")


def entities(nlp, text: str, suggesters: Suggesters) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


@pytest.mark.parametrize(
    ("text", "v14", "v15"),
    [
        (  # "the governor of X" made the person after the place X
            "Governor of Texas Greg Abbott signed the bill on Friday.",
            [("Texas", "LOCATION"), ("Greg Abbott", "LOCATION")],
            [("Texas", "LOCATION"), ("Greg Abbott", "ACTOR")],
        ),
        (
            "The President of France Emmanuel Macron arrived in Berlin on Tuesday.",
            [("France", "LOCATION"), ("Emmanuel Macron", "LOCATION"), ("Berlin", "LOCATION")],
            [("France", "LOCATION"), ("Emmanuel Macron", "ACTOR"), ("Berlin", "LOCATION")],
        ),
        (  # a company after "into" was a place
            "Prosecutors opened an inquiry into Kestrel Holdings last year.",
            [("Prosecutors", "ACTOR"), ("Kestrel Holdings", "LOCATION")],
            [("Prosecutors", "ACTOR"), ("Kestrel Holdings", "ACTOR")],
        ),
    ],
)
def test_what_entities_v15_changes(nlp, text: str, v14: list[tuple[str, str]], v15: list[tuple[str, str]]) -> None:
    assert (entities(nlp, text, V14), entities(nlp, text, V15)) == (v14, v15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # places one after the other stay places
            "The team travelled from Leeds to Bradford Park Avenue on Monday.",
            [("The team", "ACTOR"), ("Leeds", "LOCATION"), ("Bradford Park Avenue", "LOCATION")],
        ),
        ("She flew to Nairobi with Kenya Airways on Sunday.", [("Nairobi", "LOCATION"), ("Kenya Airways", "ACTOR")]),
    ],
)
def test_what_the_rules_leave_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text, V14) == entities(nlp, text, V15) == expected


def test_ingest_of_a_story_with_a_governor_and_a_company(tmp_path: Path) -> None:
    """The real CLI, with the default suggesters: the governor's name and the company are ACTORs."""
    story = "Governor of Texas Greg Abbott signed the bill on Friday.\nProsecutors opened an inquiry into Kestrel Holdings.\n"
    suggestions = ingested_suggestions(tmp_path, "texas.txt", story)
    assert [(s.text, s.label.value, s.suggester) for s in suggestions] == [
        ("Texas", "LOCATION", "entities.v16"),
        ("Greg Abbott", "ACTOR", "entities.v16"),
        ("Prosecutors", "ACTOR", "entities.v16"),
        ("Kestrel Holdings", "ACTOR", "entities.v16"),
    ]
