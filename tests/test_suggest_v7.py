"""entities.v7's rules (`suggest.general_v7`) on sentences written for the purpose (none from the gold files), with
the real pipeline: each rule's effect as exact (text, label) pairs of the entity layer, beside entities.v6's layer
for the same text where the rule changes it."""

from __future__ import annotations

import pytest

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc

V6 = Suggesters("entities.v6", "quotes.v3")
V7 = Suggesters("entities.v7", "quotes.v3")


def entities(nlp, text: str, suggesters: Suggesters = V7) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


def test_a_disease_is_no_actor(nlp) -> None:
    text = "Coronavirus has spread to 12 countries, the WHO said."
    assert entities(nlp, text, V6) == [("Coronavirus", "ACTOR"), ("12", "FIGURE"), ("WHO", "ACTOR")]
    assert entities(nlp, text) == [("12", "FIGURE"), ("WHO", "ACTOR")]


def test_an_event_word_is_no_actor(nlp) -> None:
    text = "Critics said the plan would deliver a no-deal Brexit by the deadline."
    assert ("Brexit", "ACTOR") in entities(nlp, text, V6)
    assert entities(nlp, text) == [("Critics", "ACTOR")]


def test_a_radio_procedure_word_is_no_person(nlp) -> None:
    text = "The dispatcher asked: Roger, are they on board? Roger, is the deck on fire?"
    assert entities(nlp, text, V6) == [("The dispatcher", "ACTOR"), ("Roger", "ACTOR"), ("Roger", "ACTOR")]
    assert entities(nlp, text) == [("The dispatcher", "ACTOR")]


def test_a_person_of_that_first_name_keeps_it(nlp) -> None:
    """Where the article names a Roger in full, "Roger," is that person."""
    text = "Roger Federer won the final. Roger, the champion, thanked the crowd."
    assert entities(nlp, text) == [("Roger Federer", "ACTOR"), ("Roger", "ACTOR"), ("the crowd", "ACTOR")]


@pytest.mark.parametrize(
    ("text", "v6", "v7"),
    [
        (  # a number and a fraction joined by "and"
            "Prices rose six and three-quarters percent in March, the bureau said.",
            [("six", "FIGURE"), ("three-quarters percent", "FIGURE")],
            [("six and three-quarters percent", "FIGURE")],
        ),
        (  # the sources marked only "a half"
            "The river rose about one and a half metres overnight.",
            [("a half", "FIGURE")],
            [("about one and a half", "FIGURE")],
        ),
        (  # plural round numbers counting larger ones
            "Hundreds of thousands of people marched in the capital.",
            [("Hundreds", "FIGURE"), ("thousands", "FIGURE"), ("people", "ACTOR")],
            [("Hundreds of thousands", "FIGURE"), ("people", "ACTOR")],
        ),
        (  # ... whose first the sources left out
            "The walkout could cost the economy tens of millions of euros a week.",
            [("millions", "FIGURE")],
            [("tens of millions", "FIGURE")],
        ),
    ],
)
def test_a_figure_in_pieces_is_one(nlp, text: str, v6, v7) -> None:
    if v6 is not None:
        assert entities(nlp, text, V6) == v6
    assert entities(nlp, text) == v7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Almost half of the passengers were rescued by the coast guard.",
            [("Almost half", "FIGURE"), ("the passengers", "ACTOR"), ("the coast guard", "ACTOR")],
        ),
        ("Nearly a third of the crew were missing.", [("Nearly a third", "FIGURE"), ("the crew", "ACTOR")]),
        # a length of time is no figure; a fraction with no qualifier is left to the sources
        ("The team waited nearly half an hour.", [("The team", "ACTOR")]),
        ("The second half of the match was quiet.", []),
    ],
)
def test_a_qualified_fraction_is_a_figure(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


def test_a_proportion_stays_two_figures(nlp) -> None:
    """The house convention (tests/fixtures/README.md): "29 out of 30" is two FIGUREs."""
    assert entities(nlp, "The party won 17 out of 18 districts.") == [
        ("The party", "ACTOR"),
        ("17", "FIGURE"),
        ("18", "FIGURE"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an ACTOR under entities.v6
            "The attack began inside Fishmongers' Hall, and the attacker ran onto London Bridge.",
            [("Fishmongers' Hall", "LOCATION"), ("the attacker", "ACTOR"), ("London Bridge", "LOCATION")],
        ),
        (  # unmarked under entities.v6
            "Cars queued on Kings Road for an hour.",
            [("Kings Road", "LOCATION")],
        ),
        # no preposition of place: left to the sources
        ("City Hall said the road would reopen.", [("City Hall", "ACTOR")]),
    ],
)
def test_a_street_or_a_building_after_a_preposition_is_a_location(nlp, text: str, expected) -> None:
    assert entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LISBON, June 3 (Reuters) - Nearly 40 ships were stranded, officials said.",
            [("LISBON", "LOCATION"), ("Reuters", "ACTOR"), ("Nearly 40", "FIGURE"), ("officials", "ACTOR")],
        ),
        (  # a month the small model may read as a name, and an em dash
            "BERLIN, May 5 (Reuters) — Nearly 40 ships were stranded.",
            [("BERLIN", "LOCATION"), ("Reuters", "ACTOR"), ("Nearly 40", "FIGURE")],
        ),
        (  # a headline first: the dateline opens the second paragraph
            "Ships stranded off Portugal\nLISBON, Nov. 14 (AP) - Nearly 40 ships were stranded.",
            [("Portugal", "LOCATION"), ("LISBON", "LOCATION"), ("AP", "ACTOR"), ("Nearly 40", "FIGURE")],
        ),
        (  # a weekday is no region
            "PARIS, Tuesday (AFP) - Nearly 40 ships were stranded.",
            [("PARIS", "LOCATION"), ("AFP", "ACTOR"), ("Nearly 40", "FIGURE")],
        ),
    ],
)
def test_a_dateline_with_a_date(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


def test_entities_v6_reads_no_dateline_with_a_date(nlp) -> None:
    """entities.v6 stays as it was: its stored suggestions can be made again."""
    layer = entities(nlp, "LISBON, June 3 (Reuters) - Nearly 40 ships were stranded, officials said.", V6)
    assert ("LISBON", "LOCATION") not in layer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the small model reads a date in it, and the rules dropped the component's FIGURE
            "Prices rose six and a half percent, the bank said.",
            [("six and a half percent", "FIGURE")],
        ),
        ("Inflation reached about one and a half percent.", [("about one and a half percent", "FIGURE")]),
        ("Turnout was 62%, up from 58 per cent.", [("Turnout", "ACTOR"), ("62%", "FIGURE"), ("58 per cent", "FIGURE")]),
    ],
)
def test_a_number_before_a_percent_word_is_a_figure(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


def test_entities_v6_lost_the_percentage_read_as_a_date(nlp) -> None:
    assert entities(nlp, "Prices rose six and a half percent, the bank said.", V6) == []
