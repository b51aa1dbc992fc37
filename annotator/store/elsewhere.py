"""Whether another process has the database file open under another name (`mv r.db r2.db` under an open screen).

SQLite finds a database's `-wal` and `-shm` by the name it was opened by, so two processes on one file under two
names each keep a WAL of their own, and each one's checkpoint lays its pages over the other's: work both were told
was saved is lost (a trial: `accept` on r2.db said "accepted", the screen quitting on r.db put its WAL into the file,
and the accept was gone). Hard links are refused by their count (`opening._one_name`); a rename leaves one name.

POSIX record locks belong to the file, not the name. In WAL mode every connection holds, for as long as it is open,
a shared lock in the database file's shared range (os_unix.c: `SHARED_FIRST`, 510 bytes after `PENDING_BYTE` + 2)
and one on its `-shm`'s dead-man-switch byte (`UNIX_SHM_DMS`, 128). So a file another process locks, with no `-shm`
under this name that anyone locks, is open under another name. Both are only asked (`F_GETLK`, which sees other
processes' locks, never this one's): taking and releasing a lock here would drop SQLite's own. Looked at through
the descriptor this process's connections keep on the file when there is one (`witness.held_descriptor`); else one
is opened and closed, which drops the locks of a connection this process opened to the file outside `Connection`
(none does but tests; reading the header does as much). Linux and macOS (their `struct flock`); elsewhere nothing
is told.

A process under this name holds the file's lock a moment before its `-shm`'s (opening), and a moment after
(closing, as the last one deletes the `-shm`): what is seen is looked at again for `SETTLING_S` before refusing.
A `-wal` and `-shm` under this name that nobody holds (a killed writer's) are let through: a process under this
name reads them without locking the `-shm` while it examines them (`examining.Unindexed`, as SQLite itself does for a
reader that cannot write the `-shm`), and that WAL is `examining`'s to judge. Not told apart: a file open under another
name while such leftovers are at this one.
"""

from __future__ import annotations

import fcntl
import os
import struct
import sys
import time
from pathlib import Path

from annotator.places import open_regular
from annotator.store.companions import companion
from annotator.store.witness import held_descriptor

#: os_unix.c's lock bytes: the database file's shared range, and the -shm's dead-man switch
#: (UNIX_SHM_BASE = (22 + SQLITE_SHM_NLOCK) * 4, plus SQLITE_SHM_NLOCK; SQLITE_SHM_NLOCK = 8).
PENDING_BYTE = 0x40000000
SHARED_FIRST, SHARED_SIZE = PENDING_BYTE + 2, 510
SHM_DMS = (22 + 8) * 4 + 8
#: How long a lock without a live -shm is looked at again before the file is taken as open under another name.
SETTLING_S = 1.0

#: `struct flock` as (l_type, l_whence, l_start, l_len, l_pid) in each system's order, padded as the C compiler does.
_FLOCK = {"linux": ("hhqqi4x", (0, 1, 2, 3, 4)), "darwin": ("qqihh", (2, 3, 4, 0, 1))}


def open_under_another_name(target: Path) -> bool:
    """Whether another process holds the database at `target` open under another name (see the module), seen so
    for `SETTLING_S`."""
    deadline = time.monotonic() + SETTLING_S
    while _held_elsewhere(target):
        if time.monotonic() > deadline:
            return True
        time.sleep(0.01)
    return False


def open_elsewhere(shown: Path | str) -> str:
    """The refusal of a file another process holds open under another name (`open_under_another_name`)."""
    return (
        f"{shown} is open in another program under another name (moved or renamed while open?): close that program "
        "first"
    )


def nobody_holds(shm: Path) -> bool:
    """Whether no other process holds the `-shm` at `shm` (a killed writer's, or one of a database nobody has open);
    False where it cannot be told."""
    return sys.platform in _FLOCK and not _locked(shm, SHM_DMS, 1)


#: A file's (device, inode): which file a name named when it was taken.
Identity = tuple[int, int] | None


def identity(path: Path) -> Identity:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def remove_left_at_the_old_name(target: Path, wal: Identity, shm: Identity) -> None:
    """After the last connection to a file moved while open (`mv r.db r2.db`) closed: SQLite skips its checkpoint on
    closing a moved file, and the removal of its `-wal` (emptied into the file first: `Connection.close`) and
    `-shm` with it, which stayed at the old name with no database there. They are removed when nothing is at that
    name, the `-wal` is the one opened (`wal`) and empty, and the `-shm` the one opened and held by no other
    process; anything else there stays, a `-wal` with work in it above all."""
    wal_now, shm_now = companion(target, "-wal"), companion(target, "-shm")
    if os.path.lexists(target) or shm is None or identity(shm_now) != shm or not nobody_holds(shm_now):
        return
    if os.path.lexists(wal_now):
        if wal is None or identity(wal_now) != wal or os.lstat(wal_now).st_size:
            return
        os.unlink(wal_now)
    os.unlink(shm_now)


def _held_elsewhere(target: Path) -> bool:
    """A lock on the file with no live `-shm` under this name; unless a `-wal` and `-shm` that nobody holds are
    there (a killed writer's), which a process under this name examines without locking the `-shm`
    (`examining.Unindexed`): that WAL is `examining`'s to judge."""
    if sys.platform not in _FLOCK or not _locked(target, SHARED_FIRST, SHARED_SIZE):
        return False
    shm = companion(target, "-shm")
    if _locked(shm, SHM_DMS, 1):
        return False
    return not (shm.exists() and companion(target, "-wal").exists())


def _locked(path: Path, start: int, length: int) -> bool:
    """Whether another process holds a lock on bytes `start`.. of the file at `path` (False when nothing readable
    is there: what is there is examined next, and refused if it must be)."""
    fd = held_descriptor(path)
    if fd is not None:
        return _asked(fd, start, length)
    try:
        fd = open_regular(path)
    except OSError:
        return False
    try:
        return _asked(fd, start, length)
    finally:
        os.close(fd)


def _asked(fd: int, start: int, length: int) -> bool:
    layout, order = _FLOCK[sys.platform]
    fields = (fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, *(fields[i] for i in order)))
    except OSError:
        return False
    return bool(struct.unpack(layout, answer)[order.index(0)] != fcntl.F_UNLCK)
