"""Where a Label Studio region is in the article's text: its offsets, read as characters or, where an older
release counted them in UTF-16 code units, as those; its `text`, which Label Studio writes with runs of white
space collapsed."""

from __future__ import annotations

from collections import Counter
from typing import Any

from annotator.exchange.formats.common import UTF16_OFFSETS


def counts_units(text: str, result: list[dict[str, Any]]) -> bool:
    """Whether an annotation's offsets count UTF-16 code units, as older Label Studio releases did (JavaScript's
    string offsets: past an emoji every offset is too far, HumanSignal/label-studio#1347): a region's `text` is
    exactly the article's at its offsets read as units, and not exactly at them read as characters. One such
    region settles it for the annotation, so a region that reads the same both ways ("No" twice) is read as its
    siblings are (attacker 40f)."""
    if text.isascii():
        return False
    for item in result:
        value = item.get("value") if item.get("type") == "labels" else None
        if not isinstance(value, dict):
            continue
        start, end, given = value.get("start"), value.get("end"), value.get("text")
        if type(start) is not int or type(end) is not int or not isinstance(given, str):
            continue
        read = as_characters(text, start, end)
        if read is not None and text[read[0] : read[1]] == given and text[start:end] != given:
            return True
    return False


def as_characters(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets in UTF-16 code units as characters; None past the text or inside a surrogate pair."""
    units = text.encode("utf-16-le")
    if not 0 <= start < end <= len(units) // 2:
        return None
    try:
        return len(units[: 2 * start].decode("utf-16-le")), len(units[: 2 * end].decode("utf-16-le"))
    except UnicodeDecodeError:
        return None


def code_points(
    text: str, start: int, end: int, given: str | None, units: bool, counted: Counter[str]
) -> tuple[int, int]:
    """A region's offsets as characters: read as UTF-16 code units where its annotation counts them so
    (`counts_units`) and its `text` is the article's there (the same but for runs of white space, as
    `as_quoted` allows), counted; else as given (and checked as any)."""
    if not units or given is None:
        return start, end
    read = as_characters(text, start, end)
    if read is None or as_quoted(text, *read, given) != text[read[0] : read[1]]:
        return start, end
    counted[UTF16_OFFSETS] += 1
    return read


def as_quoted(text: str, start: int, end: int, given: str | None) -> str | None:
    """A region's text as the article has it when they differ only in runs of white space: Label Studio collapses
    them in `value.text` while its offsets keep them (HumanSignal/label-studio#3078), so the offsets rule."""
    if given is None or not 0 <= start < end <= len(text):
        return given
    if " ".join(given.split()) == " ".join(text[start:end].split()) and given.strip() == given:
        return text[start:end]
    return given
