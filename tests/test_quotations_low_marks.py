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


#: Trial s57 G3: German low single marks, ‚…‘ (U+201A, U+2018), one paragraph each, and then an English ‘…’.
GERMAN_SINGLE = "Sie sagte ‚nein‘ und ging.\n\n‚Erst‘, sagte sie, ‚dann wir.‘\n\nSie sagte ‚nein‘ und ‘yes’."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Ministerin sagte: ‚Wir schließen den Hafen.‘ Dann ging sie.", ["Wir schließen den Hafen."]),
        ("‚Erst‘, sagte sie, ‚dann wir.‘", ["Erst", "dann wir."]),
        ("Sie sagte ‚nein‘ und ‘yes’.", ["nein", "yes"]),
        ("Er sagte „Sie nannte es ‚unfair‘, und ging.“ Dann nichts.", ["Sie nannte es ‚unfair‘, und ging."]),
        ("‚Wie geht’s weiter?‘, fragte Ola Brun.", ["Wie geht’s weiter?"]),
        ("He said ‘no, and left.", []),  # ‘ closes only after ‚, and this one opened mid-paragraph, never closed
    ],
    ids=["German single", "twice", "beside English", "inside double", "apostrophe inside", "English ‘ alone"],
)
def test_the_quote_key_pairs_german_low_single_marks(text: str, expected: list[str]) -> None:
    """`4` inside ‚…‘ said there was no quotation: ‚ was no mark and ‘ (which opens an English one) never closed."""
    assert found(text) == expected


def test_the_quote_key_on_a_low_single_mark_acts_on_the_quotation_between() -> None:
    text = "Die Ministerin sagte: ‚Wir schließen den Hafen.‘ Dann ging sie."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    opening = next(i for i, (start, _) in enumerate(tokens) if text[start] == "‚")
    between = (text.index("Wir"), text.index("‘"))
    assert quotations.between_marks(text, tokens, opening) == between
    assert quotations.between_marks(text, tokens, opening + 6) == between  # the closing ‘
    assert quotations.without_marks(text, tokens, opening, opening + 6) == (opening + 1, opening + 5)


def test_quotes_v5_finds_what_it_found_before_in_german_single_marks() -> None:
    """quotes.v5 is shipped: its quotations stay as they were, so ‚…‘ is no quotation to it (only ‘yes’ is)."""
    from annotator.suggest.quotes_v5 import find_quotes_v5

    paragraphs = [(0, 26), (28, 58), (60, 87)]
    assert [GERMAN_SINGLE[start:end].count("‚") for start, end in paragraphs] == [1, 2, 1]
    assert [quotations.single_quotations(GERMAN_SINGLE, *p) for p in paragraphs] == [[], [], [(82, 85)]]
    assert [(q.start, q.end, q.chain) for q in find_quotes_v5(GERMAN_SINGLE)] == [(82, 85, 2)]
    assert GERMAN_SINGLE[82:85] == "yes"
