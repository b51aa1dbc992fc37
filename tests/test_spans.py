"""The one set of span rules (annotator.spans), and that the editor and imports both apply it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import word_tokens

from annotator.errors import Refused
from annotator.models import ArticleIn, NativeRecord
from annotator.rows import Offsets
from annotator.spans import edge_problem, edges_fit, fit, fitted, layer_problem
from annotator.store import Store
from annotator.vocabulary import Label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("U.S.", Label.LOCATION),
        ("Acme Inc.", Label.ACTOR),
        ("12%", Label.FIGURE),
        ("@peoplesvote_uk", Label.ACTOR),
        ("Islamic State (IS)", Label.ACTOR),
        ("~23", Label.FIGURE),
        ("$4 billion", Label.FIGURE),
        ("we will fight,", Label.QUOTE),
        ("he said 'no'", Label.QUOTE),
    ],
)
def test_words_at_the_edges_are_allowed(text: str, label: Label) -> None:
    assert edge_problem(text, 0, len(text), label) is None


@pytest.mark.parametrize(
    ("text", "label", "problem"),
    [
        ("Paris.", Label.LOCATION, "a LOCATION span may not end with punctuation ('.')"),
        ("(Reuters", Label.ACTOR, "an ACTOR span may not start with punctuation ('(')"),
        ("about 1\xa0", Label.FIGURE, "a span may not start or end with white space"),
        ("\u200bGaza", Label.LOCATION, "a span may not start or end with an invisible character (⟨U+200B⟩)"),
        ("Gaza\x07", Label.LOCATION, "a span may not start or end with an invisible character (␇)"),
        (".\nWashington", Label.ACTOR, "a span may not cross a line break"),
        ("one\u2029two", Label.QUOTE, "a span may not cross a line break"),
        ('"We hear', Label.QUOTE, "a quote is the words between its quotation marks, without the marks"),
        ("night”", Label.QUOTE, "a quote is the words between its quotation marks, without the marks"),
    ],
)
def test_bad_edges_are_named(text: str, label: Label, problem: str) -> None:
    assert edge_problem(text, 0, len(text), label) == problem


def test_offsets_outside_the_text_are_refused() -> None:
    assert edge_problem("Gaza", 2, 2, Label.LOCATION) == "a span needs at least one character"
    assert edge_problem("Gaza", 0, 9, Label.LOCATION) == "0:9 is beyond the article's 4 characters"


def test_edges_fit_says_what_edge_problem_says_of_every_span() -> None:
    """An export checks every stored span with edges_fit: its shortcut (a letter or digit at both edges) never
    lets through a span across a line break or one out of range, and the other edges get the full rules."""
    text = "Rafah\nGaza said 12 people in U.S. (Reuters) died \u00e9t\u00e9\u00a0"
    good = [(0, 5, Label.LOCATION), (6, 10, "LOCATION"), (16, 25, Label.FIGURE), (29, 33, Label.LOCATION),
            (49, 52, Label.ACTOR)]  # fmt: skip
    assert [text[start:end] for start, end, _ in good] == ["Rafah", "Gaza", "12 people", "U.S.", "\u00e9t\u00e9"]
    assert edges_fit(text, good) is True
    assert edges_fit(text, []) is True
    cases = [(2, 8, Label.QUOTE), (35, 43, Label.ACTOR), (34, 43, Label.ACTOR), (49, 53, Label.ACTOR),
             (0, 99, Label.ACTOR), (3, 3, Label.ACTOR)]  # fmt: skip
    assert [edges_fit(text, [*good, case]) for case in cases] == [False] * 6
    assert [edge_problem(text, *case) for case in cases] == [
        "a span may not cross a line break",  # "fah\nGa": letters at both edges
        "an ACTOR span may not end with punctuation (')')",
        "an ACTOR span may not start with punctuation ('(')",  # "(Reuters)": the closing mark is its pair's
        "a span may not start or end with white space",
        "0:99 is beyond the article's 53 characters",
        "a span needs at least one character",
    ]


def test_edges_fit_takes_unprintable_characters_inside_a_span_to_the_full_rules() -> None:
    """edges_fit's shortcut for a span with letters at its edges needs every character inside printable (no line
    break is): a tab or a no-break space inside is fine by the full rules, a line or paragraph separator is not."""
    text = "we\tgo now\u00a0here\u2028there\x85then"
    inside = [(0, 5, Label.QUOTE), (3, 14, Label.ACTOR)]  # "we\tgo", "go now\xa0here"
    assert [edge_problem(text, *span) for span in inside] == [None, None]
    assert edges_fit(text, inside) is True
    across = [(10, 20, Label.QUOTE), (15, 25, Label.ACTOR)]  # "here\u2028there", "there\x85then"
    assert [edges_fit(text, [*inside, span]) for span in across] == [False, False]
    assert [edge_problem(text, *span) for span in across] == ["a span may not cross a line break"] * 2


def test_fit_trims_edges_and_gives_up_on_line_breaks() -> None:
    assert fit("about 1\xa0 people", 0, 8, Label.FIGURE) == (0, 7)
    assert fit('said "We hear explosions." Then', 5, 26, Label.QUOTE) == (6, 25)
    assert fit("(Reuters)", 0, 9, Label.ACTOR) == (1, 8)
    assert fit("Rafah.\nGaza", 0, 11, Label.LOCATION) is None
    assert fit(" , ", 0, 3, Label.ACTOR) is None


def test_layer_rules_find_overlaps_and_speakers() -> None:
    def span(start: int, end: int, label: Label, speaker: tuple[int, int] | None = None) -> NativeSpan:
        return NativeSpan(start, end, label, Offsets(*speaker) if speaker else None)

    assert layer_problem([span(0, 5, Label.ACTOR), span(3, 8, Label.LOCATION)]) == (
        1,
        "entity spans 0:5 and 3:8 overlap",
    )
    assert layer_problem([span(0, 9, Label.QUOTE), span(4, 12, Label.QUOTE)]) == (1, "quotes 0:9 and 4:12 overlap")
    assert layer_problem([span(0, 5, Label.ACTOR), span(0, 9, Label.QUOTE, (0, 5))]) is None
    assert layer_problem([span(0, 5, Label.LOCATION), span(6, 9, Label.QUOTE, (0, 5))]) == (
        1,
        "speaker 0:5 is not an ACTOR span of this annotation",
    )


class NativeSpan:
    def __init__(self, start: int, end: int, label: Label, speaker: Offsets | None) -> None:
        self.start, self.end, self.label, self.speaker = start, end, label, speaker


def test_the_editor_refuses_a_span_across_a_paragraph_break(tmp_path: Path) -> None:
    text = "Israel said so.\nWashington agreed."
    with Store.open(tmp_path / "a.db") as store:
        [article], _ = store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])
        with pytest.raises(Refused, match="a span may not cross a line break"):
            store.add_span(article, "alice", 14, 26, Label.ACTOR)
        with pytest.raises(Refused, match="may not end with punctuation"):
            store.add_span(article, "alice", 7, 15, Label.ACTOR)
        assert store.view(article, "alice").spans == []


def test_an_import_obeys_the_same_rule() -> None:
    record = {
        "article_id": "a",
        "text": "Israel said so.\nWashington agreed.",
        "annotator": "alice",
        "spans": [{"start": 14, "end": 26, "label": "ACTOR", "text": ".\nWashington"}],
    }
    with pytest.raises(ValueError, match=r"span 14:26 '\.\\nWashington': a span may not cross a line break"):
        NativeRecord.model_validate(record)


def test_fitted_puts_machine_spans_under_every_rule_in_one_place() -> None:
    """Edges trimmed ("Bill Brown," loses its comma), a span of nothing but punctuation dropped (the ACTOR "-"),
    an overlap within a layer dropped (the first by start, the longer at one start, stays), and a quote's
    speaker moved with its ACTOR's trimmed range, or dropped with it."""
    text = 'Bill Brown, - said "we will win" and "no" - Ann Lee said.'
    bill, dash, ann = (0, 11), (12, 13), (44, 51)
    win, no = (20, 31), (38, 40)
    assert (text[slice(*bill)], text[slice(*dash)], text[slice(*ann)]) == ("Bill Brown,", "-", "Ann Lee")
    assert (text[slice(*win)], text[slice(*no)]) == ("we will win", "no")
    spans = [
        (*bill, Label.ACTOR, None),
        (*dash, Label.ACTOR, None),
        (5, 10, Label.LOCATION, None),  # "Brown": inside the ACTOR
        (44, 47, Label.ACTOR, None),  # "Ann": at the start of the longer "Ann Lee", which stays
        (*ann, Label.ACTOR, None),
        (*win, Label.QUOTE, bill),
        (*no, Label.QUOTE, dash),
        (19, 32, Label.QUOTE, ann),  # the marks around "we will win": trimmed to it, then a repeat of it
    ]
    assert fitted(text, spans) == [
        (0, 10, Label.ACTOR, None),
        (20, 31, Label.QUOTE, (0, 10)),
        (38, 40, Label.QUOTE, None),
        (44, 51, Label.ACTOR, None),
    ]
    assert all(edge_problem(text, start, end, label) is None for start, end, label, _ in fitted(text, spans))


def test_fitted_drops_a_span_whose_trimmed_edges_are_not_on_the_tokens() -> None:
    """A zero-width space is no white space to a tokenizer: "hurt.\u200bJohn\u200b" is one token, and the span
    trimmed inside it would rest on no token boundary, which no person's span can do."""
    text = "They were hurt.\u200bJohn\u200b said so."
    tokens = [Offsets(0, 4), Offsets(5, 9), Offsets(10, 21), Offsets(22, 26), Offsets(27, 29), Offsets(29, 30)]
    assert [text[t.start : t.end] for t in tokens] == ["They", "were", "hurt.\u200bJohn\u200b", "said", "so", "."]
    spans = [(10, 21, Label.ACTOR, None), (0, 4, Label.ACTOR, None)]
    assert fitted(text, spans) == [(0, 4, Label.ACTOR, None), (10, 20, Label.ACTOR, None)]
    assert fitted(text, spans, tokens) == [(0, 4, Label.ACTOR, None)]


def test_what_a_new_span_does_to_the_pending_suggestions_it_meets() -> None:
    """Trial 26: the status line says it before the key is pressed. Exactly a suggestion's words and label: that
    one is accepted; else each suggestion it overlaps is rejected as replaced (`Store.add_span`)."""
    from annotator.spans import decided_by

    figure, actor = (14, 16, Label.FIGURE), (20, 28, Label.ACTOR)
    assert decided_by(14, 16, Label.FIGURE, [figure, actor]) == (figure, [])
    assert decided_by(14, 16, Label.ACTOR, [figure, actor]) == (None, [figure])
    assert decided_by(10, 22, Label.FIGURE, [figure, actor]) == (None, [figure, actor])
    assert decided_by(30, 32, Label.FIGURE, [figure, actor]) == (None, [])
