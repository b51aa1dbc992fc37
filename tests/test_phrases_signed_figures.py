"""Re-trial findings on the FIGURE key: "-3 million" gave '-3' (the minus sign kept the number from reading as one, so
the scale word stayed out, where "3 million" is whole); "-10 to -15C" gave two figures where the house conventions
make a range one FIGURE ("6% to 11%", as "10 to 15C" is); on "km" of "a 20 km line", the unit a space from its number,
the keys offered 'km line' where the glued "20km" gives '20'. Real tokens of the project's tokenizer."""

from __future__ import annotations

import pytest
from support import offered


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("The firm lost -3 million last year.", "-3", "-3 million"),
        ("The firm lost -3 million last year.", "million", "-3 million"),
        ("Nights fell to -10 to -15C this week.", "-10", "-10 to -15C"),
        ("Nights fell to -10 to -15C this week.", "-15C", "-10 to -15C"),
        ("It cooled to -5C overnight.", "-5C", "-5C"),
    ],
)
def test_a_signed_figure_is_whole_for_the_figure_key(text: str, word: str, phrase: str) -> None:
    """A span may open with a minus sign only as a FIGURE, so the FIGURE key alone offers it."""
    assert offered(text, word) == [(("FIGURE",), phrase)]


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("The firm lost 3 million last year.", "million", "3 million"),
        ("Days rose to 10 to 15C this week.", "10 to", "10 to 15C"),
        ("Days rose to 10 to 15C this week.", "15C", "10 to 15C"),
    ],
)
def test_the_unsigned_forms_they_match(text: str, word: str, phrase: str) -> None:
    """A number alone is a FIGURE, signed or not: 1 and 2 refuse both (`label_misfit`)."""
    assert offered(text, word) == [(("FIGURE",), phrase)]


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("A 20 km line of tanks was seen.", "km", "20"),  # as "20km": the number, the unit kept out
        ("A 20km line of tanks was seen.", "km", "20"),
        ("A 20 km line of tanks was seen.", "line", "line"),
        ("There was 3 mm of rain overnight.", "mm", "3"),
    ],
)
def test_a_unit_a_space_after_its_number_is_read_as_a_glued_one(text: str, word: str, phrase: str) -> None:
    assert offered(text, word) == [(("ACTOR", "LOCATION") if word == "line" else ("FIGURE",), phrase)]
