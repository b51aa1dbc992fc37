"""SQLite's temporary files: where a query sorts what does not fit in memory (an export's articles in ingest order,
`check`'s copy of the title index, its integrity check's indexes). SQLite keeps them in the folder SQLITE_TMPDIR
names, else TMPDIR, else /var/tmp, /usr/tmp or /tmp (the first that is a folder it may write), never beside the
database. A full folder there, or a file passing this process's size limit (`ulimit -f`), failed a command that
only reads with sqlite3's "database or disk is full" or "disk I/O error" in a traceback (attacker F5: `export`), and
`check` with "cannot rollback - no transaction is active" (SQLite had ended its read transaction with the error).
A connection that only reads writes no other file, so such an error there is one line naming the folder."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import AnnotatorError

#: The folders SQLite's unix VFS tries after SQLITE_TMPDIR and TMPDIR (`unixTempFileDir`), then the current one.
_FALLBACKS = ("/var/tmp", "/usr/tmp", "/tmp", ".")
#: SQLite's codes for a write that failed: a full disk (SQLITE_FULL), a write refused (SQLITE_IOERR_WRITE: EFBIG
#: past `ulimit -f`, ENOSPC on some systems), a file that could not be grown (SQLITE_IOERR_TRUNCATE), and the plain
#: SQLITE_IOERR FTS5 reports for the same write, without its extended code (`check`'s copy of the title index).
#: A failed read has codes of its own (SQLITE_IOERR_READ, _SHORT_READ).
_WRITE_FAILED = frozenset([13, 778, 1546, 10])


def temporary_folder() -> str:
    """The folder SQLite keeps its temporary files in, as its unix VFS chooses it."""
    for folder in (os.environ.get("SQLITE_TMPDIR"), os.environ.get("TMPDIR"), *_FALLBACKS):
        if folder and os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
            return folder
    return "."


def temporary_write_failed(error: sqlite3.Error) -> bool:
    """Whether SQLite's error is a write that failed: on a connection that only reads, one of its temporary files."""
    return getattr(error, "sqlite_errorcode", None) in _WRITE_FAILED


def temporary_files_problem(path: Path | str | None, error: sqlite3.Error) -> str:
    """The line for a temporary file SQLite could not write while reading `path`."""
    return (
        f"{path or 'the database'}: SQLite could not write its temporary files in {temporary_folder()} ({error}): "
        "the folder SQLITE_TMPDIR names, else TMPDIR, else /var/tmp or /tmp, is full, or a file there would pass "
        "this process's size limit (ulimit -f); give SQLITE_TMPDIR a folder with room; nothing was written"
    )


@contextmanager
def temporary_files(path: Path | str | None) -> Iterator[None]:
    """Around reads of a connection that only reads `path`: a write SQLite failed is one of its temporary files
    (`temporary_files_problem`), an `AnnotatorError`."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if not temporary_write_failed(error):
            raise
        raise AnnotatorError(temporary_files_problem(path, error)) from None
