"""What became of the spans all annotators agree on that gold does not hold as agreed, worked out by `review_state`
from the gold it read (trial s57 F7): taken out or changed by a later change of gold (x, a key's edit), or at an
open item where gold is unlike all (`ReviewState.gold_unlike`), which a pick puts in. And how many u bring the
first of those taken out or changed back: a newcomer's trial (s57 t15 F5) read "(u undoes)" after a pick came
later, and the first u took back the pick."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from annotator.metrics.consensus import Disagreement
from annotator.rows import Offsets, SpanRow
from annotator.vocabulary import Label

#: A span as gold holds one as agreed: its edges, label and speaker.
Held = tuple[int, int, Label, Offsets | None]


def held(span: SpanRow) -> Held:
    return span.start, span.end, span.label, span.speaker


@dataclass(frozen=True)
class AgreedOut:
    """The agreed spans gold does not hold as agreed, by what became of them."""

    taken_out: int = 0  # nothing of gold's over it in its layer
    changed: int = 0  # a span of gold's over it in its layer, other edges, label or speaker
    open: int = 0  # at an open item, gold unlike all: a pick puts it in
    #: The how-manieth u (undo of gold, the last change first) brings back one taken out or changed: 1 while the
    #: change that took it out is gold's last; None where none did (no change in effect replaced it as agreed).
    undos: int | None = None


def agreed_out(
    agreed: Sequence[SpanRow], gold: Sequence[SpanRow], unlike: Sequence[Disagreement[SpanRow]],
    replaced: Sequence[Collection[Held]],
) -> AgreedOut:  # fmt: skip
    """The agreed spans gold (its spans now) does not hold, counted by what became of them. `unlike`: the open
    items where gold is unlike all; `replaced`: what each change of gold in effect replaced, oldest first (the
    changes u undoes, the last first), which tells the change that took each out or changed it."""
    holds = {held(s) for s in gold}
    taken_out = changed = at_open = 0
    edited: list[Held] = []
    for span in agreed:
        if held(span) in holds:
            continue
        if any(_over(span, d.layer, d.start, d.end) for d in unlike):
            at_open += 1
            continue
        if any(_over(span, s.label.layer, s.start, s.end) for s in gold):
            changed += 1
        else:
            taken_out += 1
        edited.append(held(span))
    return AgreedOut(taken_out, changed, at_open, _undos(edited, replaced))


def _undos(edited: Sequence[Held], replaced: Sequence[Collection[Held]]) -> int | None:
    """How many u, the last change first, undo the latest change in effect that replaced one of `edited`."""
    for count, spans in enumerate(reversed(replaced), start=1):
        if any(span in spans for span in edited):
            return count
    return None


def _over(span: SpanRow, layer: str, start: int, end: int) -> bool:
    return span.label.layer == layer and start < span.end and span.start < end
