"""Text that is not UTF-8, looked for as a database is opened (trial 43a, F3): SQLite stores whatever bytes it is
given as text, and Python's reading of one such value fails the whole query, so a flipped bit in an article's
text ended `stats`, `agreement`, `accept`, `adjudicate`, `suggest` and `evaluate` in a traceback printing the
damaged text raw, while `assign` (which never reads the text) wrote into the damaged file, as `ingest` and the
screen did with a bad byte in an event's `after`. Every opening but `check`'s (which names every row) refuses such
a file in the one line `undecodable` words, before anything reads or writes it.

The cost is one pass over every table (`first_undecodable`): 1.8 CPU seconds on 15,000 articles with 1.4 million
suggestions, against 0.3 for SQLite's quick check and 0.8 for its full one."""

from __future__ import annotations

import shlex
import sqlite3

from annotator.errors import found
from annotator.store.functions import calling, is_utf8, register

#: Rows read at once: each column's text values of so many rows are joined and decoded in one call.
CHUNK = 10_000


def _columns(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) of every column of every table but SQLite's and FTS5's own (derived from the titles); a
    table whose name is not UTF-8 is a damaged schema, which SQLite's check of the file refuses first."""
    db.text_factory = bytes
    try:
        tables = [
            bytes(row[0]).decode("utf-8", "replace")
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'title_search%' ORDER BY name"
            )
        ]
        return [
            (table, bytes(row[0]).decode("utf-8", "replace"))
            for table in tables
            for row in db.execute("SELECT name FROM pragma_table_info(?)", [table])
        ]
    finally:
        db.text_factory = str


def first_undecodable(db: sqlite3.Connection) -> tuple[str, bytes] | None:
    """The column and stored bytes of the first text value (by table, chunk of rows, column) that is not UTF-8;
    None if every one is. Each table is read once, `CHUNK` rows at a time: every column's text values of the chunk
    joined by a line break (so no two halves of a character join into one) and decoded in one call, since one
    call for every value cost twice as much (3.4 CPU seconds for 1.4 million suggestions). Only a chunk that does
    not decode is read again, value by value, for the one to name."""
    register(db, "annotator_is_utf8", 1, is_utf8, deterministic=True)
    with calling():  # an interrupt inside the function is the interrupt (`store.functions`)
        tables: dict[str, list[str]] = {}
        for table, column in _columns(db):
            tables.setdefault(table, []).append(column)
        for table, columns in tables.items():
            named = [(column, '"' + column.replace('"', '""') + '"') for column in columns]
            quoted = '"' + table.replace('"', '""') + '"'
            texts = ", ".join(
                f"annotator_is_utf8(CAST(group_concat(CASE WHEN typeof({c}) = 'text' THEN CAST({c} AS BLOB) END, "
                "X'0A') AS BLOB))"
                for _, c in named
            )
            low, high = db.execute(f"SELECT min(rowid), max(rowid) FROM {quoted}").fetchone()
            for start in range(low, high + 1, CHUNK) if low is not None else ():
                chunk = [start, start + CHUNK]
                decoded = db.execute(f"SELECT {texts} FROM {quoted} WHERE rowid >= ? AND rowid < ?", chunk).fetchone()
                for (column, c), fine in zip(named, decoded, strict=True):
                    if fine == 0:
                        row = db.execute(
                            f"SELECT CAST({c} AS BLOB) FROM {quoted} WHERE rowid >= ? AND rowid < ? AND typeof({c}) = "
                            f"'text' AND NOT annotator_is_utf8(CAST({c} AS BLOB)) ORDER BY rowid LIMIT 1",
                            chunk,
                        ).fetchone()
                        return column, bytes(row[0])
        return None


def not_utf8(path: object, column: str, text: str) -> str:
    """The one line for a file holding text that is not UTF-8 (`text`: decoded with "surrogateescape", so each bad
    byte is shown as the byte, ⟨0xFF⟩, as every byte that is not UTF-8 is shown)."""
    return (
        f"{path}: column {found(column)} holds text that is not UTF-8 ({found(text)}); it was left as it is: "
        f"`annotator check --db {shlex.quote(str(path))}` names the rows"
    )


def undecoded(db: sqlite3.Connection, shown: object) -> str | None:
    """`not_utf8` of the first value in the file that is not UTF-8; None when all are."""
    first = first_undecodable(db)
    return None if first is None else not_utf8(shown, first[0], first[1].decode("utf-8", "surrogateescape"))
