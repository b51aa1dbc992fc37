"""A terminal's escape sequence is never a span's edge (trial 26): "John Smith ESC[0m said ..." got the suggestion ACTOR
'John Smith ESC[0m'. The tokenizer made the sequence a token of its own, but the span rules judged an edge by its
last character, and "ESC[0m" ends in the letter m: the model's entity over it was kept whole, and a key could move
a span's end onto it. Now a span may not start or end with (or inside) an escape sequence, `fit` trims one whole,
and the C1 forms (CSI as one character, other C1 controls) and ESC plus one character ("ESC(B") are tokens of their
own too. The real console script and real databases where the CLI is involved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

from annotator.edges import move_edge
from annotator.models import Label
from annotator.spans import edge_problem, fit, fitted
from annotator.suggest import suggest_doc
from annotator.suggest.tokens import tokenize

ESCAPE = "a span may not start or end with a terminal escape sequence"


def words(text: str) -> list[str]:
    [tokens] = tokenize([text])
    return [text[t.start : t.end] for t in tokens]


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "sequence"),
    [
        ("John Smith\x1b[0m said", 0, 14, Label.ACTOR, "␛[0m"),
        ("He said we go\x1b[0m now", 8, 17, Label.QUOTE, "␛[0m"),
        ("\x1b[1mPeter Brown said", 0, 15, Label.ACTOR, "␛[1m"),
        ("John Smith\x1b[0m said", 0, 13, Label.ACTOR, "␛[0m"),  # inside it: the '0'
        ("He said \x1b[0mwe go now", 9, 21, Label.QUOTE, "␛[0m"),  # from its '[' on
        ("John Smith\x9b0m said", 0, 13, Label.ACTOR, "⟨U+009B⟩0m"),
        ("John Smith\x9b0m said", 11, 13, Label.FIGURE, "⟨U+009B⟩0m"),  # "0m" after the C1 CSI
        ("John Smith\x1b(B said", 0, 13, Label.ACTOR, "␛(B"),
        ("Ana\x1b]0;title\x1b\\ said", 0, 14, Label.QUOTE, "␛]0;title␛\\"),
    ],
)
def test_an_escape_sequence_at_an_edge_is_named(text: str, start: int, end: int, label: Label, sequence: str) -> None:
    assert edge_problem(text, start, end, label) == f"{ESCAPE} ({sequence})"


def test_a_sequence_inside_a_span_is_no_edge() -> None:
    text = "Ana\x1b[1mCosta said"
    assert edge_problem(text, 0, 12, Label.ACTOR) is None
    assert edge_problem("x\x1b[0m Ana Costa", 6, 15, Label.ACTOR) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "fitted_to"),
    [
        ("John Smith\x1b[0m said", 0, 14, Label.ACTOR, "John Smith"),
        ("\x1b[1;31mPeter Brown\x1b[0m said", 0, 23, Label.QUOTE, "Peter Brown"),
        ("John Smith\x1b[0m\x1b[1m said", 0, 18, Label.ACTOR, "John Smith"),
        ("John Smith\x9b0m said", 0, 13, Label.ACTOR, "John Smith"),
    ],
)
def test_fit_trims_a_sequence_whole(text: str, start: int, end: int, label: Label, fitted_to: str) -> None:
    found = fit(text, start, end, label)
    assert found is not None
    assert text[found[0] : found[1]] == fitted_to


def test_fit_leaves_nothing_of_a_span_that_is_a_sequence() -> None:
    assert fit("said \x1b[0m now", 5, 9, Label.QUOTE) is None
    assert fit("said \x9b0m now", 6, 8, Label.FIGURE) is None


def test_a_machine_span_over_the_sequence_rests_on_the_name() -> None:
    text = "John Smith\x1b[0m said the plan was fine."
    [tokens] = tokenize([text])
    assert fitted(text, [(0, 14, Label.ACTOR, None)], tokens) == [(0, 10, Label.ACTOR, None)]


def test_c1_controls_and_two_character_escapes_are_tokens_of_their_own() -> None:
    assert words("John Smith\x9b0m said.") == ["John", "Smith", "0m", "said", "."]
    assert words("Smith\x1b(Bsaid \x1b7Lyon\x92s") == ["Smith", "(B", "said", "7", "Lyon", "s"]


def test_a_key_moving_the_end_steps_over_the_sequence() -> None:
    text = "John Smith\x1b[0m said it."
    [tokens] = tokenize([text])
    offsets = [(t.start, t.end) for t in tokens]
    assert [text[s:e] for s, e in offsets] == ["John", "Smith", "[0m", "said", "it", "."]
    assert move_edge(text, offsets, 0, 10, Label.QUOTE, "end", 1) == (0, 19)  # "John Smith␛[0m said"
    assert move_edge(text, offsets, 15, 22, Label.QUOTE, "start", -1) == (5, 22)  # "Smith␛[0m said it"


def test_the_model_suggests_the_name_without_the_sequence(nlp) -> None:
    text = "John Smith\x1b[0m said the plan was fine. Mary Jones\x1b[31m visited Paris\x1b[0m on Monday."
    assert [(s.label, s.text) for s in suggest_doc(nlp(text))] == [
        (Label.ACTOR, "John Smith"),
        (Label.ACTOR, "Mary Jones"),
        (Label.LOCATION, "Paris"),
    ]


def test_an_ingested_article_keeps_its_text_and_gets_the_names(tmp_path: Path) -> None:
    text = "John Smith\x1b[0m said the plan was fine. Mary Jones\x1b[31m visited Paris\x1b[0m on Monday."
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    assert annotator("ingest", path, "--db", tmp_path / "a.db").returncode == 0
    result = annotator("export", "--suggestions", "-o", "-", "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == text
    assert [(s["start"], s["end"], s["label"], s["text"]) for s in record["spans"]] == [
        (0, 10, "ACTOR", "John Smith"),
        (39, 49, "ACTOR", "Mary Jones"),
        (63, 68, "LOCATION", "Paris"),
    ]
