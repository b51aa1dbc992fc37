"""Examining a database file read-only, before anything may write to it: it must be a SQLite database, ours
(`PRAGMA application_id`, or for files made before the mark, our migration record), of a schema this release
knows and with all of it (no table, index or trigger the migrations make missing), and sound; a `-wal`
beside it must be its own, and nothing at SQLite's names beside it (`-wal`, `-journal`, `-shm`) may be a file
SQLite did not write (`annotator.store.companions`).

Nothing here writes, and nothing here creates a file beside the database that was not there (see `reader`).
`open_database` (`annotator.store.opening`) opens a writing connection only to a file that passed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.places import open_regular
from annotator.store.companions import companion, frameless_wal, hot_journal, not_sqlites
from annotator.store.elsewhere import nobody_holds
from annotator.store.journals import journal_misfit, not_its_own
from annotator.store.schema import MIGRATION_SET, SCHEMA_VERSION
from annotator.store.schema_made import foreign_trigger, missing_objects
from annotator.store.undecoded import undecoded
from annotator.store.unlocked import Unlocked, identity_of, unlocked
from annotator.store.wal_work import kept, unexplained, unfit

BUSY_TIMEOUT_MS = 10_000
#: `PRAGMA application_id` of every database this tool makes ("ANNO"): another program's file is told apart.
APPLICATION_ID = 0x414E4E4F
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(AnnotatorError):
    pass


class Damaged(DatabaseError):
    """SQLite finds the database damaged, read as it is with what is beside it."""


class Snapshot(sqlite3.Connection):
    """A read-only connection to a private copy of a database and its `-wal` (see `_reader`); the copy goes when
    the connection closes."""

    folder: str | None = None
    #: True when the copy is of the file and its hot `-journal`, rolled back in the copy (not of a `-wal`).
    rolled_back: bool = False

    def close(self) -> None:
        super().close()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI for SQLite: the path percent-quoted, so `#`, `?` and `%` in a name stay part of the name, and
    quoted as the bytes it is (`os.fsencode`): a name that is not UTF-8 ("n\udcff.db" as Python reads it) opens."""
    quoted = urllib.parse.quote(os.fsencode(path.absolute()), safe="/")
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"file:{quoted}" + (f"?{query}" if query else "")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _header(target: Path, shown: Path) -> bytes:
    try:  # never waits: a FIFO put at the database's name would block an open for ever (trial 29)
        with os.fdopen(open_regular(target, follow=True), "rb") as file:
            header = file.read(100)
    except OSError as error:
        raise DatabaseError(f"{shown}: cannot read the database: {error.strerror}") from None
    if not header:
        raise DatabaseError(empty_file(shown))
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DatabaseError(f"{shown}: not a SQLite database (another kind of file, or its header is damaged); "
                            "it was left as it is")  # fmt: skip
    return header


def empty_file(shown: Path) -> str:
    """A zero-byte file is refused like every file annotator did not make: SQLite would take it for an empty
    database, but nothing says it is ours (another program's placeholder, a file being written, `touch`), and
    building a database in it, or renaming one over it, would rewrite a file that is not ours."""
    return (
        f"{shown}: an empty file, not a database annotator made; it was left as it is (remove it to create one there)"
    )


def _foreign(shown: Path, what: str) -> DatabaseError:
    return DatabaseError(f"{shown}: not an annotator database ({what}); it was left as it is")


def _damaged(shown: Path, problems: list[str], target: Path) -> DatabaseError:
    hint = ""
    if _size(companion(target, "-wal")):
        hint = f" (if {shown}-wal beside it is not this database's own, move it away and try again)"
    if hot_journal(target):
        hint = f" (if {shown}-journal beside it is not this database's own, move it away first: SQLite plays it in)"
    return Damaged(
        f"{shown}: the database is damaged ({'; '.join(problems)}); it was left as it is{hint}: restore a backup "
        f"or try `sqlite3 {shown} .recover`"
    )


def connect(target: Path, shown: Path, uri: str | None = None, factory: Any = sqlite3.Connection) -> Any:
    try:
        if uri is None:
            return sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, factory=factory)
    except sqlite3.Error as error:
        raise DatabaseError(f"{shown}: cannot open the database: {error}") from None


def _snapshot(target: Path, wal: Path, shown: Path) -> Snapshot | None:
    """A read-only connection to a private copy of the file and its WAL (which SQLite reads through a -shm), or its
    hot `-journal` (which SQLite rolls back into the copy as it opens it); None when the WAL or journal went away
    meanwhile (its last user closed the database, which writes it into the file first)."""
    folder = tempfile.mkdtemp(prefix="annotator-")
    copy = Path(folder) / "db"
    journal = wal.name.endswith("-journal")
    snapshot: Snapshot | None = None
    try:
        shutil.copyfile(target, copy)
        shutil.copyfile(wal, companion(copy, "-journal" if journal else "-wal"))
        snapshot = connect(copy, shown, sqlite_uri(copy, mode="rw" if journal else "ro"), factory=Snapshot)
        if journal:
            snapshot.execute("PRAGMA schema_version").fetchone()  # the rollback of the copy, before any read
            snapshot.execute("PRAGMA query_only = ON")
    except BaseException as error:
        if snapshot is not None:
            snapshot.close()
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(error, FileNotFoundError) and target.exists() and not wal.exists():
            return None
        if isinstance(error, OSError):
            its = "journal" if journal else "WAL"
            raise DatabaseError(f"{shown}: cannot read the database and its {its}: {error.strerror}") from None
        if isinstance(error, sqlite3.Error):  # the journal could not be rolled back into the copy
            raise _damaged(shown, [str(error)], target) from None
        raise
    snapshot.folder, snapshot.rolled_back = folder, journal
    return snapshot


class Unindexed(sqlite3.Connection):
    """A read-only connection through a `-wal` and `-shm` that no process holds (a killed writer's): SQLite reads
    the WAL into memory of its own (`readonly_shm`) instead of rebuilding its index in the `-shm`, so a WAL refused
    as not the file's own leaves the file, the `-wal` and the `-shm` byte for byte. Only for examining: it holds the
    file's lock and none of the `-shm`'s, which a writer under the same name would take for another name's
    (`elsewhere`), so a command that goes on reading reopens it as any reader does (`opening`)."""


def reader(target: Path, shown: Path) -> sqlite3.Connection:
    """A connection that cannot write and creates nothing the file did not have already, chosen by what is there:

    - a `-wal` with frames and no `-shm`: no process has the file open (a live one keeps both), and reading the
      WAL in place would create the `-shm` (impossible in a read-only folder). The file and its WAL are copied
      to a private folder and the copy is read, so work in the WAL is shown, never silently left out.
    - a `-wal` and its `-shm`: a process has the file open: `mode=ro`, SQLite's ordinary read-only access, which
      sees the WAL and takes its locks as other readers do, through the files that are there; or had, and was
      killed (nobody holds the `-shm`): `Unindexed`, which reads the WAL without writing the `-shm`.
    - otherwise the file alone holds everything (no WAL, or one without a frame that nobody holds): `immutable` (`Unlocked`), creating
      nothing; `mode=ro` would create the `-wal` and `-shm` that a reader of a WAL database needs (and a
      `-shm` made by another user can keep the file's owner from writing).
    """
    wal, shm = companion(target, "-wal"), companion(target, "-shm")
    if hot_journal(target):
        snapshot = _snapshot(target, companion(target, "-journal"), shown)
        if snapshot is not None:
            return snapshot
    if _size(wal) and not shm.exists():
        snapshot = _snapshot(target, wal, shown)
        if snapshot is not None:
            return snapshot
        # six processes creating one database: another's close took the WAL while it was copied (its work is in
        # the file now): read the file as it is now
    if wal.exists() and shm.exists() and nobody_holds(shm) and not frameless_wal(target):
        return connect(target, shown, sqlite_uri(target, mode="ro", readonly_shm="1"), factory=Unindexed)  # type: ignore[no-any-return]
    if wal.exists() and shm.exists():
        return connect(target, shown, sqlite_uri(target, mode="ro"))  # type: ignore[no-any-return]
    return unlocked(target, lambda: connect(target, shown, sqlite_uri(target, immutable="1"), factory=Unlocked))


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


def _sound(db: sqlite3.Connection, shown: Path, target: Path, thorough: bool) -> None:
    """Ours, of a known schema, and passing SQLite's check (the full one when `thorough`). What SQLite says of the
    schema is read with bytes that are not UTF-8 escaped: a table's name that is not UTF-8 (trial 30) is named in
    the one line, not a UnicodeDecodeError traceback."""
    db.text_factory = _escaped
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _is_ours(db, shown)
        pragma = "integrity_check(5)" if thorough else "quick_check(5)"
        problems = [" ".join(row[0].split()) for row in db.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as error:
        raise _damaged(shown, [str(error)], target) from None
    except UnicodeDecodeError as error:  # SQLite's own message quotes the schema's bytes: Python cannot decode it
        raise _damaged(shown, [_escaped(bytes(error.object))], target) from None
    finally:
        db.text_factory = str
    if problems != ["ok"]:
        raise _damaged(shown, problems, target)


def _escaped(stored: bytes) -> str:
    """Text as SQLite stored it, bytes that are not UTF-8 escaped (\\x94)."""
    return stored.decode("utf-8", "backslashreplace")


def _wal_is_its_own(target: Path, shown: Path, with_wal: sqlite3.Connection, thorough: bool) -> bool:
    """A WAL only ever adds to its file: articles are never removed and the event log is append-only, and the
    tables stay what the log replays to. So a WAL under which the file alone would lose articles or events, whose
    work the log does not explain (`wal_work`), or that makes a sound file unreadable, is not the file's own
    (another database's, a later state's, or damaged): refused, and neither file is touched.

    A WAL with its `-shm` is in use (or was, by a process killed since): it may be that of a database that was
    at this name and is still open somewhere after `mv` over it or `rm` (SQLite keeps the old file's -wal and
    -shm at the path), read through which the new file looks damaged or holds the old one's work: such a WAL is
    not its own when the file is unreadable with it or would lose articles or events (its event log against its
    tables is `check`'s to report, as for any open database). The file alone is read as it is, so a checkpoint
    under way can tear it: a change of the file meanwhile reads again.
    True when `with_wal` was found sound (thoroughly, if asked): the caller need not check it again."""
    for _ in range(3):
        identity = identity_of(target)
        try:
            return _wal_of_the_file(target, shown, with_wal, thorough)
        except DatabaseError:
            if identity_of(target) == identity:
                raise
    return _wal_of_the_file(target, shown, with_wal, thorough)


def _wal_of_the_file(target: Path, shown: Path, with_wal: sqlite3.Connection, thorough: bool) -> bool:
    wal, in_use = companion(target, "-wal"), companion(target, "-shm").exists()
    try:
        alone = connect(target, shown, sqlite_uri(target, immutable="1"))
    except DatabaseError:
        return False
    try:
        try:
            _sound(alone, shown, target, thorough=False)
        except DatabaseError:
            return False  # the file alone may be mid-checkpoint: only its WAL completes it
        problem = None
        with_wal.execute("BEGIN")  # one snapshot for every read below: a live writer's commits wait for the next
        try:
            _sound(with_wal, shown, target, thorough)
            for what, sql in (("articles", "SELECT id FROM articles"), ("events", "SELECT id, at FROM events")):
                if not kept(alone, sql) <= kept(with_wal, sql):
                    problem = f"with it, {what} the file holds would disappear"
                    break
            else:  # in use, the log is the writer's to keep: tables it disagrees with are `check`'s finding
                problem = (None if in_use else unexplained(alone, with_wal, shown)) or unfit(alone, with_wal)
        except DatabaseError as error:
            problem = str(error).removeprefix(f"{shown}: ").split("; it was left")[0]
        except sqlite3.DatabaseError as error:  # read through the WAL, the tables are malformed
            problem = f"with it, {error}"
        finally:
            if with_wal.in_transaction:
                with_wal.execute("ROLLBACK")
        if problem and in_use:
            raise DatabaseError(
                f"{shown}: {wal.name} beside it is not its own ({problem}); a process may still have open a database "
                "that was at this name before (replaced or removed since): close it and retry, or if none has, move "
                f"{wal.name} away; both were left as they are"
            )
        if problem:
            raise DatabaseError(
                f"{shown}: {wal.name} beside it does not belong to it ({problem}); both were left as they are: "
                f"{shown} alone is sound, so move {wal.name} away if it is not this database's own"
            )
        return True
    finally:
        alone.close()


def _whole(db: sqlite3.Connection, shown: Path) -> str | None:
    """Why a file of this release's schema that lacks a table, index or trigger the migrations make (another program
    dropped it) is refused: reading it fails midway with "no such table", and writing to it skips what a dropped
    trigger keeps (the event log's append-only rule). `annotator check` opens without this, to say what to restore."""
    what = ", ".join(f"{kind} {name}" for kind, name in missing_objects(db))
    return what and (
        f"{shown}: its schema is not this release's (missing {what}); it was left as it is: "
        f"`annotator check --db {shlex.quote(str(shown))}` says what to restore"
    )


def examined(target: Path, shown: Path, thorough: bool, whole: bool = True) -> sqlite3.Connection:
    """A read-only connection to a file known to be ours and sound (see the module's docstring); `thorough` runs
    the full integrity check, as every opening that may write does (which also refuses a trigger another program
    added or changed: `schema_made.foreign_trigger`); `whole` refuses a schema lacking what the migrations make, and text that is not
    UTF-8 (`undecoded`: every opening but `check`'s, which names each)."""
    writing = thorough  # as asked: a read through a WAL is checked thoroughly too, below
    header = _header(target, shown)
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise _foreign(shown, f"another program's, application id 0x{application_id:08x}")
    if problem := not_sqlites(target, shown):
        raise DatabaseError(problem)
    if problem := journal_misfit(target):
        raise DatabaseError(not_its_own(shown, f"{shown.name}-journal", problem, _alone(target, shown)))
    try:
        db = reader(target, shown)
    except Damaged as error:  # a hot journal that cannot be rolled back into a copy of the file
        raise _blamed(target, shown, error) from None
    try:
        # what is beside the file is checked as fully as any writing opening does, read-only or not (once)
        through_a_wal = not isinstance(db, Unlocked) and _size(companion(target, "-wal")) > 0
        thorough = thorough or through_a_wal or isinstance(db, Snapshot)
        if not (through_a_wal and _wal_is_its_own(target, shown, db, thorough)):
            _sound(db, shown, target, thorough)
        if whole and ((problem := _whole(db, shown)) or (problem := undecoded(db, shown))):
            raise DatabaseError(problem)
        if writing and whole and (problem := foreign_trigger(db, shown)):
            raise DatabaseError(problem)
    except Damaged as error:
        db.close()
        if isinstance(db, Unlocked) and db.changed():  # a writer's checkpoint under the check: no damage found
            raise DatabaseError(
                f"{shown}: another process wrote to it while it was examined; nothing was done: run the command again"
            ) from None
        raise _blamed(target, shown, error) from None
    except BaseException:
        db.close()
        raise
    return db


def _alone(target: Path, shown: Path) -> str | None:
    """What SQLite's full check finds wrong with the file read alone, without what is beside it; None if sound."""
    try:
        alone = connect(target, shown, sqlite_uri(target, immutable="1"))
    except DatabaseError as error:
        return str(error).removeprefix(f"{shown}: ")
    try:
        _sound(alone, shown, target, thorough=True)
    except DatabaseError as error:
        return str(error).removeprefix(f"{shown}: ").split("; it was left")[0]
    finally:
        alone.close()
    return None


def _blamed(target: Path, shown: Path, error: Damaged) -> DatabaseError:
    """A database found damaged with a hot journal rolled back into (a copy of) it: when the file alone is sound,
    the journal is the cause, named as such, never `.recover` advice (which would play it into the file)."""
    if not hot_journal(target) or _alone(target, shown) is not None:
        return error
    problem = "rolled back into a copy of it, " + str(error).removeprefix(f"{shown}: ").split("; it was left")[0]
    return DatabaseError(not_its_own(shown, f"{shown.name}-journal", problem, None))
