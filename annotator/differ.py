"""Where two texts of one article differ, in a few words for an error line (newcomer 42x, 4: "article 'e6803…' is
stored with a different text" did not say where, and only a trailing newline differed). Every refusal of a text
that differs from the stored one (or from an earlier one in the same input) says it through `where_texts_differ`:
ingest, import, predictions, the store."""

from __future__ import annotations

#: Characters an excerpt shows before the first difference, and from it on.
BEFORE, AFTER = 12, 24


def where_texts_differ(stored: str, given: str, names: tuple[str, str] = ("stored", "given")) -> str:
    """Where `given` first differs from `stored`: "only a trailing newline differs", "only white space at the end
    differs", that one has Windows line endings (CRLF) where the other has LF, or the first character that differs
    (counted from 1, `character`) and a short excerpt of each from a little before it, control characters escaped
    as in Python ('\\n', '\\x1b'). `names` say whose each text is ("the stored text", "the record's")."""
    if stored == given:
        return "the texts are the same"
    if (endings := _line_endings(stored, given, names)) is not None:
        return endings
    if stored.rstrip() == given.rstrip():
        ends = sorted((stored[len(stored.rstrip()) :], given[len(given.rstrip()) :]), key=len)
        if ends[1] == ends[0] + "\n" or ends[1] == ends[0] + "\r\n":
            return f"only a trailing newline differs: the {_which(stored, given, names)} text has one more"
        return "only white space at the end differs"
    at = next((i for i, (a, b) in enumerate(zip(stored, given, strict=False)) if a != b), min(len(stored), len(given)))
    start = max(0, at - BEFORE)
    one, other = (_excerpt(text, start, at) for text in (stored, given))
    return f"they first differ at {character(at)}: the {names[0]} text has {one}, the {names[1]} {other}"


def character(offset: int) -> str:
    """A character of a text by its offset, as every message names one: counted from 1, as an editor counts
    columns ("character 1" is the first; `errors.surrogate_problem`, a layer's sibling, counts so too)."""
    return f"character {offset + 1}"


def _line_endings(stored: str, given: str, names: tuple[str, str]) -> str | None:
    """That only line endings differ, Windows' (CRLF) in one text where the other has LF, or None."""
    if stored.replace("\r\n", "\n") != given.replace("\r\n", "\n"):
        return None
    ones = stored.count("\r\n"), given.count("\r\n")
    crlf, lf = names if ones[0] > ones[1] else names[::-1]
    if min(ones):  # both have some: say how many more the one has
        more = abs(ones[0] - ones[1])
        return f"only line endings differ: the {crlf} text has {more} more Windows line ending(s) (CRLF) where the {lf} text has LF"
    return f"the {crlf} text has Windows line endings (CRLF) where the {lf} text has LF"


def _which(stored: str, given: str, names: tuple[str, str]) -> str:
    return names[0] if len(stored) > len(given) else names[1]


def _excerpt(text: str, start: int, at: int) -> str:
    """The text from `start` to a little past `at`, escaped; "…" where it is cut, "(its end)" where it ends."""
    part = text[start : at + AFTER]
    before = "…" if start > 0 else ""
    after = "…" if at + AFTER < len(text) else " (its end)"
    return f"{before}{part!r}{after}"
