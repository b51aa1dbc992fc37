"""Time spent annotating, derived from the event log rather than a timer that a crash could lose, and from the
screens' sessions (when an article was opened and left) where the database has them."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from annotator.rows import Event

#: A pause longer than this between two actions is a break, not work.
IDLE_SECONDS = 300.0
#: Actions only commands write: `import`, `merge --prefer other`, and `assign`'s (not edits at all).
COMMAND_ACTIONS = frozenset({"import", "merge", "assign", "unassign"})
#: The `source` of an "adjudicate" event `adjudicate --auto` wrote (`annotator.gold.AGREED`); the review
#: screen's name the reviewer or an annotator.
AGREED = "all"


class Session(NamedTuple):
    """An article open on a screen (`annotator.store.sessions`): `closed_at` None when the screen never said it
    left (it is open still, or it ended without quitting: a crash, a killed process)."""

    article_id: str
    opened_at: str
    closed_at: str | None
    reviewer: str | None = None


def on_screen(event: Event) -> bool:
    """Whether a person made this action on a screen (the annotate or review screen, in a terminal or a browser),
    not a command: `import`, `merge`, `assign` and `adjudicate --auto` by their action, and `accept` by the
    `command` it names in its events (an `accept` of an earlier release named none: it counts, as the screen's
    accept all, A, which it wrote the same)."""
    if event.action in COMMAND_ACTIONS or "command" in event.after:
        return False
    return not (event.action == "adjudicate" and event.after.get("source") == AGREED)


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def time_spent(events: Iterable[Event], sessions: Sequence[Session] = (), idle: float = IDLE_SECONDS) -> float:
    """Seconds of work: the sum of gaps between consecutive actions, each gap capped at `idle`.

    With `sessions` (the same person's, on the same screens), only gaps inside one stretch of time a screen was
    open count: a newcomer's two short sessions 75 s apart showed 1.4 min, the time between quitting and opening
    again counted as work. Sessions that touch or overlap are one stretch (`n` ends one article's session where it
    opens the next one's: going on to the next article, or choosing it from the list, is work on the screen, as
    before). Each opening is a moment like an action, so the time from opening an article to the first key counts
    (capped): opening is the person's own act (starting the screen, n, p, a choice from the list) and reading an
    article before acting on it is work; the time from the last action to leaving does not (nothing tells reading
    from having gone, and a screen that ended without quitting has no leaving to count to). A session without an
    end lasts to its article's last action before the next opening (`_stretches`). Actions in no session (before
    the database had sessions, or brought by `merge` from a file without them) keep the rule without sessions among
    themselves; a gap between one of them and a session's moment does not count."""
    actions = [(_moment(e.at), e.article_id) for e in events]
    if not sessions:
        moments = sorted(when for when, _ in actions)
        return sum(min((b - a).total_seconds(), idle) for a, b in itertools.pairwise(moments))
    stretches = _stretches(sessions, actions)
    starts = [start for start, _ in stretches]

    def stretch_of(when: datetime) -> int | None:
        index = bisect.bisect_right(starts, when) - 1
        return index if index >= 0 and when <= stretches[index][1] else None

    moments = sorted([when for when, _ in actions] + [_moment(s.opened_at) for s in sessions])
    return sum(
        min((b - a).total_seconds(), idle) for a, b in itertools.pairwise(moments) if stretch_of(a) == stretch_of(b)
    )


def _stretches(sessions: Sequence[Session], actions: list[tuple[datetime, str]]) -> list[tuple[datetime, datetime]]:
    """The stretches of time a screen was open, sessions that touch or overlap joined, in order. A session without
    an end (`closed_at` None) ends at its article's last action before the next session opened, else where it
    opened: never open forever after a crash."""
    openings = sorted(_moment(s.opened_at) for s in sessions)
    by_article: dict[str, list[datetime]] = {}
    for when, article in sorted(actions):
        by_article.setdefault(article, []).append(when)
    spans = []
    for session in sessions:
        start = _moment(session.opened_at)
        if session.closed_at is not None:
            end = max(start, _moment(session.closed_at))
        else:  # its article's last action from its opening to the next opening (a bisect each, not a scan)
            next_opening = bisect.bisect_right(openings, start)
            own = by_article.get(session.article_id, [])
            stop = bisect.bisect_left(own, openings[next_opening]) if next_opening < len(openings) else len(own)
            end = own[stop - 1] if stop > bisect.bisect_left(own, start) else start
        spans.append((start, end))
    joined: list[tuple[datetime, datetime]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def reviewing_time(
    events: Iterable[Event], sessions: Sequence[Session] = (), idle: float = IDLE_SECONDS
) -> dict[str, float]:
    """Seconds each reviewer spent on gold's screens, by `time_spent` over gold's screen events naming them
    (`after.reviewer`: the review screen's picks, edits and undos; a newcomer's trial, s57 t14 F2, found a
    reviewer's time shown only as gold's), with the review sessions they opened (`sessions`: gold's). Reviewers in
    order of name."""
    by: dict[str, list[Event]] = {}
    for event in events:
        reviewer = event.after.get("reviewer")
        if isinstance(reviewer, str) and on_screen(event):
            by.setdefault(reviewer, []).append(event)
    return {who: time_spent(by[who], [s for s in sessions if s.reviewer == who], idle) for who in sorted(by)}
