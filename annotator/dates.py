"""Dates under the cursor, which a label key offers to no label: the guide makes a date no entity and no figure
("Not figures: dates and times ("Oct. 7", "Thursday")"). Trials: the hint said "1/2 add 'Thursday'" and
"3 adds '2016'" of "in 2016". A selection marks one all the same."""

from __future__ import annotations

import re

from annotator.shapes import Tokens, joined, word_at
from annotator.wordlists import DATES

#: A number shaped as a year of modern news ("1989", "2016").
YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: A day of the month as digits ("3", "21", "3rd").
DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
#: Words after which a year-shaped number is a year ("in 2016", "since 2019", "the 2016 election"), not a count
#: ("hired 2016 workers").
BEFORE_A_YEAR = frozenset(
    {"in", "since", "until", "till", "by", "from", "of", "before", "after", "during", "between", "through", "the"}
    | {"early", "late", "mid", "and", "or", "-", "–", "to"}
)
#: Words that make a day or a month a time ("last | Wednesday", "next | March").
DATE_MODIFIERS = frozenset({"last", "next", "this", "early", "late", "mid"})


def is_date(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a word of a date: a day or a month ("Thursday", "Sept."), the modifier before one
    ("last | Wednesday"), a day's number beside a month ("March | 3", "3 | March"), or a year ("in | 2016", "March
    2016", "September 1, | 2015")."""

    def word(position: int) -> str:
        near = 0 <= position < len(tokens) and joined(text, tokens, min(index, position), max(index, position))
        return word_at(text, tokens, position) if near else ""

    here = word_at(text, tokens, index)
    if here in DATES:
        return True
    if here.lower() in DATE_MODIFIERS:
        return word(index + 1) in DATES
    if DAY.fullmatch(here):
        return word(index - 1) in DATES or word(index + 1) in DATES
    if not YEAR.fullmatch(here):
        return False
    before = word(index - 1)
    day = word_at(text, tokens, index - 2) if before == "," and index > 1 else ""  # "September 1, | 2015"
    after_a_day = DAY.fullmatch(day) is not None or day in DATES
    return before.lower() in BEFORE_A_YEAR or before in DATES or after_a_day
