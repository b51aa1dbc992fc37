"""Trial finding N4: with the cursor on a money figure with no span (after `x` on the suggestion '€410m', the
cursor on '€410'), the preview said "1-3 add '€410'" and `3` added it without its multiplier; on the 'm' alone it
offered 'm' (a FIGURE 'm'), on "km" and "mm" alone the unit. The label keys now read a multiplier or unit glued to
a number as the suggesters do (`figure_units`): a money figure takes its multiplier ("€410m"), a unit stays out as
the house conventions keep it ("20" in "20km", as "785" in "785 miles"), and on a unit alone the keys offer the
number, never the unit. Real tokens of the project's tokenizer."""

from __future__ import annotations

import pytest
from support import offered

from annotator.figure_units import is_glued_figure, unit_number
from annotator.suggest.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Sales rose to €410m. Its shares fell.", "€", "€410m"),
        ("Sales rose to €410m. Its shares fell.", "410", "€410m"),
        ("Sales rose to €410m. Its shares fell.", "m.", "€410m"),  # the multiplier alone
        ("It raised €3.5m from investors.", "m from", "€3.5m"),
        ("A 20km line of tanks was seen.", "km", "20"),  # a unit alone: the number, the unit kept out
        ("A 20km line of tanks was seen.", "20", "20"),
        ("There was 3mm of rain overnight.", "mm", "3"),
        ("The wall was 3m high.", "m high", "3"),  # no currency sign: metres, no multiplier
        ("Temperatures reached 38C on Monday.", "38C", "38C"),  # one token: the figure whole
        ("Output rose to 2.4bn in March.", "2.4bn", "2.4bn"),
    ],
)
def test_the_label_keys_on_a_figure_with_a_glued_unit(text: str, word: str, phrase: str) -> None:
    """A number alone is a FIGURE, no ACTOR nor LOCATION (the guide; a re-trial got ACTOR '20' on "km")."""
    assert offered(text, word) == [(("FIGURE",), phrase)]


def test_a_unit_is_read_as_a_number_s_only_right_after_a_digit() -> None:
    """Glued to the digit or one space after it ("20 km": a re-trial got 'km line' on "km" of "a 20 km line")."""
    text = "It was 20 km away, a 5 m wall and the m word, 20km."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    words = [text[a:b] for a, b in tokens]
    assert [(words[i], unit_number(text, tokens, i)) for i in range(len(tokens)) if words[i] in ("km", "m")] == [
        ("km", words.index("20")),
        ("m", words.index("5")),
        ("m", None),
        ("km", words.index("km", 5) - 1),
    ]


@pytest.mark.parametrize(
    ("word", "whole"),
    [
        ("2.4bn", True),
        ("38C", True),
        ("100MW", True),
        ("7pc", True),
        ("50p", True),
        ("40k", True),
        ("1.5tn", True),
        ("2h", False),  # a duration
        ("1990s", False),  # a decade
        ("3D", False),
        ("18b", False),  # "K2-18b", "Figure 3b"
        ("G7", False),
    ],
)
def test_which_tokens_are_a_figure_whole(word: str, whole: bool) -> None:
    assert is_glued_figure(word) is whole


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("A 20km line of tanks was seen.", "line", "line"),  # not 'km line': the unit is the figure's
        ("They found a 3mm layer of ash.", "layer", "layer"),
        ("A 5m wall fell on the road.", "wall", "wall"),
        ("The €410m deal was signed.", "deal", "deal"),  # a multiplier neither
        ("A 20 km line of tanks was seen.", "line", "line"),  # a unit after a space, as the tokens are the same
        ("They built the 100MW plant last year.", "plant", "plant"),  # one token, a figure whole: no group word
        ("They built the 100MW plant last year.", "100MW", "100MW"),
        ("Workers moved the km markers.", "markers", "the km markers"),  # no number before it: the group's
    ],
)
def test_a_noun_group_after_a_figure_takes_in_no_unit(text: str, word: str, phrase: str) -> None:
    """A noun after a figure with a unit (trial: "A 20km line" offered 'km line', the group starting at the unit the
    tokenizer splits off "20km"): the unit is the figure's, kept out of it, and no word of the noun's group. A noun
    holds no number, so no FIGURE (a re-trial got FIGURE 'line'); the figure is one alone."""
    assert offered(text, word) == [(("FIGURE",) if word == "100MW" else ("ACTOR", "LOCATION"), phrase)]
