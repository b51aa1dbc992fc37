"""Where files go: a file is written under a temporary name beside its target and put in place only when it is
complete, so a failed or killed command leaves the target as it was and never a half-written file.

A temporary is `.<name>.<kind>-<random>` in the target's folder, created exclusively (never someone else's
file, and never blocked by one: a taken name is passed over for another), private to owner and group, and
locked (`flock`) by the process writing it for as long as it lives. Only the process that created a
temporary removes it. One whose lock nobody holds was probably left by an interrupted run, but a name (or a
database's header: a copy of a real database has ours) is no proof that a file is ours and unused, so it is
left as it is and named in one note (`note_leftovers`), handed to the caller, which tells the user: its owner
decides. Nothing here writes to the terminal.
Targets are taken as given: a symlink is followed to the file it names (that file
is replaced, the link stays), and a folder, FIFO, device or socket is refused, never replaced. A link on the way
that leads nowhere, to nothing or in a loop, is refused (`unbroken`): nothing is made where a link points.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from annotator.errors import AnnotatorError

#: An empty temporary this recent may be one another run has just created and not locked yet. A folder (train's
#: pipeline) is locked only after its run has done some work, so a young empty one is left alone; a file is
#: locked in the instruction after its creation (`Temporary`), so one still unlocked `SETTLE_S` later is a leftover.
JUST_MADE_S = 60
SETTLE_S = 0.2
#: Files this tool creates get these permissions (before the umask): never writable by others, nor readable.
PRIVATE_MODE = 0o640
#: renameat2(2)'s flag that swaps two names in one step, and the "current folder" it resolves relative names in.
RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_RENAMEAT2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28 and newer
#: Who hears a note for the user (the CLI prints it on standard error); None: nobody asked.
Note: TypeAlias = Callable[[str], None] | None


class PlaceError(AnnotatorError):
    """A path that cannot be written as asked (a special file, a missing folder): one line naming it."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words (a link's mode is `lstat`'s)."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


class NotRegular(OSError):
    """A path whose bytes are never read: no regular file (a link where none is followed, a FIFO, a device, a
    folder, a socket). `mode` says what it is; the message is `kind_of`'s, "..., not a regular file"."""

    def __init__(self, path: Path | str, mode: int) -> None:
        super().__init__(errno.EINVAL, f"{kind_of(mode)}, not a regular file", str(path))
        self.mode = mode


def open_regular(path: Path | str, *, follow: bool = False) -> int:
    """A descriptor to read the regular file at `path`, opened without ever waiting: a FIFO would block an
    open (and a read) for ever, holding an export where interrupts wait (trial 29). A link at `path` is
    `NotRegular` unless `follow`; so is a FIFO, device, folder or socket, looked at before it is opened and
    once more, open, in case one was renamed in between."""
    found = os.stat(path) if follow else os.lstat(path)
    if not stat.S_ISREG(found.st_mode):
        raise NotRegular(path, found.st_mode)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP and not follow and os.path.islink(path):
            raise NotRegular(path, stat.S_IFLNK) from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegular(path, mode)
    os.set_blocking(fd, True)
    return fd


def mode_at(path: Path | str) -> int | None:
    """What is at `path` (`lstat`'s mode: a link is a link), to say so in a refusal; None when nothing can be told."""
    try:
        return os.lstat(path).st_mode
    except OSError:
        return None


def unbroken(path: Path) -> None:
    """The one rule for links on the way to an output (a file, a database, a folder to make): a link at the path,
    or at a folder above it, that leads to nothing or in a loop is a `PlaceError` naming it. Following it would
    make a file or folders wherever it points, unseen (a link left to a removed disk, `/nonexistent/...`), or
    fail deep inside the command; a link to something that exists is followed as before."""
    for place in (*reversed(path.parents), path):
        if not os.path.islink(place):
            continue
        try:
            os.stat(place)
        except FileNotFoundError:
            raise PlaceError(
                f"{place}: a link to {os.readlink(place)}, which does not exist: nothing is made where a link points; "
                "give another path"
            ) from None
        except OSError as error:
            if error.errno != errno.ELOOP:
                raise PlaceError(f"{place}: {error.strerror}") from None
            raise PlaceError(
                f"{place}: a link in a loop (to {os.readlink(place)}): nothing is made through it; give another path"
            ) from None


def leading(path: Path | str, target: Path | str) -> str:
    """A path as a refusal names it: as given, and where it really leads when a link on the way leads elsewhere
    (the refused file is that one): `x.db (a link to /data/y.db)` when the path is a link, `exports/a.jsonl
    (through a link: /shared/a.jsonl)` when a folder above it is (trial s49 F6b: named as if the file were one)."""
    if os.path.abspath(path) == str(target):
        return str(path)
    return f"{path} (a link to {target})" if os.path.islink(path) else f"{path} (through a link: {target})"


def from_here(path: str) -> str:
    """A whole path a record kept (a `pack` event's file) as a line printed here names it: from the current folder
    when it lies under it, else whole; a path kept as given (older records) stays as it is."""
    if not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


def regular_target(path: Path, shown: str | None = None) -> tuple[Path, os.stat_result | None]:
    """The file a path names, symlinks followed, and its stat (None when it does not exist yet).

    A folder, FIFO, device or socket is a `PlaceError`: such a file is never read as text nor replaced; so is a
    link on the way that leads nowhere (`unbroken`). A refusal names the path, and where a link on it leads.
    """
    unbroken(Path(path))
    try:
        target = Path(os.path.realpath(path))
    except OSError as error:  # a link swapped for a file while it is followed (trial 29): EINVAL from readlink
        raise PlaceError(
            f"{path}: changed while annotator looked at it ({error.strerror}); nothing was written"
        ) from None
    shown = shown or leading(path, target)
    try:
        found = os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as error:
        raise PlaceError(f"{shown}: {error.strerror}") from None
    if not stat.S_ISREG(found.st_mode):
        raise PlaceError(f"{shown}: {kind_of(found.st_mode)}, not a regular file; nothing was written to it")
    return target, found


class Temporary:
    """A new, locked, empty file beside `target`; `close()` releases it (after `place()` or `discard()`)."""

    def __init__(self, target: Path, kind: str, mode: int = PRIVATE_MODE) -> None:
        self.target = target
        for _ in range(100):
            self.path = target.with_name(f".{target.name}.{kind}-{secrets.token_hex(4)}")
            try:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, mode)
            except FileExistsError:
                continue
            break
        else:  # pragma: no cover - a hundred random names all taken
            raise PlaceError(f"{target}: cannot find a free temporary name beside it")
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def companions(self) -> list[Path]:
        return [self.path.with_name(self.path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]

    def sync(self) -> None:
        os.fsync(self.fd)

    def link_into_place(self) -> bool:
        """Give the complete file its target's name unless a file took that name meanwhile (then False, and this
        file stays where it is). An existing file is never replaced, not even an empty one: nothing says it is
        ours."""
        try:
            os.link(self.path, self.target)
        except FileExistsError:
            return False
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise
            # A file system without hard links: check, then rename (a narrow race, where links cannot be had).
            if os.path.lexists(self.target):
                return False
            os.replace(self.path, self.target)
            sync_folder(self.target.parent)
            return True
        self.path.unlink()
        sync_folder(self.target.parent)
        return True

    def exchange_with_target(self) -> bool:
        """Swap this file and the target in one step (renameat2's RENAME_EXCHANGE): the file that was at the target
        is then at this temporary's name, where it can be checked before anything is lost, and a second call swaps
        them back. False where the system cannot swap (nothing moved); FileNotFoundError when the target is gone."""
        return exchange(self.path, self.target)

    def swap_back(self, replaced: Callable[[Path], bool]) -> Path | None:
        """Swap back what `exchange_with_target` brought here (a file that is not to be replaced). Another process
        renaming files in and out of the target between the two swaps leaves here, instead of this temporary, a
        file it put at the target meanwhile: one `replaced` proves to be the file this write was replacing
        (annotator's own earlier output) is removed, as it would have been; anything else is left as it is and
        its path returned, to be named (no interrupted run left it)."""
        self.exchange_with_target()
        if self.holds_own() or not os.path.lexists(self.path):
            return None
        if not replaced(self.path):
            return self.path
        self.path.unlink()
        sync_folder(self.target.parent)
        return None

    def holds_own(self) -> bool:
        """Whether the file at this temporary's name is still the one this process created (not a file swapped in)."""
        return is_open_file(self.path, self.fd)

    def replace_target(self) -> None:
        """Rename this file over the target (an export replacing its previous output)."""
        os.replace(self.path, self.target)
        sync_folder(self.target.parent)

    def discard(self) -> None:
        """Remove this temporary and anything SQLite left beside it; the target is never touched, nor a file that a
        swap (`exchange_with_target`) left at this name which is not this temporary's own."""
        own = self.fd < 0 or self.holds_own()
        for path in ([self.path] if own else []) + self.companions():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def is_open_file(path: Path, fd: int) -> bool:
    """Whether `path` names the very file open as `fd` (not another put at that name)."""
    try:
        there, own = os.lstat(path), os.fstat(fd)
    except OSError:
        return False
    return (there.st_dev, there.st_ino) == (own.st_dev, own.st_ino)


def exchange(first: Path, second: Path) -> bool:
    """Swap two names atomically; False (nothing moved) where the C library or the file system cannot."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def sync_folder(folder: Path) -> None:
    """Make a rename or link in this folder durable (a power cut after it keeps the new name)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def note_leftovers(target: Path, kind: str, shown: Path | str | None, note: Note) -> list[Path]:
    """The temporaries of `target` (`.<name>.<kind>-` and 8 characters) whose lock nobody holds, named in one
    line handed to `note`: removed by no one but their owner, since nothing proves such a file is this tool's
    and unused (anyone may name a file so, or copy a database there). A temporary a run holds, or an empty one
    made a moment ago and locked a moment later, is a live run's and not mentioned; an empty one nobody locks (an
    export killed early leaves one) is named like any other (trial 39a). Anything else at such a name (a FIFO, a
    link, a folder: what a kill -9 left where an output's path was swapped) is named too, with what it is, and
    never opened. The note names `shown` (the path as the user gave it) for the target."""
    prefix = f".{target.name}.{kind}-"
    return _note_unheld(target, shown, note, lambda name: name.startswith(prefix) and len(name) == len(prefix) + 8)


def note_leftover_folders(
    target: Path, kind: str, shown: Path | str | None, note: Note, names: str | None = None
) -> list[Path]:
    """As `note_leftovers`, for folders made as temporaries (`.<name>.<kind>-` and 8 characters, a folder an
    output folder is written into before its rename): such folders of this target whose lock nobody holds, or of
    any name `names` (a regular expression) matches, as a caller's default names that change from run to run.
    Another target's are not this run's to mention (a newcomer's trial: every `train --out` named one). Named,
    never removed."""
    pattern = re.compile(rf"\.(?:{names or re.escape(target.name)})\.{re.escape(kind)}-[a-z0-9_]{{8}}")
    return _note_unheld(target, shown, note, lambda name: pattern.fullmatch(name) is not None, folders=True)


def _note_unheld(
    target: Path, shown: Path | str | None, note: Note, named: Callable[[str], bool], *, folders: bool = False
) -> list[Path]:
    shown = shown or target
    found: list[Path] = []
    try:
        names = sorted(os.listdir(target.parent))
    except OSError:
        return found
    said: dict[Path, str] = {}
    young: list[Path] = []
    for name in names:
        if not named(name):
            continue
        path = target.with_name(name)
        other = None if folders else _other_kind(path)
        unheld = other is not None or _unheld(path, folders)
        if unheld:
            said[path] = name if other is None else f"{name} ({other})"
        elif unheld is None:
            young.append(path)
    if young:  # empty files made a moment ago: whoever made them locks them now, or never will
        time.sleep(SETTLE_S)
        said.update({path: path.name for path in young if _unheld(path, folders, settled=True)})
    found.extend(sorted(said))
    said = {path: f"{name}{_journals(path)}" for path, name in said.items()}
    if note is not None and len(found) == 1:
        note(f"{shown}: a leftover {said[found[0]]} from an interrupted run is beside it; remove it if it is yours")
    elif note is not None and found:
        listed = ", ".join(said[path] for path in found)
        note(f"{shown}: leftovers {listed} from interrupted runs are beside it; remove them if they are yours")
    return found


def _journals(path: Path) -> str:
    """ " (and its -wal, -shm)" for a leftover database's journals beside it, which a kill -9 leaves too and which go
    with it (trial s55 t10 T9: the note named one file of three); "" when there are none."""
    found = [suffix for suffix in ("-wal", "-shm", "-journal") if path.with_name(path.name + suffix).exists()]
    return f" (and its {', '.join(found)})" if found else ""


def _other_kind(path: Path) -> str | None:
    """What is at a temporary's name when it is no regular file (None when it is, or is gone): never one this tool
    made, but what a kill -9 left there between swapping it out of an output's path and swapping it back (a FIFO,
    a link). Named as it is, never opened."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else kind_of(mode)


def _unheld(path: Path, folder: bool, *, settled: bool = False) -> bool | None:
    """Whether `path` is a regular file (a folder if `folder`; never a link) that no live run holds: nobody has it
    locked, and it is not an empty folder made a moment ago (its run locks it later). None: an empty file made a
    moment ago that nobody holds yet, to look at again (`settled`) after its maker has had time to lock it."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK | (os.O_DIRECTORY if folder else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        found = os.fstat(fd)
        if not (stat.S_ISDIR if folder else stat.S_ISREG)(found.st_mode):
            return False
        empty = not os.listdir(fd) if folder else found.st_size == 0
        young = empty and time.time() - found.st_mtime < JUST_MADE_S
        if young and folder:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a live run is writing it
        return None if young and not settled else True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing releases the shared lock taken to look
