"""Stored text shown literally: whatever an article, a title or an annotator's name holds, printing it never
sends a control sequence to the terminal (a colour, a window title, the clipboard, a cursor move).

`literal` maps every character to one visible character: C0 controls become the Control Pictures block
(ESC is shown as U+241B), DEL as U+2421, C1 controls and the bidirectional overrides and isolates (which
reorder what follows) as U+FFFD. The CLI prints every line through it (`cli.common.say`); the TUI's layout
(`tui.layout.glyph`) starts from the same mapping and adds what a screen grid needs (tabs, cell widths).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def shown_char(char: str) -> str:
    """The visible character shown for one stored character (itself unless it controls the terminal)."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or char in BIDI_CONTROLS:
        return REPLACEMENT
    return char


def literal(text: str) -> str:
    """`text` with every control character made visible (one character for one), line breaks included."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda found: shown_char(found.group()), text)


def literal_lines(text: str) -> str:
    """Lines the program wrote, each shown literally: only the line breaks between them are kept."""
    return "\n".join(literal(line) for line in text.split("\n"))


def literal_json(text: str) -> str:
    """JSON text with the control characters inside its strings written as `\\uXXXX` escapes: the same JSON
    value, safe on a terminal (JSON itself leaves DEL, C1 controls and bidi controls unescaped)."""
    if not _UNSAFE.search(text.replace("\n", "")):
        return text
    return _UNSAFE.sub(lambda found: found.group() if found.group() == "\n" else f"\\u{ord(found.group()):04x}", text)
