"""What the review panel says of the spans all annotators agree on: how many gold holds as agreed, and what the
others are (trial s57 F7: "5/7 agreed spans in gold" said nothing of the other 2, nor what to do), as `review_state`
found them (`ReviewState.agreed_out`). One gold lacks was taken out, or changed (an edge, its label, a speaker), by a
later change of gold, x or a key's edit: u undoes that, or u twice where one change of gold came since, "u ×2" (a
newcomer's trial, s57 t15 F5: after a pick, the u the panel named took back the pick); g would take the agreed
spans still in out, and refuses while a later change stands. Or it is at an open item, a place where gold is unlike
what all now agree on (`ReviewState.gold_unlike`), which a pick puts in. Where g took them out, only g puts them
back: undo, with nothing left to undo, says so (`agreed_back`)."""

from __future__ import annotations

from annotator.gold import ReviewState
from annotator.wording import counted


def agreed_line(state: ReviewState) -> str:
    """The panel's first line: how many spans all agreed on, whether gold holds them and, of those it does not hold,
    what they are and what to do ("5/7 agreed spans in gold, 2 taken out (u undoes)")."""
    if not state.agreed:
        return "No span agreed by all"
    if state.agreed_event is None:
        return f"{counted(len(state.agreed), 'agreed span')} not in gold (g puts them back)"
    out = state.agreed_out
    if not (out.taken_out or out.changed or out.open):
        return f"{counted(len(state.agreed), 'agreed span')} in gold"
    held = len(state.agreed) - out.taken_out - out.changed - out.open
    edited = [f"{out.taken_out} taken out"] if out.taken_out else []
    edited += [f"{out.changed} changed"] if out.changed else []
    said = [", ".join(edited) + _undoes(out.undos)] if edited else []
    said += [f"{out.open} open"] if out.open else []
    return f"{held}/{counted(len(state.agreed), 'agreed span')} in gold, {', '.join(said)}"


def _undoes(undos: int | None) -> str:
    """How many u bring one back: " (u undoes)" while the change that took it out is gold's last, " (u ×2 undoes)"
    after one later change (short: it fits the 80-column panel's row); nothing where no u does (no change in
    effect took it out as agreed)."""
    if undos is None:
        return ""
    return " (u undoes)" if undos == 1 else f" (u ×{undos} undoes)"


def agreed_back(state: ReviewState) -> str:
    """What puts the agreed spans back where gold holds none of them as agreed ("g puts the agreed spans back"), as
    the panel says it ("(g puts them back)"); "" elsewhere. g takes them out as an undo of their event, so a u after
    it had nothing to undo, and said only that (a newcomer's trial, s58 t17 F3)."""
    return "g puts the agreed spans back" if state.agreed and state.agreed_event is None else ""
