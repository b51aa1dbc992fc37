"""Capitalised titles before a person's name ("Environment Minister | Joao Silva", "Mayor | Ana Costa", "Chief
Executive | Maria Fernandes"), which the guide keeps out of the person's span.

A plain function over an article's text and tokens, read from the words' shapes with no parse, so that a label key
on a title word (`phrases.at_cursor`, and the status line's preview of it) adds the name alone, and `;` stops at the
name, not at the title (`stops.is_candidate`; trial 22).
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.shapes import is_name_word, joined, name_range, word_at
from annotator.wordlists import AMBIGUOUS_HEADS, DATES, DETERMINERS, PARTICLES, PORTFOLIOS, TITLE_HEADS, TITLES

Tokens = Sequence[tuple[int, int]]
TokenRange = tuple[int, int]
#: Brackets that open a markup tag, with the bracket that closes it.
_MARKUP = {"[": "]", "<": ">", "{": "}"}


def _title_word(word: str) -> bool:
    bare = word.rstrip(".")
    return bare in TITLES or bare in TITLE_HEADS or bare in PORTFOLIOS


def titled_name(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The person's name after the title that token `index` is a word of, without the title: the name words after
    the title's last word, a title noun (`TITLE_HEADS`: "Minister", "Executive", "Mayor", "Dr."), up to the name's
    end. None when the token is no title word, or no name follows the title, or the title is one word that also
    opens names of things ("General Motors", "Prince Edward Island": a name, as before)."""
    if not _title_word(word_at(text, tokens, index)):
        return None
    first = last = index
    while first > 0 and joined(text, tokens, first - 1, first) and _title_word(word_at(text, tokens, first - 1)):
        first -= 1
    while (
        last + 1 < len(tokens) and joined(text, tokens, last, last + 1) and _title_word(word_at(text, tokens, last + 1))
    ):
        last += 1
    head = word_at(text, tokens, last).rstrip(".")
    name = _after_markup(text, tokens, last + 1)
    if head not in TITLE_HEADS or (first == last and head in AMBIGUOUS_HEADS) or name >= len(tokens):
        return None
    word = word_at(text, tokens, name)
    if (
        not joined(text, tokens, last, last + 1)
        or not is_name_word(word)
        or word.lower() in DETERMINERS
        or word in DATES
    ):
        return None
    return name, name_range(text, tokens, name, PARTICLES)[1]


def _after_markup(text: str, tokens: Tokens, index: int) -> int:
    """The token after a markup tag that opens at token `index` ("Mayor | [bold] | Ana Costa", "<b>"; stored text
    is data, its markup words of their own: trial 24), on one line; `index` when no tag opens there."""
    closing = _MARKUP.get(word_at(text, tokens, index)) if index < len(tokens) else None
    position = index
    while closing is not None and position + 1 < len(tokens) and position - index < 6:
        position += 1
        if not joined(text, tokens, position - 1, position):
            return index
        if word_at(text, tokens, position) == closing:
            after = position + 1
            return after if after < len(tokens) and joined(text, tokens, position, after) else index
    return index
