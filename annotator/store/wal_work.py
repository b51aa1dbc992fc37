"""What a WAL beside a database changes of an annotator's work, for `examining` to tell whether it is the file's own:
every edit writes its event in the same transaction as its rows, so a WAL that continues its file leaves the tables
equal to what the event log replays to."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def kept(db: sqlite3.Connection, sql: str) -> set[tuple[Any, ...]]:
    return set(db.execute(sql).fetchall())


#: What an annotator's work is in the tables: a WAL that changes it must carry the events that explain it.
_WORK = (
    "SELECT article_id, annotator, status, updated_at, flag_reason FROM annotations",
    "SELECT article_id, annotator, position, batch, assigned_at FROM assignments",
    'SELECT article_id, annotator, id, start, "end", label, speaker_start, speaker_end FROM spans',
    "SELECT article_id, annotator, suggestion_id, decision FROM decisions",
)


def unexplained(alone: sqlite3.Connection, with_wal: sqlite3.Connection, shown: Path) -> str | None:
    """Every edit writes its event in the same transaction as its rows, so a WAL that continues its file leaves
    the tables equal to what the event log replays to. A WAL of the same database's later state, past a
    checkpoint the file did not get, does not: its pages laid over the older file make a state that never
    existed (a status the log says changed, shown as before). The pairs (article, annotator) whose events or
    work the WAL changes are replayed; the first that disagrees is the problem."""
    from annotator.store.reads import Reader  # the store's reading layer, built on this module
    from annotator.store.verify import replay_problems

    events = "SELECT article_id, annotator, id FROM events"
    pairs = {(r[0], r[1]) for r in kept(with_wal, events) - kept(alone, events)}
    for sql in _WORK:
        pairs |= {(r[0], r[1]) for r in kept(with_wal, sql) ^ kept(alone, sql)}
    problems = replay_problems(Reader(with_wal, shown, read_only=True), sorted(pairs))
    return f"with it, the tables and the event log disagree: {problems[0]}" if problems else None
