"""An article's undo and redo stacks, read from one annotator's events: what `u` and ctrl+r act on, which the undo
(`history`), the import's origin (`origins`), the aliases of renamed names (`aliases`) and the explanations of
nothing to undo (`nothing_to`) all need, with no Store of their own."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.store.reads import NOT_EDITS


def stacked(events: Iterable[tuple[int, str]]) -> tuple[list[int], list[int], tuple[int, str] | None]:
    """(undoable event ids, redoable event ids, the first undo or redo with nothing to act on: (id, action), which
    no command writes, skipped) after one article's (event id, action), oldest first."""
    done: list[int] = []
    undone: list[int] = []
    stray: tuple[int, str] | None = None
    for event_id, action in events:
        if action in NOT_EDITS:
            continue
        if action in ("undo", "redo") and not (done if action == "undo" else undone):
            stray = stray or (event_id, action)
        elif action == "undo":
            undone.append(done.pop())
        elif action == "redo":
            done.append(undone.pop())
        else:  # an edit, an import or a merge that replaced the work: each undoable, and clears the redos
            done.append(event_id)
            undone.clear()
    return done, undone, stray
