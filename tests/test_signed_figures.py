"""A newcomer's re-trial: "it was -5C at night" could not be marked (N4: every key refused, "a FIGURE span may not
start with punctuation ('-')") nor was it suggested, and "Winds reached 90km/h" gave FIGURE '90' and an ACTOR
'km/h' (N3), which `A` accepted. A minus sign glued before digits is part of the number: a FIGURE may start with
it (not a dash between two numbers or words: "3-1", "K2-18b"); a unit glued to a number is never an ACTOR or a
LOCATION. Span rules, the label keys' core function on real tokens, and the real pipeline and CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import ingested_suggestions
from support import offered

from annotator.models import Label, check_spans
from annotator.spans import edge_problem, fit
from annotator.suggest import Suggesters, suggest_doc

V16 = Suggesters("entities.v16", "quotes.v6")


@pytest.mark.parametrize(
    ("text", "start", "label", "problem"),
    [
        ("it was -5C", 7, Label.FIGURE, None),
        ("it was -12.5", 7, Label.FIGURE, None),
        ("it was \u22125C", 7, Label.FIGURE, None),  # U+2212, a minus sign: a symbol, never punctuation
        ("fell -£3.2bn", 5, Label.FIGURE, None),
        ("it was -5C", 7, Label.ACTOR, "an ACTOR span may not start with punctuation ('-')"),
        ("it was - 5", 7, Label.FIGURE, "a FIGURE span may not start with punctuation ('-')"),  # not glued
        ("won 3-1", 5, Label.FIGURE, "a FIGURE span may not start with punctuation ('-')"),  # a score's dash
        ("K2-18", 2, Label.FIGURE, "a FIGURE span may not start with punctuation ('-')"),
    ],
)
def test_a_figure_may_start_with_a_minus_sign_glued_to_its_digits(
    text: str, start: int, label: Label, problem: str | None
) -> None:
    assert edge_problem(text, start, len(text), label) == problem


def test_fit_keeps_the_minus_sign_of_a_figure() -> None:
    assert fit("it was -5C", 7, 10, Label.FIGURE) == (7, 10)
    assert fit("it was -5C", 7, 10, Label.LOCATION) == (8, 10)


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Winds reached 90km/h and it was -5C at night.", "-5C", [(("FIGURE",), "-5C")]),
        ("It was -5 degrees overnight.", "-5", [(("FIGURE",), "-5")]),
        ("Winds reached 90km/h and it was -5C at night.", "km/h", [(("FIGURE",), "90")]),
    ],
)
def test_the_label_keys_offer_a_signed_figure(text: str, word: str, phrase: list[tuple[tuple[str, ...], str]]) -> None:
    assert offered(text, word) == phrase


def entities(nlp, text: str) -> list[tuple[str, str]]:
    suggestions = suggest_doc(nlp(text), V16)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Winds reached 90km/h and it was -5C at night.", [("90", "FIGURE"), ("-5C", "FIGURE")]),
        ("It was \u22125C and then -12.5 degrees.", [("\u22125C", "FIGURE"), ("-12.5", "FIGURE")]),
        ("It fell to -3 million.", [("-3 million", "FIGURE")]),  # the small model's 'million' alone before
        ("Profits fell -£3.2bn, to -$5m.", [("-£3.2bn", "FIGURE"), ("-$5m", "FIGURE")]),
        ("The index moved -0.3% on Monday.", [("-0.3%", "FIGURE")]),
        ("Winds of 60mph were felt.", [("60", "FIGURE")]),
        ("The score was 3-1.", [("3-1", "FIGURE")]),  # no signed figure inside a score
        ("It was -5C (-4C by day).", [("-5C", "FIGURE"), ("-4C", "FIGURE")]),
        ("Since COVID[-19] began, I have no work.", []),  # a corpus text: a name's number, glued to it
    ],
)
def test_what_entities_v16_suggests_for_signed_figures_and_glued_units(
    nlp, text: str, expected: list[tuple[str, str]]
) -> None:
    assert entities(nlp, text) == expected


def test_ingest_of_the_re_trials_story(tmp_path: Path) -> None:
    """The re-trial's own story through the real CLI: no ACTOR 'km/h', '-5C' a FIGURE."""
    story = (
        "Kelby wind farm approved\n\nThe 10MW wind farm will cost £3.2bn, up 7pc on last year. Winds reached 90km/h"
        " and it was -5C at night. Each blade weighs 20kg more than planned. The firm paid $5m. Rain fell 35mm in"
        " an hour. The deal is worth €410m.\n"
    )
    suggestions = ingested_suggestions(tmp_path, "figs2.txt", story)
    assert [(s.text, s.label.value) for s in suggestions] == [
        ("10MW", "FIGURE"),
        ("£3.2bn", "FIGURE"),
        ("7pc", "FIGURE"),
        ("90", "FIGURE"),
        ("-5C", "FIGURE"),
        ("20", "FIGURE"),
        ("$5m", "FIGURE"),
        ("35", "FIGURE"),
        ("€410m", "FIGURE"),
    ]
