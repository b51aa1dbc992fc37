"""The quotation around the cursor, a key's selection for a QUOTE: the quotations of a paragraph found from its
quote marks (curly ones by their shape, straight ones in turn), as characters between the marks and as the
token ranges (first, last), inclusive, the TUI's selection holds. Plain functions over an article's text and
tokens, like `phrases`, which answers a label key with them (`phrases.at_cursor`)."""

from __future__ import annotations

from annotator.motion import TokenRange, Tokens, token_at
from annotator.spans import DOUBLE_QUOTES, fit
from annotator.vocabulary import Label
from annotator.wordlists import CLOSING, OPENING


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations in text[start:end] (one paragraph), as the character ranges between their marks: curly
    marks open and close by their shape, straight ones in turn; a quotation left open runs to the paragraph's
    end (the next paragraph reopens it)."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for position in range(start, end):
        char = text[position]
        if char not in DOUBLE_QUOTES:
            continue
        if opened is None and char not in CLOSING:
            opened = position + 1
        elif opened is not None and char not in OPENING:
            found.append((opened, position))
            opened = None
        elif char in OPENING:  # a second opening mark: the first one was never closed
            opened = position + 1
    if opened is not None:
        found.append((opened, end))
    return found


def between_marks(text: str, tokens: Tokens, index: int) -> tuple[int, int] | None:
    """The characters between the quotation marks when token `index` is one of them, the opening or the closing
    mark (`quotations`); None on any other token. A quote span holds the words, not the marks: `"` on a mark
    acts on the quote between them (trial 21)."""
    start, end = tokens[index]
    if end - start != 1 or text[start] not in DOUBLE_QUOTES:
        return None
    return next(((low, high) for low, high in quotations(text, *_paragraph(text, start)) if start in (low - 1, high)),
                None)  # fmt: skip


def quotation(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The tokens of the quotation around token `index` (without its marks), or else of the next quotation
    in the same paragraph; None when there is none."""
    if not tokens:
        return None
    offset = tokens[index][0]
    start, end = _paragraph(text, offset)
    ranges = quotations(text, start, end)
    around = [r for r in ranges if r[0] - 1 <= offset <= r[1]]
    later = [r for r in ranges if r[0] > offset]
    for low, high in around + later:
        fitted = fit(text, low, high, Label.QUOTE)
        if fitted is None:
            continue
        first = token_at(tokens, fitted[0])
        if tokens[first][0] < fitted[0]:
            first += 1
        last = token_at(tokens, fitted[1] - 1)
        if first <= last and tokens[last][1] <= fitted[1]:
            return first, last
    return None
