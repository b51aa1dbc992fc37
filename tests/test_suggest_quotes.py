"""The quote finder on small texts (no model), and speakers on small texts (real model)."""

from __future__ import annotations

import sys

from annotator.models import Label, check_spans
from annotator.suggest import suggest_doc
from annotator.suggest.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_quotes() -> None:
    assert quoted('He said "we will stay" and left.') == ["we will stay"]


def test_curly_quotes() -> None:
    assert quoted("She said “we will stay,” and left.") == ["we will stay,"]


def test_one_word_quote() -> None:
    assert quoted('Israel voiced "disgust" over the move.') == ["disgust"]


def test_single_quotes_inside_a_quote_are_part_of_it() -> None:
    assert quoted("He said “they called it ‘a farce’ at once.”") == ["they called it ‘a farce’ at once."]


def test_paragraph_reopening_quote_gives_one_quote_per_paragraph_in_one_chain() -> None:
    text = 'He said: "First part of it.\n"Second part of it.\n"Third part," he added.'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["First part of it.", "Second part of it.", "Third part,"]
    assert len({q.chain for q in quotes}) == 1


def test_unbalanced_quote_is_not_a_quote() -> None:
    assert quoted('He said "we will stay and left.\nThe next day was calm.') == []


def test_closing_mark_without_opening_is_ignored() -> None:
    assert quoted('Are they on board?" [...] Then "yes" came back.') == ["yes"]


def test_quote_after_a_closed_one_in_the_next_paragraph_starts_a_new_chain() -> None:
    quotes = find_quotes('"One."\n"Two."')
    assert len({q.chain for q in quotes}) == 2


def test_bracketed_gloss_is_not_a_quote() -> None:
    assert quoted('An anti-Brexit ("British exit") march.') == []


def test_importing_suggest_does_not_import_spacy() -> None:
    import subprocess

    code = "import sys, annotator.suggest; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    suggestions = suggest_doc(nlp(text))
    check_spans(list(suggestions), text)
    return [
        (s.text, text[s.speaker.start : s.speaker.end] if s.speaker else None)
        for s in suggestions
        if s.label is Label.QUOTE
    ]


def test_speaker_after_the_quote(nlp) -> None:
    assert speakers(nlp, '"We will rebuild the school," said Maria Lopez, the mayor.') == [
        ("We will rebuild the school,", "Maria Lopez")
    ]


def test_unnamed_speaker_is_added_as_actor(nlp) -> None:
    text = '"The water came at night," one farmer said.'
    suggestions = suggest_doc(nlp(text))
    assert [(s.label, s.text) for s in suggestions if s.label is Label.ACTOR] == [(Label.ACTOR, "one farmer")]
    assert speakers(nlp, text) == [("The water came at night,", "one farmer")]


def test_pronoun_speaker_resolves_to_the_earlier_person(nlp) -> None:
    text = 'John Smith arrived in Paris on Monday. "It was a long trip," he told reporters.'
    assert speakers(nlp, text) == [("It was a long trip,", "John Smith")]


def test_paragraph_chain_shares_its_speaker(nlp) -> None:
    text = 'Anna Berg said: "We waited for hours.\n"Nobody came to help us."'
    assert speakers(nlp, text) == [("We waited for hours.", "Anna Berg"), ("Nobody came to help us.", "Anna Berg")]


def test_short_quote_with_no_speaker_is_a_scare_quote(nlp) -> None:
    assert speakers(nlp, 'The so-called "peace plan" was published on Monday.') == []


def test_title_case_quote_with_no_speaker_is_a_title(nlp) -> None:
    assert speakers(nlp, 'The site ran a page called "The Internet Explorer Six Countdown" last year.') == []
