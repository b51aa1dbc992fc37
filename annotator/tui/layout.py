"""The wrapped layout of an article: which characters go on which screen line, at which column.

Computed once per width and kept; edits never change it (highlights are styles, not characters), so an
edit only re-styles the lines its spans touch. Article text is shown literally and safely (`annotator.literal`):
control characters become visible symbols (ESC is shown as U+241B), a tab becomes spaces, and the characters
nobody could see or tell apart (bidirectional overrides, zero-width spaces and joiners, other format characters,
C1 controls) are named by their code, "⟨U+202E⟩". Each stored character maps to exactly one display glyph, of
one or more cells, so offsets never shift (a click on any cell of a glyph is on its character), and a carriage
return before a line feed is part of the line break (never shown).

Every glyph has one width that Textual (which measures with Rich) and the terminal (wcwidth: East Asian wide
characters two cells, combining marks none, the rest one) agree on, so highlights stay on their characters
and no line draws past its region, whatever the script. Where they would disagree the character is named by
its code too, "⟨U+093F⟩" (ASCII between two one-cell brackets: every terminal agrees): spacing combining marks
(Devanagari's vowel signs: none to Rich, one cell to a terminal), emoji skin-tone modifiers, code points Unicode
has not assigned yet (a terminal draws nothing for them) and private-use ones. It was U+FFFD, which kept the
columns too but made "मेरा" and "मेरी" one word and each of them look like a real U+FFFD in the text (trial 22).
The variation selectors that make terminals draw an emoji one way or another (VS15, VS16) are shown as a
zero-width space. A zero-width joiner is named like every format character, so each emoji of a sequence is
drawn on its own.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from rich.cells import cell_len, get_character_cell_size

from annotator.literal import code_name, shown_char

TAB_CELLS = 4
#: Characters that change how a terminal draws the emoji before them: shown as a zero-width space.
SEQUENCE_MARKS = frozenset("\ufe0e\ufe0f")
ZERO_WIDTH_SPACE = "\u200b"
_SIMPLE = re.compile(r"[\x20-\x7e]*\Z")
_CHUNKS = re.compile(r"\S+[^\S\n]*|[^\S\n]+")


def terminal_width(char: str) -> int | None:
    """The cells a terminal gives a printable character (wcwidth's rule), or None when it may not draw it."""
    category = unicodedata.category(char)
    if category in ("Cn", "Co", "Cs", "Zl", "Zp"):
        return None
    if char == "\u00ad":  # a soft hyphen is drawn
        return 1
    if category in ("Mn", "Me", "Cf") or 0x1160 <= ord(char) <= 0x11FF:
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


@lru_cache(maxsize=4096)
def glyph(char: str) -> tuple[str, int]:
    """The text shown for one stored character, and its width in cells."""
    if char == "\t":
        return " " * TAB_CELLS, TAB_CELLS
    shown = shown_char(char)
    if shown != char:
        return shown, cell_len(shown)
    if char in SEQUENCE_MARKS:
        return ZERO_WIDTH_SPACE, 0
    width = get_character_cell_size(char)
    if ord(char) >= 0x300 and (width != terminal_width(char) or 0x1F3FB <= ord(char) <= 0x1F3FF):
        named = code_name(char)  # cells Rich and the terminal agree on, where the character itself has none
        return named, cell_len(named)
    return char, width


def display(text: str) -> str:
    """The text as shown: each character replaced by its glyph."""
    if _SIMPLE.match(text):
        return text
    return "".join(glyph(c)[0] for c in text)


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: characters `start` to `end` of the text; `columns[i]` is where character
    `start + i` begins (with one extra entry for the end), or None when every character is one cell."""

    start: int
    end: int
    columns: tuple[int, ...] | None = None

    def column(self, offset: int) -> int:
        index = min(max(offset, self.start), self.end) - self.start
        return index if self.columns is None else self.columns[index]

    def offset_at(self, column: int) -> int:
        """The character shown at `column` (the last one if the column is beyond the line)."""
        if self.end == self.start:
            return self.start
        if self.columns is None:
            return self.start + min(max(column, 0), self.end - self.start - 1)
        index = bisect_right(self.columns, column) - 1
        return self.start + min(max(index, 0), self.end - self.start - 1)

    @property
    def cells(self) -> int:
        return self.end - self.start if self.columns is None else self.columns[-1]


class Layout:
    """Word-wrapped lines of `text` at `width` cells; paragraphs ("\\n", or "\\r\\n") always start a line."""

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = max(width, 8)
        self.lines: list[Line] = []
        position = 0
        paragraphs = text.split("\n")
        for number, paragraph in enumerate(paragraphs, start=1):
            shown = len(paragraph)
            if paragraph.endswith("\r") and number < len(paragraphs):
                shown -= 1  # CR LF is one line break: the CR is not drawn (its offset stays where it is)
            self._wrap(position, position + shown)
            position += len(paragraph) + 1
        self.starts = [line.start for line in self.lines]

    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, offset: int) -> int:
        """The index of the line showing character `offset`."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def lines_between(self, start: int, end: int) -> range:
        """Indices of the lines showing any of the characters start..end-1."""
        return range(self.line_of(start), self.line_of(max(end - 1, start)) + 1)

    def _has_token(self, starts: Sequence[int], index: int) -> bool:
        line = self.lines[index]
        first = bisect_left(starts, line.start)
        return first < len(starts) and starts[first] < line.end

    def token_toward(self, starts: Sequence[int], line: int, column: int, target: int) -> int:
        """The token (an index into `starts`, the tokens' first characters) that a move by lines from `line` to
        line `target` lands on, at `column`: up, down and the pages, as in an editor. It lands on the first line
        at or past `target` on which a token starts, else on the last one short of it, else stays on `line`:
        the cursor is always on a token, and a blank line between paragraphs, or a line a long word runs on to,
        has none (landing there took the token before it, and the next move came back to the same line)."""
        target = min(max(target, 0), len(self.lines) - 1)
        chosen = line
        if target != line:
            step = 1 if target > line else -1
            beyond = range(target, len(self.lines) if step > 0 else -1, step)
            short = range(target - step, line, -step)
            chosen = next((i for i in chain(beyond, short) if self._has_token(starts, i)), line)
        shown = self.lines[chosen]
        token = bisect_right(starts, shown.offset_at(column)) - 1
        first = bisect_left(starts, shown.start)  # a column in the white space before the line's first token
        return max(min(max(token, first), len(starts) - 1), 0)

    def _emit(self, start: int, end: int, simple: bool) -> None:
        if simple:
            self.lines.append(Line(start, end))
            return
        columns, column = [], 0
        for char in self.text[start:end]:
            columns.append(column)
            column += glyph(char)[1]
        columns.append(column)
        self.lines.append(Line(start, end, tuple(columns)))

    def _wrap(self, start: int, end: int) -> None:
        paragraph = self.text[start:end]
        if not paragraph:
            self.lines.append(Line(start, start))
            return
        simple = bool(_SIMPLE.match(paragraph))
        width = self.width
        line_start, column = start, 0
        for chunk in _CHUNKS.finditer(paragraph):
            chunk_start = start + chunk.start()
            word = chunk.group().rstrip(" \t\r\f\v")
            word_cells = len(word) if simple else sum(glyph(c)[1] for c in word)
            space_cells = (
                (chunk.end() - chunk.start() - len(word))
                if simple
                else sum(glyph(c)[1] for c in chunk.group()[len(word) :])
            )
            if column and column + word_cells > width:
                self._emit(line_start, chunk_start, simple)
                line_start, column = chunk_start, 0
            if word_cells > width:  # a word longer than the line: cut it where it overflows
                position = chunk_start
                for char in word:
                    cells = 1 if simple else glyph(char)[1]
                    if column and column + cells > width:
                        self._emit(line_start, position, simple)
                        line_start, column = position, 0
                    column += cells
                    position += 1
                column += space_cells
            else:
                column += word_cells + space_cells
        self._emit(line_start, end, simple)
