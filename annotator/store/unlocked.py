"""Reading a file nobody holds open without locks (`immutable`): SQLite takes no lock and creates no `-wal` or
`-shm` beside it (`examining.reader`). A process that opens the file later writes to its own WAL, which such a
reader does not see, and changes the file itself only when it checkpoints; what is read across that may be torn.
Each such connection remembers the file as it was, so a reader that must not act on a torn read asks `changed()`
(`merge`), and an error SQLite raises reading one is told apart from damage (`torn_reads`)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from annotator.errors import AnnotatorError


class Unlocked(sqlite3.Connection):
    """A read-only connection to a file read as it is (`immutable`): SQLite takes no lock and creates no `-wal` or
    `-shm` beside it. Nobody had the file open when it was opened; a process that opens it later writes to its
    own WAL, which this connection does not see, and changes the file itself only when it checkpoints:
    `changed()` says whether that happened, for a reader that must not act on a torn read (`merge`)."""

    identity: tuple[int, int, int, int] | None = None
    path: Path

    def changed(self) -> bool:
        """Whether the file is no longer the one (inode, size, times) that was opened."""
        return self.identity != identity_of(self.path)


#: The read-only connections opened without locks by this process (`remember_unlocked`), kept after they close.
_read_unlocked: list[Unlocked] = []


def unlocked(target: Path, connect: Callable[[], Unlocked]) -> Unlocked:
    """A connection `connect` opens on `target` with `immutable`, with the file as it was just before."""
    identity = identity_of(target)
    db = connect()
    db.identity, db.path = identity, target
    return db


def remember_unlocked(db: sqlite3.Connection) -> None:
    """A command's read-only connection, if opened without locks: `torn_reads` asks of it later."""
    if isinstance(db, Unlocked):
        _read_unlocked.append(db)


def torn_reads(since: int = 0) -> list[Path]:
    """The files this process read without locks that another process changed since (a checkpoint into the file):
    an error SQLite raised reading one ("database disk image is malformed") is a torn read, not damage (an
    attacker's trial: `stats`, `agreement`, `check` under a loop of `accept` ended in tracebacks). `since`: only
    the connections opened after the first `since` (`reads_so_far`)."""
    return list(dict.fromkeys(db.path for db in _read_unlocked[since:] if db.changed()))


def reads_so_far() -> int:
    """How many lock-free read-only connections this process has opened: `torn_reads(since=...)` asks of later ones."""
    return len(_read_unlocked)


def torn(db: sqlite3.Connection, shown: Path) -> AnnotatorError | None:
    """The refusal of what a command found reading `db` if another process wrote the file under it (`changed()`):
    `check`'s integrity pass over pages a writer's checkpoint rewrote mid-read lists missing index rows of a sound
    file (a race test, one run in two). None if `db` was read with locks or the file is as it was opened."""
    if not (isinstance(db, Unlocked) and db.changed()):
        return None
    return AnnotatorError(written_under(shown))


#: What a command that fails on a torn read kept: it wrote nothing.
NOTHING_WRITTEN = "nothing from this command was written"


def written_under(path: Path, kept: str = NOTHING_WRITTEN, error: sqlite3.DatabaseError | None = None) -> str:
    """The one line for a read of `path` that another process wrote under (`torn_reads`, `torn`): what was read
    may mix two states of the file, so the command says what it `kept` of it and to run again (by then the writer
    holds the file open and it is read through the writer's WAL). `error`: what SQLite raised, if it raised."""
    raised = f" (SQLite: {error})" if error else ""
    return (
        f"{path}: another process wrote to it while this command read it{raised}; what was read may mix two states "
        f"of the file, {kept}: run the command again"
    )


def identity_of(path: Path) -> tuple[int, int, int, int] | None:
    """The file at `path` as a checkpoint into it changes it: inode, size, modification and change times."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns
