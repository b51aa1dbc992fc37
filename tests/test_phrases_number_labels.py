"""Re-trial findings on the label keys with nothing selected: on "line" of "a 20 km line" and on "buoys" the keys
offered FIGURE 'line' and 'buoys', a FIGURE with no number; on "km" of "a 20 km line" and on "twelve" they offered
ACTOR and LOCATION '20' and 'twelve', a number alone; on "-3 million" 1 and 2 were refused as "may not start with
punctuation ('-')", when the minus sign is the number's. A FIGURE is a number with its qualifiers (the guide), and a
number alone is none of the other two: each key offers and adds only what its label can be. Real tokens of the
project's tokenizer."""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator.figure_labels import label_misfit
from annotator.phrases import at_cursor


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("A 20 km line of tanks was seen.", "km", "20"),
        ("The fleet will number twelve by May.", "twelve", "twelve"),
        ("The trust lost 3 million euros in a year.", "3", "3 million"),
        ("The trust lost 3 million euros in a year.", "million", "3 million"),
        ("The shelter took in 40 of them.", "40", "40"),
        ("One resident said the water rose.", "resident", "One resident"),  # not a number alone: an ACTOR too
    ],
)
def test_a_number_alone_is_offered_to_the_figure_key_only(text: str, word: str, phrase: str) -> None:
    labels = ("ACTOR", "LOCATION", "FIGURE") if word == "resident" else ("FIGURE",)
    assert offered(text, word) == [(labels, phrase)]


def test_one_before_a_noun_for_people_stays_an_actor_with_it() -> None:
    assert offered("One resident said the water rose.", "One") == [(("ACTOR",), "One resident"), (("FIGURE",), "One")]


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("A 20 km line of tanks was seen.", "line", "line"),
        ("Crews laid a line of buoys off the coast.", "buoys", "buoys"),
        ("The G7 met in Rome.", "G7", "G7"),  # a number in a name is no figure (the guide)
    ],
)
def test_words_with_no_number_are_not_offered_to_the_figure_key(text: str, word: str, phrase: str) -> None:
    assert offered(text, word) == [(("ACTOR", "LOCATION"), phrase)]


@pytest.mark.parametrize(
    ("text", "word", "label", "reason"),
    [
        ("A 20 km line of tanks was seen.", "km", "ACTOR", "is a number, a FIGURE by the guide"),
        ("A 20 km line of tanks was seen.", "km", "LOCATION", "is a number, a FIGURE by the guide"),
        ("The fleet will number twelve by May.", "twelve", "ACTOR", "is a number, a FIGURE by the guide"),
        ("The firm lost -3 million last year.", "-3", "ACTOR", "is a number, a FIGURE by the guide"),
        ("The firm lost -3 million last year.", "million", "LOCATION", "is a number, a FIGURE by the guide"),
        ("Nights fell to -10 to -15C this week.", "-15C", "ACTOR", "is a number, a FIGURE by the guide"),
        ("A 20 km line of tanks was seen.", "line", "FIGURE", "holds no number, and a FIGURE is a number (the guide)"),
        (
            "Crews laid a line of buoys off the coast.",
            "buoys",
            "FIGURE",
            "holds no number, and a FIGURE is a number (the guide)",
        ),
    ],
)
def test_the_refusal_names_what_the_phrase_is(text: str, word: str, label: str, reason: str) -> None:
    tokens, index = spacy_at(text, word)
    assert label_misfit(text, tokens, index, label, at_cursor(text, tokens, index, label)) == reason


@pytest.mark.parametrize(
    ("text", "word", "label"),
    [
        ("A 20 km line of tanks was seen.", "km", "FIGURE"),
        ("The firm lost -3 million last year.", "-3", "FIGURE"),
        ("A 20 km line of tanks was seen.", "line", "ACTOR"),
        ("One resident said the water rose.", "One", "ACTOR"),
        ("Crews laid a line of buoys off the coast.", "buoys", "LOCATION"),
    ],
)
def test_a_label_the_phrase_can_be_has_no_refusal(text: str, word: str, label: str) -> None:
    tokens, index = spacy_at(text, word)
    assert label_misfit(text, tokens, index, label, at_cursor(text, tokens, index, label)) is None
