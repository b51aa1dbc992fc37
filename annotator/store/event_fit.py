"""Whether an event that undo or redo would apply again fits the database it is in (attacker's trial: another
program inserted an `accept_all` event whose `before` held span 1, bob's, at 0:99999; alice's undo wrote it back
over bob's row, as `INSERT OR REPLACE` by the event's id).

The events table is append-only, but another program can add a row to it, and undo and redo write an event's rows
back by their ids. So before writing, each event is read as `check` reads it (`event_shapes`: JSON objects holding
the rows the commands write), and every row it would write or take away must be this article's and this
annotator's own. Refused: a span id that is another article's or annotator's row, or was never handed out here
(above the sequence, and named by no other event of the pair: a pack's span removed before packing is); a
decision or a span's link to a suggestion of another article; a written span that does not fit the article's
text (`content.span_misfit`). An event annotator wrote always passes: its spans are its pair's (ids are never
handed out twice: `merge` maps the ones it copies, and `pack` keeps the sequence), and it wrote nothing that did
not fit. Three indexed queries (a fourth in the rare case above), so undo stays instant.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from annotator.errors import Refused, found
from annotator.store.content import span_misfit
from annotator.store.event_shapes import change_problem

Row = dict[str, Any]


class DamagedEvent(Refused):
    """An event undo or redo would apply that no command wrote, or that does not fit this database: nothing was
    changed."""


def fitting_change(
    db: sqlite3.Connection, path: Path | None, event_id: int, pair: tuple[str, str], text: str, redo: bool
) -> tuple[str, Row, Row]:
    """The event's (action, before, after) when undo (or, `redo`, redo) may apply it to `pair` (article,
    annotator) whose article's text is `text`; else `DamagedEvent`, one line naming the event and what is wrong."""
    action, before, after = db.execute("SELECT action, before, after FROM events WHERE id = ?", [event_id]).fetchone()
    changes: dict[str, Row] = {}
    for column, stored in (("before", before), ("after", after)):
        changes[column], problem = change_problem(action, column, stored)
        if problem:
            raise damaged(path, event_id, action, f"column {column!r}: {problem}", redo)
    written = changes["after" if redo else "before"]
    problem = _rows_problem(db, pair, event_id, text, [changes["before"], changes["after"]], written)
    if problem:
        raise damaged(path, event_id, action, problem, redo)
    return action, changes["before"], changes["after"]


def damaged(path: Path | None, event_id: int, action: object, problem: str, redo: bool) -> DamagedEvent:
    where = path or "the database"
    return DamagedEvent(
        f"event {event_id} ({found(action)}) was not written by annotator: {problem}; nothing was "
        f"{'redone' if redo else 'undone'} (annotator check --db {where} lists every problem)"
    )


def _rows_problem(
    db: sqlite3.Connection, pair: tuple[str, str], event_id: int, text: str, both: list[Row], written: Row
) -> str | None:
    article_id, annotator = pair
    span_ids = sorted({row["id"] for change in both for row in change.get("spans", [])})
    if span_ids:
        for span_id, article, owner in db.execute(
            "SELECT id, article_id, annotator FROM spans WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
            [json.dumps(span_ids)],
        ):
            if (article, owner) != (article_id, annotator):
                return f"span {span_id} belongs to annotator {found(owner)} on article {found(article)}"
        handed_out = db.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'spans'), 0), "
            "COALESCE((SELECT MAX(id) FROM spans), 0))"
        ).fetchone()[0]
        unknown = [span_id for span_id in span_ids if span_id > handed_out]
        if unknown and not set(unknown) <= _mentioned(db, pair, event_id):
            return f"span id {unknown[-1]} was never handed out in this database"
    for row in written.get("spans", []):
        misfit = span_misfit(text, row)
        if misfit:
            return f"span {row['id']}: {misfit}"
    linked = {row["suggestion_id"] for change in both for row in change.get("decisions", [])}
    linked |= {row["suggestion_id"] for row in written.get("spans", []) if row["suggestion_id"] is not None}
    if linked:
        ids = json.dumps(sorted(linked))
        for suggestion_id, article in db.execute(
            "SELECT id, article_id FROM suggestions WHERE id IN (SELECT value FROM json_each(?)) "
            "UNION ALL SELECT suggestion_id, article_id FROM decisions WHERE annotator = ? "
            "AND suggestion_id IN (SELECT value FROM json_each(?)) ORDER BY 1",
            [ids, annotator, ids],
        ):
            if article != article_id:
                return f"suggestion {suggestion_id} is of article {found(article)}"
    return None


def _mentioned(db: sqlite3.Connection, pair: tuple[str, str], event_id: int) -> set[object]:
    """The span ids the pair's other events name: a pack holds an annotator's events but not the sequence that
    handed their ids out (a span removed before packing is above it), so an id above it is this pair's when
    another of its events names it. Read only then: a rare case."""
    ids: set[object] = set()
    sql = "SELECT before, after FROM events WHERE article_id = ? AND annotator = ? AND id != ?"
    for stored in db.execute(sql, [*pair, event_id]):
        for column in stored:
            try:
                change = json.loads(column)
            except (TypeError, ValueError, RecursionError):
                continue
            spans = change.get("spans") if isinstance(change, dict) else None
            ids |= {row.get("id") for row in spans if isinstance(row, dict)} if isinstance(spans, list) else set()
    return ids
