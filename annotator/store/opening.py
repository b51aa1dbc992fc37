"""Opening the database file safely. A file is examined read-only before anything may write to it: it must be a
regular file, a SQLite database, ours (`PRAGMA application_id`, or the migration record of files made before
the mark), of a schema this release knows, and sound. Only then does a writing connection open it, so a
foreign, damaged or newer file, or one with a stray `-wal` beside it, is refused and left exactly as it was.

What is checked, and when:
- every opening: the header (SQLite's, our mark, the schema version) and `PRAGMA quick_check` (the b-trees'
  pages and free lists, O(N));
- every opening that may write (ingest, import, merge, suggest, adjudicate, the TUI): the full
  `PRAGMA integrity_check` instead, which also checks that every index matches its table, so damage
  quick_check misses (a flipped bit in an index page) is found before anything is written next to it;
- `annotator check`: the full integrity check and the event log against the tables (`store.verify`).

A new database is built under a temporary name beside its target (`annotator.places`) with our mark, WAL mode
and the schema, and linked into place only when complete: an existing file is never replaced or removed, and
a killed creation leaves only a temporary that the next creation removes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.places import PRIVATE_MODE, PlaceError, Temporary, regular_target, remove_stale
from annotator.store.schema import MIGRATION_SET, SCHEMA_VERSION, migrate

BUSY_TIMEOUT_MS = 10_000
#: `PRAGMA application_id` of every database this tool makes ("ANNO"): another program's file is told apart.
APPLICATION_ID = 0x414E4E4F
SQLITE_HEADER = b"SQLite format 3\x00"
#: The temporaries a new database is built in: `.<name>.new-<random>` beside it.
NEW = "new"
#: Kept for callers that name the mode of created files.
NEW_FILE_MODE = PRIVATE_MODE


class DatabaseError(AnnotatorError):
    pass


class WriteFailed(DatabaseError):
    """A change that could not be saved (read-only file, disk full, I/O error): it was rolled back whole."""


class Snapshot(sqlite3.Connection):
    """A read-only connection to a private copy of a database and its `-wal` (see `_reader`); the copy goes when
    the connection closes."""

    folder: str | None = None

    def close(self) -> None:
        super().close()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI for SQLite: the path percent-quoted, so `#`, `?` and `%` in a name stay part of the name."""
    quoted = urllib.parse.quote(str(path.absolute()), safe="/")
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"file:{quoted}" + (f"?{query}" if query else "")


def companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def is_writable(path: Path) -> bool:
    """Whether this process may write the database: the file, and the folder for SQLite's -wal and -shm files."""
    if not os.access(path, os.W_OK):
        return False
    companions = [companion(path, suffix) for suffix in ("-wal", "-shm")]
    if all(c.exists() for c in companions):
        return all(os.access(c, os.W_OK) for c in companions)
    return os.access(path.parent, os.W_OK)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _header(target: Path, shown: Path) -> bytes:
    try:
        with open(target, "rb") as file:
            header = file.read(100)
    except OSError as error:
        raise DatabaseError(f"{shown}: cannot read the database: {error.strerror}") from None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DatabaseError(f"{shown}: not a SQLite database (another kind of file, or its header is damaged); "
                            "it was left as it is")  # fmt: skip
    return header


def _foreign(shown: Path, what: str) -> DatabaseError:
    return DatabaseError(f"{shown}: not an annotator database ({what}); it was left as it is")


def _damaged(shown: Path, problems: list[str], target: Path) -> DatabaseError:
    hint = ""
    if _size(companion(target, "-wal")):
        hint = f" (if {shown}-wal beside it is not this database's own, move it away and try again)"
    return DatabaseError(
        f"{shown}: the database is damaged ({'; '.join(problems)}); it was left as it is{hint}: restore a backup "
        f"or try `sqlite3 {shown} .recover`"
    )


def _connect(target: Path, shown: Path, uri: str | None = None, factory: Any = sqlite3.Connection) -> Any:
    try:
        if uri is None:
            return sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, factory=factory)
    except sqlite3.Error as error:
        raise DatabaseError(f"{shown}: cannot open the database: {error}") from None


def _reader(target: Path, shown: Path, application_id: int) -> sqlite3.Connection:
    """A connection that cannot write and creates nothing the file did not have already, chosen by what is there:

    - a `-wal` without its `-shm`: no process has the file open (a live one keeps both), and reading the WAL
      in place would create the `-shm` (impossible in a read-only folder). The file and its WAL are copied to a
      private folder and the copy is read, so work in the WAL is shown, never silently left out.
    - no `-shm` and a folder this process cannot write, or a file not (yet) known to be ours: `immutable`,
      reading the file alone (there is no WAL to miss), creating nothing.
    - otherwise `mode=ro`, SQLite's ordinary read-only access, which sees the WAL as other readers do.
    """
    wal, shm = companion(target, "-wal"), companion(target, "-shm")
    if _size(wal) and not shm.exists():
        folder = tempfile.mkdtemp(prefix="annotator-")
        copy = Path(folder) / "db"
        try:
            shutil.copyfile(target, copy)
            shutil.copyfile(wal, companion(copy, "-wal"))
            snapshot: Snapshot = _connect(copy, shown, sqlite_uri(copy, mode="ro"), factory=Snapshot)
        except BaseException as error:
            shutil.rmtree(folder, ignore_errors=True)
            if isinstance(error, OSError):
                raise DatabaseError(f"{shown}: cannot read the database and its WAL: {error.strerror}") from None
            raise
        snapshot.folder = folder
        return snapshot
    if not shm.exists() and (application_id != APPLICATION_ID or not os.access(target.parent, os.W_OK)):
        return _connect(target, shown, sqlite_uri(target, immutable="1"))  # type: ignore[no-any-return]
    return _connect(target, shown, sqlite_uri(target, mode="ro"))  # type: ignore[no-any-return]


def _is_ours(db: sqlite3.Connection, shown: Path) -> int:
    """The schema version of a file that is ours; a `DatabaseError` for anything else."""
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if application_id not in (0, APPLICATION_ID):
        raise _foreign(shown, f"another program's, application id 0x{application_id & 0xFFFFFFFF:08x}")
    if application_id == APPLICATION_ID:
        return _known_version(version, shown)
    tables = sorted(row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    if not tables:
        raise _foreign(shown, "an empty SQLite database that annotator did not make")
    # Files made before they carried the mark: the migration record says they are ours.
    made_by_us = (
        "_sqlite_migrations" in tables
        and db.execute(
            "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? AND name = '0001_initial'", [MIGRATION_SET]
        ).fetchone()
    )
    if not made_by_us or version == 0:
        listed = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise _foreign(shown, f"another program's, with tables {listed}")
    return _known_version(version, shown)


def _known_version(version: int, shown: Path) -> int:
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{shown}: made by a newer release of annotator (schema {version}, this one knows {SCHEMA_VERSION})"
        )
    return version


def _examined(target: Path, shown: Path, thorough: bool) -> sqlite3.Connection:
    """A read-only connection to a file known to be ours and sound (see the module's docstring)."""
    header = _header(target, shown)
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise _foreign(shown, f"another program's, application id 0x{application_id:08x}")
    db = _reader(target, shown, application_id)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _is_ours(db, shown)
        pragma = "integrity_check(5)" if thorough else "quick_check(5)"
        problems = [" ".join(row[0].split()) for row in db.execute(f"PRAGMA {pragma}").fetchall()]
        if problems != ["ok"]:
            raise _damaged(shown, problems, target)
    except sqlite3.DatabaseError as error:
        db.close()
        raise _damaged(shown, [str(error)], target) from None
    except BaseException:
        db.close()
        raise
    return db


def _retrying(db: sqlite3.Connection, sql: str) -> Any:
    """A statement SQLite may refuse with "database is locked" without waiting (switching to WAL needs the file
    to itself): retried until the busy timeout, as every other write waits."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return db.execute(sql).fetchone()
        except sqlite3.OperationalError as error:
            if ("locked" not in str(error) and "busy" not in str(error)) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def initialise(db: sqlite3.Connection) -> None:
    """Our mark, WAL, full sync and the schema, on a connection that may write (a new file, or one of ours)."""
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        _retrying(db, "PRAGMA journal_mode = wal")
    db.execute("PRAGMA synchronous = FULL")
    migrate(db)
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        _retrying(db, "BEGIN IMMEDIATE")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")


def is_ours_by_header(path: Path) -> bool:
    """An empty file or one with our mark: what a stale temporary of ours looks like."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError:
        return False
    return not header or (header.startswith(SQLITE_HEADER) and int.from_bytes(header[68:72], "big") == APPLICATION_ID)


def new_database(target: Path) -> Temporary:
    """An empty database of ours under a temporary name beside `target`, locked, closed and synced: the caller
    fills it (or not) and links it into place (`Temporary.link_into_place`), or discards it."""
    remove_stale(target, NEW, is_ours_by_header)
    try:
        temporary = Temporary(target, NEW)
    except OSError as error:
        raise DatabaseError(f"{target}: cannot create the database: {error.strerror}") from None
    try:
        db = sqlite3.connect(temporary.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            initialise(db)
        finally:
            db.close()  # the last connection: the WAL is checkpointed into the file and removed
        temporary.sync()
    except BaseException as error:
        temporary.discard()
        temporary.close()
        if isinstance(error, sqlite3.Error | OSError):
            raise DatabaseError(f"{target}: cannot create the database: {error}") from None
        raise
    return temporary


def create_database(target: Path) -> None:
    """A new, empty database at `target`, unless a file took the name meanwhile (then that one is opened)."""
    temporary = new_database(target)
    try:
        temporary.link_into_place()
    except OSError as error:
        raise DatabaseError(f"{target}: cannot create the database: {error.strerror}") from None
    finally:
        temporary.discard()
        temporary.close()


def open_database(path: str | Path, read_only: bool = False, create: bool = True) -> sqlite3.Connection:
    """A connection set up for safety: WAL, full sync, waits for other writers instead of failing.

    Refuses (changing nothing) anything but a sound database of ours (see the module's docstring). A new file
    is created private to its owner and group, unless `create` is False (commands that only read), or
    `read_only`, which opens for viewing only and never writes.
    """
    path = Path(path)
    try:
        target, found = regular_target(path)
    except PlaceError as error:
        raise DatabaseError(str(error).replace("nothing was written to it", "it was left as it is")) from None
    if found is None or found.st_size == 0:
        if read_only or not create:
            raise DatabaseError(f"{path}: no such database" if found is None else f"{path}: an empty file, no database")
        create_database(target)
    db = _examined(target, path, thorough=not read_only)
    if read_only:
        return _read_only(db, path)
    db.close()
    if not stat.S_ISREG(os.stat(target).st_mode):  # pragma: no cover - swapped for a special file meanwhile
        raise DatabaseError(f"{path}: not a regular file")
    writer = _connect(target, path)
    try:
        initialise(writer)
    except BaseException as error:
        writer.close()
        if isinstance(error, sqlite3.Error):
            raise write_failed(path, error) from None
        raise
    return writer  # type: ignore[no-any-return]


def _read_only(db: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        db.close()
        raise DatabaseError(f"{path}: made by an older release: open it once with a command that writes to upgrade it")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def write_failed(path: Path | None, error: sqlite3.Error) -> WriteFailed:
    reason = str(error)
    reason = {
        "database or disk is full": "the disk is full",
        "attempt to write a readonly database": "the database is read-only",
        "database is locked": f"another process kept the database locked for over {BUSY_TIMEOUT_MS // 1000} s",
    }.get(reason, reason)
    return WriteFailed(f"not saved: {reason} ({path}); nothing of this change was written")
