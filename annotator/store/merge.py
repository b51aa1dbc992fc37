"""The SQL of merging another annotator database into this one (orchestrated by `annotator.merge`).

The other file is opened read-only and never changed. Rows are compared by content, not ids: articles by
content hash, suggestions by (offsets, label, suggester, speaker), spans by (offsets, label, text, speaker).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.models import Edit
from annotator.store.database import DatabaseError, _json
from annotator.store.edits import SPAN_COLUMNS, SPAN_SELECT, Store
from annotator.store.schema import SCHEMA_VERSION

Row = dict[str, Any]
SUGGESTION_KEY = ("start", "end", "label", "suggester", "speaker_start", "speaker_end")
SPAN_KEY = ("start", "end", "label", "text", "speaker_start", "speaker_end")


def _rows(connection: sqlite3.Connection, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Iterator[Row]:
    cursor = connection.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def work(connection: sqlite3.Connection, article_id: str, annotator: str) -> tuple[str, frozenset, frozenset]:
    """An annotator's work on an article, comparable across databases: (status, spans, decisions by content)."""
    status = connection.execute(
        "SELECT status FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    spans = frozenset(
        tuple(row[k] for k in SPAN_KEY)
        for row in _rows(
            connection, "SELECT * FROM spans WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        )
    )
    decisions = frozenset(
        (*(row[k] for k in SUGGESTION_KEY), row["decision"])
        for row in _rows(
            connection,
            "SELECT g.*, d.decision FROM decisions d JOIN suggestions g ON g.id = d.suggestion_id "
            "WHERE d.article_id = ? AND d.annotator = ?",
            [article_id, annotator],
        )
    )
    return (status[0] if status else "todo"), spans, decisions


class MergeSource:
    """Another annotator database, read-only."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise DatabaseError(f"{path}: no such database")
        try:
            self.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            version = self.connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as error:
            raise DatabaseError(f"{path}: cannot open the database: {error}") from None
        if "articles" not in tables or version != SCHEMA_VERSION:
            self.connection.close()
            raise DatabaseError(f"{path}: not an annotator database of schema {SCHEMA_VERSION} (found {version})")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> MergeSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def articles(self) -> list[Row]:
        return list(_rows(self.connection, "SELECT * FROM articles ORDER BY rowid"))

    def suggestions(self, article_id: str) -> list[Row]:
        return list(_rows(self.connection, "SELECT * FROM suggestions WHERE article_id = ? ORDER BY id", [article_id]))

    def suggestion(self, suggestion_id: int) -> Row | None:
        return next(_rows(self.connection, "SELECT * FROM suggestions WHERE id = ?", [suggestion_id]), None)

    def annotations(self) -> list[Row]:
        sql = "SELECT n.* FROM annotations n JOIN articles a ON a.id = n.article_id ORDER BY a.rowid, n.annotator"
        return list(_rows(self.connection, sql))

    def spans(self, article_id: str, annotator: str) -> list[Row]:
        """Span rows as events hold them (`SPAN_COLUMNS`): a `merge` event stores them as they are."""
        sql = f"{SPAN_SELECT} WHERE article_id = ? AND annotator = ? ORDER BY id"
        return list(_rows(self.connection, sql, [article_id, annotator]))

    def decisions(self, article_id: str, annotator: str) -> list[Row]:
        sql = "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ?"
        return list(_rows(self.connection, sql, [article_id, annotator]))

    def events(self, article_id: str, annotator: str) -> list[Row]:
        sql = "SELECT * FROM events WHERE article_id = ? AND annotator = ? ORDER BY id"
        return list(_rows(self.connection, sql, [article_id, annotator]))


# -- this database's side -----------------------------------------------------------------------------------


def article_by_hash(store: Store, digest: str) -> str | None:
    row = store.db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    return row[0] if row else None


def insert_article_row(store: Store, row: Row) -> None:
    """An article exactly as the other database stored it (id, tokens, ingest time)."""
    columns = ("id", "title", "text", "meta", "content_hash", "chars", "tokens", "ingested_at")
    store.db.execute(
        f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [row[c] for c in columns],
    )


def suggestion_ids(store: Store, article_id: str) -> dict[tuple, int]:
    """This database's suggestions of an article by content key."""
    rows = _rows(store.conn, "SELECT * FROM suggestions WHERE article_id = ?", [article_id])
    return {tuple(row[k] for k in SUGGESTION_KEY): row["id"] for row in rows}


def insert_suggestion_row(store: Store, article_id: str, row: Row) -> int:
    cursor = store.db.execute(
        'INSERT INTO suggestions (article_id, start, "end", label, text, speaker_start, speaker_end, suggester, '
        "score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, *(row[c] for c in ("start", "end", "label", "text", "speaker_start", "speaker_end",
                                          "suggester", "score", "created_at"))],
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def next_span_id(store: Store) -> int:
    return store._next_span_id()


def reserve_span_ids(store: Store, highest: int) -> None:
    """Span ids that copied events mention must never be handed out again, as AUTOINCREMENT guarantees."""
    updated = store.db.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'spans'", [highest])
    if not updated.rowcount:
        store.db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('spans', ?)", [highest])


def insert_pair(store: Store, article_id: str, annotation: Row, spans: list[Row], decisions: list[Row]) -> None:
    """An annotator's current state on an article, as copied (ids already mapped to this database's)."""
    annotator = annotation["annotator"]
    for row in spans:
        store.db.execute(
            'INSERT INTO spans (id, article_id, annotator, start, "end", label, text, speaker_start, speaker_end, '
            "suggestion_id) VALUES (:id, :article_id, :annotator, :start, :end, :label, :text, :speaker_start, "
            ":speaker_end, :suggestion_id)",
            {**{c: row[c] for c in SPAN_COLUMNS}, "article_id": article_id, "annotator": annotator},
        )
    for row in decisions:
        store.db.execute(
            "INSERT OR REPLACE INTO decisions (suggestion_id, annotator, article_id, decision) VALUES (?, ?, ?, ?)",
            [row["suggestion_id"], annotator, article_id, row["decision"]],
        )
    store.db.execute(
        "INSERT INTO annotations (article_id, annotator, status, cursor, started_at, updated_at, opened_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, annotator) DO UPDATE SET status = excluded.status, "
        "cursor = excluded.cursor, started_at = excluded.started_at, updated_at = excluded.updated_at",
        [article_id, annotator, annotation["status"], annotation["cursor"], annotation["started_at"],
         annotation["updated_at"], annotation["opened_at"]],
    )  # fmt: skip


def insert_event_row(store: Store, article_id: str, row: Row) -> int:
    """Append a copied event (its before/after already remapped); it gets this log's next id."""
    cursor = store.db.execute(
        "INSERT INTO events (article_id, annotator, action, before, after, target, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [article_id, row["annotator"], row["action"], _json(row["before"]), _json(row["after"]), row["target"],
         row["at"]],
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def replace_work(
    store: Store, article_id: str, annotator: str, spans: list[Row], decisions: list[Row], status: str, note: str
) -> Edit:
    """Replace this database's work with another's as one undoable "merge" event (before: ours, after: theirs)."""
    old: Row = {
        "spans": store._span_rows(article_id, annotator),
        "decisions": list(
            _rows(
                store.conn,
                "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ?",
                [article_id, annotator],
            )
        ),
        "status": store._status_row(article_id, annotator),
    }
    new: Row = {"spans": spans, "decisions": decisions, "status": status}
    return store._commit(article_id, annotator, "merge", old, new, message=note)
