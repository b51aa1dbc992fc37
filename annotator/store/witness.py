"""Whether the database file still holds the bytes this process's connection knows of, or was overwritten in place.

`cp backup.db x.db` while x.db is open keeps its inode (so the device-and-inode check cannot see it) but replaces its
bytes under SQLite, whose WAL pages were written against the old ones: the next commit, and the checkpoint that
follows, make a malformed file. In WAL mode only a checkpoint writes the main file, and a checkpoint first
records in the `-shm` that it is about to (`nBackfillAttempted`), then that it did (`nBackfill`); the WAL is
restarted (salt-1 goes up by one, both counts go to 0) only once every frame in it was written into the file. So
the main file's size and modification time are compared at each commit (the stat that `Connection.stands` takes
anyway: nothing more per edit); a change that a checkpoint since explains is taken as SQLite's own, and one that
none explains (a copy, or a `touch`) refuses the edit. No digest of the file tells a `touch` from a copy: it cost
about 1 ms a MB at opening and after every checkpoint (seconds on a corpus-sized file), and refusing after a
`touch` loses nothing (the edit is not acknowledged; reopening the file takes it as it is).

The reference (stat and checkpoint record) is taken again after each of this connection's own commits, which may
restart the WAL (with random salts, for a connection that never checkpointed: wal.c) or checkpoint it: a change
since must be explained by a checkpoint recorded after our last commit (issue 10, F1: an edit after another
process's TRUNCATE, then `cp`, was taken as a checkpoint).

A change a checkpoint explains is checked against what the checkpoint wrote (`Witness._holds_the_checkpoint`: the
file's size and the page of the WAL's last frame, when the checkpoint wrote every frame, or the frames of our last
commit still in a restarted WAL; after TRUNCATE, the size). Not caught: a copy made after another process's
checkpoint that left frames unwritten (a reader held them) or truncated the WAL (a copy of the same size), or
while one is under way (`written_since`), or after a WAL
we knew as written whole grew and was restarted and rewritten past our last frame (`_grew_after`), and before
this connection's next commit: each is taken for a checkpoint, as refusing them refused two honest writers.

The -shm is read through a descriptor kept open while any connection of this process uses it and closed only
after SQLite has closed its own: closing a descriptor drops every POSIX lock the process holds on that file,
SQLite's included (https://www.sqlite.org/howtocorrupt.html, 2.2). A connection this process opens to the same
file outside `Connection` (none does but tests) may lose its locks when the last of ours closes.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

#: Where the -shm keeps its checkpoint record (wal.c: WalIndexHdr.mxFrame and aSalt, WalCkptInfo.nBackfill and
#: nBackfillAttempted): counts in the machine's byte order, the salts as the WAL's header has them (big-endian).
_FRAMES, _SALT_1, _SALT_2, _BACKFILL, _ATTEMPTED = 16, 32, 36, 96, 128
#: WalIndexHdr.szPage (1 stands for 65536) and nPage: the database's size in pages as of the last commit.
_PAGE_SIZE, _PAGES = 14, 20
_FRAME_HEADER = 24
_SHM_HEADER = 136
_WAL_HEADER = 32


@dataclass(frozen=True)
class Checkpoints:
    """The -shm's record of the WAL: its generation (salts), its frames, and how many went into the file."""

    salt_1: int
    salt_2: int
    frames: int
    backfilled: int
    attempted: int
    page_size: int = 0
    pages: int = 0
    settled: bool = True  # the header's two copies agree (no writer was changing it as it was read)

    @classmethod
    def read(cls, header: bytes) -> Checkpoints:
        def count(at: int) -> int:
            return int.from_bytes(header[at : at + 4], sys.byteorder)

        salt_1, salt_2 = (int.from_bytes(header[at : at + 4], "big") for at in (_SALT_1, _SALT_2))
        size = int.from_bytes(header[_PAGE_SIZE : _PAGE_SIZE + 2], sys.byteorder)
        return cls(
            salt_1, salt_2, count(_FRAMES), count(_BACKFILL), count(_ATTEMPTED),
            65536 if size == 1 else size, count(_PAGES), header[:48] == header[48:96],
        )  # fmt: skip

    def written_since(self, then: Checkpoints, wal: Path) -> bool:
        """Whether a checkpoint has (or may have) written into the main file since `then` was read."""
        if (self.salt_1, self.salt_2) == (then.salt_1, then.salt_2):
            # A checkpoint records nBackfill only after writing and syncing the file: while one is under way
            # (attempted ahead of backfilled), the file changes with the record as it was (two_writers.py).
            changed = (self.backfilled, self.attempted) != (then.backfilled, then.attempted)
            return changed or self.attempted > self.backfilled
        if self.backfilled > 0 or self.attempted > 0:  # a checkpoint in this generation
            return True
        # A restart (salt-1 + 1) needs every frame in the WAL written into the file first: frames `then` had not,
        # or those of a generation begun since. A WAL that had no generation yet (salts 0) starts with random
        # salts and its header's checkpoint sequence 0, which each restart raises by one.
        restarts = _restarts_since_the_first(self, wal) if then.salt_1 == then.salt_2 == 0 else None
        if restarts is not None:
            return restarts > 0
        if then.frames > then.backfilled or (self.salt_1 - then.salt_1) % (1 << 32) != 1:
            return True
        return _grew_after(then, self, wal)


def _grew_after(then: Checkpoints, now: Checkpoints, wal: Path) -> bool:
    """Whether `then`'s generation, written whole into the file when read, may have had frames added since, all
    of which a checkpoint wrote into the file before the restart (a reader kept another writer from restarting
    it: two_writers.py). The frame after `then`'s last carries `then`'s salts if so; frames of an older
    generation, or the WAL's end there, say it never grew. Rewritten by the new generation, or the WAL cut
    short (TRUNCATE), nothing tells: taken as grown, the change as a checkpoint's."""
    size = then.page_size or now.page_size
    if size <= 0:
        return True
    at = _WAL_HEADER + then.frames * (_FRAME_HEADER + size)
    try:
        with open(wal, "rb") as file:  # SQLite holds no lock on the -wal itself: closing this drops none
            length = os.fstat(file.fileno()).st_size
            file.seek(at)
            header = file.read(_FRAME_HEADER)
    except OSError:
        return True
    if len(header) < _FRAME_HEADER:
        return length < at  # cut short since, or it ends where `then`'s generation ended
    return _salts(header, 8) in ((then.salt_1, then.salt_2), (now.salt_1, now.salt_2))


def _salts(header: bytes, at: int) -> tuple[int, int]:
    """The two salts at `at` of a WAL's header (16) or a frame's (8): big-endian, as wal.c writes them."""
    return int.from_bytes(header[at : at + 4], "big"), int.from_bytes(header[at + 4 : at + 8], "big")


def _restarts_since_the_first(now: Checkpoints, wal: Path) -> int | None:
    """How many times the WAL was restarted since its first generation: the checkpoint sequence in its header
    (written with a generation's first frame; a restart the header does not show yet is one more)."""
    try:
        with open(wal, "rb") as file:  # SQLite holds no lock on the -wal itself: closing this drops none
            header = file.read(_WAL_HEADER)
    except OSError:
        return None
    if len(header) < _WAL_HEADER:
        return None
    sequence, salt_1 = int.from_bytes(header[12:16], "big"), int.from_bytes(header[16:20], "big")
    return sequence + (0 if salt_1 == now.salt_1 else 1)


@dataclass
class _Held:
    fd: int
    users: int = 1


#: Descriptors this process holds, by (device, inode): one per file, however many connections use it.
_held: dict[tuple[int, int], _Held] = {}


def _hold(path: Path) -> tuple[int, int] | None:
    """A descriptor for reading `path`, shared by this process's connections to it; its key, or None."""
    with suppress(OSError):
        found = os.stat(path)
        key = (found.st_dev, found.st_ino)
        if key in _held:
            _held[key].users += 1
            return key
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        opened = os.fstat(fd)
        key = (opened.st_dev, opened.st_ino)
        if key in _held:  # replaced between stat and open: this descriptor is never closed (see the module)
            _held[key].users += 1
        else:
            _held[key] = _Held(fd)
        return key
    return None


def held_descriptor(path: Path) -> int | None:
    """The descriptor this process's connections keep on the file at `path`, if any: a look at the file through it
    (a lock query) needs no descriptor of its own, whose closing would drop SQLite's locks (see the module)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    held = _held.get((found.st_dev, found.st_ino))
    return held.fd if held else None


def _let_go(key: tuple[int, int] | None) -> None:
    held = _held.get(key) if key else None
    if held is None or key is None:
        return
    held.users -= 1
    if held.users == 0:
        del _held[key]
        os.close(held.fd)


@dataclass
class Witness:
    """What one connection knows of its main file: its size and time, and the -shm's checkpoint record."""

    path: Path
    wal: Path
    wal_index: Path
    _shm: tuple[int, int] | None = None
    _main: tuple[int, int] | None = None
    _seen: tuple[int, int] = (-1, -1)
    _checkpoints: Checkpoints | None = None
    overwritten: bool = field(default=False)

    @classmethod
    def of(cls, path: Path, wal: Path, wal_index: Path) -> Witness:
        """Taken when the connection opens (after its checks: the file holds what SQLite read)."""
        witness = cls(path, wal, wal_index)
        witness._shm, witness._main = _hold(wal_index), _hold(path)
        witness._take()
        return witness

    def _fd(self, key: tuple[int, int] | None) -> int | None:
        held = _held.get(key) if key else None
        return held.fd if held else None

    def _checkpoint_record(self) -> Checkpoints | None:
        fd = self._fd(self._shm)
        if fd is None:
            return None
        with suppress(OSError):
            header = os.pread(fd, _SHM_HEADER, 0)
            if len(header) == _SHM_HEADER:
                return Checkpoints.read(header)
        return None

    def _take(self) -> None:
        """Record the file as it is now: the checkpoint record first, so a checkpoint under way shows later."""
        self._checkpoints = self._checkpoint_record()
        with suppress(OSError):
            found = os.stat(self.path)
            self._seen = (found.st_size, found.st_mtime_ns)

    def holds_what_we_know(self, found: os.stat_result, writing: bool = False, ours: bool = False) -> bool:
        """Whether the file (`found`: its stat now, by path; the same file as opened) was changed only by
        checkpoints (or not at all) since this was last taken. Once False, always False. `writing`: called inside
        our write transaction, where no other writer can append frames, so what a checkpoint wrote is compared
        with the file (`_holds_the_checkpoint`), and the file as it is becomes what we know. Outside it a change
        a checkpoint explains is let pass but not taken as known: the next check inside a transaction compares
        it (a trial: a failed edit's clean-up took a copy made after another program's checkpoint as its work,
        and every later edit went into the copy). `ours`: our own COMMIT's checkpoint, taken as known."""
        if self.overwritten or self._checkpoints is None:
            return not self.overwritten
        if (found.st_size, found.st_mtime_ns) == self._seen:
            return True
        now = self._checkpoint_record()
        if now is None or (  # a checkpoint (ours or another process's), and the file holds what it wrote
            now.written_since(self._checkpoints, self.wal)
            and (not writing or self._holds_the_checkpoint(self._checkpoints, now, found))
        ):
            if writing or ours or now is None:
                self._take()
            return True
        self.overwritten = True
        return False

    def _holds_the_checkpoint(self, then: Checkpoints, now: Checkpoints, found: os.stat_result) -> bool:
        """Whether the file holds what the checkpoint that explains its change wrote: a checkpoint that wrote
        every frame of a generation leaves the file at that generation's page count, and the page of its last
        frame (the newest copy of that page) in the file as it is in the WAL. A copy made after the checkpoint
        has other bytes there (a fourth trial: PASSIVE, then `cp`, then an edit was acknowledged and the file
        closed malformed). A WAL restarted since (RESTART) still holds `then`'s frames until a writer reuses it;
        truncated (TRUNCATE) or reused, there is nothing to compare and the change is taken as explained."""
        if not now.settled:
            return True
        if (now.salt_1, now.salt_2) == (then.salt_1, then.salt_2):
            if now.frames == 0 or now.backfilled != now.frames:
                return True
            if not self._sized(now):
                return False
            return self._frame_in_file(now.frames, now) is not False
        if now.frames == 0 and now.pages > 0 and not self._sized(now):
            return False  # restarted (TRUNCATE) after a complete checkpoint, which left the file at its page count
        if then.frames == 0 or not then.settled or now.frames != 0 or not self._wal_still_of(then):
            return True  # a writer began a generation since: its checkpoints may have put newer pages in the file
        if _grew_after(then, now, self.wal):
            return True  # `then`'s last frame is not the newest copy of its page: nothing to compare
        return self._frame_in_file(then.frames, then) is not False

    def _sized(self, now: Checkpoints) -> bool:
        """Whether the file is as long as the database was at the WAL's last commit, as a complete checkpoint
        leaves it (its size now: a checkpoint may have ended since the stat was taken)."""
        main = self._fd(self._main)
        return main is None or os.fstat(main).st_size == now.pages * now.page_size

    def _wal_still_of(self, generation: Checkpoints) -> bool:
        """Whether the -wal's header still carries `generation`'s salts (a restart rewrites it only when a writer
        writes the next generation's first frame)."""
        try:
            with open(self.wal, "rb") as wal:
                header = wal.read(_WAL_HEADER)
        except OSError:
            return False
        return len(header) == _WAL_HEADER and _salts(header, 16) == (generation.salt_1, generation.salt_2)

    def _frame_in_file(self, frame: int, generation: Checkpoints) -> bool | None:
        """Whether WAL frame `frame` of `generation` holds the same page as the file; None when the WAL no
        longer has that frame of that generation (restarted and reused, truncated) or a read fails."""
        main = self._fd(self._main)
        size = generation.page_size
        if main is None or size <= 0:
            return None
        try:
            with open(self.wal, "rb") as wal:  # SQLite holds no lock on the -wal itself: closing this drops none
                wal.seek(_WAL_HEADER + (frame - 1) * (_FRAME_HEADER + size))
                header, page = wal.read(_FRAME_HEADER), wal.read(size)
            if len(header) < _FRAME_HEADER or len(page) < size:
                return None
            number = int.from_bytes(header[0:4], "big")
            if number == 0 or _salts(header, 8) != (generation.salt_1, generation.salt_2):
                return None
            return os.pread(main, size, (number - 1) * size) == page
        except OSError:
            return None

    def committed(self, found: os.stat_result) -> None:
        """After each of this connection's own commits: its WAL restart (new salts, random for a connection that
        never checkpointed) and its own checkpoint are part of what it knows, so a later change of the file must
        be explained by a checkpoint recorded after this. The file unchanged since the check before COMMIT: only
        the record is taken again; changed (our auto-checkpoint in COMMIT), the change is judged as any other."""
        if self.overwritten or self._checkpoints is None:
            return
        if (found.st_size, found.st_mtime_ns) == self._seen:
            now = self._checkpoint_record()
            if now is not None and now.written_since(self._checkpoints, self.wal):
                self._take()  # another process checkpointed around our COMMIT: the file as it is now is its work
            else:
                self._checkpoints = now
        else:  # without the write lock: another writer may append and checkpoint while the pages are compared
            self.holds_what_we_know(found, ours=True)

    def release(self) -> None:
        """Close the descriptors (after SQLite closed its connection: see the module)."""
        _let_go(self._shm)
        _let_go(self._main)
        self._shm = self._main = None
