"""entities.v4's general rules (`suggest.general_v4`) on sentences written for the purpose (none from the gold
files), with the real pipeline: each rule's effect as exact (text, label) pairs of the entity layer, next to
what entities.v3 makes of the same sentence, so each test shows the rule at work."""

from __future__ import annotations

import pytest
from support import entity_layers

from annotator.models import Label
from annotator.suggest import Suggesters

V3 = Suggesters("entities.v3", "quotes.v3")
V4 = Suggesters("entities.v4", "quotes.v3")


def layers(nlp, text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The entity layer entities.v3 and entities.v4 make for `text`, in order."""
    first, second = entity_layers(nlp, text, V3, V4)
    return first, second


@pytest.mark.parametrize(
    ("text", "v3", "v4"),
    [
        (
            "The search was led by Harris County Sheriff Ed Gonzalez on Friday.",
            [("Harris County", "LOCATION"), ("Sheriff Ed Gonzalez", "ACTOR")],
            [("Harris County", "LOCATION"), ("Ed Gonzalez", "ACTOR")],
        ),
        (
            "Broadcaster Anna Lind said the vote was close.",
            [("Broadcaster Anna Lind", "ACTOR")],
            [("Anna Lind", "ACTOR")],
        ),
    ],
)
def test_an_occupation_written_as_a_title_is_off_the_name(nlp, text: str, v3: list, v4: list) -> None:
    assert layers(nlp, text) == (v3, v4)


def test_a_capital_the_after_a_lower_case_word_starts_the_name(nlp) -> None:
    assert layers(nlp, "The song was first recorded by The Kinks in 1964.") == (
        [("Kinks", "ACTOR")],
        [("The Kinks", "ACTOR")],
    )


def test_a_plural_nationality_noun_is_a_group_of_participants(nlp) -> None:
    assert layers(nlp, "Without the Kurds the region would fall, the minister said.") == (
        [("the minister", "ACTOR")],
        [("Kurds", "ACTOR"), ("the minister", "ACTOR")],
    )


def test_a_name_words_go_via_is_a_medium(nlp) -> None:
    assert layers(nlp, "The mayor criticised the plan via Twitter on Monday.") == (
        [("The mayor", "ACTOR"), ("Twitter", "ACTOR")],
        [("The mayor", "ACTOR")],
    )


def test_a_vessel_named_by_its_noun_is_a_thing_in_every_mention(nlp) -> None:
    assert layers(nlp, "The crew of the ship, Seawind, was rescued. The Seawind sank near the coast.") == (
        [("The crew", "ACTOR"), ("Seawind", "ACTOR"), ("The Seawind", "ACTOR")],
        [("The crew", "ACTOR")],
    )


def test_a_persons_surname_recurring_unmarked_is_the_person(nlp) -> None:
    assert layers(nlp, "Singer Rosa Day died on Monday. Day made many records, and critics loved Day.") == (
        [("Rosa Day", "ACTOR"), ("critics", "ACTOR")],
        [("Rosa Day", "ACTOR"), ("Day", "ACTOR"), ("critics", "ACTOR"), ("Day", "ACTOR")],
    )


def test_a_surname_inside_another_word_or_a_works_title_is_not_the_person() -> None:
    """Checked on the words alone: "Trump-Ukraine" and "#Imus" join the name to another word."""
    import spacy

    from annotator.suggest.general_v4 import _name_run

    doc = spacy.blank("en")("the Trump-Ukraine call and #Imus")
    words = [t.text for t in doc]
    assert (words[1], _name_run(doc, 1, 2)) == ("Trump", False)
    assert (words[-1], _name_run(doc, len(doc) - 1, len(doc))) == ("Imus", False)


def test_members_of_an_actor_are_one_actor(nlp) -> None:
    assert layers(nlp, "Members of the public gathered outside the court.") == (
        [("Members", "ACTOR"), ("the public", "ACTOR"), ("the court", "ACTOR")],
        [("Members of the public", "ACTOR"), ("the court", "ACTOR")],
    )


@pytest.mark.parametrize(
    ("text", "v3", "v4"),
    [
        (
            "A few hundred people and an estimated two million viewers watched.",
            [("hundred", "FIGURE"), ("people", "ACTOR"), ("two million", "FIGURE"), ("viewers", "ACTOR")],
            [
                ("A few hundred", "FIGURE"),
                ("people", "ACTOR"),
                ("an estimated two million", "FIGURE"),
                ("viewers", "ACTOR"),
            ],
        ),
        (
            "Four or more people died, and a hundred thousand fled.",
            [("Four", "FIGURE"), ("more people", "ACTOR"), ("hundred thousand", "FIGURE")],
            [("Four", "FIGURE"), ("more people", "ACTOR"), ("a hundred thousand", "FIGURE")],
        ),
        ("The storm killed four or more.", [("four", "FIGURE")], [("four or more", "FIGURE")]),
    ],
)
def test_a_figure_takes_the_words_of_its_number(nlp, text: str, v3: list, v4: list) -> None:
    assert layers(nlp, text) == (v3, v4)


def test_a_noun_for_a_persons_role_is_a_participant(nlp) -> None:
    assert layers(
        nlp, "Police said the suspect had met his girlfriend before the attack. Rogue operatives were blamed."
    ) == (
        [("Police", "ACTOR")],
        [("Police", "ACTOR"), ("the suspect", "ACTOR"), ("his girlfriend", "ACTOR"), ("Rogue operatives", "ACTOR")],
    )


def test_a_role_noun_that_describes_or_that_a_nationality_modifies_adds_nothing(nlp) -> None:
    """A title before a name, a predicate, a bare singular ("taken hostage"), a nationality word's group."""
    text = "His wife Mary said he was a doctor, and she was taken hostage. Syrian refugees waited."
    assert layers(nlp, text) == (
        [("Mary", "ACTOR"), ("a doctor", "ACTOR"), ("Syrian refugees", "ACTOR")],
        [("Mary", "ACTOR"), ("a doctor", "ACTOR"), ("Syrian", "ACTOR")],  # the nationality word's group
    )


@pytest.mark.parametrize(
    ("text", "v3", "v4"),
    [
        (
            "The talks between Serbia and Kosovo stalled, and the conflict with Russia went on.",
            [("Serbia", "LOCATION"), ("Kosovo", "LOCATION"), ("Russia", "LOCATION")],
            [("Serbia", "ACTOR"), ("Kosovo", "ACTOR"), ("Russia", "ACTOR")],
        ),
        (  # a border is no dealing: the places stay places
            "The border between Serbia and Kosovo was closed.",
            [("Serbia", "LOCATION"), ("Kosovo", "LOCATION")],
            [("Serbia", "LOCATION"), ("Kosovo", "LOCATION")],
        ),
    ],
)
def test_places_in_dealings_are_parties(nlp, text: str, v3: list, v4: list) -> None:
    assert layers(nlp, text) == (v3, v4)


def test_a_verb_is_no_edge_of_an_actor(nlp) -> None:
    text = "The man began to stab people near the station, and police officers arrived soon after."
    assert layers(nlp, text) == (
        [("The man", "ACTOR"), ("stab people", "ACTOR"), ("police", "ACTOR"), ("officers", "ACTOR")],
        [("The man", "ACTOR"), ("people", "ACTOR"), ("police", "ACTOR"), ("officers", "ACTOR")],
    )


def test_a_nationality_adjective_is_the_group_not_its_noun(nlp) -> None:
    assert layers(nlp, "She said it was late. Syrian refugees waited.") == (
        [("Syrian refugees", "ACTOR")],
        [("Syrian", "ACTOR")],
    )


@pytest.mark.parametrize(
    ("text", "v3", "v4"),
    [
        (
            "The case went to the Supreme Court of the United Kingdom last week.",
            [("Supreme Court", "ACTOR"), ("United Kingdom", "LOCATION")],
            [("Supreme Court of the United Kingdom", "ACTOR")],
        ),
        (
            "The ruling came from the High Court of Kenya on Friday.",
            [("High Court", "ACTOR"), ("Kenya", "LOCATION")],
            [("High Court of Kenya", "ACTOR")],
        ),
    ],
)
def test_a_bodys_name_runs_through_its_of_phrase(nlp, text: str, v3: list, v4: list) -> None:
    assert layers(nlp, text) == (v3, v4)


def test_a_legal_texts_name_is_no_actor(nlp) -> None:
    assert layers(nlp, "The plan breaks the European Charter, and the Fifth Amendment protects him.") == (
        [("European Charter", "ACTOR")],
        [],
    )


def test_a_name_in_apposition_to_a_place_noun_is_a_place(nlp) -> None:
    assert layers(nlp, "The treaty says that the islands, including the island Rhodes, have no zone.") == (
        [("Rhodes", "ACTOR")],
        [("Rhodes", "LOCATION")],
    )


def test_a_name_before_a_comma_and_its_state_is_a_place(nlp) -> None:
    """On the rule itself, with an ACTOR a source might give ("Sherman" acting)."""
    from annotator.suggest.entities import Candidate
    from annotator.suggest.names_v4 import places_named_as_places

    doc = nlp("He was identified as Paul Kim of Sherman, Texas, police said.")
    spans = [
        Candidate(4, 6, Label.ACTOR, "person"),
        Candidate(7, 8, Label.ACTOR, "group"),
        Candidate(9, 10, Label.LOCATION, "other"),
    ]
    assert [(doc[c.start : c.end].text, c.label.value) for c in places_named_as_places(doc, spans)] == [
        ("Paul Kim", "ACTOR"),
        ("Sherman", "LOCATION"),
        ("Texas", "LOCATION"),
    ]


@pytest.mark.parametrize(
    ("text", "v3", "v4"),
    [
        (
            "The ship was 90 ft (~27 m) long, and the flood claimed 2804 lives.",
            [("90", "FIGURE")],
            [("90", "FIGURE"), ("2804", "FIGURE")],  # a plural noun counted: no year
        ),
        ("The boat was a 75 ft (~23 m) long vessel.", [("75", "FIGURE")], [("75", "FIGURE"), ("~23", "FIGURE")]),
        ("He served 12 years in prison, and the curfew ran from 10 p.m. on.", [], []),  # a duration, a time
    ],
)
def test_a_number_in_digits_that_counts_a_noun_is_a_figure(nlp, text: str, v3: list, v4: list) -> None:
    assert layers(nlp, text) == (v3, v4)
