"""entities.v3's general rules on sentences written for the purpose (none from the gold files), with the real
pipeline: each rule's effect as exact (text, label) pairs of the entity layer, as entities.v4 makes it (it runs
them all; entities.v5, the default since, also leaves out the spans the learned component is unsure of, which
`tests/test_suggest_confidence.py` tests on sentences of its own)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc
from annotator.suggest.entities import Candidate
from annotator.suggest.figures import not_a_figure
from annotator.suggest.general import is_thing

V4 = Suggesters("entities.v4", "quotes.v3")


def entities(nlp, text: str) -> list[tuple[str, str]]:
    """The entity layer entities.v4 makes for `text`, in order."""
    suggestions = suggest_doc(nlp(text), V4)
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flights resumed at 0900 UTC on Friday.", []),  # a time zone
        ("The launch is set for 9:30 Pacific Time on Friday.", []),  # a time zone's name
        ("He was given the Hartley Award in 2004.", []),  # a prize
        ("Her father died of COVID-19 last week.", [("Her father", "ACTOR")]),  # a disease's name
        ("The outbreak of H5N1 spread to Poland.", [("Poland", "LOCATION")]),  # a strain's name
        ("Crowds gathered for a pro-Trump rally in Ohio.", [("Ohio", "LOCATION")]),  # a name made a modifier
        ("She thanked her fans in a TikTok video on Sunday.", [("her fans", "ACTOR")]),  # a platform
        ("The governor posted on Telegram that the bridge would reopen.", [("The governor", "ACTOR")]),
        ("The book is a novel entitled Egypt written by a young author.", [("a young author", "ACTOR")]),  # a title
        ("Fans shared the news with the tag #Lakers on Sunday.", [("Fans", "ACTOR")]),  # a hashtag
        ("It was a long season. I‘m so proud of the boys.", [("the boys", "ACTOR")]),  # "I‘m", one token
        ("She is running for a senate seat next year.", []),  # a word in lower case that modifies a noun
    ],
)
def test_things_are_no_actors_or_places(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a given name the small model left out of the person's name
            "Ramon dela Torre of the navy said the ship had sunk.",
            [("Ramon dela Torre", "ACTOR"), ("navy", "ACTOR")],
        ),
        (  # a surname that names a family: the family is the participant
            "The Lindqvist family thanked the rescuers.",
            [("Lindqvist family", "ACTOR"), ("the rescuers", "ACTOR")],
        ),
        (  # honorifics and religious titles are titles
            "Sayyid Hassan Nouri, a member of the council, died on Friday.",
            [("Hassan Nouri", "ACTOR"), ("the council", "ACTOR")],
        ),
        ("Ayatollah Reza Tabrizi spoke at the funeral.", [("Reza Tabrizi", "ACTOR")]),
        ("Grand Mufti Ahmed Karimi led the prayers.", [("Ahmed Karimi", "ACTOR")]),
        ("The country's Supreme Leader Hassan Rouhani gave a speech.", [("Hassan Rouhani", "ACTOR")]),
        (  # words before a title that are part of the title are not an organisation
            "Britain's National Security Adviser Mark Sedwill met the minister.",
            [("Britain", "LOCATION"), ("Mark Sedwill", "ACTOR"), ("the minister", "ACTOR")],
        ),
        (  # a body the title belongs to, before the name, is an organisation; a description is not marked
            "Speaker of the parliament Laila Ahmadi opened the session on Monday.",
            [("the parliament", "ACTOR"), ("Laila Ahmadi", "ACTOR")],
        ),
        ("Chairman of the committee Tom Hale said the report was late.", [("Tom Hale", "ACTOR")]),
        (  # an organisation before the title is
            "Coast Guard Commandant Elson Hermogino ordered a review.",
            [("Coast Guard", "ACTOR"), ("Elson Hermogino", "ACTOR")],
        ),
    ],
)
def test_names_and_titles(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The man was named by a police spokesperson on Monday.",
            [("The man", "ACTOR"), ("a police spokesperson", "ACTOR")],
        ),
        ("The letter was sent to the Supreme Leader last week.", [("the Supreme Leader", "ACTOR")]),
        ("She later chaired the Governor's office.", [("the Governor's office", "ACTOR")]),
        ("One official said the road was closed.", [("One official", "ACTOR")]),
    ],
)
def test_participants_keep_their_determiner(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


def test_one_counted_with_other_numbers_is_a_figure(nlp) -> None:
    assert entities(nlp, "The storm killed one and injured eight people.") == [
        ("one", "FIGURE"),
        ("eight", "FIGURE"),
        ("people", "ACTOR"),
    ]


def test_a_place_noun_in_lower_case_is_not_part_of_the_name(nlp) -> None:
    assert entities(nlp, "The army shelled the northern Homs province overnight.") == [
        ("The army", "ACTOR"),
        ("Homs", "LOCATION"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France condemned the attack on Monday.", [("France", "ACTOR")]),  # a place that acts
        (  # what a title or a people is "of" is a place
            "The road was closed, according to the mayor of Kovrov.",
            [("the mayor", "ACTOR"), ("Kovrov", "LOCATION")],
        ),
        ("The aid reached the people of Bamyan on Monday.", [("the people", "ACTOR"), ("Bamyan", "LOCATION")]),
        (  # ... also where the small model ran the place into the person's name
            "Mayor of Gdynia Tomasz Wolski declared a day of mourning.",
            [("Gdynia", "LOCATION"), ("Tomasz Wolski", "ACTOR")],
        ),
        (
            "Governor of Kherson Oleksandr Prokudin said the town was shelled.",
            [("Kherson", "LOCATION"), ("Oleksandr Prokudin", "ACTOR")],
        ),
        (  # a place that undergoes something stays a place
            "Japan has experienced three strong earthquakes this year.",
            [("Japan", "LOCATION"), ("three", "FIGURE")],
        ),
        ("Chile suffered heavy flooding in June.", [("Chile", "LOCATION")]),
        ("The Grand Lotus Hotel caught fire early on Tuesday.", [("Grand Lotus Hotel", "LOCATION")]),  # a building
        ("Egypt's army closed the crossing on Friday.", [("Egypt", "ACTOR"), ("army", "ACTOR")]),  # its forces act
        ("The plan drew criticism, even from its closest ally, France.", [("France", "ACTOR")]),  # an ally acts
        (  # a role's country is a place
            "Peru's president Dina Boluarte visited the town.",
            [("Peru", "LOCATION"), ("Dina Boluarte", "ACTOR")],
        ),
    ],
)
def test_a_place_acts_or_undergoes(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


def test_a_body_the_small_model_takes_for_a_work_is_no_thing() -> None:
    """On a parse made by hand (the small model's reading of a news sentence): a name headed by an
    organisation noun stays an ACTOR whatever type the small model gives it; a work stays a thing."""
    vocab = spacy.blank("en").vocab
    work = ["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART"]
    words = ["The", "Road", "Safety", "Ministry", "said", "it", "and", "The", "Road", "Safety", "Song", "."]
    doc = Doc(
        vocab,
        words=words,
        pos=["DET", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "CCONJ", "DET", "PROPN", "PROPN", "PROPN", "PUNCT"],
        heads=[3, 3, 3, 4, 4, 4, 5, 10, 10, 10, 5, 4],
        deps=[
            "det",
            "compound",
            "compound",
            "nsubj",
            "ROOT",
            "dobj",
            "cc",
            "det",
            "compound",
            "compound",
            "conj",
            "punct",
        ],
        ents=[*work, "O", "O", "O", *work, "O"],
    )
    assert is_thing(doc, Candidate(1, 4, Label.ACTOR, "group")) is False
    assert is_thing(doc, Candidate(8, 11, Label.ACTOR, "group")) is True


def test_a_share_the_small_model_takes_for_a_date_is_a_figure() -> None:
    """On a parse made by hand (the small model's reading of a news sentence): "about a quarter of" is a
    share, "the first quarter" a date."""
    vocab = spacy.blank("en").vocab
    words = ["for", "about", "a", "quarter", "of", "homes", "in", "the", "first", "quarter"]
    date = ["B-DATE", "I-DATE", "I-DATE"]
    doc = Doc(vocab, words=words, ents=["O", *date, "O", "O", "O", "O", "B-ORDINAL", "B-DATE"])
    assert not_a_figure(doc, Candidate(1, 4, Label.FIGURE, "other")) is False
    assert not_a_figure(doc, Candidate(8, 10, Label.FIGURE, "other")) is True
