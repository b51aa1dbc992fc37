"""The wrapped layout of an article: which characters go on which screen line, at which column.

Computed once per width and kept; edits never change it (highlights are styles, not characters), so an
edit only re-styles the lines its spans touch. Article text is shown literally and safely: control
characters become visible symbols (ESC is shown as U+241B), a tab becomes spaces, bidirectional overrides
become U+FFFD. Each stored character maps to exactly one display glyph, so offsets never shift.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import get_character_cell_size

TAB_CELLS = 4
REPLACEMENT = "\ufffd"
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SIMPLE = re.compile(r"[\x20-\x7e]*\Z")
_CHUNKS = re.compile(r"\S+[^\S\n]*|[^\S\n]+")


@lru_cache(maxsize=4096)
def glyph(char: str) -> tuple[str, int]:
    """The text shown for one stored character, and its width in cells."""
    code = ord(char)
    if char == "\t":
        return " " * TAB_CELLS, TAB_CELLS
    if code < 0x20:
        return chr(0x2400 + code), 1
    if code == 0x7F:
        return "\u2421", 1
    if 0x80 <= code < 0xA0 or char in BIDI_CONTROLS:
        return REPLACEMENT, 1
    width = get_character_cell_size(char)
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
    """Word-wrapped lines of `text` at `width` cells; paragraphs ("\\n") always start a line."""

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = max(width, 8)
        self.lines: list[Line] = []
        position = 0
        for paragraph in text.split("\n"):
            self._wrap(position, position + len(paragraph))
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
