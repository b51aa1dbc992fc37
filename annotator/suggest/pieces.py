"""Long articles in pieces: a text of more than `WHOLE_CHARS` characters (or over the pipeline's `max_length`, which
spaCy refuses: error E088) is parsed in pieces, and its tokens and suggestions are put back at their offsets in the
whole text.

Why: the parser's memory grows with the length of the text parsed at once, and some suggester rules look at the
whole doc for each quote (its text, its sentences), so their time grows with the square of its length. A 10 MB
article on one line took 11 minutes and about 10 GB; in pieces of `PIECE_CHARS` its memory is that of one batch
of pieces and its time linear in its length (`benchmarks/huge_article.py`).

An ordinary article is parsed whole, as before: the longest of the shared corpus (336 news articles and
interviews) has 103,975 characters, under `WHOLE_CHARS`. A piece of a longer one is at most `PIECE_CHARS`
characters, cut at a paragraph break, else a line break, else after a sentence's end, else at white space, else
(a single "word" that long) anywhere. Quotes and speakers are found within a piece, so a cut inside a quotation
would leave each part an unbalanced mark and no speaker: a cut is made outside every quotation (as `quotes.find_quotes`
finds them in the whole text, a paragraph chain as one) whenever the piece's limit leaves one outside, whatever its
kind (a space outside before a sentence end inside). A quotation longer than a piece, which no cut can keep whole,
is cut as any other text. The limit is hard either way, and a stray mark is no quotation (`find_quotes`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from annotator.suggest.quotes import find_quotes

#: The longest text parsed whole: more than any article of the shared corpus (103,975 characters).
WHOLE_CHARS = 120_000
#: The longest piece of a longer text: a few pages, long enough that a cut is rare within a passage's context.
PIECE_CHARS = 10_000
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def _quotations(text: str, limit: int) -> tuple[list[int], list[int]]:
    """The (opening marks, closing marks) of the quotations of `text` a piece of `limit` characters can hold, in
    order: a cut after an opening mark and up to its closing mark is inside one."""
    chains: dict[int, tuple[int, int]] = {}
    for quote in find_quotes(text):
        first, _ = chains.get(quote.chain, (quote.start, quote.end))
        chains[quote.chain] = (first, quote.end)
    opens: list[int] = []
    closes: list[int] = []
    for start, end in chains.values():
        opening, closing = start - 1, end
        while opening > 0 and text[opening].isspace():  # the content's white space stripped, back to the mark
            opening -= 1
        while closing < len(text) - 1 and text[closing].isspace():
            closing += 1
        if closing - opening < limit:
            opens.append(opening)
            closes.append(closing)
    return opens, closes


def _cut(text: str, start: int, limit: int, quotations: tuple[list[int], list[int]]) -> int:
    """Where the piece starting at `start` ends: the last good cut within `limit` characters (at least one
    character on), outside `quotations` when one there is."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    opens, closes = quotations

    def outside(cut: int) -> bool:
        index = bisect_left(opens, cut) - 1  # the last quotation opened before the cut
        return index < 0 or cut > closes[index]

    best: int | None = None  # the cut there would be without quotations
    for pattern in _CUTS:
        cuts = [start + m.end() for m in pattern.finditer(window) if m.end() > 0]
        for cut in reversed(cuts):
            if outside(cut):
                return cut
        if best is None and cuts:
            best = cuts[-1]
    return end if best is None else best


def pieces(text: str, max_length: int, whole: int = WHOLE_CHARS, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering `text` in order: the whole text when it has at most `whole` characters and
    fits in `max_length` (spaCy's limit), else pieces of at most `limit` characters (and `max_length`)."""
    if len(text) <= min(whole, max_length):
        yield 0, text
        return
    limit = max(1, min(limit, max_length))  # a pipeline's limit of 0 would cut nothing off, for ever
    quotations = _quotations(text, limit)
    start = 0
    while start < len(text):
        end = _cut(text, start, limit, quotations)
        yield start, text[start:end]
        start = end
