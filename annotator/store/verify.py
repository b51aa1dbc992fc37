"""Checking a database: SQLite's own integrity check, that the title search index matches the titles, that what
is stored could have been written by this program (UTF-8 text, tokens and offsets within their text, moments:
`annotator.store.content`), and that the event log explains the current tables.

The promise "nothing is ever lost" rests on two facts these functions test: the file is sound, and replaying
each annotator's events rebuilds exactly the spans, decisions and status the tables hold.
"""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from annotator.store.connection import SPAN_SELECT
from annotator.store.content import moment_problems, stored_problems, utf8_problems
from annotator.store.event_shapes import events_of
from annotator.store.explained import annotation_problems, assignment_problems
from annotator.store.history import replay
from annotator.store.names import name_problems
from annotator.store.reads import Reader
from annotator.store.schema import SCHEMA_VERSION
from annotator.store.schema_made import made_by_migrations, made_index_tables, missing_index_tables, schema_objects
from annotator.store.temporary import temporary_files, temporary_write_failed
from annotator.store.unlocked import torn
from annotator.vocabulary import Status, is_model


def integrity_problems(reader: Reader, quick: bool = False) -> list[str]:
    """SQLite's integrity check (or the faster quick check): an empty list means the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in reader.db.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


#: FTS5's own command that rebuilds an external-content index from its content table (here: the titles).
REBUILD_TITLE_INDEX = "INSERT INTO title_search(title_search) VALUES('rebuild')"
#: The index of the titles as it is (`found`) and as SQLite builds it from the titles now (`made`), term by term.
_INSTANCES = "SELECT term, doc, offset FROM temp.title_check_{}"


def title_index_problems(reader: Reader) -> list[str]:
    """Where the trigram index of the titles (`title_search`, schema 4) differs from the titles, one line: its
    search would hide or invent titles. FTS5's own 'integrity-check' is an INSERT, which a read-only connection
    may not run, and SQLite before 3.44 leaves FTS5 out of `PRAGMA integrity_check`; so SQLite builds the index
    of the titles again in the connection's temporary schema (the file is only read) and every term at every
    offset of every row is compared, both ways. The index is derived from the titles: the line says how to
    rebuild it. A file without the index (schema 3), or a private copy this release just brought to its schema
    (read-only: the index was built from its titles), has nothing to compare."""
    db = reader.conn
    if (
        db.execute("PRAGMA query_only").fetchone()[0]
        or not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'title_search'").fetchone()
    ):
        return []
    made = ["title_check_index", "title_check_found", "title_check_made"]
    was_in_transaction = db.in_transaction
    rebuild = f'rebuild it from the titles: sqlite3 {shlex.quote(str(reader.path or "FILE"))} "{REBUILD_TITLE_INDEX}"'
    try:
        db.execute("CREATE VIRTUAL TABLE temp.title_check_index USING fts5(title, tokenize='trigram')")
        db.execute("INSERT INTO temp.title_check_index (rowid, title) SELECT rowid, title FROM main.articles")
        db.execute("CREATE VIRTUAL TABLE temp.title_check_found USING fts5vocab(main, title_search, 'instance')")
        db.execute("CREATE VIRTUAL TABLE temp.title_check_made USING fts5vocab(temp, title_check_index, 'instance')")
        found, expected = _INSTANCES.format("found"), _INSTANCES.format("made")
        differing = f"SELECT doc FROM ({found} EXCEPT {expected}) UNION SELECT doc FROM ({expected} EXCEPT {found})"
        row = db.execute(f"SELECT MIN(doc) FROM ({differing})").fetchone()
    except sqlite3.DatabaseError as error:  # FTS5's own tables damaged: SQLite's check of the file passed them
        if temporary_write_failed(error):  # the copy in the temporary schema did not fit: no word on the index
            raise
        file = shlex.quote(str(reader.path or "FILE"))
        empty = "; ".join(
            f"DELETE FROM {name}" + (f"; INSERT INTO {name} VALUES {_rows_sql(table.rows)}" if table.rows else "")
            for name, table in made_index_tables().items()
        )
        return [
            f"table 'title_search': the title index cannot be read ({error}); empty its tables as a new index "
            f'starts, then rebuild it from the titles: sqlite3 {file} "{empty}"; sqlite3 {file} "{REBUILD_TITLE_INDEX}"'
        ]
    finally:
        with suppress(sqlite3.Error):  # after a damaged index, SQLite may fail these too
            for name in reversed(made):
                db.execute(f"DROP TABLE IF EXISTS temp.{name}")
            if db.in_transaction and not was_in_transaction:
                db.commit()  # the transaction the INSERT into the temporary schema began; the file was only read
    if row[0] is None:
        return []
    article = db.execute("SELECT id, title FROM articles WHERE rowid = ?", [row[0]]).fetchone()
    if article is None:
        return [f"table 'title_search': the title index holds rowid {row[0]}, which no article has; {rebuild}"]
    return [
        f"table 'title_search': the title index disagrees with the title of article {article[0]!r} "
        f"({article[1]!r}); {rebuild}"
    ]


def schema_problems(reader: Reader) -> list[str]:
    """Where the file's schema differs from what the migrations make, one line each with what to do: a dropped
    trigger (the title index or the append-only event log unkept) or index passes SQLite's integrity check
    (issue 10, F5). A file at an older schema (read as it is) has nothing to compare."""
    return schema_problems_of(reader.conn, reader.path)


def schema_problems_of(db: sqlite3.Connection, path: Path | None) -> list[str]:
    """`schema_problems` of a connection (`merge` reads the other file through one)."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return []
    found = schema_objects(db)
    made = made_by_migrations()
    file = shlex.quote(str(path or "FILE"))
    problems = []
    for (kind, name), sql in made.items():
        if (kind, name) not in found:
            then = f'; then: sqlite3 {file} "{REBUILD_TITLE_INDEX}"' if name == "title_search" else ""
            problems.append(
                f"{kind} {name!r} is missing; the migrations make it: sqlite3 {file} {shlex.quote(sql)}{then}"
            )
        elif found[(kind, name)] != sql:
            problems.append(
                f"{kind} {name!r} differs from what the migrations make ({found[(kind, name)]!r}, not {sql!r}); "
                "restore the file from a backup or ask who changed it"
            )
    for kind, name in sorted(found.keys() - made.keys()):
        problems.append(
            f"{kind} {name!r} is not made by the migrations: another program added it; drop it if nothing needs it"
        )
    if ("table", "title_search") in found:  # made again with the index, its own tables come with it
        missing = missing_index_tables(db)
        problems.extend(_index_table_problem(name, file, name == missing[-1]) for name in missing)
    return problems


def _index_table_problem(name: str, file: str, last: bool) -> str:
    """A dropped table of FTS5's title index: made again as a new index starts (its SQL and first rows), then, once
    the `last` is made, the index rebuilt from the titles (FTS5 cannot drop or rebuild an index lacking one of its
    tables)."""
    table = made_index_tables()[name]
    make = f"{table.sql}; INSERT INTO {name} VALUES {_rows_sql(table.rows)}" if table.rows else table.sql
    quoted = f'"{make}"' if not set(make) & set('"$`\\!') else shlex.quote(make)  # as the shell reads it
    then = (
        f'then rebuild the index from the titles: sqlite3 {file} "{REBUILD_TITLE_INDEX}"'
        if last
        else "then the next line's"
    )
    return (
        f"table {name!r} of the title index (FTS5's) is missing: make it as a new index starts: "
        f"sqlite3 {file} {quoted}; {then}"
    )


def _rows_sql(rows: list[tuple[Any, ...]]) -> str:
    return ", ".join("(" + ", ".join(_sql_literal(value) for value in row) + ")" for row in rows)


def _sql_literal(value: object) -> str:
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def _edited_pairs(reader: Reader) -> list[tuple[str, str]]:
    sql = """SELECT article_id, annotator FROM events
             UNION SELECT article_id, annotator FROM spans
             UNION SELECT article_id, annotator FROM decisions
             UNION SELECT article_id, annotator FROM annotations
                   WHERE status != 'todo' OR updated_at IS NOT NULL OR flag_reason IS NOT NULL
             UNION SELECT article_id, annotator FROM assignments
             ORDER BY 1, 2"""
    return [(row[0], row[1]) for row in reader.db.execute(sql)]


def replay_problems(reader: Reader, pairs: Iterable[tuple[str, str]] | None = None) -> list[str]:
    """Every (article, annotator) whose tables differ from what its events replay to, one line each (of `pairs`,
    by default every pair with work or an assignment): spans, decisions and status (`history.replay`), the
    annotation's moment and reason of a flag, and the assignment (`explained`). A pair with an event whose JSON no
    command writes (`event_shapes`) is not replayed: each such event's column is its line."""
    problems: list[str] = []
    for article_id, annotator in _edited_pairs(reader) if pairs is None else pairs:
        events, damaged = events_of(reader.conn, article_id, annotator)
        if damaged:  # its history cannot be replayed: the events are what is wrong
            problems += damaged
            continue
        spans, decisions, status = replay(events)
        rows = reader.db.execute(f"{SPAN_SELECT} WHERE article_id = ? AND annotator = ?", [article_id, annotator])
        names = [d[0] for d in rows.description]
        stored_spans = {row[0]: dict(zip(names, row, strict=True)) for row in rows}
        stored_decisions = dict(
            reader.db.execute(
                "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ?",
                [article_id, annotator],
            ).fetchall()
        )
        annotation = reader.db.execute(
            "SELECT status, updated_at, flag_reason FROM annotations WHERE article_id = ? AND annotator = ?",
            [article_id, annotator],
        ).fetchone()
        stored_status = annotation[0] if annotation else Status.TODO.value
        where = f"article {article_id}, annotator {annotator}"
        if stored_spans != spans:
            problems.append(
                f"{where}: spans differ from the event log ({len(stored_spans)} stored, {len(spans)} replayed)"
            )
        if stored_decisions != decisions:
            problems.append(f"{where}: decisions differ from the event log")
        if stored_status != status:
            problems.append(f"{where}: status {stored_status!r} but the event log says {status!r}")
        problems += annotation_problems(annotation[1:] if annotation else None, article_id, annotator, events)
        problems += assignment_problems(reader.conn, article_id, annotator, events)
    return problems


def merged_replay_problems(reader: Reader) -> list[str]:
    """`replay_problems` of every row a merge copies: a model's name's work (an earlier release imported the model's
    records as annotations) is never merged, so its tables need no explaining; but `merge` copies every
    assignment, and an assignment or `assign` event naming a model is found (`explained.assignment_problems`)."""
    assigned = {
        (row[0], row[1])
        for row in reader.db.execute(
            "SELECT article_id, annotator FROM assignments "
            "UNION SELECT article_id, annotator FROM events WHERE action IN ('assign', 'unassign')"
        )
    }
    return replay_problems(reader, [p for p in _edited_pairs(reader) if not is_model(p[1]) or p in assigned])


def check(reader: Reader) -> list[str]:
    """Everything wrong with this database, one line a problem; empty when it is sound and consistent. A schema
    that differs from the migrations' is reported alone: the title index and the event log are read through the
    tables it may lack."""
    with temporary_files(reader.path), one_snapshot(reader.conn):  # the file is only read: no other write fails
        problems = _problems(reader)
    if (
        problems and reader.path and (refusal := torn(reader.conn, reader.path))
    ):  # not damage: a writer's checkpoint under the read
        raise refusal
    return problems


def _problems(reader: Reader) -> list[str]:
    problems = integrity_problems(reader) or schema_problems(reader)
    if problems:
        return problems
    named = [f"table {table!r}: {problem}" for table, problem in name_problems(reader.conn)]
    undecodable = utf8_problems(reader.conn)
    if undecodable:  # every other check reads that text
        return named + undecodable
    stored = stored_problems(reader.conn) + moment_problems(reader.conn)
    return title_index_problems(reader) + named + stored + replay_problems(reader)


@contextmanager
def one_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Every read inside sees one state of the file: a writer in another process commits an edit (its row and
    its event together) between two of check's reads otherwise, and the row would look unexplained by the log."""
    if conn.in_transaction:  # a caller's snapshot already
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if _still_open(conn):  # SQLite ends it itself on some errors (a temporary file it could not write)
            conn.execute("ROLLBACK")  # nothing was written: only the read snapshot ends


def _still_open(conn: sqlite3.Connection) -> bool:
    """Whether the connection's transaction is still open (read again: mypy takes it as the first look found it)."""
    return conn.in_transaction
