"""What the review panel says of each annotator's span in a disagreement, on a row of its own (`version_words`).

A row shows its span's words from the start and is cut at the panel's width (at 80 columns some 19 characters),
so versions that differ only in where they end read the same there: a newcomer's trial saw alice's quote 228:305
and bob's 228:269 both as "QUO Maria Kowalski: We…". A span another annotator marked with the same label over some
of the same characters, with other edges, is named by the words at the edge that differs, first, then its offsets.
Given the room its row has, that fits it: the offsets whole, the edge's words cut from the side that does not
differ, a quote's speaker (the same in both, mostly) cut or left out first (trial: at 80 columns "FIG between
US$300… · …" hid alice's offsets). Where the reviewer is one of the annotators compared, opening the article says
so (`reviewer_among`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from annotator.rows import SpanLike
from annotator.vocabulary import Label

#: The words shown of an edge that differs: the span's last ones ("…coming months.") or its first.
EDGE_WORDS = 2
#: At most this many characters of a span's words (the row is cut to the panel's width anyway).
SNIPPET = 60
ELLIPSIS = "…"


def version_words(
    span: SpanLike, spans: Iterable[SpanLike], text: str, room: int | None = None, cells: Callable[[str], int] = len
) -> tuple[str, str]:
    """The row for `span` after its short label, as (a quote's speaker when named first, the rest): its words (a
    quote's speaker first: "Maria Kowalski", "We will…"); where another version has a span of its label over some
    of its characters with other edges (of `spans`, every annotator's in the disagreement: one annotator's never
    overlap), the words at the edge that differs and its offsets ("…coming months. · 228:305", a quote's speaker
    after them: "" first), so that the start of the row tells the versions apart; with `room` (in `cells`, the
    terminal's width of a string), those fitted to it."""
    words = " ".join(span.text[:SNIPPET].split())
    speaker = ""
    if span.label is Label.QUOTE:
        speaker = " ".join(text[span.speaker.start : span.speaker.end].split()) if span.speaker else "no speaker"
    rivals = [
        other
        for other in spans
        if other.label is span.label
        and other.start < span.end
        and span.start < other.end
        and (other.start, other.end) != (span.start, span.end)
    ]
    if not rivals:
        return speaker, words
    start, end = any(r.start != span.start for r in rivals), any(r.end != span.end for r in rivals)
    offsets = f" · {span.start}:{span.end}"
    said = f" · {speaker}" if speaker else ""
    row = f"{_edge(span.text, start, end)}{offsets}"
    if room is None or cells(row + said) <= room:
        return "", row + said
    if cells(row) > room:
        return "", _edge(span.text, start, end, room - cells(offsets), cells) + offsets
    left = _lead(speaker, room - cells(row) - cells(" · ") - 1, cells)
    return "", row + (f" · {left}{ELLIPSIS}" if left else "")


def _edge(words: str, start: bool, end: bool, room: int | None = None, cells: Callable[[str], int] = len) -> str:
    """The words at the edges that differ: the last few ("…coming months."), the first few ("Chief Executive…"), or
    both ("Netanyahu and…Hamas leaders"); all of them when they are no more than that. With `room`, as many of
    those as fit, whole words where one does ("between…"), cut from the side that does not differ."""
    split = words.split()
    if room is not None:
        return _fitted(split, start, end, room, cells)
    first, last = " ".join(split[:EDGE_WORDS]), " ".join(split[-EDGE_WORDS:])
    if start and end and len(split) > 2 * EDGE_WORDS:
        return f"{first}…{last}"
    if len(split) <= EDGE_WORDS or (start and end):
        return " ".join(split)
    return f"{first}…" if start else f"…{last}"


def _fitted(split: list[str], start: bool, end: bool, room: int, cells: Callable[[str], int]) -> str:
    """The edge words within `room` cells: the most whole words (up to `EDGE_WORDS` a side) that fit, an ellipsis
    where words are left out; where none fits, the first word's start ("Netany…": the offsets tell the rest), after
    an ellipsis where the end alone differs and words come before it."""
    for count in range(min(EDGE_WORDS, len(split)), 0, -1):
        first, last = " ".join(split[:count]), " ".join(split[-count:])
        if start and end:
            shown = f"{first}{ELLIPSIS}{last}" if len(split) > 2 * count else " ".join(split)
        elif start:
            shown = first + (ELLIPSIS if count < len(split) else "")
        else:
            shown = (ELLIPSIS if count < len(split) else "") + last
        if cells(shown) <= room:
            return shown
    before = ELLIPSIS if end and not start and len(split) > 1 else ""
    word = split[-1] if before else split[0]
    return before + _lead(word, room - cells(before) - cells(ELLIPSIS), cells) + ELLIPSIS


def _lead(words: str, room: int, cells: Callable[[str], int]) -> str:
    """The first words of `words` that fit in `room` cells; else as much of the first word as fits."""
    split = words.split()
    for count in range(len(split), 0, -1):
        if cells(lead := " ".join(split[:count])) <= room:
            return lead
    return next((words[:n] for n in range(len(words), 0, -1) if cells(words[:n]) <= room), "")


def reviewer_among(reviewer: str, annotators: Sequence[str], keys: Sequence[str]) -> str:
    """What opening an article says when its reviewer is one of its compared annotators (a newcomer's trial: carol
    reviewed her own version among the others, and nothing said so), with the key that picks that version (`keys`,
    the pick keys in the annotators' order); "" when the reviewer is not among them."""
    if reviewer not in annotators:
        return ""
    place = list(annotators).index(reviewer)
    pick = f": {keys[place]} picks your version" if place < len(keys) else ""
    return f"You ({reviewer}) are one of the annotators here{pick}"
