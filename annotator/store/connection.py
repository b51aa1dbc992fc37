"""One open database: the connection, its transactions, and who last saw which version of an annotation.

`Connection.open` opens the file safely (`annotator.store.opening`); `write()` is one IMMEDIATE transaction
whose failures become one-line `WriteFailed` errors, refused too when the path no longer names the file that
was opened (`mv` over it, `rm`) or the file no longer holds what SQLite knows of it (`cp` onto it:
`annotator.store.witness`). The store's other classes build on it: `Reader` (queries),
`ArticleWriter` (articles, suggestions, cursors), `Changes` (committing an edit with its event), `History`
(undo, redo) and `Store` (the edit operations). Rows go in and out as the plain values of `annotator.rows`.
"""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Self

from annotator.interrupts import keeping
from annotator.rows import Offsets, SpanLike, SpanRow, SuggestionRow
from annotator.store.companions import companion
from annotator.store.elsewhere import Identity, identity, remove_left_at_the_old_name
from annotator.store.examining import DatabaseError, sqlite_uri
from annotator.store.opening import (
    Snapshot,
    WriteFailed,
    is_writable,
    open_database,
    overwritten,
    read_only_reason,
    two_names,
    undecodable,
    write_failed,
)
from annotator.store.upgrading import Upgrade, pending
from annotator.store.witness import Witness
from annotator.vocabulary import Label

if TYPE_CHECKING:
    from sqlite_utils import Database

    from annotator.places import Note

DEFAULT_DB = "annotations.db"


def db_option(path: str | Path | None) -> str:
    """ " --db PATH" (quoted as one argument) for a command to paste, or "" for the default database: what a command
    advises runs on the database it ran on, from the folder it ran in (a newcomer's trial: `train --db 'my dir/a.db'`
    advised `annotator evaluate --model ...`, which read ./annotations.db)."""
    if path is None or Path(path) == Path(DEFAULT_DB):
        return ""
    return f" --db {shlex.quote(str(path))}"


#: A row as a dict of column -> value (as tables, events' before/after and merges hold them).
Row = dict[str, Any]
#: The columns of a span that events record (its article and annotator are the event's own).
SPAN_COLUMNS = ("id", "start", "end", "label", "text", "speaker_start", "speaker_end", "suggestion_id")
SPAN_SELECT = "SELECT " + ", ".join(f'"{column}"' for column in SPAN_COLUMNS) + " FROM spans"


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _json(value: Any) -> str:
    return _ENCODER.encode(value)


def rows_of(connection: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> Iterator[Row]:
    """A query's rows as dicts of column -> value."""
    cursor = connection.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def _speaker(row: Row) -> Offsets | None:
    if row.get("speaker_start") is None:
        return None
    return Offsets(row["speaker_start"], row["speaker_end"])


def span_row(span: SpanLike) -> dict[str, Any]:
    """The columns a span shares with every span-like table."""
    return {
        "start": span.start,
        "end": span.end,
        "label": span.label.value,
        "text": span.text,
        "speaker_start": span.speaker.start if span.speaker else None,
        "speaker_end": span.speaker.end if span.speaker else None,
    }


def annotation_span(row: Row) -> SpanRow:
    """An annotator's span from its row (a table's, or an event's)."""
    speaker = _speaker(row)
    return SpanRow(
        row["id"], row["start"], row["end"], Label(row["label"]), row["text"], speaker, row.get("suggestion_id")
    )


def pending_suggestion(row: Row) -> SuggestionRow:
    speaker = _speaker(row)
    label = Label(row["label"])
    return SuggestionRow(
        row["id"], row["start"], row["end"], label, row["text"], speaker, None, row["suggester"], row["score"]
    )


def _file_identity(path: Path | None) -> tuple[int, int] | None:
    """Which file a path names (device, inode); None when it names none."""
    try:
        found = os.stat(path) if path else None
    except OSError:
        return None
    return (found.st_dev, found.st_ino) if found else None


#: How the file at the path stands against the one this connection opened.
KEPT, MOVED, OVERWRITTEN, LINKED = "kept", "moved", "overwritten", "linked"


class Seen(NamedTuple):
    """What a screen was shown of one annotation: its newest event and its article's suggestions (count, newest
    id)."""

    annotation: int
    suggestions: tuple[int, int]


class Connection:
    """One database file, open for reading and (unless read-only) writing."""

    def __init__(self, conn: sqlite3.Connection, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path else None
        self._writer = conn  # the file's own connection; `conn` reads, through a copy while an upgrade waits
        try:
            self._upgrade = Upgrade(conn, self.path or Path()) if not read_only and pending(conn) else None
        except BaseException:
            conn.close()
            raise
        self.conn = self._upgrade.reading if self._upgrade else conn
        self.read_only = read_only
        self._texts: dict[str, str] = {}
        self._seen: dict[tuple[str, str], Seen] = {}  # (article, annotator) -> the versions last shown
        self._seen_pending: dict[tuple[str, str], Seen] = {}  # versions written by the open transaction
        # The file this connection writes, to tell when its path names another (`moved`); absolute, as SQLite
        # opened it, so a later chdir changes nothing.
        self._where = self.path.absolute() if self.path else None
        self._file = _file_identity(self._where) if self._where and not read_only else None
        self._witness = (
            Witness.of(self._where, *(companion(self._where, end) for end in ("-wal", "-shm")))
            if self._where and self._file
            else None
        )
        # the -wal and -shm SQLite opened by the path: what a close after `mv` may remove (`close`)
        self._companions: tuple[Identity, Identity] = (None, None)
        if self._file and self._where:
            self._companions = (identity(companion(self._where, "-wal")), identity(companion(self._where, "-shm")))
        # its descriptors go when the connection does, closed or not
        self._let_go = weakref.finalize(self, self._witness.release) if self._witness else None

    @classmethod
    def open(
        cls,
        path: str | Path = DEFAULT_DB,
        read_only: bool | None = None,
        create: bool = True,
        note: Note = None,
        whole: bool = True,
    ) -> Self:
        """Open (creating, unless `create` is False) a database; with `read_only` None, read-only exactly when
        this process cannot write it. `note` hears what the user should know, and `whole` False lets in a file
        lacking part of the schema, for `check` to report (`open_database`)."""
        path = Path(path)
        if read_only is None:
            read_only = path.exists() and path.stat().st_size > 0 and not is_writable(path)
        return cls(open_database(path, read_only, create, note, whole), path, read_only)

    @property
    def notice(self) -> str:
        """One line to show while the database cannot be changed; empty when it can."""
        if not self.read_only:
            return ""
        name = self.path or "the database"
        if isinstance(self.conn, Snapshot) and self.conn.rolled_back:
            return (
                f"{name} is in a folder you cannot write, with a transaction a killed process left in its -journal "
                "file: showing a copy with it rolled back, read-only; changes cannot be saved"
            )
        if isinstance(self.conn, Snapshot):
            return (
                f"{name} is in a folder you cannot write, with work still in its -wal file: showing a copy of both, "
                "read-only; changes cannot be saved"
            )
        return f"{self._read_only_reason}: open for viewing, changes cannot be saved"

    @property
    def _read_only_reason(self) -> str:
        return read_only_reason(self.path) if self.path else "the database is read-only"

    @cached_property
    def db(self) -> Database:
        """The same connection as a sqlite-utils Database, for table-level helpers (imported when first used)."""
        from sqlite_utils import Database

        return Database(self.conn)

    def close(self) -> None:
        if self._upgrade:
            self._upgrade.close()
            self.conn = self._writer
        stands = self.stands(writing=True)  # compared as before a COMMIT: SQLite's checkpoint on closing writes
        if stands == MOVED:
            self._let_go_of_the_wal()
        if stands == OVERWRITTEN:
            self._close_without_checkpoint()
        else:
            self._writer.close()
        if stands == MOVED and self._where:
            with suppress(OSError):
                remove_left_at_the_old_name(self._where, *self._companions)
        if self._let_go:
            self._let_go()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        self.close()
        damaged = undecodable(self.path, error) if error is not None else None
        if damaged is not None:  # stored text that is not UTF-8 stopped a read: one line, the text escaped
            raise damaged from None

    @contextmanager
    def write(self, upgrade_alone: bool = False) -> Iterator[None]:
        """One IMMEDIATE transaction: takes the write lock first, so reads inside it cannot go stale. The first on
        an older release's file upgrades it (`annotator.store.upgrading`) when it writes something, or when
        `upgrade_alone` says that is the point.

        Any failure rolls the whole transaction back; SQLite's (disk full, read-only, locked for longer than
        the busy timeout) become `WriteFailed`, one line saying nothing was saved.
        """
        if self.read_only:
            raise WriteFailed(f"not saved: {self._read_only_reason}")
        if self.in_transaction():  # joined by an outer write(): that one commits or rolls back
            yield
            return
        upgrade = self._upgrade
        try:
            if upgrade:
                upgrade.before_the_transaction()
            self._writer.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise write_failed(self.path, error) from None
        try:
            if upgrade:  # committed with this write, or rolled back with it: a refusal leaves the file as it was
                upgrade.in_the_transaction()
                self._reading(self._writer)
            upgraded = self._writer.total_changes
            yield
            stands = self.stands(writing=True)
            if stands == LINKED:  # a second name made while open: SQLite would keep a -wal by each (`opening`)
                names = os.stat(self._where or Path()).st_nlink
                raise WriteFailed(f"not saved: {two_names(self.path, names)}; nothing of this change was written")
            if stands != KEPT:  # just before COMMIT, so a replacement after BEGIN (a long import) is caught
                raise overwritten(self.path)
            # an upgrade alone is no reason to rewrite the file: with nothing else written, it waits for a write
            unchanged = upgrade is not None and not upgrade_alone and self._writer.total_changes == upgraded
            with keeping():  # an interrupt from here on waits for the command's report (`interrupts.report_first`)
                self._writer.execute("ROLLBACK" if unchanged else "COMMIT")
        except BaseException as error:
            self._seen_pending.clear()
            if self._writer.in_transaction:
                with suppress(sqlite3.Error):
                    self._writer.execute("ROLLBACK")
            if upgrade:
                self._reading(upgrade.reading)
            if self.stands() == MOVED:
                self._let_go_of_the_wal()
            if isinstance(error, sqlite3.Error) and type(error) in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise write_failed(self.path, error) from None
            raise
        if upgrade and unchanged:
            self._reading(upgrade.reading)
        elif upgrade:
            upgrade.close()
            self._upgrade = None
        self._seen.update(self._seen_pending)
        self._seen_pending.clear()
        if self._witness and self.stands() == KEPT:
            self._witness.committed(os.stat(self._where or Path()))

    def stands(self, writing: bool = False) -> str:
        """Whether the path still names the file this connection opened (`MOVED` after `mv` over it or `rm`), that
        file has no other name (`LINKED` after `ln` to it) and still holds what SQLite knows of it (`OVERWRITTEN`
        after `cp` onto it): one stat, as a rule."""
        if self._file is None or self._where is None:
            return KEPT
        try:
            found = os.stat(self._where)
        except OSError:
            return MOVED
        if (found.st_dev, found.st_ino) != self._file:
            return MOVED
        if found.st_nlink > 1:
            return LINKED
        if self._witness and not self._witness.holds_what_we_know(found, writing):
            return OVERWRITTEN
        return KEPT

    def _let_go_of_the_wal(self) -> None:
        """Once the file has moved, SQLite goes on writing to the old file and to the `-wal` it opened, which the
        next opener of the path lays over whatever file is there now (and SQLite skips its checkpoint on close
        for a moved file). So the WAL's frames are checkpointed into the old file (through the descriptor this
        connection holds: a copy moved aside keeps its work) and the WAL is emptied."""
        with suppress(sqlite3.Error):
            self._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _close_without_checkpoint(self) -> None:
        """Closing the last connection checkpoints the WAL into the file, and the file now holds other bytes than
        the WAL was written against: a read-only connection kept open meanwhile makes SQLite skip that checkpoint
        (and it cannot checkpoint itself), so the file stays as it was copied and the WAL stays beside it, for the
        next opener to judge (`annotator.store.examining` refuses a WAL that is not the file's own)."""
        try:
            holder = sqlite3.connect(sqlite_uri(self._where or Path(), mode="ro"), uri=True)
        except sqlite3.Error:
            self._writer.close()
            return
        try:
            with suppress(sqlite3.Error):
                holder.execute("PRAGMA schema_version").fetchone()  # takes its shared lock on the file
            self._writer.close()
        finally:
            holder.close()

    def _reading(self, conn: sqlite3.Connection) -> None:
        """Read through `conn` from now on (the file's own connection once it is upgraded)."""
        self.conn = conn
        self.__dict__.pop("db", None)  # the sqlite-utils view of the other one

    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def version(self, article_id: str, annotator: str) -> int:
        """The id of the newest event in this annotator's annotation of an article (0 before any edit)."""
        row = self.conn.execute(
            "SELECT MAX(id) FROM events WHERE article_id = ? AND annotator = ? "
            "AND action NOT IN ('assign', 'unassign', 'pack', 'merged')",  # `reads.NOT_EDITS`
            [article_id, annotator],
        ).fetchone()
        return row[0] or 0

    def data_version(self) -> int:
        """SQLite's count that changes when another connection (another process) commits to the file: what a screen
        shows of the whole database (how many articles) is read again only then."""
        try:
            if self._upgrade and self._upgrade.caught_up():  # upgraded by another process: read it as it is
                self._upgrade = None
                self._reading(self._writer)
            elif self._upgrade and self.conn is not self._upgrade.reading:  # a copy made again
                self._reading(self._upgrade.reading)
            return int(self._writer.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.DatabaseError as error:  # the file damaged or overwritten under us: one line for the screen
            raise DatabaseError(
                f"{self.path} cannot be read ({error}): quit, then run `annotator check --db "
                f"{shlex.quote(str(self.path))}`"
            ) from None

    def suggestions_version(self, article_id: str) -> tuple[int, int]:
        """How many suggestions the article has and the newest one's id: ids are never reused (AUTOINCREMENT), so
        any batch that another command drops or adds (`suggest --all`, a merge) changes this pair."""
        row = self.conn.execute(
            "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM suggestions WHERE article_id = ?", [article_id]
        ).fetchone()
        return int(row[0]), int(row[1])

    def seen_now(self, article_id: str, annotator: str) -> Seen:
        return Seen(self.version(article_id, annotator), self.suggestions_version(article_id))

    def watch(self, article_id: str, annotator: str) -> int:
        """Remember the versions now shown to the user (the annotation's and its suggestions'); `view()` does this.

        Until the article is read again, an edit through this Store is refused with `Conflict` when another
        process has changed this annotation (another window of the same annotator) or the article's suggestions
        (another command) since: the screen's suggestion ids and spans would no longer be the stored ones.
        """
        seen = self.seen_now(article_id, annotator)
        self._seen[(article_id, annotator)] = seen
        return seen.annotation

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[Row]:
        return rows_of(self.conn, sql, params)
