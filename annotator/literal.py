"""Stored text shown literally: whatever an article, a title or an annotator's name holds, printing it never
sends a control sequence to the terminal (a colour, a window title, the clipboard, a cursor move), and nothing in
it is invisible.

`literal` makes every such character visible: C0 controls become the Control Pictures block (ESC is shown as
U+241B), DEL as U+2421; the C1 controls, the format characters (category Cf: bidirectional overrides and isolates,
which reorder what follows, as in "Trojan Source"; zero-width spaces and joiners; the byte order mark; the soft
hyphen) and the line and paragraph separators are named by their code, "⟨U+202E⟩", so that none looks like
another or like a real U+FFFD. A lone surrogate is named by its code too, but one that stands for a byte of a
file name that is not UTF-8 (Python's surrogateescape: U+DCFE for 0xFE) is shown as that byte, "⟨0xFE⟩": printed
raw, it reached the terminal as the byte, and an error line showed "\udcfe". The CLI prints every line through it (`cli.common.say`); the TUI's layout
(`tui.layout.glyph`) starts from the same mapping and adds what a screen grid needs (tabs, cell widths): a
character named by its code is one character of several cells there.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from typing import IO, TYPE_CHECKING, BinaryIO, cast

if TYPE_CHECKING:
    from typing_extensions import Buffer

REPLACEMENT = "\ufffd"
#: Categories of the characters shown by their code: C1 controls (C0 ones have pictures), format characters,
#: line and paragraph separators.
NAMED_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp"))


def code_name(char: str) -> str:
    """The visible name of an invisible character: its code point, "⟨U+202E⟩"."""
    return f"\u27e8U+{ord(char):04X}\u27e9"


def shown_char(char: str) -> str:
    """What is shown for one stored character: itself, unless it controls the terminal or cannot be seen."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as Python reads it (surrogateescape)
        return f"\u27e80x{code - 0xDC00:02X}\u27e9"
    if not char.isprintable() and unicodedata.category(char) in NAMED_CATEGORIES | {"Cs"}:
        return code_name(char)  # another lone surrogate: no terminal shows it, no UTF-8 output can carry it
    return char


def storable(text: str) -> str:
    """`text` as SQLite can store it (UTF-8): each lone surrogate (a byte of a path that is not UTF-8, "\udcff") as
    shown, "⟨0xFF⟩"; for text kept to be read, as the path a `pack` event names, never to be opened again."""
    if text.isprintable() or not any(0xD800 <= ord(char) <= 0xDFFF for char in text):
        return text
    return "".join(shown_char(char) if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)


def quoted(text: str) -> str:
    """Stored text in a message, in quotes as Python would put them, but unescaped: the screen and the CLI show the
    message literally (`literal`), so an override reads "⟨U+202E⟩" there as in the article, not "\\u202e"."""
    mark = '"' if "'" in text and '"' not in text else "'"
    return f"{mark}{text}{mark}"


def quoted_value(value: object) -> str:
    """A file's value in a message: stored text `quoted`, anything else (a number, a list) as Python writes it."""
    return quoted(value) if isinstance(value, str) else repr(value)


def literal(text: str) -> str:
    """`text` with every control and format character made visible, line breaks included."""
    if text.isprintable():
        return text
    return "".join(map(shown_char, text))


def literal_lines(text: str) -> str:
    """Lines the program wrote, each shown literally: only the line breaks between them are kept."""
    return "\n".join(literal(line) for line in text.split("\n"))


def _json_escape(char: str) -> str:
    if char == "\n" or shown_char(char) == char:
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"  # a surrogate pair, as JSON has it


def literal_json(text: str) -> str:
    """JSON text with the characters `literal` would change written as `\\uXXXX` escapes inside its strings: the
    same JSON value, safe on a terminal (JSON itself leaves DEL, C1 controls and format characters unescaped)."""
    if text.replace("\n", "").isprintable():
        return text
    return "".join(map(_json_escape, text))


def json_shown_literally(out: IO[bytes]) -> BinaryIO:
    """A binary stream of UTF-8 JSON passed on to `out` with `literal_json`'s escapes: what `export -o -` writes to
    standard output, a terminal perhaps, where a right-to-left override in an article reordered what followed
    (trial t4 F3: JSON escapes ESC, not U+202E). The same JSON value: a reader decodes the escapes to the text.
    A file written with -o PATH keeps those characters, for the tools that read it, but for the line breaks every
    JSON the tool writes escapes (`exchange.formats.json_text`). No buffer of its own: an interrupt raised in the
    write below after its bytes went out left them in an `io.BufferedWriter`, which wrote them again (a record of
    `export -o -` twice, another cut short); the text formats' own wrapper gathers the small writes."""
    return cast(BinaryIO, _JsonShownLiterally(out))


class _JsonShownLiterally(io.RawIOBase):
    """The raw stream under `json_shown_literally`'s buffer: each write's text escaped, on to `out`."""

    def __init__(self, out: IO[bytes]) -> None:
        super().__init__()
        self._out = out
        self._decoder = codecs.getincrementaldecoder("utf-8")()  # a write may end inside a character

    def writable(self) -> bool:
        return True

    def write(self, data: Buffer, /) -> int:
        text = self._decoder.decode(bytes(data))
        if text:
            self._out.write(literal_json(text).encode("utf-8"))
        return memoryview(data).nbytes

    def flush(self) -> None:
        self._out.flush()
