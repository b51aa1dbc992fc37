"""An older release's file opened by a command that may write is upgraded by its first write, in that write's
transaction, never at opening: a command that refuses, or finds nothing to do, leaves the file byte for byte, so
the older release can still open it ("no command rewrites a file it cannot prove it must").

Upgrading is our mark (`PRAGMA application_id`), WAL mode and the pending migrations; the mark and the migrations
are committed or rolled back with the write that needs them. Until then the file is read as it is when this
release reads its schema as it is (`READABLE_AS_IS`), else through an upgraded copy in memory, as a command that
only reads does (`opening.upgraded_copy`); the copy is made again when another process commits to the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.store.examining import APPLICATION_ID
from annotator.store.opening import in_wal_mode, upgraded_copy
from annotator.store.schema import READABLE_AS_IS, SCHEMA_VERSION, migrate_in_transaction


def pending(db: sqlite3.Connection) -> bool:
    """Whether the file lacks something this release writes to every file of its own (read, never written)."""
    return (
        _pragma(db, "application_id") != APPLICATION_ID
        or _pragma(db, "user_version") != SCHEMA_VERSION
        or _pragma(db, "journal_mode") != "wal"
    )


def _pragma(db: sqlite3.Connection, name: str) -> object:
    return db.execute(f"PRAGMA {name}").fetchone()[0]


class Upgrade:
    """The upgrade an older release's file waits for: `writer` is the connection to the file, `reading` the one
    to read it through until the first write commits."""

    def __init__(self, writer: sqlite3.Connection, path: Path) -> None:
        self.writer, self.path = writer, path
        self._copy: sqlite3.Connection | None = None
        self._version = self.data_version()
        self._copied()

    @property
    def reading(self) -> sqlite3.Connection:
        return self._copy or self.writer

    def data_version(self) -> int:
        """SQLite's count of other connections' commits to the file (the copy's own never changes)."""
        return int(self.writer.execute("PRAGMA data_version").fetchone()[0])

    def caught_up(self) -> bool:
        """Read again what another process committed to the file since (a copy is made again from it); True when
        that process upgraded it, and nothing waits any longer."""
        version = self.data_version()
        if version != self._version:
            self._version = version
            if not pending(self.writer):
                self.close()
                return True
            self._copied()
        return False

    def before_the_transaction(self) -> None:
        """WAL mode, which no transaction may switch to."""
        in_wal_mode(self.writer)

    def in_the_transaction(self) -> None:
        """Our mark and the migrations, inside the first write's open transaction on `writer`."""
        if _pragma(self.writer, "application_id") != APPLICATION_ID:
            self.writer.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate_in_transaction(self.writer)

    def close(self) -> None:
        if self._copy is not None:
            self._copy.close()
            self._copy = None

    def _copied(self) -> None:
        self.close()
        if _pragma(self.writer, "user_version") < READABLE_AS_IS:  # type: ignore[operator]
            self._copy = upgraded_copy(self.writer, self.path)
