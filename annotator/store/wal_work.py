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


def _misfits(db: sqlite3.Connection) -> list[str]:
    """The content checks of `damage` that read what a writer's WAL holds (its spans, events and annotations, and
    the articles they are of: `kind_problems` covers each one's column kinds, a span's article missing is a span
    beyond its text), in their first problem: the checks of every suggestion's fit, type and moment are left to
    the commands that read them (4 CPU seconds on 1.4 million suggestions, on every opening beside a writer)."""
    from annotator.store.content import event_problems, fit_problems, hash_problems
    from annotator.store.kinds import kind_problems, speaker_problems

    return (
        kind_problems(db, older=True)
        or fit_problems(db, ("spans",))
        or speaker_problems(db)
        or event_problems(db)
        or hash_problems(db)
    )


def unfit(alone: sqlite3.Connection, with_wal: sqlite3.Connection) -> str | None:
    """What a WAL makes of the file's content that its own commands could never have written (`_misfits`: a span
    past its text, an event that is no JSON object, ...) while the file alone holds none of it. SQLite takes any
    WAL whose header and checksums are valid and lays its pages over whatever file is at the name, with no record
    of which file it was written for (trial 43a: another database copied over a killed writer's file, its `-wal`
    left: the old file's spans over the copy's articles). A WAL that continues its file leaves content its
    commands wrote; one that leaves content they could not have is another file's (or damaged)."""
    try:
        found = _misfits(with_wal)
    except sqlite3.DatabaseError as error:  # read through the WAL, a value cannot even be decoded (never quoted raw)
        found = ["text that is not UTF-8" if "decode" in str(error) else str(error)]
    if not found:
        return None
    try:
        if _misfits(alone):
            return None  # the file alone holds such content: its own problem, refused as such by who reads it
    except sqlite3.DatabaseError:
        return None
    return f"with it, {found[0]}"
