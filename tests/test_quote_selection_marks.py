"""A newcomer's trial: `4` on a selection taking in the quotation marks made a quote with them (single marks), or
was refused (double ones), where the guide and the gold have a quote as the words between the marks. The marks at
a selection's edges are left out (annotator.quotations.without_marks); an apostrophe stays. The key itself in
tests/tui/test_quote_key_trims_marks.py."""

from __future__ import annotations

import pytest

from annotator import quotations
from annotator.suggest.tokens import tokenize


def trimmed(text: str, selected: str) -> str | None:
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    start = text.index(selected)
    first = next(i for i, (s, _) in enumerate(tokens) if s == start)
    last = next(i for i, (_, e) in enumerate(tokens) if e == start + len(selected))
    inside = quotations.without_marks(text, tokens, first, last)
    return None if inside is None else text[tokens[inside[0]][0] : tokens[inside[1]][1]]


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ('She said: "We will stay." He left.', '"We will stay."', "We will stay."),
        ("She said: 'We will stay.' He left.", "'We will stay.'", "We will stay."),
        ("She said: “We will stay,” and left.", "“We will stay,”", "We will stay,"),
        ('She said: "We will stay." He left.', '"We will stay', "We will stay"),
        ("'The drivers' union will walk out,' said Tom Hale.", "'The drivers' union", "The drivers' union"),
        ("The ’80s were good, said Tom Hale.", "’80s were good", "’80s were good"),
        ('She said: "We will stay." He left.', "We will stay.", "We will stay."),
    ],
)
def test_a_quotes_selection_leaves_out_the_quotation_marks_at_its_edges(text, selected, expected) -> None:
    assert trimmed(text, selected) == expected


def test_a_selection_of_marks_alone_leaves_nothing() -> None:
    assert trimmed('He said "" twice.', '""') is None
