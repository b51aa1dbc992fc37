"""Long articles in pieces: spaCy refuses a text over `nlp.max_length` characters (1,000,000 by default, error
E088), so such an article is parsed in pieces cut at paragraph breaks and its tokens and suggestions are put
back at their offsets in the whole text.

A piece is at most `PIECE_CHARS` characters; a paragraph longer than that is cut at a line break, else after a
sentence's end, else at white space, else (a single "word" that long) anywhere. Quotes and speakers are found
within a piece, so a quotation running over a cut loses only its link to the paragraphs across it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: The longest piece parsed at once: well under spaCy's limit, and about 100 MB of parser memory.
PIECE_CHARS = 100_000
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at `start` ends: the last good cut within `limit` characters."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for pattern in _CUTS:
        found = [m.end() for m in pattern.finditer(window) if m.end() > 0]
        if found:
            return start + found[-1]
    return end


def pieces(text: str, max_length: int, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering `text` in order: the whole text when it fits in `max_length`."""
    if len(text) <= max_length:
        yield 0, text
        return
    limit = min(limit, max_length)
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        yield start, text[start:end]
        start = end
