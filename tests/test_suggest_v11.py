"""entities.v11's rules (`suggest.general_v11`: a gazetteer of place names tells the places inside ACTOR spans) on
sentences written for the purpose (none from the gold files), with the real pipeline: exact (text, label) pairs of the
entity layer beside entities.v10's layer for the same text, and each rule on an ACTOR span given to it."""

from __future__ import annotations

import pytest

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v11 import coordinated_places, known_place, place_names, places_of

V10 = Suggesters("entities.v10", "quotes.v3")
V11 = Suggesters("entities.v11", "quotes.v3")


def entities(nlp, text: str, suggesters: Suggesters = V11) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


def test_the_gazetteer_is_shipped_and_read_as_written() -> None:
    names = place_names()
    assert len(names) > 30_000
    assert {"Cyprus", "Porto", "Kraków", "Europe", "Texas", "Cook County", "Trinidad and Tobago"} <= names
    assert "cyprus" not in names and "" not in names


def test_a_known_place_with_or_without_the(nlp) -> None:
    doc = nlp("They sailed to the Netherlands and to Porto.")
    assert known_place(doc, 3, 5)  # "the Netherlands"
    assert known_place(doc, 7, 8)  # "Porto"
    assert not known_place(doc, 2, 3)  # "to"


CASES = [
    (  # two names, one a known place, taken together for one ACTOR by entities.v10
        "The treaty would make the waters between Rhodes and Cyprus a shared zone.",
        [("Rhodes and Cyprus", "ACTOR")],
        [("Rhodes", "LOCATION"), ("Cyprus", "LOCATION")],
    ),
    (  # a known place before a noun for its people
        "Lyon residents queued for water on Monday.",
        [("Lyon residents", "ACTOR")],
        [("Lyon", "LOCATION"), ("residents", "ACTOR")],
    ),
    (
        "Porto residents queued for water on Monday.",
        [("Porto residents", "ACTOR")],
        [("Porto", "LOCATION"), ("residents", "ACTOR")],
    ),
]


@pytest.mark.parametrize(("text", "v10", "v11"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_places_inside_actor_spans(nlp, text: str, v10: list[tuple[str, str]], v11: list[tuple[str, str]]) -> None:
    assert entities(nlp, text, V10) == v10
    assert entities(nlp, text) == v11


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neither name is a known place: left as entities.v10 made it
        ("The strait between Crete and Rhodes is narrow.", [("Crete and Rhodes", "ACTOR")]),
        # an institution named after a place acts as itself
        ("The court ruled on the Bank of Greece and its loans.", [("The court", "ACTOR"), ("Bank of Greece", "ACTOR")]),
        ("He studied at the University of Lisbon.", [("University of Lisbon", "ACTOR")]),
        # countries that act are ACTORs
        ("Armenia and Azerbaijan signed the deal on Friday.", [("Armenia", "ACTOR"), ("Azerbaijan", "ACTOR")]),
    ],
)
def test_what_the_rules_leave_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected == entities(nlp, text, V10)


def _layer(doc, spans: list[Candidate]) -> list[tuple[str, str]]:
    return [(doc[s.start : s.end].text, s.label.value) for s in spans]


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        # a zone of a known place: the place
        ("Survey ships entered the EEZ of Greece twice.", (3, 7), [("Greece", "LOCATION")]),
        # a title with the person's name after it: the place, the person marked by the name
        (
            "Mourners greeted the Bishop of Porto, Tomasz Nowak, at the door.",
            (2, 6),
            [("Porto", "LOCATION"), ("Tomasz Nowak", "ACTOR")],
        ),
        # a title with no name after it names the person: left whole
        (
            "Mourners greeted the Bishop of Porto at the door.",
            (2, 6),
            [("the Bishop of Porto", "ACTOR")],
        ),
        # a polity or an institution named after a place: left whole
        ("He visited the Republic of Cyprus last year.", (2, 6), [("the Republic of Cyprus", "ACTOR")]),
        ("Investors watched the Bank of Japan closely.", (2, 6), [("the Bank of Japan", "ACTOR")]),
        # a place that acts: left whole
        ("The EEZ of Greece shrank after the ruling.", (0, 4), [("The EEZ of Greece", "ACTOR")]),
    ],
)
def test_a_place_after_of(nlp, text: str, actor: tuple[int, int], expected: list[tuple[str, str]]) -> None:
    doc = nlp(text)
    spans = [Candidate(*actor, Label.ACTOR, "group")]
    name = next((e for e in doc.ents if e.label_ == "PERSON"), None)
    if name is not None:
        spans.append(Candidate(name.start, name.end, Label.ACTOR, "person"))
    assert _layer(doc, places_of(doc, spans)) == expected


def test_a_whole_known_name_with_and_is_one_place(nlp) -> None:
    doc = nlp("Flights to Trinidad and Tobago resumed.")
    spans = [Candidate(2, 5, Label.ACTOR, "group")]
    assert _layer(doc, coordinated_places(doc, spans)) == [("Trinidad and Tobago", "ACTOR")]
