"""entities.v6's rules (`suggest.general_v6`) on sentences written for the purpose (none from the gold files), with
the real pipeline: each rule's effect as exact (text, label) pairs of the entity layer, beside entities.v5's layer
for the same text where the rule changes it."""

from __future__ import annotations

import pytest

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc

V5 = Suggesters("entities.v5", "quotes.v3")
V6 = Suggesters("entities.v6", "quotes.v3")


def entities(nlp, text: str, suggesters: Suggesters = V6) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the small model takes the upper-case place for an organisation
            "NAIROBI — Kenya's president said on Monday that 12 people had died.",
            [("NAIROBI", "LOCATION"), ("Kenya", "LOCATION"), ("12", "FIGURE"), ("people", "ACTOR")],
        ),
        (  # ... before an agency's bracket
            "LONDON (Reuters) - The Bank of England raised rates on Thursday.",
            [("LONDON", "LOCATION"), ("Reuters", "ACTOR"), ("Bank of England", "ACTOR")],
        ),
        (  # a place the small model missed, before a comma and the country
            "KYIV, Ukraine -- Russian drones struck the capital overnight, officials said.",
            [("KYIV", "LOCATION"), ("Ukraine", "LOCATION"), ("officials", "ACTOR")],
        ),
        (  # a name of several words joined by hyphens
            "PORT-AU-PRINCE, Haiti — Gangs blocked the road, police said.",
            [("PORT-AU-PRINCE", "LOCATION"), ("Haiti", "LOCATION"), ("Gangs", "ACTOR"), ("police", "ACTOR")],
        ),
        (  # at the start of a later paragraph too
            "Rain fell all week.\nMADRID, Spain — The mayor said 40 streets were closed.",
            [("MADRID", "LOCATION"), ("Spain", "LOCATION"), ("The mayor", "ACTOR"), ("40", "FIGURE")],
        ),
    ],
)
def test_a_datelines_place_is_a_location(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


def test_entities_v5_took_a_datelines_place_for_an_actor(nlp) -> None:
    assert entities(nlp, "NAIROBI — Kenya's president said on Monday that 12 people had died.", V5)[0] == (
        "NAIROBI",
        "ACTOR",
    )


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE - The minister said 12 people had died.",  # a newsroom slug is no place
        "The minister said 12 people had died in NAIROBI, police said.",  # not where a paragraph opens
    ],
)
def test_what_is_no_dateline(nlp, text: str) -> None:
    assert ("UPDATE", "LOCATION") not in entities(nlp, text)
    assert ("NAIROBI", "ACTOR") not in entities(nlp, text)


def test_a_vessel_named_with_a_ships_prefix_is_no_actor_wherever_it_is_named(nlp) -> None:
    text = "The MV Seawind left port on Monday with 41 passengers. Seawind sank two hours later."
    assert entities(nlp, text, V5)[0] == ("MV Seawind", "ACTOR")
    assert entities(nlp, text) == [("41", "FIGURE"), ("passengers", "ACTOR")]


def test_naval_prefixes_name_vessels_too(nlp) -> None:
    assert entities(nlp, "HMS Victory and the USS Nimitz were nearby, the Navy said.") == [("Navy", "ACTOR")]


def test_a_hyphenated_fraction_is_part_of_its_figure(nlp) -> None:
    text = "The agency ordered 3,000 doses, or about three-and-a-half million dollars' worth."
    assert entities(nlp, text, V5)[-1] == ("about three", "FIGURE")
    assert entities(nlp, text) == [
        ("The agency", "ACTOR"),
        ("3,000", "FIGURE"),
        ("about three-and-a-half million", "FIGURE"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an organisation's acronym opening a paragraph, before a comma and a description
            "UNESCO, a specialized agency, listed the site on Monday.",
            [("UNESCO", "ACTOR"), ("a specialized agency", "ACTOR")],
        ),
        (  # a name joined to more of itself by a hyphen
            "SARS-CoV-2 has infected 2,000 people there.",
            [("2,000", "FIGURE"), ("people", "ACTOR")],
        ),
    ],
)
def test_an_upper_case_word_before_a_comma_or_a_hyphen_is_no_dateline(nlp, text: str, expected) -> None:
    assert entities(nlp, text) == expected


def test_a_dateline_with_points_a_region_and_an_agency(nlp) -> None:
    assert entities(nlp, "ST. LOUIS, Mo. (AP) — A judge ruled on Friday.")[0] == ("ST. LOUIS", "LOCATION")


def test_a_datelines_region_is_a_location_and_its_agency_an_actor(nlp) -> None:
    text = "MANILA, Philippines (Island Wire) — Rescuers reached the village on Sunday."
    assert entities(nlp, text, V5)[1:3] == [("Philippines", "ACTOR"), ("Island Wire", "LOCATION")]
    assert entities(nlp, text) == [
        ("MANILA", "LOCATION"),
        ("Philippines", "LOCATION"),
        ("Island Wire", "ACTOR"),
        ("Rescuers", "ACTOR"),
    ]


def test_a_name_after_a_noun_for_a_ship_is_a_vessel(nlp) -> None:
    text = "The warship HMS Kent and the trawler Ocean Star were nearby. Ocean Star's crew was safe."
    assert entities(nlp, text, V5)[:2] == [("HMS Kent", "ACTOR"), ("Ocean Star", "ACTOR")]
    assert entities(nlp, text) == [("Ocean Star's crew", "ACTOR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the maker before the model's number names the product
            "Officials inspected the Boeing 737 on Monday.",
            [("Officials", "ACTOR")],
        ),
        ("An Airbus A320 landed safely, the airline said.", [("the airline", "ACTOR")]),
        (  # a channel's number is no model's, and a number counting people is a figure
            "Channel 13 reported that 737 people were displaced.",
            [("Channel 13", "ACTOR"), ("737", "FIGURE"), ("people", "ACTOR")],
        ),
    ],
)
def test_a_makers_name_before_a_models_number_is_no_actor(nlp, text: str, expected) -> None:
    assert entities(nlp, text) == expected


def test_an_events_year_is_no_models_number(nlp) -> None:
    assert "Toronto Comicon" in dict(entities(nlp, "Toronto Comicon 2019 returned to its old hall."))


def test_the_name_in_the_island_of_is_a_location(nlp) -> None:
    text = "Rescuers reached a village on the main island of Luzon, and the town of Pandeglang."
    assert entities(nlp, text) == [("Rescuers", "ACTOR"), ("Luzon", "LOCATION"), ("Pandeglang", "LOCATION")]
