"""A newcomer's trial (34): quotations in single marks (British house style, 'We will,' said X, or ‘…’) were never
quotations to the QUOTE key: only double marks counted. Single marks count now, told apart from apostrophes
(don't, the drivers' union, ’80s, rock 'n' roll, O'Hara); a paragraph with double marks keeps them, its single
marks a quote within the quote. The core (annotator.quotations) without the TUI; the key itself in
tests/tui/test_quote_key_single_marks.py."""

from __future__ import annotations

import pytest

from annotator import phrases, quotations
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Label


def found(text: str) -> list[str]:
    """The words of each quotation of a one-paragraph (or the first paragraph's) text."""
    end = text.find("\n")
    return [text[low:high] for low, high in quotations.quotations(text, 0, len(text) if end < 0 else end)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Ines Vale said: 'We won't shut the pool, it's staying open.' The board met.",
         ["We won't shut the pool, it's staying open."]),
        ("'The drivers' union will walk out on Friday,' said Tom Hale.",
         ["The drivers' union will walk out on Friday,"]),
        ("‘Rock ’n’ roll kept me going through the ’80s,’ said Lia O’Hara.",
         ["Rock ’n’ roll kept me going through the ’80s,"]),
        ("Ana Ruiz said the '90s were kind to rock 'n' roll and to O'Hara's band.", []),
        ("The bakers' guild and the farmers' market stayed shut.", []),
        ("She called the plan 'a bridge too far'.", ["a bridge too far"]),
        ("He said it was the best of times' and left.", []),  # a closing mark with no opening one
        ("The report (‘Open Roads’) came out - 'too late,' said Bo.", ["Open Roads", "too late,"]),
        ("'It was the worst of times' the old clerk wrote.", ["It was the worst of times"]),
        ("'Ask the pilots' union,' she said, 'not me.'", ["Ask the pilots' union,", "not me."]),
    ],
    ids=["colon", "plural possessive", "curly, elisions", "apostrophes only", "possessives only", "scare quote",
         "closer alone", "bracket and dash", "weak closer kept", "two with a possessive"],
)  # fmt: skip
def test_single_marks_make_quotations_apostrophes_do_not(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_a_paragraph_with_double_marks_keeps_them() -> None:
    """Single marks inside double ones are a quote within the quotation; in British style the other way round,
    double marks inside single ones are, and the single marks are the quotation."""
    assert found("Jo Lam said: \"They told me 'wait' for an hour.\" Then she left.") == [
        "They told me 'wait' for an hour."
    ]
    assert found("'They called it \"a joke\", and it was,' said Jo Lam.") == ['They called it "a joke", and it was,']
    assert found("The 'new' plan, Jo Lam said, was \"worse than the old one\".") == ["worse than the old one"]


def test_a_single_quotation_reopened_in_the_next_paragraph_runs_to_its_paragraphs_end() -> None:
    text = "'We lost the vote and we own that.\n\n'We will be back,' said Bo Amis."
    first_end = text.index("\n")
    assert quotations.quotations(text, 0, first_end) == [(1, first_end)]
    second = text.rindex("\n") + 1
    assert [text[a:b] for a, b in quotations.quotations(text, second, len(text))] == ["We will be back,"]
    # a mark opening mid-paragraph and never closed is an apostrophe or a typo, not a quotation
    assert found("The vote was lost and 'we own that.") == []


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokenize([text])[0]]


def test_the_quote_key_finds_the_single_quotation_around_or_after_the_cursor() -> None:
    text = "'We won't shut the pool,' said Mayor Ines Vale. The drivers' union agreed."
    tokens = _tokens(text)
    index = {text[s:e]: i for i, (s, e) in reversed(list(enumerate(tokens)))}

    def words(selection: tuple[int, int] | None) -> str | None:
        return None if selection is None else text[tokens[selection[0]][0] : tokens[selection[1]][1]]

    assert words(quotations.quotation(text, tokens, index["shut"])) == "We won't shut the pool,"
    assert words(quotations.quotation(text, tokens, 0)) == "We won't shut the pool,"  # on the opening mark
    assert words(phrases.at_cursor(text, tokens, index["pool"], Label.QUOTE)) == "We won't shut the pool,"
    assert quotations.quotation(text, tokens, index["union"]) is None
    closing = text.index("'", text.index("pool"))
    assert quotations.between_marks(text, tokens, index["'"]) == (1, closing)
    apostrophe = [i for i, (s, e) in enumerate(tokens) if text[s:e] == "'"][-1]  # drivers'
    assert quotations.between_marks(text, tokens, apostrophe) is None
