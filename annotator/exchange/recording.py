"""Recording the files annotator wrote in their folder's record (`exchange.written`: what the record proves).

Every change to a record is made under an exclusive lock on its folder (trial 27: parallel exports into one
folder lost entries), in two steps around the rename: before it, the hash about to be put in place is added to
the name's accepted ones; after it, the name has that hash alone. A crash between the rename and the record
(predict killed while its manifest is rewritten) so never leaves annotator's own file unproven; a write taken back
removes the hashes it added, and the hash of the bytes at a path is never trimmed away (taken-back joint writes
disowned annotator's own file). The record is replaced only if the file at its name is still the one read (the
lock keeps out annotator, not a program renaming a file in: a foreign file flipped with it was overwritten).
A write that swaps its temporary with the target also lists the temporary's own name first (`expect_swap`), so
the file a kill between the swap and its removal leaves there is proven annotator's, and the next write into
that target removes it (`reclaimed`) instead of naming it as a leftover (predict's manifest, rewritten every two
seconds, left one in 2 of 8 runs a ctrl+c stopped). A ctrl+c or SIGTERM waits while a record is rewritten.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from annotator.exchange.written import KIND, LARGEST_RECORD, RECORD, Found, digest, proves, read_record
from annotator.interrupts import interrupts_after
from annotator.places import Note, Temporary, sync_folder

#: Seconds a record waits for another process's lock on its folder before it is updated without one.
LOCK_WAIT = 20.0


#: The folders whose lock this thread holds (device, inode): a record updated under a lock the write already holds
#: (`folders_locked`) does not wait for itself.
_holding = threading.local()


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[bool]:
    """An exclusive lock on the folder itself (no file of ours beside the record; flock: it goes with the process
    that holds it, never left stale), held while its record is read, changed and written, or while a write checks
    and puts its files in place and records them (`folders_locked`). Waits LOCK_WAIT seconds at most (a process
    that holds it for ever makes no export hang): then, as where a folder cannot be opened or locked, the record is
    updated without it. Yields whether the lock is held (a lock this thread holds already counts)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        yield False
        return
    held: set[tuple[int, int]] = _holding.__dict__.setdefault("folders", set())
    try:
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino)
        if key in held:
            yield True
            return
        deadline = time.monotonic() + LOCK_WAIT
        locked = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.005)
            except OSError:
                break
        if locked:
            held.add(key)
        try:
            yield locked
        finally:
            if locked:
                held.discard(key)
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def folders_locked(folders: Iterable[Path]) -> Iterator[bool]:
    """The locks of several folders at once (the folders files are put into together), taken in one order
    (device, inode) so two writers never wait for each other; the records updated meanwhile by this thread take
    them again at once. Yields whether every one is held."""
    unique: dict[tuple[int, int], Path] = {}
    for folder in folders:
        try:
            info = os.stat(folder)
        except OSError:
            continue
        unique.setdefault((info.st_dev, info.st_ino), folder)
    with contextlib.ExitStack() as stack:
        held = all([stack.enter_context(_locked(unique[key])) for key in sorted(unique)])
        yield held


#: A path and the SHA-256 hash (or hashes) announced for it.
Announced = Mapping[Path, str | tuple[str, ...]]


def expect_written(placed: Announced) -> dict[Path, tuple[str, ...]]:
    """Before files are put in place: their new hashes join the ones their names' records accept, so a crash
    between the renames and `record_written` leaves them provably annotator's. Returns those it added (a hash a
    name accepted already, the same bytes written again, is not: `unexpect_written` must leave it)."""
    return _update(placed, how=_EXPECT, note=None)


def expect_swap(temporary: Path, target: Path, sha: str) -> dict[Path, tuple[str, ...]]:
    """What a write through `temporary` announces for its own name besides the target's new hash (`sha`): `sha`
    too, and the hash of the file at `target` it may swap out. A kill between the swap (or the link) and the
    removal of the temporary's name so leaves there a file the record proves annotator's, by its own name, which
    the next write into `target` removes (`reclaimed`) instead of naming it as a leftover."""
    there = _digest_or_none(target)
    return {temporary: (sha,) if there is None or there == sha else (there, sha)}


def reclaimed(leftovers: list[Path]) -> list[Path]:
    """Of the leftovers beside a target (`places.note_leftovers`: no live run holds them), those the folder's
    record proves annotator's by their own name (`expect_swap`) are removed; the others are returned, to be named
    and left as they are (a file annotator cannot prove its own is never removed)."""
    left: list[Path] = []
    for path in leftovers:
        if _swapped_out_long_ago(path) and proves(path, path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        left.append(path)
    if len(left) < len(leftovers):
        sync_folder(leftovers[0].parent)
    return left


#: Seconds since a file came to a temporary's name (a rename or a link sets its ctime) before it is taken for a
#: killed write's: a live write removes the file it swapped out there within a moment, and another writer into the
#: same target must not remove it first.
SWAPPED_OUT_S = 2.0


def _swapped_out_long_ago(path: Path) -> bool:
    try:
        return time.time() - os.lstat(path).st_ctime >= SWAPPED_OUT_S
    except OSError:
        return False


def unexpect_written(placed: Announced) -> None:
    """Files `expect_written` added that were not put in place after all (a joint write taken back, a rename
    that failed): their hashes leave their names' accepted ones again, but for one that is the hash of the bytes
    at the path (a file that could not be taken back). Failed writes so never crowd annotator's own file out of
    its record (an EBUSY companion, five times, disowned it)."""
    _update(placed, how=_UNEXPECT, note=None)


def record_written(placed: Mapping[Path, str] | list[Path], note: Note = None, source: str | None = None) -> None:
    """Files just put in place (path -> SHA-256 of what was written, or paths to hash), each in its folder's
    record with that hash alone, and `source`, the database an export was made from, under each name's `sources`
    entry with that hash (a write with no source leaves its names none: their bytes are no export's). A folder
    whose record is not annotator's is left as it is and `note` hears so (its files simply stay unproven); a
    record that cannot be written is no failure of the output."""
    if not isinstance(placed, Mapping):
        placed = {path: digest(path) for path in placed}
    _update(placed, how=_RECORD, note=note, source=source)


def forget_written(placed: Announced) -> None:
    """Files another proof now covers (predict's shards, once the manifest lists them with their SHA-256): their
    names leave their folders' records, which so hold only the files nothing else proves yet."""
    _update(placed, how=_FORGET, note=None)


_EXPECT, _UNEXPECT, _RECORD, _FORGET = "expect", "unexpect", "record", "forget"
#: The newest hashes of announced writes a name keeps besides the one of the bytes at its path.
KEPT_WRITES = 3


def _update(placed: Announced, *, how: str, note: Note, source: str | None = None) -> dict[Path, tuple[str, ...]]:
    """Change the records of `placed`'s folders, each under its folder's lock. The record is replaced only if the
    file at its name is still the one read (swapped with the new one and compared, and else swapped back: the lock
    keeps annotator processes out, not a program renaming a file in), and a missing one is linked in, never over
    a file made meanwhile; either way `note` hears that the files were not recorded. Returns the hashes it added
    to names that did not accept them yet."""
    added: dict[Path, tuple[str, ...]] = {}
    by_folder: dict[Path, dict[str, tuple[str, ...]]] = {}
    for target, sha in placed.items():
        by_folder.setdefault(target.parent, {})[target.name] = (sha,) if isinstance(sha, str) else sha
    for folder, written in by_folder.items():
        with _locked(folder), interrupts_after():  # ctrl+c waits: one between swaps left the record read beside it
            seen = _seen(folder / RECORD)
            found = read_record(folder)
            if found.problem is None and not _same(_seen(folder / RECORD), seen):
                found = Found(problem=_MOVED)
            if found.problem is not None:
                _say_unrecorded(folder, found.problem, sorted(written), note)
                continue
            files = found.files
            new = {folder / name: fresh for name, shas in written.items()
                   if (fresh := tuple(sha for sha in shas if sha not in files.get(name, [])))}  # fmt: skip
            for name, shas in written.items():
                for sha in shas:
                    files[name] = _changed(folder / name, files.get(name, []), sha, how)
            if how != _RECORD:  # a hash that is no SHA-256 is dropped with its note, once the files are recorded
                for name, hashes in found.unproving.items():
                    files[name] = [*files.get(name, []), *hashes]
            sources = found.sources
            for name, shas in written.items():  # what made the bytes at a name: that name's own entry
                if how == _FORGET or (how == _RECORD and (source is None or files[name] != list(shas))):
                    sources.pop(name, None)  # bytes no export made, or another write's (`_there`)
                elif how == _RECORD and source is not None:
                    sources[name] = (shas[0], source)
            try:
                put = _write(folder, files, set(written) if how in (_EXPECT, _RECORD) else set(), seen, sources)
            except OSError:
                continue
            if not put:
                _say_unrecorded(folder, _MOVED, sorted(written), note)
                continue
            added.update(new)
            if how == _RECORD and note is not None:
                _say_dropped(folder, found, set(written), note)
    return added


#: Why a record was not changed when another file came to its name while it was read or rewritten.
_MOVED = "moved"


def _changed(path: Path, accepted: list[str], sha: str, how: str) -> list[str]:
    """A name's accepted hashes once `sha` is announced (`_EXPECT`: the newest few kept, and always the hash of the
    bytes at `path`), taken back (`_UNEXPECT`: unless those bytes have it), recorded (`_RECORD`: one hash), or
    forgotten (`_FORGET`: none)."""
    if how == _FORGET:
        return []
    if how == _RECORD:
        return [_there(path, [*accepted, sha], sha)]
    if how == _UNEXPECT:
        return accepted if sha not in accepted or _digest_or_none(path) == sha else [h for h in accepted if h != sha]
    kept = accepted[-KEPT_WRITES:]
    if len(accepted) > KEPT_WRITES and (actual := _digest_or_none(path)) in accepted and actual not in kept:
        kept = [actual, *kept]  # annotator's own file there is never disowned by writes that failed
    return [*kept, sha]


def _digest_or_none(path: Path) -> str | None:
    try:
        return digest(path) if os.path.isfile(path) else None
    except OSError:
        return None


def _say_unrecorded(folder: Path, problem: str, names: list[str], note: Note) -> None:
    if note is None:
        return
    them = "the file" if len(names) == 1 else "them"
    record = folder / RECORD
    if problem == _MOVED:
        note(f"{record}: another file was put at its name while annotator updated it, so annotator does not record "
             f"{', '.join(names)} in it and leaves that file as it is: a later output will not replace {them} "
             "without --overwrite")  # fmt: skip
    else:
        note(f"{record}: damaged ({problem}), so annotator does not record {', '.join(names)} in it and leaves it "
             f"as it is: a later output will not replace {them} without --overwrite")  # fmt: skip


def _say_dropped(folder: Path, found: Found, placed: set[str], note: Callable[[str], None]) -> None:
    """Name the entries (of files still there, not just written) that held strings that are no SHA-256, which the
    record no longer holds, and the files left with no hash at all: they stay refused, as before."""
    names = [name for name in sorted(found.unproving) if name not in placed and os.path.isfile(folder / name)]
    if not names:
        return
    unproven = [name for name in names if name not in found.files]
    said = (
        f"the entry of {names[0]} held a hash that is no SHA-256 (edited by hand?); it proved nothing and is dropped"
        if len(names) == 1
        else f"the entries of {', '.join(names)} held hashes that are no SHA-256 (edited by hand?); they proved "
        "nothing and are dropped"
    )
    if unproven:
        said += f": a later output will not replace {', '.join(unproven)} without --overwrite"
    note(f"{folder / RECORD}: {said}")


def _there(path: Path, accepted: list[str], sha: str) -> str:
    """The hash a file's name keeps once it is in place: its bytes' if they are one of the accepted writes (two
    exports racing into one file: the last to record may not be the last to rename, trial 28), else `sha`."""
    try:
        actual = digest(path)
    except OSError:
        return sha
    return actual if actual in accepted else sha


@dataclass(frozen=True)
class _Seen:
    """A record as it was read: which file it was, and its bytes (its permissions, for the one replacing it)."""

    device: int
    inode: int
    data: bytes
    mode: int


def _seen(path: Path) -> _Seen | None:
    """The regular file at `path` (never through a link), or None: nothing there, or nothing `written.read_record` accepts."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > LARGEST_RECORD:
            return None
        with os.fdopen(os.dup(fd), "rb") as stream:
            data = stream.read(LARGEST_RECORD + 1)
        return _Seen(info.st_dev, info.st_ino, data, stat.S_IMODE(info.st_mode))
    except OSError:
        return None
    finally:
        os.close(fd)


def _same(one: _Seen | None, other: _Seen | None) -> bool:
    """The same file with the same bytes (its permissions may have changed: it is still the record read)."""
    if one is None or other is None:
        return one is other
    return (one.device, one.inode, one.data) == (other.device, other.inode, other.data)


def _write(
    folder: Path,
    files: dict[str, list[str]],
    placed: set[str],
    seen: _Seen | None,
    sources: dict[str, tuple[str, str]],
) -> bool:
    """The record, through a temporary put in place of `seen`, the record read, with its permissions; names of
    files no longer there are dropped (but for `placed`, whose files are about to be there), and the sources of
    names the record no longer keeps with that hash. False, and nothing changed, when another file is at the record's name by then (or one
    was made where there was none)."""
    kept = {
        name: hashes[0] if len(hashes) == 1 else list(dict.fromkeys(hashes))
        for name, hashes in sorted(files.items())
        if hashes and (name in placed or os.path.isfile(folder / name))
    }
    record: dict[str, object] = {"kind": KIND, "files": kept}
    made = {
        name: {"sha256": sha, "database": db}
        for name, (sha, db) in sorted(sources.items())
        if name in kept and sha in files[name]
    }
    if made:
        record["sources"] = made
    temporary = Temporary(folder / RECORD, "partial", mode=0o666)  # a first record: as any new file
    try:
        if seen is not None:  # the record replaced keeps its permissions (a read-only one)
            os.fchmod(temporary.fd, seen.mode)
        with os.fdopen(os.dup(temporary.fd), "wb") as out:
            out.write(json.dumps(record, indent=1).encode("utf-8") + b"\n")
            out.flush()
            os.fsync(out.fileno())
        put = temporary.link_into_place() if seen is None else _swapped_in(temporary, seen)
        if not put:
            temporary.discard()
        return put
    except OSError:
        temporary.discard()
        raise
    finally:
        temporary.close()


def _swapped_in(temporary: Temporary, seen: _Seen) -> bool:
    """Swap the new record in for the one read, in one step; the file swapped out must be that one, else it goes
    back as it came (False). Where the system cannot swap: checked, then renamed over (a narrow race)."""
    try:
        swapped = temporary.exchange_with_target()
    except FileNotFoundError:  # the record went meanwhile: this one goes in as a new file
        return temporary.link_into_place()
    if not swapped:
        if not _same(_seen(temporary.target), seen):
            return False
        temporary.replace_target()
        return True
    if not _same(_seen(temporary.path), seen):
        temporary.exchange_with_target()  # the file that came in meanwhile goes back, byte for byte
        return False
    temporary.path.unlink()  # the record read, now at the temporary's name
    sync_folder(temporary.target.parent)
    return True
