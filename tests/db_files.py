"""A test's SQLite files read as rows and copied as SQLite copies them (a file and its WAL as one), for the tests
that check what a command left in a database."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(db: Path, sql: str, params: tuple[str, ...] = ()) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return list(connection.execute(sql, params))
    finally:
        connection.close()


def count(db: Path, sql: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


def copy_db(source: Path, target: Path) -> None:
    """A copy by SQLite's backup, as `sqlite3 SOURCE ".backup TARGET"` makes."""
    given, made = sqlite3.connect(source), sqlite3.connect(target)
    try:
        given.backup(made)
    finally:
        given.close()
        made.close()
