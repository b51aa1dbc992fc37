"""What a hot rollback journal beside a database says about whose it is, read from its bytes before SQLite sees it
(https://www.sqlite.org/fileformat.html, "The Rollback Journal").

A journal holds the pages a writer was about to change, as they were, in segments: a header (the magic number,
the count of records, a checksum nonce, the database's size in pages when the transaction began, the sector size
and the page size), then records (page number, the page, a checksum). SQLite plays every record whose checksum
holds back into the database and cuts the file to the size in the header, with no check that the journal was
written for that file. So a journal copied beside another database (or a copy's journal beside its original that
moved on) is played into it on the next opening that may write, and `sqlite3 X .recover` does the same.

A writer's journal cannot fit a file whose page size is not its own; and a writer changes page 1 (the file's
change counter) in every transaction it commits, journalling it first, so a journal without page 1 is of a
transaction that wrote nothing but spilled pages: the file it was written for still has the size the header
records (or more: spilled pages past the end), and still the journal mode it had (a WAL file's header is changed
only by a transaction that journals page 1 first). What does not fit is refused by `examining`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from annotator.places import open_regular
from annotator.store.companions import JOURNAL_MAGIC, companion

#: The most of a journal read: its headers and page numbers are all that is looked at.
_HEADER = 28


@dataclass(frozen=True)
class Journal:
    page_size: int
    pages_before: int  # the database's size in pages when the transaction began
    pages: frozenset[int]  # the pages it holds
    counter: int | None  # page 1's change counter when the transaction began, if it holds page 1


def _int(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "big")


def read_journal(path: Path) -> Journal | None:
    """The journal at `path`, or None when it is not a hot one (no magic number) or cannot be read."""
    try:
        with os.fdopen(open_regular(path), "rb") as file:
            size = os.fstat(file.fileno()).st_size
            head = file.read(_HEADER)
            if len(head) < _HEADER or head[:8] != JOURNAL_MAGIC:
                return None
            sector, page_size, pages_before = _int(head, 20), _int(head, 24), _int(head, 16)
            if not (512 <= sector <= 65536 and 512 <= page_size <= 65536):
                return None
            pages: set[int] = set()
            counter = None
            at = 0
            while at + _HEADER <= size:
                file.seek(at)
                head = file.read(_HEADER)
                if head[:8] != JOURNAL_MAGIC:
                    break
                records, at = _int(head, 8), at + sector
                if records == 0xFFFFFFFF:  # written without syncing: records to the end of the file
                    records = (size - at) // (page_size + 8)
                for _ in range(records):
                    if at + page_size + 8 > size:
                        break
                    file.seek(at)
                    record = file.read(32)
                    if _int(record, 0) == 1 and counter is None:  # the first is the page as it was
                        counter = _int(record, 28)
                    pages.add(_int(record, 0))
                    at += page_size + 8
                at = -(-at // sector) * sector  # the next segment's header starts a sector
    except OSError:
        return None
    return Journal(page_size, pages_before, frozenset(pages), counter)


def journal_misfit(target: Path) -> str | None:
    """Why the hot `-journal` beside `target` cannot be of a transaction on that file; None when it can be (or there
    is none). Only reads."""
    journal = read_journal(companion(target, "-journal"))
    if journal is None:
        return None
    try:
        with os.fdopen(open_regular(target, follow=True), "rb") as file:
            header = file.read(100)
            size = os.fstat(file.fileno()).st_size
    except OSError:
        return None
    if len(header) < 100:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if journal.page_size != page_size:
        return f"its pages are of {journal.page_size} bytes, the database's of {page_size}"
    if header[18] == header[19] == 2 and journal.pages - {1}:
        return "it holds a transaction in rollback mode, and the database is in WAL mode"
    if journal.counter is not None:
        counter = int.from_bytes(header[24:28], "big")
        changes = (counter - journal.counter) % 2**32
        if changes > 2**31:  # the journal's page 1 is ahead of the file's
            return f"it began on a later state (change counter {journal.counter}) than the database's ({counter})"
        if changes > 1:
            return f"the database has committed {changes} transactions since the one it holds began"
        return None
    if size // page_size < journal.pages_before:
        return (
            f"it was written for a database of {journal.pages_before} pages, and this one has "
            f"{size // page_size} without the transaction having committed"
        )
    return None


def not_its_own(shown: Path, name: str, problem: str, alone: str | None) -> str:
    """The refusal of a companion (`name`, a `-journal` or `-wal`) that does not belong to the database at `shown`,
    with what the file alone is (`alone`: None when sound, or what is wrong with it). The advice never plays the
    companion into the file: `sqlite3 X .recover` would, so it comes only after moving it away."""
    if alone is None:
        return (
            f"{shown}: {name} beside it does not belong to it ({problem}); both were left as they are: "
            f"{shown} alone is sound, so move {name} away if it is not this database's own"
        )
    damaged = "the database is damaged ("
    alone = alone.removeprefix(damaged).removesuffix(")") if alone.startswith(damaged) else alone
    return (
        f"{shown}: {name} beside it does not belong to it ({problem}), and {shown} alone is damaged too ({alone}); "
        f"both were left as they are: move {name} away first (SQLite would play it into {shown}), then restore a "
        f"backup or try `sqlite3 {shown} .recover`"
    )
