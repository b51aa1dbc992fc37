"""Opening the database file safely: private when new, read-only when it cannot be written, refused (and
left untouched) when it is damaged, from a newer release or another program's; failed writes as one line.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.store.schema import SCHEMA_VERSION, migrate

BUSY_TIMEOUT_MS = 10_000


class DatabaseError(AnnotatorError):
    pass


class WriteFailed(DatabaseError):
    """A change that could not be saved (read-only file, disk full, I/O error): it was rolled back whole."""


#: Created files get these permissions (before the umask): never writable by others, nor readable by them.
NEW_FILE_MODE = 0o640


def is_writable(path: Path) -> bool:
    """Whether this process may write the database: the file, and the folder for SQLite's -wal and -shm files."""
    if not os.access(path, os.W_OK):
        return False
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    if all(c.exists() for c in companions):
        return all(os.access(c, os.W_OK) for c in companions)
    return os.access(path.parent, os.W_OK)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    # Read-only: SQLite must not create -wal/-shm in a folder it cannot write, so such a file is opened as
    # immutable (nobody can be writing it through this folder's files anyway).
    immutable = not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-shm").exists()
    uri = f"{path.resolve().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)


def open_database(path: str | Path, read_only: bool = False, create: bool = True) -> sqlite3.Connection:
    """A connection set up for safety: WAL, full sync, waits for other writers instead of failing.

    Refuses (changing nothing) a file from a newer release, another application's database and a damaged
    file; a new file is created private to its owner and group, unless `create` is False (commands that only
    read). `read_only` opens for viewing only.
    """
    path = Path(path)
    new = not path.exists() or path.stat().st_size == 0  # an empty file holds nothing to lose
    if new and (read_only or not create):
        raise DatabaseError(f"{path}: no such database")
    if new:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE))
        except FileExistsError:
            pass
        except OSError as error:
            raise DatabaseError(f"{path}: cannot create the database: {error.strerror}") from None
    try:
        connection = _connect(path, read_only)
    except sqlite3.Error as error:
        raise DatabaseError(f"{path}: cannot open the database: {error}") from None
    try:
        return _prepare(connection, path, new, read_only)
    except BaseException as error:
        connection.close()
        if isinstance(error, sqlite3.DatabaseError):
            raise DatabaseError(f"{path}: cannot open the database: {error}") from None
        raise


def _prepare(db: sqlite3.Connection, path: Path, new: bool, read_only: bool) -> sqlite3.Connection:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: made by a newer release of annotator (schema {version}, this one knows {SCHEMA_VERSION})"
        )
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not new and version == 0 and tables and "articles" not in tables:
        raise DatabaseError(f"{path}: not an annotator database (it has other tables)")
    damage = [" ".join(row[0].split()) for row in db.execute("PRAGMA quick_check(3)").fetchall()]
    if damage != ["ok"]:
        raise DatabaseError(
            f"{path}: the database is damaged ({'; '.join(damage)}); it was left as it is: restore a backup "
            f"or try `sqlite3 {path} .recover`"
        )
    if read_only:
        if version < SCHEMA_VERSION:
            raise DatabaseError(f"{path}: read-only, and made by an older release: it needs write access once")
        return db
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = wal")
    db.execute("PRAGMA synchronous = FULL")
    migrate(db)
    return db


def write_failed(path: Path | None, error: sqlite3.Error) -> WriteFailed:
    reason = str(error)
    reason = {
        "database or disk is full": "the disk is full",
        "attempt to write a readonly database": "the database is read-only",
        "database is locked": f"another process kept the database locked for over {BUSY_TIMEOUT_MS // 1000} s",
    }.get(reason, reason)
    return WriteFailed(f"not saved: {reason} ({path}); nothing of this change was written")
