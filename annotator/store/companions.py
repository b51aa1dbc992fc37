"""The files SQLite keeps beside a database (`-wal`, `-journal`, `-shm`), told apart from files that only share
their names, before SQLite opens the database.

SQLite takes whatever is at these names for its own: it resets a `-wal` whose header is not a WAL's and deletes it
on the last close, plays back a `-journal` whose first byte is not zero and then deletes it, and truncates a `-shm`
when it is the first to open the database. So a file at one of these names that SQLite did not write (notes saved
as `gold.db-wal`, another program's file) is refused, and left as it is, by every command, before SQLite sees it.

What SQLite writes, by the first bytes of each (https://www.sqlite.org/fileformat.html):
- `-wal`: the magic number 0x377f0682 or 0x377f0683, big-endian; an empty file after a checkpoint that truncates;
- `-journal`: the magic number d9d505f920a163d7; eight zero bytes where a transaction began and was not yet
  synced, or in `journal_mode=persist`; an empty file in `journal_mode=truncate`;
- `-shm`: the wal-index version 3007000 in the machine's byte order; zero bytes, or fewer than four, while the
  first connection of a process sets it up (it truncates the file to three bytes first); an empty file.
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.places import NotRegular, open_regular

WAL_MAGICS = (bytes.fromhex("377f0682"), bytes.fromhex("377f0683"))
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
SHM_VERSIONS = ((3007000).to_bytes(4, "little"), (3007000).to_bytes(4, "big"))

#: Each companion: what it is, in a refusal, and the headers SQLite writes to it (an empty file is SQLite's too).
KINDS: dict[str, tuple[str, tuple[bytes, ...], bool]] = {
    # suffix: (what it is, SQLite's headers, whether a prefix of one is SQLite's: a file cut short while written)
    "-wal": ("write-ahead log", WAL_MAGICS, False),
    "-journal": ("rollback journal", (JOURNAL_MAGIC, bytes(8)), True),
    "-shm": ("shared-memory index", (*SHM_VERSIONS, bytes(4)), True),
}


def companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _first_bytes(path: Path, count: int) -> bytes | None:
    """The first bytes of the file at `path`; None when nothing is there; `NotRegular` for a link, folder, FIFO."""
    try:
        fd = open_regular(path)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as file:
        return file.read(count)


def _sqlites(head: bytes, headers: tuple[bytes, ...], cut_short: bool) -> bool:
    if not head:
        return True
    return any(head == header[: len(head)] if cut_short else head == header for header in headers)


def not_sqlites(target: Path, shown: Path) -> str | None:
    """The refusal of the first file beside `target` that SQLite would take for its own and is not (see the module's
    docstring); None when every one there is SQLite's. Only reads: nothing is opened that could wait (a FIFO)."""
    for suffix, (what, headers, cut_short) in KINDS.items():
        path = companion(target, suffix)
        try:
            head = _first_bytes(path, len(headers[0]))
        except NotRegular as error:
            problem = str(error.strerror)
        except OSError as error:
            problem = f"cannot be read: {error.strerror}"
        else:
            if head is None or _sqlites(head, headers, cut_short):
                continue
            problem = f"its first bytes are not a {what}'s"
        return (
            f"{shown}: {path.name} beside it is not SQLite's ({problem}); it was left as it is: SQLite would take it "
            f"for the database's {what} and overwrite or delete it, so move {path.name} away and try again"
        )
    return None


def hot_journal(target: Path) -> bool:
    """Whether a `-journal` beside `target` holds a transaction that SQLite rolls back on the next opening (one that
    may write), the work of a writer killed mid-transaction in rollback mode: its header is SQLite's magic number."""
    try:
        return _first_bytes(companion(target, "-journal"), len(JOURNAL_MAGIC)) == JOURNAL_MAGIC
    except OSError:
        return False


def orphan_journal(target: Path, shown: Path) -> str | None:
    """The refusal of a hot `-journal` beside a name that holds no database: what a database removed while a
    process was writing it in rollback mode leaves. SQLite would play it into a new database made at the name
    (another database's pages over it), as it would lay an orphan `-wal`'s (`store.creating`)."""
    if os.path.lexists(target) or not hot_journal(target):
        return None
    journal = companion(target, "-journal").name
    return (
        f"{shown}: {journal} beside it holds a transaction of a database that is no longer there (removed while a "
        f"process was writing it?); it was left as it is: SQLite would play it into a new database there, so move "
        f"{journal} away to create {target.name} there"
    )


#: A write-ahead log's header, and each frame's before its page (SQLite's file format, "WAL File Format").
WAL_HEADER, FRAME_HEADER = 32, 24


def frameless_wal(target: Path) -> bool:
    """Whether `target`'s `-wal` holds no whole frame (a writer killed between writing its header and its first
    frame: a trial's kill -9): the file alone holds everything, whatever the `-shm` left beside it says; read
    through such a WAL without writing the `-shm`, SQLite ends in "locking protocol", which blocked every command.
    An empty one is read through as before: SQLite reads it so, and says why where the disk is full (its -shm)."""
    wal = companion(target, "-wal")
    try:
        size = wal.stat().st_size
    except OSError:
        return False
    head = _first_bytes(target, 18)
    if head is None or len(head) < 18:
        return False
    page = int.from_bytes(head[16:18], "big")
    return 0 < size < WAL_HEADER + FRAME_HEADER + (65536 if page == 1 else page)
