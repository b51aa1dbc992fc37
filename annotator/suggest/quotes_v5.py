"""quotes.v5: quotes.v4's speakers over more quotations (a newcomer's trial, 34):
- quotations in single marks (British house style: 'We will,' said X, or ‘…’), told from apostrophes (don't,
  O'Hara, the drivers' union, rock 'n' roll, the '80s) as the QUOTE key tells them (`quotations.single_quotations`),
  in a paragraph with no double marks or where the single marks hold the double ones (British nesting: 'It was
  "unfair",' X said; the double-marked words inside are then no quotation of their own). In a paragraph with double
  marks the single ones are a quote within the quote, as before. A single-marked quotation continued over
  paragraphs is one chain, as a double-marked one; a gloss in brackets, ('Brexit'), is skipped, as ("Brexit");
- a quotation continued over paragraphs separated by a blank line keeps its first paragraph (quotes.v1-v4 looked
  for the reopening mark on the very next line only, so the first paragraph was lost).
The speakers, scare quotes and titles are quotes.v4's, whatever the marks.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotator.quotations import SINGLE_OPENING, single_quotations
from annotator.spans import DOUBLE_QUOTES
from annotator.suggest.quotes import Quote, _content, find_quotes
from annotator.suggest.speakers_v4 import attribute_speakers_v4

QUOTES_V5 = "quotes.v5"


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line with something on it."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            yield start, end
        start = end + 1


def _reopens(text: str, end: int) -> bool:
    """Whether the next paragraph after the one ending at `end` opens with a single mark (a continued quotation)."""
    at = end
    while at < len(text) and text[at].isspace():
        at += 1
    return at < len(text) and text[at] in SINGLE_OPENING and at + 1 < len(text) and not text[at + 1].isspace()


def _glossed(text: str, low: int, high: int) -> bool:
    return low >= 2 and text[low - 2] == "(" and text[high + 1 : high + 2] == ")"


def single_quotes(text: str, first_chain: int) -> list[Quote]:
    """The quotations in single marks quotes.v5 suggests (see the module docstring), chains numbered from
    `first_chain` on."""
    quotes: list[Quote] = []
    chain = first_chain
    continuing = False
    for start, end in _paragraphs(text):
        has_double = any(char in DOUBLE_QUOTES for char in text[start:end])
        found = [
            (low, high)
            for low, high in single_quotations(text, start, end)
            if not has_double or any(char in DOUBLE_QUOTES for char in text[low:high])
        ]
        carried, continuing = continuing, False
        for index, (low, high) in enumerate(found):
            left_open = high == end  # a closed quotation ends on its closing mark, inside the paragraph
            if left_open and not _reopens(text, end):
                continue
            bounds = _content(text, low, high)
            if bounds is None or _glossed(text, low, high):
                continue
            if not (carried and index == 0):
                chain += 1
            quotes.append(Quote(bounds[0], bounds[1], chain))
            continuing = left_open
    return quotes


def find_quotes_v5(text: str) -> list[Quote]:
    """quotes.v5's quotations, in order: quotes.v4's in double marks (continued after a blank line too), and
    those in single marks; a double-marked one inside a single-marked one is part of it."""
    doubles = find_quotes(text, across_blank_lines=True)
    singles = single_quotes(text, max((quote.chain for quote in doubles), default=0) + 1)
    if not singles:
        return doubles
    outside = [q for q in doubles if not any(s.start <= q.start and q.end <= s.end for s in singles)]
    return sorted(outside + singles, key=lambda quote: quote.start)


attribute_speakers_v5 = attribute_speakers_v4
