"""Time per article comes from the event log."""

from __future__ import annotations

from annotator.metrics.activity import time_spent
from annotator.rows import Event


def event(at: str) -> Event:
    return Event(id=1, article_id="a", annotator="alice", action="add", before={}, after={}, at=at)


def test_time_spent_sums_gaps_between_actions() -> None:
    events = [
        event("2026-11-24T10:00:00.000000Z"),
        event("2026-11-24T10:00:30.000000Z"),
        event("2026-11-24T10:01:00.000000Z"),
    ]
    assert time_spent(events) == 60.0


def test_a_long_pause_counts_as_the_idle_cap() -> None:
    events = [event("2026-11-24T10:00:00.000000Z"), event("2026-11-24T12:00:00.000000Z")]
    assert time_spent(events, idle=300) == 300.0


def test_no_events_no_time() -> None:
    assert time_spent([]) == 0.0
