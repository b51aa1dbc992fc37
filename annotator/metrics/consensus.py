"""Where annotators agree and where they differ, for one article: the spans all of them have, and the rest
grouped into disagreements (who has what). Pure functions over spans (any `SpanLike`: the spans given come back as they are); adjudication and
reports build on them.

A span is *agreed* when every annotator has a span with the same start, end and label, and for a QUOTE speakers
that agree as `agreement` counts them (`matching.speakers_agree`: none on any side, or sharing a character, so
'Durham Hall QC' and 'Durham Hall' are one speaker; trial 39b: review showed a second, "speaker" disagreement there
while `agreement` counted them as agreeing). The first annotator's quote is the one agreed; gold links it to the
ACTOR decided over its speaker (`gold_write.adjudicate`). Every other span is part of a *disagreement*: the spans of one
layer (entities, or quotes) that overlap each other, directly or through a chain of overlaps, form one
disagreement, and each annotator's version is their spans in it (possibly none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from annotator.rows import SpanLike
from annotator.vocabulary import Label

#: The spans given, handed back as they are: stored rows (with ids) from the store, a file's spans from a file.
S = TypeVar("S", bound=SpanLike)


class Kind(StrEnum):
    """What a disagreement is about, for people reading a report."""

    MISSING = "missing"  # some annotator has nothing there
    LABEL = "label"  # same offsets, different labels
    SPEAKER = "speaker"  # same quote, different speakers
    BOUNDARY = "boundary"  # everything else: spans that overlap but end or start elsewhere


@dataclass(frozen=True)
class Disagreement(Generic[S]):
    """One region of one layer where the annotators differ; `versions` has every annotator, maybe with []."""

    layer: str
    start: int
    end: int
    kind: Kind
    versions: dict[str, list[S]]


@dataclass(frozen=True)
class Consensus(Generic[S]):
    agreed: list[S]
    disagreements: list[Disagreement[S]]


def _place(span: SpanLike) -> tuple[int, int, str]:
    """Where a span is and what: quotes at one place agree when their speakers do too (`consensus`)."""
    return span.start, span.end, span.label.value


def _kind(versions: dict[str, list[S]]) -> Kind:
    if any(not spans for spans in versions.values()):
        return Kind.MISSING
    offsets = {tuple((s.start, s.end) for s in spans) for spans in versions.values()}
    if len(offsets) > 1:
        return Kind.BOUNDARY
    labels = {tuple(s.label for s in spans) for spans in versions.values()}
    return Kind.LABEL if len(labels) > 1 else Kind.SPEAKER


def consensus(spans: Mapping[str, Sequence[S]], annotators: Sequence[str] | None = None) -> Consensus[S]:
    """Agreed spans (sorted) and disagreements (in text order) among these annotators' spans for one article.

    With one annotator everything is agreed; with none, nothing is.
    """
    names = list(annotators if annotators is not None else spans)
    if not names:
        return Consensus(agreed=[], disagreements=[])
    counts = [Counter(_place(s) for s in spans.get(name, ())) for name in names]
    common = counts[0].copy()
    for count in counts[1:]:
        common &= count
    places = [p for p in common if p[2] == Label.QUOTE.value]
    if places and len(names) > 1:  # quotes at one place: do their speakers agree, every two of them?
        from annotator.metrics.matching import speakers_agree_pairs  # numpy: only here, not for every command

        at = [{_place(s): s for s in reversed(spans.get(name, ()))} for name in names]  # the first at each place
        two = [(i, j) for i in range(len(names)) for j in range(i + 1, len(names))]
        agree = speakers_agree_pairs([(at[i][p].speaker, at[j][p].speaker) for p in places for i, j in two])
        for index, place in enumerate(places):
            if not all(agree[index * len(two) : (index + 1) * len(two)]):
                del common[place]
    agreed: list[S] = []
    rest: list[tuple[str, S]] = []
    for name in names:
        left = common.copy()
        for span in spans.get(name, ()):
            key = _place(span)
            if left[key] > 0:
                left[key] -= 1
                if name == names[0]:
                    agreed.append(span)
            else:
                rest.append((name, span))
    disagreements: list[Disagreement[S]] = []
    for layer in ("entity", "quote"):
        members = sorted((item for item in rest if item[1].label.layer == layer), key=lambda i: (i[1].start, i[1].end))
        group: list[tuple[str, S]] = []
        group_end = 0
        for name, span in members:
            if group and span.start >= group_end:
                disagreements.append(_disagreement(layer, group, names))
                group = []
            group_end = max(group_end, span.end) if group else span.end
            group.append((name, span))
        if group:
            disagreements.append(_disagreement(layer, group, names))
    disagreements.sort(key=lambda d: (d.start, d.end, d.layer))
    agreed.sort(key=lambda s: (s.start, s.end, s.label is Label.QUOTE))
    return Consensus(agreed=agreed, disagreements=disagreements)


def _disagreement(layer: str, group: list[tuple[str, S]], names: list[str]) -> Disagreement[S]:
    versions: dict[str, list[S]] = {name: [] for name in names}
    for name, span in group:
        versions[name].append(span)
    return Disagreement(
        layer=layer,
        start=min(s.start for _, s in group),
        end=max(s.end for _, s in group),
        kind=_kind(versions),
        versions=versions,
    )
