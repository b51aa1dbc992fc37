"""Where a number word states how many, read from an article's tokens without a parse, for `stops` (where `;` and
`w` stop) and `phrases` (what a label key adds there).

A figure is one mention however many numbers it holds: "two million", a score or a range ("3-1", "10 to 15"),
"three quarters"; its first number is where it starts. A fraction word is a figure where it states a share ("nearly
a quarter", "half of the residents", "one third"), not where a definite determiner makes it a part of a period or of
a game, on its own or through an ordinal ("the quarter", "the third quarter", "the second half"; "last quarter"):
that is a common noun's group, no quantity (the guide: a FIGURE says how many; an ordinal is none). Trial 26.
"""

from __future__ import annotations

from annotator.shapes import TokenRange, Tokens, is_number, joined, word_at
from annotator.wordlists import CLOCK_WORDS, DAY_DEICTICS, FRACTIONS, RANGE_WORDS, TIME_UNITS

#: Words that make the fraction after them a part of a period or a game ("the quarter", "last quarter").
DEFINITE = frozenset({"the", "this", "that", "each", "every", "its", "their", "his", "her", "our", "my", "your",
                      "'s", "’s"})  # fmt: skip
#: Words between such a determiner and the fraction that order the parts ("the last | quarter", "the second | half").
ORDERING = frozenset({"first", "second", "third", "fourth", "fifth", "final", "last", "next", "previous", "past",
                      "opening", "closing", "latest", "same", "current"})  # fmt: skip


def _before(text: str, tokens: Tokens, index: int) -> str:
    """The word right before token `index` on its line, lower-case; "" when none is."""
    return word_at(text, tokens, index - 1).lower() if index > 0 and joined(text, tokens, index - 1, index) else ""


def period(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The words of a part of a period or a game at token `index` (on its fraction or on the ordinal before it), its
    determiner left out ("the | last quarter", "the | third quarter"); None when no such part is there."""
    following = index + 1
    if following < len(tokens) and joined(text, tokens, index, following):
        found = _fraction_part(text, tokens, following)
        if found is not None and found[0] <= index:
            return found
    return _fraction_part(text, tokens, index)


def _fraction_part(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """A singular fraction word at `index` after a definite determiner, itself or through one ordering word."""
    if word_at(text, tokens, index).lower() not in FRACTIONS - {"halves", "thirds", "quarters", "fifths"}:
        return None
    before = _before(text, tokens, index)
    if before in ("last", "next") or (before in ORDERING and _before(text, tokens, index - 1) in DEFINITE):
        return (index - 1, index)  # "last quarter", "the second half"
    return (index, index) if before in DEFINITE else None


def continues_a_figure(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` goes on with a figure a number before it starts: a number right after another ("two |
    million"), after a range word after one ("3-| 1", "10 to | 15", "the 2019-| 20 season"; not "and", which lists
    as often: "a girl aged nine and | twelve miners"), or a plural fraction after its number ("three | quarters")."""
    word, before = word_at(text, tokens, index), _before(text, tokens, index)
    if not (is_number(word) or word.lower() in FRACTIONS) or not before:
        return False
    if is_number(before):
        return True
    return before in RANGE_WORDS - {"and"} and is_number(_before(text, tokens, index - 1))  # "aged nine and | twelve"


def is_figure_number(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a number a figure holds: a number word or digits, not a fraction that is a part of
    a period or an ordinal (`period`), or a plural fraction after its number ("three | quarters")."""
    word = word_at(text, tokens, index)
    if is_number(word):
        return period(text, tokens, index) is None
    return word.lower() in FRACTIONS and continues_a_figure(text, tokens, index)


def counts_time(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a number counts the unit of time right after it ("six | hours", "one | hour"), tells the time of
    day ("at six this morning", "six | o'clock", "at 6 | pm") or an age ("aged | nine"): no figure (the guide)."""

    def word(position: int) -> str:
        near = 0 <= position < len(tokens) and joined(text, tokens, min(index, position), max(index, position))
        return word_at(text, tokens, position).lower() if near else ""

    after, before = word(index + 1), word(index - 1)
    return (
        after in TIME_UNITS
        or (after == "-" and _hyphened_unit(text, tokens, index + 2))  # "the four-month trial", "a 12-year term"
        or after in CLOCK_WORDS
        or (before == "at" and after in DAY_DEICTICS)
        or before in ("aged", "age")
        or _age_after_a_name(text, tokens, index)
    )


def _hyphened_unit(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a unit of time joined by the hyphen before it to a number ("four-|month")."""
    return (
        index < len(tokens)
        and joined(text, tokens, index - 1, index)
        and word_at(text, tokens, index).lower() in TIME_UNITS
    )


def _age_after_a_name(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a number stands between commas right after a name ("Rui Almeida, | 61, had denied"): a person's age,
    as news gives it (trial 23); not a count with its noun ("Lisbon, 35 people")."""
    if index < 2 or index + 1 >= len(tokens) or not word_at(text, tokens, index).isdigit():
        return False
    comma, name, after = (
        word_at(text, tokens, index - 1),
        word_at(text, tokens, index - 2),
        word_at(text, tokens, index + 1),
    )
    return comma == "," and after in (",", ")") and name[:1].isupper() and name.isalpha()
