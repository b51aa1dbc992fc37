"""entities.v14's rules (`suggest.general_v14`: a surname again after a line break or two spaces, a name with its
capital "The", no ACTOR starting inside a hyphenated word, "four or more" and "only one" as figures) on sentences
written for the purpose (none from the gold files), with the real pipeline: exact (text, label) pairs of the entity
layer beside entities.v13's layer for the same text; the surname rule on its own beside `general_v4.people_again`
(the models mark most repeated surnames themselves, so the rule matters where they do not); and the real CLI ingesting
a .txt file with the default suggesters."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import ingested_suggestions

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, general_v4, general_v14, suggest_doc
from annotator.suggest.entities import Candidate

V13 = Suggesters("entities.v13", "quotes.v5")
V14 = Suggesters("entities.v14", "quotes.v5")


def entities(nlp, text: str, suggesters: Suggesters = V14) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


CASES = [
    (  # an outlet's name with its capital "The", inside a sentence
        "The mayor told The Verge that the budget was final.",
        [("The mayor", "ACTOR")],
        [("The mayor", "ACTOR"), ("The Verge", "ACTOR")],
    ),
    (  # the model's span began after the hyphen of "five-person"
        "A five-person crew filmed the documentary.",
        [("five", "FIGURE"), ("person crew", "ACTOR")],
        [("five", "FIGURE"), ("crew", "ACTOR")],
    ),
    (
        "A well-known lawyer filed the appeal.",
        [("known lawyer", "ACTOR")],
        [("lawyer", "ACTOR")],
    ),
    (  # "or more" widens the figure as "more than" does; the counted noun keeps its own span
        "The survey counts events where four or more people are shot.",
        [("four", "FIGURE"), ("more people", "ACTOR")],
        [("four or more", "FIGURE"), ("people", "ACTOR")],
    ),
    (  # "one" after "only" or "just" is a count, not an article
        "The company sold only one car last year.",
        [("The company", "ACTOR")],
        [("The company", "ACTOR"), ("only one", "FIGURE")],
    ),
    (
        "One man said the shop had just one customer all day.",
        [("One man", "ACTOR")],
        [("One man", "ACTOR"), ("just one", "FIGURE")],
    ),
]


@pytest.mark.parametrize(("text", "v13", "v14"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_what_entities_v14_changes(nlp, text: str, v13: list[tuple[str, str]], v14: list[tuple[str, str]]) -> None:
    assert entities(nlp, text, V13) == v13
    assert entities(nlp, text) == v14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a work's title is a thing, not an outlet; "The" after a colon may open a sentence
        ("She read The Great Gatsby on the train.", []),
        ("The committee said: The Hague will host the talks.", [("The committee", "ACTOR")]),
        # a hyphenated word the span holds whole stays, and so does a span that starts with one
        (
            "Fifty well-armed police officers surrounded the house.",
            [("Fifty", "FIGURE"), ("well-armed police officers", "ACTOR")],
        ),
        ("Local anti-abortion activists protested outside.", [("Local anti-abortion activists", "ACTOR")]),
        # two numbers joined by "or" are two figures; "one" as an article is none
        (
            "The survey counts events where four or five people are shot.",
            [("four", "FIGURE"), ("five", "FIGURE"), ("people", "ACTOR")],
        ),
        ("One man said the road was closed.", [("One man", "ACTOR")]),
    ],
)
def test_what_the_rules_leave_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected == entities(nlp, text, V13)


@pytest.mark.parametrize(
    ("text", "v4", "v14"),
    [
        # two spaces or a line break before the surname: whitespace tokens, which glue nothing
        (
            "Singer Anna Kowalski died on Friday.  Kowalski recorded ten albums.",
            ["Anna Kowalski"],
            ["Anna Kowalski", "Kowalski"],
        ),
        (
            "Singer Anna Kowalski died on Friday.\nKowalski recorded ten albums.",
            ["Anna Kowalski"],
            ["Anna Kowalski", "Kowalski"],
        ),
        # glued to a prefix or a hashtag: part of another word, in both
        ("Singer Anna Kowalski died on Friday. The pro-Kowalski vote grew.", ["Anna Kowalski"], ["Anna Kowalski"]),
        ("Singer Anna Kowalski died on Friday. Fans posted #Kowalski tributes.", ["Anna Kowalski"], ["Anna Kowalski"]),
    ],
)
def test_a_surname_again_after_whitespace(nlp, text: str, v4: list[str], v14: list[str]) -> None:
    doc = nlp(text)
    named = [Candidate(1, 3, Label.ACTOR, "person")]  # "Anna Kowalski", as the layer marks it
    assert doc[1:3].text == "Anna Kowalski"
    assert [doc[s.start : s.end].text for s in general_v4.people_again(doc, named)] == v4
    assert [doc[s.start : s.end].text for s in general_v14.people_again(doc, named)] == v14


STORY = "The mayor told The Verge that the budget was final.\nA five-person crew filmed only one meeting.\n"


def test_ingest_of_a_story_with_an_outlet_a_hyphenated_word_and_a_count(tmp_path: Path) -> None:
    """The real CLI, with the default suggesters: the outlet keeps its "The", the crew is no "person crew", "only one"
    is a FIGURE."""
    suggestions = ingested_suggestions(tmp_path, "mayor.txt", STORY)
    assert [(s.text, s.label.value, s.suggester) for s in suggestions] == [
        ("The mayor", "ACTOR", "entities.v16"),
        ("The Verge", "ACTOR", "entities.v16"),
        ("five", "FIGURE", "entities.v16"),
        ("crew", "ACTOR", "entities.v16"),
        ("only one", "FIGURE", "entities.v16"),
    ]
