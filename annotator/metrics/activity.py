"""Time spent annotating, derived from the event log rather than a timer that a crash could lose."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import datetime

from annotator.rows import Event

#: A pause longer than this between two actions is a break, not work.
IDLE_SECONDS = 300.0
#: Actions only commands write: `import`, `merge --prefer other`, and `assign`'s (not edits at all).
COMMAND_ACTIONS = frozenset({"import", "merge", "assign", "unassign"})
#: The `source` of an "adjudicate" event `adjudicate --auto` wrote (`annotator.gold.AGREED`); the review
#: screen's name the reviewer or an annotator.
AGREED = "all"


def on_screen(event: Event) -> bool:
    """Whether a person made this action on a screen (the annotate or review screen, in a terminal or a browser),
    not a command: `import`, `merge`, `assign` and `adjudicate --auto` by their action, and `accept` by the
    `command` it names in its events (an `accept` of an earlier release named none: it counts, as the screen's
    accept all, A, which it wrote the same)."""
    if event.action in COMMAND_ACTIONS or "command" in event.after:
        return False
    return not (event.action == "adjudicate" and event.after.get("source") == AGREED)


def time_spent(events: Iterable[Event], idle: float = IDLE_SECONDS) -> float:
    """Seconds of work: the sum of gaps between consecutive actions, each gap capped at `idle`."""
    moments = sorted(datetime.fromisoformat(e.at.replace("Z", "+00:00")) for e in events)
    return sum(min((b - a).total_seconds(), idle) for a, b in itertools.pairwise(moments))


def reviewing_time(events: Iterable[Event], idle: float = IDLE_SECONDS) -> dict[str, float]:
    """Seconds each reviewer spent on gold's screens, by `time_spent` over gold's screen events naming them
    (`after.reviewer`: the review screen's picks, edits and undos; a newcomer's trial, s57 t14 F2, found a
    reviewer's time shown only as gold's). Reviewers in order of name."""
    by: dict[str, list[Event]] = {}
    for event in events:
        reviewer = event.after.get("reviewer")
        if isinstance(reviewer, str) and on_screen(event):
            by.setdefault(reviewer, []).append(event)
    return {who: time_spent(by[who], idle) for who in sorted(by)}
