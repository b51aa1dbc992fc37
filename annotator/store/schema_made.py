"""What the migrations make, compared with what a file holds: `check` and the openings that refuse a damaged or
foreign schema read it here (the migrations themselves are in `schema`)."""

from __future__ import annotations

import shlex
import sqlite3
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from annotator.store.schema import ORDERED, SCHEMA_VERSION

if TYPE_CHECKING:
    from pathlib import Path


#: What the migrations make, less what SQLite and the libraries make their own way (whose SQL may differ by
#: version): SQLite's tables, sqlite-utils' record of migrations, FTS5's tables of the title index.
SCHEMA_OBJECTS = (
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger', 'view') "
    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '%\\_sqlite\\_migrations%' ESCAPE '\\' "
    "AND NOT (type = 'table' AND name LIKE 'title\\_search\\_%' ESCAPE '\\')"
)


def schema_objects(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """The file's tables, indexes, triggers and views by (type, name), with their SQL (white space collapsed)."""
    return {(kind, name): " ".join((sql or "").split()) for kind, name, sql in db.execute(SCHEMA_OBJECTS)}


#: FTS5's own tables of the title index: only whether each is there is compared (SQLite words their SQL).
INDEX_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'title\\_search\\_%' ESCAPE '\\'"


class IndexTable(NamedTuple):
    """One of FTS5's tables of the title index as the migrations leave it on an empty database: its SQL and its
    rows (a new index's structure and version records), what a dropped one is made again from."""

    sql: str
    rows: list[tuple[Any, ...]]


@cache
def _made() -> tuple[dict[tuple[str, str], str], dict[str, IndexTable]]:
    db = sqlite3.connect(":memory:")
    try:
        for _, step in ORDERED:
            step(db)
        tables = {
            name: IndexTable(sql, db.execute(f'SELECT * FROM "{name}"').fetchall())
            for name, sql in db.execute(INDEX_TABLES.replace("SELECT name", "SELECT name, sql"))
        }
        return schema_objects(db), tables
    finally:
        db.close()


def made_by_migrations() -> dict[tuple[str, str], str]:
    """Every table, index, trigger and view the migrations make: built once a process by running them on an empty
    database in memory, so it is what they make, not a copy. Run on the bare connection, without sqlite-utils'
    record of them (left out of the comparison): importing sqlite-utils would add some 150 ms to every opening."""
    return _made()[0]


def made_index_tables() -> dict[str, IndexTable]:
    """FTS5's tables of the title index, as the migrations make them (`_made`)."""
    return _made()[1]


def missing_index_tables(db: sqlite3.Connection) -> list[str]:
    """FTS5's tables of the title index that a file of this release's schema lacks: without one, every read or
    write of the index fails ("database disk image is malformed", "vtable constructor failed")."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return []
    found = {name for (name,) in db.execute(INDEX_TABLES)}
    return [name for name in made_index_tables() if name not in found]


def missing_objects(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """What the migrations make that a file of this release's schema lacks, in the order they make it: code
    written for the schema fails on it (no such table), and writing to it would skip what a missing trigger
    keeps (issue 10). A file at an older schema has nothing to compare."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return []
    found = {key for key, _ in schema_objects(db).items()}
    missing = [key for key in made_by_migrations() if key not in found]
    return missing + [("table", name) for name in missing_index_tables(db)]


def _foreign_triggers(db: sqlite3.Connection) -> list[tuple[str, bool]]:
    """Triggers of a file of this release's schema that the migrations do not make, or make otherwise (name, changed):
    they would run inside annotator's own writes (an attacker's trial: one committed its rows with an `accept`)."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return []
    made = made_by_migrations()
    return [
        (name, ("trigger", name) in made)
        for (kind, name), sql in sorted(schema_objects(db).items())
        if kind == "trigger" and made.get((kind, name)) != sql
    ]


def foreign_trigger(db: sqlite3.Connection, shown: Path) -> str | None:
    """Why a file that may be written is refused for a trigger the migrations do not make (or make otherwise): it
    would run inside annotator's own transactions. Reading it is not refused (a trigger runs on writes only)."""
    found = _foreign_triggers(db)
    if not found:
        return None
    name, changed = found[0]
    return (
        f"{shown}: another program {'changed' if changed else 'added'} trigger {name!r} {'in' if changed else 'to'} "
        f"it, which would run inside annotator's writes; it was left as it is: `annotator check --db "
        f"{shlex.quote(str(shown))}` names it "
        f"({'restore the file from a backup' if changed else 'drop it if nothing needs it'}, or work on a copy)"
    )
