"""An annotator's done article is finished work, locked against edits on the annotate screen, as INCEpTION locks a
finished document: a stray key there had changed work already gone into gold without a word (a team trial: `x` on
an article a search opened by mistake removed a span, and the article stayed done).

Marking it (d, S, F; O reopens it) and its history (u, ctrl+r: u first undoes the done mark) still go through.
Skipped and flagged articles are put aside, not finished (no review takes them into gold), and stay open to edits.
Gold is not locked: the review corrects it after it is done. `annotator accept`, which names its article on
purpose, does not come through here.
"""

from __future__ import annotations

from annotator.vocabulary import GOLD, Status

#: The Store's writes a done article lets through: its status (d S F O) and its history (u, ctrl+r).
LETS_THROUGH = frozenset({"set_status", "undo", "redo"})


def locked(status: Status, annotator: str, operation: str = "") -> bool:
    """Whether the Store write named `operation` (a `Store` method's name; "" for a key before it acts) is refused
    on `annotator`'s article with this `status`: a done one's spans, labels, edges, speakers and quotes stay as they
    are until O reopens it."""
    return status is Status.DONE and annotator != GOLD and operation not in LETS_THROUGH
