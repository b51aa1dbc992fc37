"""A newcomer's re-trial (N10, N1, N2): the label keys on a word with no span took verbs and adverbs. In the headline
"Harwick Foods posts lower profit" 1 on "profit" added 'Harwick Foods posts lower profit' and on "posts" 'Harwick
Foods posts'; on "delays" of "Council delays vote on new bridge" 'Council delays'; on "needs" and "court" of "the
court needs more staff" 'the court needs'; on "opens" of "the park opens soon" 'the park opens'; on "plans" of "The
council plans a new park" 'plans'; after a modal 'debate', 'vote', 'review'; the adverbs 'early' and 'soon'; on a
sentence's capitalised first word 'Competition' where mid-sentence the key gives 'competition regulators'; and 3 on
"six" of "six months ago" 'six' (the guide: a duration, a time, is no figure). A verb in -s after its subject with its
object, a clause's end or (in a headline) the noun group it governs after it, and a bare verb after a modal, are
verbs: the keys add nothing there and say why, and no group takes them in; an adverb is no noun. Core functions on
spaCy's tokens, as the TUI's keys call them; sentences written for the test."""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator import phrases
from annotator.vocabulary import Label

ENTITIES = ("ACTOR", "LOCATION")  # words with no number: no FIGURE (the guide; `figure_labels`)
HEADLINE = "Harwick Foods posts lower profit\nThe company said sales fell in the spring."
COUNCIL = "Council delays vote on new bridge\nThe vote was due on Monday."


def added(text: str, word: str, label: Label = Label.ACTOR) -> str | None:
    """What the `label` key adds at `word` with nothing selected: its words, or None where it refuses."""
    tokens, index = spacy_at(text, word)
    if phrases.why_no_phrase(text, tokens, index) is not None:
        return None
    found = phrases.at_cursor(text, tokens, index, label)
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


def why(text: str, word: str) -> str | None:
    tokens, index = spacy_at(text, word)
    return phrases.why_no_phrase(text, tokens, index)


def test_a_headlines_verb_in_s_is_no_part_of_either_group() -> None:
    assert added(HEADLINE, "profit") == "lower profit"
    assert added(HEADLINE, "lower") == "lower profit"
    assert added(HEADLINE, "posts") is None
    assert why(HEADLINE, "posts") == "a verb after its subject"
    assert added(HEADLINE, "Foods") == "Harwick Foods"
    assert offered(HEADLINE, "profit") == [(ENTITIES, "lower profit")]
    assert offered(HEADLINE, "posts") == []
    assert added(COUNCIL, "delays") is None
    assert added(COUNCIL, "vote ") == "vote"
    assert added(COUNCIL, "Council") == "Council"


def test_a_verb_in_s_before_its_object_or_its_clauses_end_is_a_verb() -> None:
    court = "Former officials said the court needs more staff."
    assert added(court, "needs") is None
    assert why(court, "needs") == "a verb after its subject"
    assert added(court, "court") == "the court"
    park = "Local residents hope the park opens soon."
    assert added(park, "opens") is None
    assert added(park, "park") == "the park"
    council = "The council plans a new park."
    assert added(council, "plans") is None
    assert offered(council, "plans") == []
    assert added(council, "council") == "The council"


def test_a_plural_noun_in_a_compound_stays_in_its_group() -> None:
    assert added("I used to get panic attacks every night.", "attacks") == "panic attacks"
    assert added("I am making a lot of phone calls daily.", "calls") == "phone calls"
    assert added("The government has allowed Hong Kong citizens more freedom.", "Hong") == "Hong Kong citizens"
    assert added("Former officials said the court fees rose.", "court") == "the court fees"
    assert added("He said competition regulators would act.", "competition") == "competition regulators"
    assert added("Oil prices rose on Monday.", "prices") == "Oil prices"
    assert added("The storm cuts power to homes.", "storm") == "The storm"


@pytest.mark.parametrize(
    ("text", "word", "modal"),
    [
        ("The council will debate it on Monday.", "debate", "will"),
        ("Residents will vote next week.", "vote", "will"),
        ("The board will review the costs.", "review", "will"),
        ("The board would not review the costs.", "review", "would not"),
        ("Residents can't vote there.", "vote", "can't"),
        ("How can people look at both sides?", "people", None),
    ],
)
def test_a_bare_word_after_a_modal_is_its_verb(text: str, word: str, modal: str | None) -> None:
    if modal is None:  # a question: the modal's subject after it
        assert added(text, word) == word
        return
    assert added(text, word) is None
    assert why(text, word) == f"a verb after {modal!r}"
    assert offered(text, word) == []


def test_a_group_after_a_modals_verb_takes_no_verb_in() -> None:
    assert added("The board will review costs.", "costs") == "costs"
    assert added("The board will review the costs.", "costs") == "the costs"


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("Two judges retired early this year.", "early", Label.FIGURE),
        ("Local residents hope the park opens soon.", "soon", Label.ACTOR),
    ],
)
def test_an_adverb_alone_is_refused(text: str, word: str, label: Label) -> None:
    assert added(text, word, label) is None
    assert why(text, word) == "a pronoun, a function word or an adverb"
    assert offered(text, word) == []


def test_early_before_its_noun_is_its_modifier() -> None:
    assert added("Officials called early elections.", "early") == "early elections"


def test_a_sentences_capitalised_first_noun_opens_the_group_of_the_people_it_names() -> None:
    text = "Competition regulators in Dunmore are looking at the deal."
    assert added(text, "Competition") == "Competition regulators"
    assert added(text, "regulators") == "Competition regulators"
    assert added("Apple shares fell on Monday.", "Apple") == "Apple"


def test_a_number_of_a_duration_or_a_time_is_no_figure() -> None:
    text = "Sales rose to 9,100, up from 8,300 six months ago."
    assert added(text, "six", Label.FIGURE) is None
    assert why(text, "six") == "the number of a time, a duration or an age"
    assert offered(text, "six") == []
    assert added(text, "8,300", Label.FIGURE) == "8,300"
