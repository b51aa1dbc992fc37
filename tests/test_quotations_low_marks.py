"""Trial s56 t12 F5: `4` inside German „…“ marks made a QUOTE of the text after the closing “ (U+201C, which opens
an English quotation, was taken as a second opening mark), and German and Danish »…« were no quotation at all. A
low opening mark closes with either high mark („…“ German, „…” Polish), and reversed guillemets pair as »…«. The
core (annotator.quotations), as tests/test_quotations_single.py tests it."""

from __future__ import annotations

import pytest

from annotator import quotations
from annotator.suggest.tokens import tokenize


def found(text: str) -> list[str]:
    return [text[low:high] for low, high in quotations.quotations(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said „We close the harbour.“ The governor said it on Friday.", ["We close the harbour."]),
        ("Minister Nowak powiedział: „Zamykamy port.” Potem wyszedł.", ["Zamykamy port."]),
        ("Der Minister sagte: »Wir schließen den Hafen.« Dann ging er.", ["Wir schließen den Hafen."]),
        ("„Erst“, sagte sie, „dann wir.“", ["Erst", "dann wir."]),
        ("« Nous fermons le port », a dit le maire.", [" Nous fermons le port "]),
        ("“We close,” she said. “Not now.”", ["We close,", "Not now."]),
        ("He shouted „Stop! and ran.", ["Stop! and ran."]),
    ],
    ids=["German", "Polish", "reversed guillemets", "German twice", "French", "English", "left open"],
)
def test_low_and_reversed_marks_pair_as_their_languages_write_them(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_the_quote_key_inside_german_marks_selects_the_quotation() -> None:
    text = "The minister said „We close the harbour.“ The governor said it on Friday."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    inside = next(i for i, (start, _) in enumerate(tokens) if text[start:].startswith("harbour"))
    first, last = quotations.quotation(text, tokens, inside) or (0, 0)
    assert text[tokens[first][0] : tokens[last][1]] == "We close the harbour."
