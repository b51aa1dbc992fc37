"""Opening the database file safely. A file is examined read-only before anything may write to it
(`annotator.store.examining`): a regular file, a SQLite database, ours, of a schema this release knows, sound,
and any `-wal` beside it its own, with no file SQLite did not write at its `-wal`, `-journal` or `-shm` names.
Only then does a writing connection open it, so a foreign, damaged or newer file, one with a stray `-wal`
beside it, or a file of notes at one of those names, is refused and left exactly as it was; so is a file with two
names (`_one_name`) or one another process has open under another name (`annotator.store.elsewhere`), whose
`-wal` that process keeps by that other name.

What is checked, and when:
- every opening: the header (SQLite's, our mark, the schema version) and `PRAGMA quick_check` (the b-trees'
  pages and free lists, O(N));
- every opening that may write (ingest, import, merge, suggest, adjudicate, the TUI): the full
  `PRAGMA integrity_check` instead, which also checks that every index matches its table, so damage
  quick_check misses (a flipped bit in an index page) is found before anything is written next to it;
- `annotator check`: the full integrity check and the event log against the tables (`store.verify`).

A new database is built under a temporary name beside its target (`annotator.places`) with our mark, WAL mode
and the schema, and linked into place only when complete: an existing file is never replaced or removed, and
a killed creation leaves only a temporary, which the next creation names in a note and leaves as it is.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import shlex
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any

from annotator.places import PRIVATE_MODE, Note, PlaceError, Temporary, note_leftovers, regular_target
from annotator.store.companions import companion, not_sqlites, orphan_journal
from annotator.store.elsewhere import open_elsewhere, open_under_another_name
from annotator.store.examining import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    DatabaseError,
    Snapshot,
    Unindexed,
    connect,
    examined,
    sqlite_uri,
)
from annotator.store.schema import READABLE_AS_IS, migrate
from annotator.store.undecoded import not_utf8
from annotator.store.unlocked import remember_unlocked

__all__ = ["DatabaseError", "Snapshot", "WriteFailed", "open_database", "sqlite_uri"]
#: The temporaries a new database is built in: `.<name>.new-<random>` beside it.
NEW = "new"
#: Kept for callers that name the mode of created files.
NEW_FILE_MODE = PRIVATE_MODE


class WriteFailed(DatabaseError):
    """A change that could not be saved (read-only file, disk full, I/O error): it was rolled back whole."""


def is_writable(path: Path) -> bool:
    """Whether this process may write the database: the file, and the folder for SQLite's -wal and -shm files."""
    if not os.access(path, os.W_OK):
        return False
    companions = [companion(path, suffix) for suffix in ("-wal", "-shm")]
    if all(c.exists() for c in companions):
        return all(os.access(c, os.W_OK) for c in companions)
    return os.access(path.parent, os.W_OK)


def read_only_reason(path: Path) -> str:
    """Why the database at `path` (as given) cannot be written, in words naming what the user can change: the file
    itself, a companion SQLite keeps beside it, or the folder (a database in a folder this user cannot write was
    called "read-only", sending them to chmod a file that was writable), or the file system it is on when that is
    mounted read-only (trial s49 F6c). Opened read-only on request: the file."""
    try:
        if os.statvfs(os.path.dirname(os.path.abspath(path))).f_flag & os.ST_RDONLY:
            return f"{path} is on a read-only file system"
    except OSError:
        pass
    companions = [companion(path, suffix) for suffix in ("-wal", "-shm")]
    if not os.access(path, os.W_OK) or not all(c.exists() for c in companions):
        folder = path.parent
        if os.access(path, os.W_OK) and not os.access(folder, os.W_OK):
            return (
                f"{path} is in a folder you cannot write ({folder}), where SQLite keeps its -wal and -shm files "
                "beside it"
            )
        return f"{path} is read-only"
    locked = [c for c in companions if not os.access(c, os.W_OK)]
    return f"{locked[0]} is read-only" if locked else f"{path} is read-only"


def cannot_create(target: Path, error: OSError | sqlite3.Error) -> DatabaseError:
    """A database that could not be made at `target`: a folder this user cannot write is named as the folder."""
    folder = target.parent
    if not isinstance(error, OSError):
        return DatabaseError(f"{target}: cannot create the database: {error}")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and not os.access(folder, os.W_OK):
        return DatabaseError(f"{target}: cannot create the database: the folder {folder} cannot be written "
                             f"({error.strerror})")  # fmt: skip
    return DatabaseError(f"{target}: cannot create the database: {error.strerror}")


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
    """Our mark, WAL, full sync and the schema, on a connection that may write (a new file, or one of ours).

    The mark comes first: a new file's first page carries it from its first write, so a file is never
    taken for ours without it (though a file with it is not thereby ours to delete: a copy carries it too)."""
    settings(db)
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        _retrying(db, "BEGIN IMMEDIATE")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")
    in_wal_mode(db)
    migrate(db)


def settings(db: sqlite3.Connection) -> None:
    """What every writing connection sets for itself (nothing of it is written to the file)."""
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")


def in_wal_mode(db: sqlite3.Connection) -> None:
    """WAL mode, switched to outside any transaction (SQLite allows it nowhere else)."""
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        _retrying(db, "PRAGMA journal_mode = wal")


def new_database(target: Path, shown: Path | None = None, note: Note = None) -> Temporary:
    """An empty database of ours under a temporary name beside `target`, locked, closed and synced: the caller
    fills it (or not) and links it into place (`Temporary.link_into_place`), or discards it. Temporaries
    beside `target` that no one holds are named in a line for `note` (`shown`: the path as given) and left as
    they are. A file beside `target` that SQLite would take for its own and is not, or a hot journal there
    (`companions`), is refused first."""
    if problem := not_sqlites(target, shown or target) or orphan_journal(target, shown or target):
        raise DatabaseError(problem)
    note_leftovers(target, NEW, shown, note)
    try:
        temporary = Temporary(target, NEW)
    except OSError as error:
        raise cannot_create(target, error) from None
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
            raise cannot_create(target, error) from None
        raise
    return temporary


def create_database(target: Path, shown: Path | None = None, note: Note = None) -> None:
    """A new, empty database at `target`, unless a file took the name meanwhile (then that one is opened)."""
    temporary = new_database(target, shown, note)
    try:
        temporary.link_into_place()
    except OSError as error:
        raise cannot_create(target, error) from None
    finally:
        temporary.discard()
        temporary.close()


def open_database(
    path: str | Path, read_only: bool = False, create: bool = True, note: Note = None, whole: bool = True
) -> sqlite3.Connection:
    """A connection set up for safety: WAL, full sync, waits for other writers instead of failing.

    Refuses (changing nothing) anything but a sound database of ours (see the module's docstring). A new file
    is created private to its owner and group, unless `create` is False (commands that only read), or
    `read_only`, which opens for viewing only and never writes; `note` hears what the user should know about
    its creation (leftovers beside it). A file lacking part of this release's schema is refused unless `whole`
    is False (`annotator check`, which says what is missing).
    """
    path = Path(path)
    try:
        target, found = regular_target(path)
    except PlaceError as error:
        raise DatabaseError(str(error).replace("nothing was written to it", "it was left as it is")) from None
    if found is None:
        if read_only or not create:
            raise DatabaseError(f"{path}: no such database")
        create_database(target, path, note)
    _one_name(target, path)
    if open_under_another_name(target):
        raise DatabaseError(open_elsewhere(path))
    db = examined(target, path, thorough=not read_only, whole=whole)
    if read_only:
        return _read_only(db, target, path)
    db.close()
    if not stat.S_ISREG(os.stat(target).st_mode):  # pragma: no cover - swapped for a special file meanwhile
        raise DatabaseError(f"{path}: not a regular file")
    writer = connect(target, path)
    try:
        settings(writer)  # an older release's file is upgraded by the first write (`annotator.store.upgrading`)
        writer.execute("PRAGMA schema_version").fetchone()  # opens the -wal and -shm now, for `witness` to hold
    except BaseException as error:
        writer.close()
        if isinstance(error, sqlite3.Error):
            raise write_failed(path, error) from None
        raise
    return writer  # type: ignore[no-any-return]


#: How long a file with two names is watched for the second to go: our own creation links a complete temporary
#: to its name and removes the temporary's name right after (`Temporary.link_into_place`).
_LINKING_S = 1.0


def _one_name(target: Path, shown: Path) -> None:
    """Refuse a file with more than one name (hard links): SQLite finds a database's -wal and -shm by the name it
    was opened by, so each name has a WAL of its own and a write through one corrupts what the other holds
    (https://www.sqlite.org/howtocorrupt.html, 2.5). Only a stat: no descriptor is opened on the file, whose
    closing would drop SQLite's locks of this process's other connections to it."""
    deadline = time.monotonic() + _LINKING_S
    while (names := _names(target)) > 1:
        if time.monotonic() > deadline:
            raise DatabaseError(two_names(shown, names, target))
        time.sleep(0.01)


def two_names(shown: Path | str | None, names: int, target: Path | None = None) -> str:
    """What to do about a database file with more than one name (`_one_name`). The other name is most often our own
    creation's temporary beside it (`.<name>.new-<random>`), left by a kill between linking the new file into place
    and removing that name (an attacker's trial, strace-injected): then it is named, with what removing it does."""
    where = target if target is not None else Path(shown) if shown is not None else None
    left = _creation_name(where) if where is not None and names == 2 else None
    if left is not None:
        return (
            f"{shown} has 2 names (hard links): the other, {left.name} beside it, is what a creation of it killed "
            f"before it ended left (the same file, not a copy); remove that name (rm {shlex.quote(str(left))}): "
            "the database keeps its own"
        )
    return (
        f"{shown} has {names} names (hard links): SQLite keeps its -wal by name, so two names corrupt it; "
        f"remove the other name (find it with `find / -samefile {shown}`) or use a copy"
    )


def _creation_name(path: Path) -> Path | None:
    """A creation's temporary name beside `path` (`.<name>.new-<random>`) that is the same file, or None."""
    try:
        info = os.stat(path)
        for other in path.parent.glob(f".{glob.escape(path.name)}.{NEW}-*"):
            there = os.lstat(other)
            if (there.st_dev, there.st_ino) == (info.st_dev, info.st_ino):
                return other
    except OSError:
        return None
    return None


def _names(target: Path) -> int:
    try:
        return os.stat(target).st_nlink
    except OSError:  # gone meanwhile: examining it says so
        return 1


def _read_only(db: sqlite3.Connection, target: Path, path: Path) -> sqlite3.Connection:
    remember_unlocked(db)  # a checkpoint by a writer that opens it meanwhile tears what is read (`torn_reads`)
    if isinstance(db, Unindexed):  # examined without writing the -shm; read on as any reader does (`Unindexed`)
        db.close()
        db = connect(target, path, sqlite_uri(target, mode="ro"))
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError as error:  # the first read maps the -shm: on a full disk it cannot grow
        db.close()
        if not _io_error_of_a_full_disk(path, error):
            raise
        raise DatabaseError(
            f"{path}: cannot be read here: the disk is full, and SQLite needs room beside the file to read it (its "
            "-shm); free some space and run the command again"
        ) from None
    if version < READABLE_AS_IS:  # a newer file's schema differs from this one only by what its readers derive
        source = db
        try:
            db = upgraded_copy(source, path)
        finally:
            source.close()
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _io_error_of_a_full_disk(path: Path | None, error: sqlite3.Error) -> bool:
    """Whether SQLite's "disk I/O error" came of a full disk: its -shm (a memory map) cannot grow there, which it
    reports as I/O, not as "database or disk is full" (an attacker's trial filled the disk)."""
    if path is None or not str(error).startswith("disk I/O error"):
        return False
    try:
        space = os.statvfs(os.path.dirname(os.path.abspath(path)))
    except OSError:
        return False
    return space.f_bavail == 0


def upgraded_copy(db: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """An older release's file, for reading only: a private copy in memory brought to this release's schema. The
    file itself is never migrated by a command that only reads, nor by one that writes before its first write
    (`annotator.store.upgrading`)."""
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        db.backup(copy)
        migrate(copy)
        copy.execute("PRAGMA query_only = ON")
        copy.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        copy.close()
        raise DatabaseError(f"{path}: made by an older release, and its copy could not be upgraded: {error}") from None
    return copy


#: SQLite's error when a stored text is no UTF-8: Python's sqlite3 quotes the raw text in it, escapes and all.
_UNDECODABLE = re.compile(r"Could not decode to UTF-8 column '(.*?)' with text '(.*)'\Z", re.DOTALL)


def undecodable(path: Path | None, error: BaseException) -> DatabaseError | None:
    """SQLite's error reading text that is not UTF-8, as one line naming the file and the column, the text shown
    escaped (trial 30: the traceback printed ESC ]0;pwned to the terminal); None for any other error."""
    match = _UNDECODABLE.match(str(error)) if isinstance(error, sqlite3.OperationalError) else None
    if match is None:
        return None
    return DatabaseError(not_utf8(path, match[1], match[2]))


def write_failed(path: Path | None, error: sqlite3.Error) -> WriteFailed:
    damaged = undecodable(path, error)
    if damaged is not None:
        return WriteFailed(f"not saved: {damaged}; nothing of this change was written")
    reason = "the disk is full" if _io_error_of_a_full_disk(path, error) else str(error)
    reason = {
        "database or disk is full": "the disk is full",
        "attempt to write a readonly database": "the database is read-only",
        "database is locked": f"another process kept the database locked for over {BUSY_TIMEOUT_MS // 1000} s",
    }.get(reason, reason)
    return WriteFailed(f"not saved: {reason} ({path}); nothing of this change was written")


def overwritten(path: Path | None) -> WriteFailed:
    """The refusal of an edit once the path no longer names the file opened, or that file no longer holds what
    SQLite knows of it (`Connection.stands`): what was read inside the transaction came from another file."""
    return WriteFailed(
        f"not saved: {path} was replaced, removed or overwritten since it was opened; nothing of this change was written"
    )
