"""A newcomer's re-trial of the label keys on present-tense verbs: the headline's words "Harwick Foods posts lower
profit" in a body sentence still gave 'Harwick Foods posts' on "posts" (1 added it as an ACTOR); "The new bridge
opens soon." gave 'The new bridge opens' on "opens" (an adjective inside the subject); in headlines a bare verb after
a plural subject was taken in or offered alone: 'rise' ("Oil prices rise on supply fears"), 'Rail workers strike',
'Norland farmers block', 'Norland farmers block roads'. The keys refuse such a verb and no group takes it in; the
plural subjects before them stay groups. Core functions on spaCy's tokens, as the TUI's keys call them."""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator import phrases
from annotator.vocabulary import Label

BODY = "The results were published on Monday. Harwick Foods posts lower profit after a poor harvest."


def added(text: str, word: str) -> str | None:
    """What the ACTOR key adds at `word` with nothing selected: its words, or None where it refuses."""
    tokens, index = spacy_at(text, word)
    if phrases.why_no_phrase(text, tokens, index) is not None:
        return None
    found = phrases.at_cursor(text, tokens, index, Label.ACTOR)
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


def headline(line: str) -> str:
    return f"{line}\nThe story was first reported on Monday."


def test_a_verb_in_s_before_its_modified_object_in_a_body_sentence() -> None:
    assert added(BODY, "posts") is None
    assert offered(BODY, "posts") == []
    assert added(BODY, "profit") == "lower profit"
    assert added(BODY, "Foods") == "Harwick Foods"
    assert added(BODY, "harvest") == "a poor harvest"


def test_a_verb_in_s_before_an_adverb_ending_its_clause_after_a_modified_subject() -> None:
    text = "The new bridge opens soon."
    assert added(text, "opens") is None
    assert added(text, "bridge") == "The new bridge"
    assert added("Officials said the new bridge opens soon.", "opens") is None


@pytest.mark.parametrize(
    ("line", "verb", "subject", "noun", "group"),
    [
        ("Oil prices rise on supply fears", "rise", "prices", "fears", "supply fears"),
        ("Rail workers strike over pay", "strike", "workers", "pay", "pay"),
        ("Norland farmers block roads", "block", "farmers", "roads", "roads"),
        ("Velden residents protest new tax", "protest", "residents", "tax", "new tax"),
        ("Harwick Foods employees walk out", "walk", "employees", None, None),
        ("Harwick shares fall after warning", "fall", "shares", "warning", "warning"),
    ],
)
def test_a_headlines_bare_verb_after_a_plural_subject_is_refused(
    line: str, verb: str, subject: str, noun: str | None, group: str | None
) -> None:
    text = headline(line)
    assert added(text, verb) is None
    tokens, index = spacy_at(text, verb)
    assert phrases.why_no_phrase(text, tokens, index) == "a verb after its subject"
    assert offered(text, verb) == []
    assert added(text, subject) == line[: line.index(subject) + len(subject)]
    if noun is not None:
        assert added(text, noun) == group


@pytest.mark.parametrize(
    ("text", "word", "group"),
    [
        ("Oil prices rose on Monday.", "prices", "Oil prices"),
        ("Rail workers said they would strike.", "workers", "Rail workers"),
        ("Norland farmers said the roads were blocked.", "farmers", "Norland farmers"),
        ("Velden residents were angry.", "residents", "Velden residents"),
        ("Lund supporters cheered the team.", "supporters", "Lund supporters"),
        ("Harwick Foods employees were told on Monday.", "employees", "Harwick Foods employees"),
        ("Harwick shares fell 5% on Monday.", "shares", "Harwick shares"),
        ("Teachers said so. Nurses agreed.", "Teachers", "Teachers"),
        ("Teachers said so. Nurses agreed.", "Nurses", "Nurses"),
        (headline("Teachers strike over pay"), "Teachers", "Teachers"),
        (headline("Nurses vote to strike"), "Nurses", "Nurses"),
        (headline("Lund supporters celebrate title"), "supporters", "Lund supporters"),
    ],
)
def test_the_plural_subjects_stay_groups(text: str, word: str, group: str) -> None:
    assert added(text, word) == group
