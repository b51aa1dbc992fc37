"""The order in which the speaker choice offers a quote's possible speakers (the screen's tab goes through them).

First the speaker the quote was suggested with; then the ACTORs where a speaker is named, its attribution: the
quote's own sentence and, for a quote that is a sentence of its own, the sentence before it ('"We will stay," Lee
said. "We have no choice."'); then the rest of its paragraph, then other paragraphs, nearest first; those inside
the quote last, as a quote seldom names its own speaker. A trial from a fresh clone: the nearest ACTOR, in the
next sentence, came before the one in the quote's own sentence. Sentences are cut at `SENTENCE_MARKS` tokens,
as the edge keys cut them; no parse is needed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from annotator.edges import SENTENCE_MARKS
from annotator.motion import Tokens
from annotator.quotations import paragraph_around


class Placed(Protocol):
    """Anything with character offsets: an ACTOR span or suggestion as the screen holds it."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


P = TypeVar("P", bound=Placed)


def _is_word(text: str, token: tuple[int, int]) -> bool:
    return any(char.isalnum() for char in text[token[0] : token[1]])


def _sentence_start(text: str, tokens: Tokens, index: int, low: int) -> int:
    """Where the sentence holding token `index` starts: after the last sentence mark before it in the paragraph."""
    for at in range(index - 1, -1, -1):
        if tokens[at][0] < low:
            break
        if text[slice(*tokens[at])] in SENTENCE_MARKS:
            return tokens[at + 1][0]
    return low


def quote_sentence(text: str, tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """The sentence a quote stands in, within its paragraph: from the end of the sentence before it to the end of
    the sentence its last words are in. The marks inside the quote end none; a full stop as its last word does
    ('"We will stay." Police said nothing.'), a "?" or "!" does not ('"Will you stay?" she asked.')."""
    low, high = paragraph_around(text, start, end)
    first = bisect_left(tokens, start, key=lambda token: token[0])
    begins = _sentence_start(text, tokens, first, low)
    after = bisect_left(tokens, end, key=lambda token: token[0])
    run = after  # the marks right after the quote: its closing mark, a comma, a full stop
    while run < len(tokens) and tokens[run][0] < high and not _is_word(text, tokens[run]):
        run += 1
    if text[start:end].rstrip().endswith(".") and not text[start:end].rstrip().endswith(".."):
        return begins, tokens[run - 1][1] if run > after else end
    if any(text[slice(*tokens[at])] == "." for at in range(after, run)):
        return begins, tokens[run - 1][1]
    for at in range(run, len(tokens)):
        if tokens[at][0] >= high:
            break
        if text[slice(*tokens[at])] in SENTENCE_MARKS:
            return begins, tokens[at][1]
    return begins, high


def attribution(text: str, tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """Where a quote's speaker is most likely named: its own sentence (`quote_sentence`), and when no word of that
    sentence stands outside the quote, the sentence before it in its paragraph too."""
    begins, ends = quote_sentence(text, tokens, start, end)
    outside = [
        token
        for token in tokens
        if begins <= token[0] and token[1] <= ends and not (start <= token[0] < end) and _is_word(text, token)
    ]
    low = paragraph_around(text, start, end)[0]
    if outside or begins <= low:
        return begins, ends
    before = bisect_left(tokens, begins, key=lambda token: token[0]) - 1  # the mark that ended the sentence before
    return _sentence_start(text, tokens, before, low), ends


def offer_place(
    text: str, tokens: Tokens, quote: tuple[int, int], suggested: tuple[int, int] | None
) -> Callable[[int, int], tuple[int, int]]:
    """How early the speaker choice offers the ACTOR at start..end for the quote at `quote` (lower first): the one
    at `suggested` (its suggested or current speaker) first; then those in its `attribution`, those elsewhere in
    its paragraph, those in other paragraphs, each nearest the quote first (before or after it); those inside it
    last."""
    start, end = quote
    low, high = paragraph_around(text, start, end)
    said_low, said_high = attribution(text, tokens, start, end)

    def place(actor_start: int, actor_end: int) -> tuple[int, int]:
        gap = start - actor_end if actor_end <= start else actor_start - end
        if (actor_start, actor_end) == suggested:
            tier = 0
        elif start <= actor_start and actor_end <= end:
            tier = 4
        elif said_low <= actor_start and actor_end <= said_high:
            tier = 1
        elif low <= actor_start and actor_end <= high:
            tier = 2
        else:
            tier = 3
        return tier, abs(gap)

    return place


def speakers_first(
    text: str, tokens: Tokens, quote: tuple[int, int], suggested: tuple[int, int] | None, actors: Sequence[P]
) -> list[P]:
    """`actors` in the order the speaker choice offers them for the quote at `quote` (`offer_place`); actors as
    near keep their order in `actors`."""
    place = offer_place(text, tokens, quote, suggested)
    return sorted(actors, key=lambda actor: place(actor.start, actor.end))
