"""Dates under the cursor, which a label key offers to no label: the guide makes a date no entity and no figure
("Not figures: dates and times ("Oct. 7", "Thursday")"). Trials: the hint said "1/2 add 'Thursday'" and
"3 adds '2016'" of "in 2016"; a re-trial got 1/2 'May' and 3 '3' of "May 3", the month that is also a word ("may"
the verb, "May" a name). A selection marks one all the same."""

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
#: Words before "May" that make it the month ("in May", "since May", "mid-May"), not a name ("by May", "after May
#: spoke": Theresa May as often).
BEFORE_THE_MONTH = DATE_MODIFIERS | {"in", "since", "until", "till", "during", "through", "past", "-"}
#: Words before "of" that make the "May" after it the month ("the end of May"; "the government of May" a name).
PARTS_OF_A_MONTH = frozenset({"beginning", "start", "middle", "end", "rest", "month"})


def is_date(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a word of a date: a day or a month ("Thursday", "Sept.", "May" as a month:
    `is_month`), the modifier before one ("last | Wednesday"), a day's number beside a month ("March | 3", "3 |
    March"; not after "in | March", the month alone: "in March 3 people died"), or a year ("in | 2016", "March
    2016", "September 1, | 2015")."""

    def word(position: int) -> str:
        near = 0 <= position < len(tokens) and joined(text, tokens, min(index, position), max(index, position))
        return word_at(text, tokens, position) if near else ""

    def month(position: int) -> bool:
        return word(position) != "" and is_month(text, tokens, position)

    here = word_at(text, tokens, index)
    if here in DATES or (here == "May" and is_month(text, tokens, index)):
        return True
    if here.lower() in DATE_MODIFIERS:
        return month(index + 1)
    if DAY.fullmatch(here):
        return month(index + 1) or (month(index - 1) and _days_follow(text, tokens, index - 1))
    if not YEAR.fullmatch(here):
        return False
    before = word(index - 1)
    day = word_at(text, tokens, index - 2) if before == "," and index > 1 else ""  # "September 1, | 2015"
    after_a_day = DAY.fullmatch(day) is not None or day in DATES or day == "May"
    return before.lower() in BEFORE_A_YEAR or month(index - 1) or after_a_day


def is_month(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` names a month: a month's name (`DATES`), or "May" where a date shows it one: a day's
    number or a year right after it ("May | 3", "May 2016"), a day's number before it ("3 | May"), or a word that
    takes a month before it (`BEFORE_THE_MONTH`: "in | May", "last | May", "the end of | May"). "May" opening a sentence or after a first
    name is the verb or a name ("May said", "Theresa May")."""
    here = word_at(text, tokens, index)
    if here != "May":
        return here in DATES
    after = (
        word_at(text, tokens, index + 1) if index + 1 < len(tokens) and joined(text, tokens, index, index + 1) else ""
    )
    before = word_at(text, tokens, index - 1) if index > 0 and joined(text, tokens, index - 1, index) else ""
    numbered = DAY.fullmatch(after) is not None or YEAR.fullmatch(after) is not None
    part = word_at(text, tokens, index - 2).lower() if before == "of" and index > 1 else ""  # "the end of | May"
    return (
        numbered or DAY.fullmatch(before) is not None or before.lower() in BEFORE_THE_MONTH or part in PARTS_OF_A_MONTH
    )


def _days_follow(text: str, tokens: Tokens, month: int) -> bool:
    """Whether a number right after the month at token `month` is its day: not after "in", where the month stands
    alone and the number counts what follows ("in May | 3 people", "in March | 3 people"; "on May 3" a day)."""
    return not (
        month > 0 and joined(text, tokens, month - 1, month) and word_at(text, tokens, month - 1).lower() == "in"
    )
