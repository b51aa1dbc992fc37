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
(a single "word" that long) anywhere. Quotes and speakers are found within a piece, so a quotation running over a
cut loses only its link across it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: The longest text parsed whole: more than any article of the shared corpus (103,975 characters).
WHOLE_CHARS = 120_000
#: The longest piece of a longer text: a few pages, long enough that a cut is rare within a passage's context.
PIECE_CHARS = 10_000
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at `start` ends: the last good cut within `limit` characters (at least one
    character on)."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for pattern in _CUTS:
        found = [m.end() for m in pattern.finditer(window) if m.end() > 0]
        if found:
            return start + found[-1]
    return end


def pieces(text: str, max_length: int, whole: int = WHOLE_CHARS, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering `text` in order: the whole text when it has at most `whole` characters and
    fits in `max_length` (spaCy's limit), else pieces of at most `limit` characters (and `max_length`)."""
    if len(text) <= min(whole, max_length):
        yield 0, text
        return
    limit = max(1, min(limit, max_length))  # a pipeline's limit of 0 would cut nothing off, for ever
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        yield start, text[start:end]
        start = end
