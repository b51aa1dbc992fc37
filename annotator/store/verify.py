"""Checking a database: SQLite's own integrity check, and that the event log explains the current tables.

The promise "nothing is ever lost" rests on two facts these functions test: the file is sound, and replaying
each annotator's events rebuilds exactly the spans, decisions and status the tables hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.store.connection import SPAN_SELECT
from annotator.store.history import replay
from annotator.store.reads import Reader


def integrity_problems(reader: Reader, quick: bool = False) -> list[str]:
    """SQLite's integrity check (or the faster quick check): an empty list means the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in reader.db.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


def _edited_pairs(reader: Reader) -> list[tuple[str, str]]:
    sql = """SELECT article_id, annotator FROM events
             UNION SELECT article_id, annotator FROM spans
             UNION SELECT article_id, annotator FROM decisions
             UNION SELECT article_id, annotator FROM annotations WHERE status != 'todo'
             ORDER BY 1, 2"""
    return [(row[0], row[1]) for row in reader.db.execute(sql)]


def replay_problems(reader: Reader, pairs: Iterable[tuple[str, str]] | None = None) -> list[str]:
    """Every (article, annotator) whose tables differ from what its events replay to, one line each (of `pairs`,
    by default every pair with work)."""
    problems: list[str] = []
    for article_id, annotator in _edited_pairs(reader) if pairs is None else pairs:
        spans, decisions, status = replay(reader.events(article_id, annotator))
        rows = reader.db.execute(f"{SPAN_SELECT} WHERE article_id = ? AND annotator = ?", [article_id, annotator])
        names = [d[0] for d in rows.description]
        stored_spans = {row[0]: dict(zip(names, row, strict=True)) for row in rows}
        stored_decisions = dict(
            reader.db.execute(
                "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ?",
                [article_id, annotator],
            ).fetchall()
        )
        stored_status = reader.status(article_id, annotator).value
        where = f"article {article_id}, annotator {annotator}"
        if stored_spans != spans:
            problems.append(
                f"{where}: spans differ from the event log ({len(stored_spans)} stored, {len(spans)} replayed)"
            )
        if stored_decisions != decisions:
            problems.append(f"{where}: decisions differ from the event log")
        if stored_status != status:
            problems.append(f"{where}: status {stored_status!r} but the event log says {status!r}")
    return problems


def check(reader: Reader) -> list[str]:
    """Everything wrong with this database, one line a problem; empty when it is sound and consistent."""
    problems = integrity_problems(reader)
    return problems or replay_problems(reader)
