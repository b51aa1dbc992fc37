"""What the review panel says of each annotator's span in a disagreement, on a row of its own (`version_words`).

A row shows its span's words from the start and is cut at the panel's width (at 80 columns some 19 characters),
so versions that differ only in where they end read the same there: a newcomer's trial saw alice's quote 228:305
and bob's 228:269 both as "QUO Maria Kowalski: We…". A span another annotator marked with the same label over some
of the same characters, with other edges, is named by the words at the edge that differs, first, then its offsets.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.rows import SpanLike
from annotator.vocabulary import Label

#: The words shown of an edge that differs: the span's last ones ("…coming months.") or its first.
EDGE_WORDS = 2
#: At most this many characters of a span's words (the row is cut to the panel's width anyway).
SNIPPET = 60


def version_words(span: SpanLike, spans: Iterable[SpanLike], text: str) -> tuple[str, str]:
    """The row for `span` after its short label, as (a quote's speaker when named first, the rest): its words (a
    quote's speaker first: "Maria Kowalski", "We will…");
    where another version has a span of its label over some of its characters with other edges (of `spans`, every
    annotator's in the disagreement: one annotator's never overlap), the words at the edge that differs and its offsets ("…coming months. ·
    228:305", a quote's speaker after them: "" first), so that the start of the row tells the versions apart."""
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
    edge = _edge(span.text, any(r.start != span.start for r in rivals), any(r.end != span.end for r in rivals))
    return "", f"{edge} · {span.start}:{span.end}" + (f" · {speaker}" if speaker else "")


def _edge(words: str, start: bool, end: bool) -> str:
    """The words at the edges that differ: the last few ("…coming months."), the first few ("Chief Executive…"), or
    both ("Netanyahu and…Hamas leaders"); all of them when they are no more than that."""
    split = words.split()
    first, last = " ".join(split[:EDGE_WORDS]), " ".join(split[-EDGE_WORDS:])
    if start and end and len(split) > 2 * EDGE_WORDS:
        return f"{first}…{last}"
    if len(split) <= EDGE_WORDS or (start and end):
        return " ".join(split)
    return f"{first}…" if start else f"…{last}"
