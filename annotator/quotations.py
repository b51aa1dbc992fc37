"""The quotation around the cursor, a key's selection for a QUOTE: the quotations of a paragraph found from its
quote marks (curly ones by their shape, straight ones in turn), as characters between the marks and as the
token ranges (first, last), inclusive, the TUI's selection holds. Plain functions over an article's text and
tokens, like `phrases`, which answers a label key with them (`phrases.at_cursor`).

Single marks (British house style, 'We will,' said X, or ‘…’) make quotations too (`single_quotations`), told
apart from apostrophes by where they stand; a paragraph with double marks keeps them: its single marks are a
quote within the quotation, unless they hold the double ones (the British nesting, 'It was "unfair",' X said).
The key also pairs German low single marks, ‚…‘ (`low_opening`); quotes.v5, which shares `single_quotations`,
does not, as a shipped suggester's behaviour stays as it was."""

from __future__ import annotations

import re

from annotator.motion import TokenRange, Tokens, token_at
from annotator.spans import DOUBLE_QUOTES, fit
from annotator.vocabulary import Label
from annotator.wordlists import CLOSING, OPENING

#: Single quotation marks, straight and curly; ’ only closes (as an apostrophe it stands in or before a word).
SINGLE_QUOTES = frozenset("'‘’‛")
SINGLE_OPENING = frozenset("'‘‛")
SINGLE_CLOSING = frozenset("'’")
#: The German low single opening mark, ‚…‘ (U+201A, closed by U+2018, which opens an English quotation); the key's
#: alone (trial s57 G3).
LOW_SINGLE_OPENING = "‚"
_KEY_MARKS = DOUBLE_QUOTES | SINGLE_QUOTES | {LOW_SINGLE_OPENING}
#: What a single opening mark may follow: a quotation opens a paragraph, or after a space, a dash, a colon, a
#: bracket or a double opening mark.
OPENS_AFTER = frozenset("—–-:([{/") | OPENING | {'"'}
#: Marks of elision that look like quotation marks: rock 'n' roll, the '80s (‘80s, ’80s).
_ELISION = re.compile(r"(?<!\w)['‘’]n['’](?!\w)|['‘’]\d\d(?:s\b|(?!\w))")


#: Opening marks closed by a mark that opens elsewhere (trial s56 t12 F5): „…“ (German; „…” closes as any), and
#: reversed guillemets »…« (German, Danish).
_CLOSED_BY = {"„": "“", "»": "«"}


def _guillemets_reversed(text: str, position: int, end: int) -> bool:
    """Whether the » at `position` opens a quotation: the next guillemet of the paragraph is a «."""
    return next((char for char in text[position + 1 : end] if char in "«»"), None) == "«"


def paragraph_around(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The paragraph (between line breaks) that holds text[start:end], or the character at `start`."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", start if end is None else end)
    return low, len(text) if high < 0 else high


def double_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations between double marks in text[start:end] (one paragraph): curly marks open and close by
    their shape, straight ones in turn; a quotation left open runs to the paragraph's end (the next paragraph
    reopens it)."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    opener = ""
    for position in range(start, end):
        char = text[position]
        if char not in DOUBLE_QUOTES:
            continue
        if opened is not None and char in _CLOSED_BY.get(opener, ""):
            found.append((opened, position))
            opened = None
        elif opened is None and (char not in CLOSING or (char == "»" and _guillemets_reversed(text, position, end))):
            opened, opener = position + 1, char
        elif opened is not None and char not in OPENING:
            found.append((opened, position))
            opened = None
        elif char in OPENING:  # a second opening mark: the first one was never closed
            opened, opener = position + 1, char
    if opened is not None:
        found.append((opened, end))
    return found


def _single_marks(text: str, start: int, end: int, low_opening: bool = False) -> list[tuple[int, str]]:
    """Each single mark of text[start:end] that may be a quotation mark, as (position, "open", "close" or "weak"):
    an opening mark stands where a quotation may open, before a word; a closing one after a word or punctuation,
    before a space, punctuation or the end; a mark inside a word (don't, O'Hara) or of an elision ('n', '80s) is
    an apostrophe. A closing mark after an s and before a word is "weak": likely a plural possessive (the
    drivers' union). With `low_opening`, ‚ opens too, and a ‘ after one closes where a closing mark stands."""
    elided = {m.start() + i for m in _ELISION.finditer(text, start, end) for i in range(m.end() - m.start())}
    opening = SINGLE_OPENING | {LOW_SINGLE_OPENING} if low_opening else SINGLE_OPENING
    either = opening | SINGLE_CLOSING
    marks: list[tuple[int, str]] = []
    low_opened = False
    for position in range(start, end):
        char = text[position]
        if char not in either or position in elided:
            continue
        before = text[position - 1] if position > start else "\n"
        after = text[position + 1] if position + 1 < end else "\n"
        closing = char in SINGLE_CLOSING or (low_opened and char == "‘")
        if char in opening and (before.isspace() or before in OPENS_AFTER) and not after.isspace():
            marks.append((position, "open"))
            low_opened = low_opened or char == LOW_SINGLE_OPENING
        elif closing and not before.isspace() and not after.isalnum():
            weak = before in "sS" and after.isspace() and text[position + 2 : position + 3].isalnum()
            marks.append((position, "weak" if weak else "close"))
    return marks


def single_quotations(text: str, start: int, end: int, low_opening: bool = False) -> list[tuple[int, int]]:
    """The outermost quotations between single marks in text[start:end] (one paragraph), by `_single_marks`:
    a weak closing mark closes only when no other closing mark follows in the paragraph; a quotation opening the
    paragraph and never closed runs to its end (the next paragraph reopens it); one opening later and never
    closed is no quotation. `low_opening` (the QUOTE key's, not quotes.v5's) pairs German ‚…‘ too."""
    marks = _single_marks(text, start, end, low_opening)
    found: list[tuple[int, int]] = []
    opened: list[int] = []
    last_close = max((index for index, (_, kind) in enumerate(marks) if kind == "close"), default=-1)
    for index, (position, kind) in enumerate(marks):
        if kind == "open":
            opened.append(position)
        elif opened and (kind == "close" or index > last_close):
            first = opened.pop()
            if not opened:
                found.append((first + 1, position))
    if opened and not text[start : opened[0]].strip():
        found.append((opened[0] + 1, end))
    return found


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations in text[start:end] (one paragraph), as the character ranges between their marks: those of
    the double marks, and of single marks where the paragraph has no double ones or the single marks hold them."""
    doubles = double_quotations(text, start, end)
    has_double = any(text[position] in DOUBLE_QUOTES for position in range(start, end))
    singles = [
        (low, high)
        for low, high in single_quotations(text, start, end, low_opening=True)
        if not has_double or any(text[position] in DOUBLE_QUOTES for position in range(low, high))
    ]
    if not singles:
        return doubles
    outside = [(low, high) for low, high in doubles if not any(a <= low and high <= b for a, b in singles)]
    return sorted(singles + outside)


def between_marks(text: str, tokens: Tokens, index: int) -> tuple[int, int] | None:
    """The characters between the quotation marks when token `index` is one of them, the opening or the closing
    mark (`quotations`); None on any other token. A quote span holds the words, not the marks: `"` on a mark
    acts on the quote between them (trial 21)."""
    start, end = tokens[index]
    if end - start != 1 or text[start] not in _KEY_MARKS:
        return None
    return next(((low, high) for low, high in quotations(text, *paragraph_around(text, start)) if start in (low - 1, high)),
                None)  # fmt: skip


def quotation(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The tokens of the quotation around token `index` (without its marks), or else of the next quotation
    in the same paragraph; None when there is none."""
    if not tokens:
        return None
    offset = tokens[index][0]
    start, end = paragraph_around(text, offset)
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


def without_marks(text: str, tokens: Tokens, first: int, last: int) -> TokenRange | None:
    """Tokens `first`..`last` (a selection a QUOTE is made of) without the quotation marks at their edges: a quote
    is the words between its marks (the guide, and every QUOTE of the gold; a newcomer's selection with them made a
    quote with its single marks). A double mark goes wherever it stands, a single one where it opens or closes a
    quotation (`between_marks`), never an apostrophe; None when nothing but marks is left."""

    def mark(index: int, opening: bool) -> bool:
        start, end = tokens[index]
        if end - start != 1:
            return False
        if text[start] in DOUBLE_QUOTES:
            return True
        between = between_marks(text, tokens, index)
        return between is not None and (between[0] - 1 if opening else between[1]) == start

    while first <= last and mark(first, opening=True):
        first += 1
    while first <= last and mark(last, opening=False):
        last -= 1
    return (first, last) if first <= last else None
