"""Time spent annotating, derived from the event log rather than a timer that a crash could lose."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import datetime

from annotator.rows import Event

#: A pause longer than this between two actions is a break, not work.
IDLE_SECONDS = 300.0


def time_spent(events: Iterable[Event], idle: float = IDLE_SECONDS) -> float:
    """Seconds of work: the sum of gaps between consecutive actions, each gap capped at `idle`."""
    moments = sorted(datetime.fromisoformat(e.at.replace("Z", "+00:00")) for e in events)
    return sum(min((b - a).total_seconds(), idle) for a, b in itertools.pairwise(moments))
