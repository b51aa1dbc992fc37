"""What the review panel says of the spans all annotators agree on: how many gold holds as agreed, and what the
others are (trial s57 F7: "5/7 agreed spans in gold" said nothing of the other 2, nor what to do). One gold lacks
was taken out, or changed (an edge, its label, a speaker), by a later change of gold, x or a key's edit: u undoes
that (g would take the agreed spans still in out, and refuses while a later change stands); or it is at an open item,
a place where gold is unlike what all now agree on (`ReviewState.gold_unlike`), which a pick puts in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.gold import ReviewState
from annotator.rows import SpanLike
from annotator.wording import counted


@dataclass(frozen=True)
class AgreedOut:
    """The agreed spans gold does not hold as agreed, by what became of them."""

    taken_out: int  # nothing of gold's over it in its layer
    changed: int  # a span of gold's over it in its layer, other edges, label or speaker
    open: int  # at an open item, gold unlike all: a pick puts it in


def agreed_out(state: ReviewState, gold: Sequence[SpanLike]) -> AgreedOut:
    """The agreed spans of `state` that `gold` (gold's spans now) does not hold as agreed, counted by what became of
    them; a span is held as `review_state` counts `agreed_in_gold`, with the same edges, label and speaker."""
    held = {(s.start, s.end, s.label, s.speaker) for s in gold}
    unlike = [state.disagreements[i] for i in state.gold_unlike]
    taken_out = changed = at_open = 0
    for span in state.agreed:
        if (span.start, span.end, span.label, span.speaker) in held:
            continue
        if any(_over(span, d.layer, d.start, d.end) for d in unlike):
            at_open += 1
        elif any(_over(span, s.label.layer, s.start, s.end) for s in gold):
            changed += 1
        else:
            taken_out += 1
    return AgreedOut(taken_out, changed, at_open)


def _over(span: SpanLike, layer: str, start: int, end: int) -> bool:
    return span.label.layer == layer and start < span.end and span.start < end


def agreed_line(state: ReviewState, gold: Sequence[SpanLike]) -> str:
    """The panel's first line: how many spans all agreed on, whether gold holds them and, of those it does not hold,
    what they are and what to do ("5/7 agreed spans in gold, 2 taken out (u undoes)")."""
    if not state.agreed:
        return "No span agreed by all"
    if state.agreed_event is None:
        return f"{counted(len(state.agreed), 'agreed span')} not in gold (g puts them back)"
    out = agreed_out(state, gold)
    if not (out.taken_out or out.changed or out.open):
        return f"{counted(len(state.agreed), 'agreed span')} in gold"
    held = len(state.agreed) - out.taken_out - out.changed - out.open
    edited = [f"{out.taken_out} taken out"] if out.taken_out else []
    edited += [f"{out.changed} changed"] if out.changed else []
    said = [", ".join(edited) + " (u undoes)"] if edited else []
    said += [f"{out.open} open"] if out.open else []
    return f"{held}/{counted(len(state.agreed), 'agreed span')} in gold, {', '.join(said)}"
