"""Outputs written whole or not at all, for every writer in `annotator.exchange`: each through a locked
temporary beside its target renamed over it at the end, never over a database, a folder or a special file, and
never over a file annotator cannot prove its own unless the user says --overwrite (`exchange.written`)."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.companion_names import companion_refusal
from annotator.exchange.recording import (
    expect_swap,
    expect_written,
    folders_locked,
    forget_written,
    reclaimed,
    record_written,
    unexpect_written,
)
from annotator.exchange.written import advice_for, check_replaceable, digest, foreign, proves
from annotator.interrupts import interrupts_after, keeping
from annotator.places import (
    Note,
    PlaceError,
    Temporary,
    is_open_file,
    mode_at,
    note_leftovers,
    open_regular,
    regular_target,
    sync_folder,
    unbroken,
)

#: Exports are written through `.<name>.partial-<random>` beside their target (see `annotator.places`).
PARTIAL = "partial"


def _refuse_a_database(path: Path, target: Path, found: os.stat_result | None, option: str) -> None:
    refusal = companion_refusal(path)
    if refusal is not None:
        raise PlaceError(f"{refusal}: choose another {option}")
    if found is None:
        return
    try:  # never through a link, nor a FIFO renamed in since `regular_target` looked (it would block for ever)
        with os.fdopen(open_regular(target), "rb") as existing:
            header = existing.read(16)
    except OSError:
        return
    if header == b"SQLite format 3\x00":
        raise PlaceError(f"{path}: a SQLite database; an export never replaces one (choose another {option})")


@contextmanager
def written_atomically(
    path: Path,
    *,
    make_folder: bool = False,
    note: Note = None,
    overwrite: bool = False,
    option: str = "-o",
    advice: str | None = None,
) -> Iterator[IO[bytes]]:
    """A binary file at `path`, written through a locked temporary beside it renamed at the end: a failure
    leaves nothing (and an older file at `path` as it was). A symlink is written through (the file it names is
    replaced, the link stays); a folder, FIFO or device is refused, as is a missing folder unless `make_folder`
    (the default exports/ folder). Every failure is one line naming the path, never a traceback. A temporary
    an interrupted export left beside the same target is named in a line for `note` and left as it is. A SQLite database,
    or a journal beside one (`-wal`, `-shm`, `-journal`), is never replaced: an export aimed at its own
    database by a slip of `-o` would otherwise wipe every annotation in it. Any other existing file is replaced
    only if annotator wrote it and nobody changed it since, or with `overwrite` (`exchange.written`). A refusal
    names `option`, the one that gave the path, and says how to go on (`advice`: by default, another `option` or
    --overwrite)."""
    with written_together(
        [path], make_folder=make_folder, note=note, overwrite=overwrite, options=[option], advice=advice
    ) as (out,):
        yield out


def _checked_target(path: Path, make_folder: bool, option: str) -> tuple[Path, os.stat_result | None]:
    if str(path) == "-":  # the command line's standard output is for the one output that can go there (export -o -)
        raise PlaceError(
            f"{option} -: - means standard output, where this cannot go: give a file (./- for one named -)"
        )
    _checked_folder(path.parent)
    target, found = regular_target(path)
    _refuse_a_database(path, target, found, option)
    if not target.parent.is_dir():
        if not make_folder:
            raise PlaceError(f"{path}: no such folder {target.parent}; nothing was written")
        try:  # the folder as named, never through a link: mkdir refuses a dangling one (it exists, as a link)
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PlaceError(f"{path}: cannot make the folder {path.parent}: {error.strerror}") from None
    return target, found


def _checked_folder(folder: Path) -> None:
    """The folder an output goes into, if it is there, is a folder or a link to one. A link to nothing is
    refused, not made: making its target would create folders wherever the link points (a link named exports
    to /nonexistent would make /nonexistent); a file in its place is one line, not "Not a directory". A link to
    nothing or in a loop is said as `places.unbroken` says it for every output."""
    if folder.is_dir() or not os.path.lexists(folder):
        return
    unbroken(folder)
    if folder.is_symlink():
        raise PlaceError(f"{folder}: a link to {os.readlink(folder)}, which is not a folder; nothing was written")
    raise PlaceError(f"{folder}: not a folder; nothing was written")


@contextmanager
def written_together(
    paths: Sequence[Path],
    *,
    make_folder: bool = False,
    note: Note = None,
    overwrite: bool = False,
    options: Sequence[str] = (),
    advice: str | None = None,
    source: str | None = None,
    check: Callable[[bool], None] | None = None,
) -> Iterator[list[IO[bytes]]]:
    """Several files as one write (`written_atomically`'s rules for each): every target is checked before any
    is written, each is written through its own locked temporary, and only when every one is complete are they
    renamed into place; a failure anywhere leaves every target as it was. So an export and its companion file
    (a DocBin and its training config) are there together or not at all. `options` names the option that gave
    each path (-o when not said); `source`, the database an export is made from, is recorded with them. Once
    the files are complete, the locks of their folders are taken, and `check` (told whether they are held) may
    refuse them, with nothing put in place: what it looks at cannot change before they are in place and recorded
    (two exports at once to one path both saw it empty, and both went in: `records.export_to_path`)."""
    named = [*options[: len(paths)], *["-o"] * (len(paths) - len(options))]
    checked = [(path, *_checked_target(path, make_folder, option)) for path, option in zip(paths, named, strict=True)]
    targets = [target for _, target, _ in checked]
    if len(set(targets)) != len(targets):
        raise PlaceError(f"{paths[-1]}: names the same file as another output; nothing was written")
    advices = [advice or advice_for(option, target) for option, target in zip(named, targets, strict=True)]
    for (path, target, found), told in zip(checked, advices, strict=True):
        check_replaceable(path, target, found is not None, overwrite=overwrite, advice=told)
    temporaries: list[Temporary] = []
    streams: list[IO[bytes]] = []
    placed = False
    try:
        for path, target, found in checked:
            if reclaimed(note_leftovers(target, PARTIAL, path, None)):  # a killed write's, the record proves
                note_leftovers(target, PARTIAL, path, note)  # the others are named, and left as they are
            try:
                temporary = Temporary(target, PARTIAL, mode=0o666)  # as an ordinary new file: the umask decides
                temporaries.append(temporary)
                if found is not None:
                    os.fchmod(temporary.fd, stat.S_IMODE(found.st_mode))  # replacing a file keeps its permissions
                streams.append(os.fdopen(os.dup(temporary.fd), "wb"))
            except OSError as error:
                raise _cannot_write(path, found, error) from None
        try:
            yield streams
        except OSError as error:  # a failed write in the caller's hands is told as the first output's
            raise _cannot_write(checked[0][0], checked[0][2], error) from None
        hashes: dict[Path, str] = {}
        for (path, target, found), stream, temporary in zip(checked, streams, temporaries, strict=True):
            try:
                stream.flush()
                os.fsync(stream.fileno())
                hashes[target] = digest(temporary.path)
            except OSError as error:
                raise _cannot_write(path, found, error) from None
        # the outputs go into place together: an interrupt from here on waits for the report (or, outside one, for
        # the files and their record: one between a swap and the removal of the file swapped out left that file)
        with folders_locked(target.parent for target in targets) as held:
            if check is not None:
                check(held)
            with keeping(), interrupts_after():
                _place(checked, temporaries, advices, overwrite, hashes)
                # what proves them annotator's own, so a later output may replace them
                record_written(hashes, note, source)
                placed = True
    finally:
        for stream in streams:
            with contextlib.suppress(OSError):  # after a failure: what it still held goes with its temporary
                stream.close()
        for temporary in temporaries:
            if not placed:
                temporary.discard()
            temporary.close()


def _place(
    checked: list[tuple[Path, Path, os.stat_result | None]],
    temporaries: list[Temporary],
    advices: list[str],
    overwrite: bool,
    hashes: dict[Path, str],
) -> None:
    """Put the complete temporaries in place, all or none. Each target is checked again first (trial 27: a file
    made, or edited, at a target while the output was written was replaced). One that was not there is linked in
    (never over a file that took its name meanwhile, unless the record proves that one annotator's own: another
    export into the same file, then replaced as below; `Temporary.link_into_place`); one that replaces a file
    annotator wrote is swapped with it in one step, and the file swapped out is checked once more: a foreign file
    renamed in after the check (trial 28, once in 40) is swapped back, byte for byte. A refusal takes back what
    this call had put in place, so outputs written together stay together, and the hashes it announced."""
    for (path, target, found), told in zip(checked, advices, strict=True):
        if overwrite:
            continue
        there = os.path.lexists(target)
        if found is None and there and not proves(target, target):  # made meanwhile: only annotator's own goes
            raise foreign(path, told)  # (another export's into the same file, the record proves it)
        check_replaceable(path, target, there, overwrite=False, advice=told)
    # a crash between the renames and their record leaves them provably annotator's, and what a swap left at a
    # temporary's name too (`recording.expect_swap`)
    swaps = {t.path: h for (_, target, _), t in zip(checked, temporaries, strict=True)
             for h in expect_swap(t.path, target, hashes[target]).values()}  # fmt: skip
    announced = expect_written({**hashes, **swaps})
    done: list[tuple[str, Temporary]] = []
    try:
        for (path, _, found), temporary, told in zip(checked, temporaries, advices, strict=True):
            try:
                done.append((_put(path, found, temporary, told, overwrite), temporary))
            except OSError as error:
                raise _cannot_write(path, found, error) from None
    except PlaceError as refused:
        left = _take_back(done)
        unexpect_written({p: h for p, h in announced.items() if p not in swaps})  # failed writes never crowd the
        forget_written(swaps)  # files there out of their record, nor leave the temporaries' names in it
        if left:
            raise PlaceError(f"{refused}{left}") from None
        raise
    for how, temporary in done:
        if how == _SWAPPED:
            temporary.path.unlink()  # the file it replaced, proven annotator's own just now


_LINKED, _SWAPPED, _REPLACED = "linked", "swapped", "replaced"


def _put(path: Path, found: os.stat_result | None, temporary: Temporary, told: str, overwrite: bool) -> str:
    """Put one temporary at its target; how it went there (what `_take_back` can undo)."""
    if overwrite:
        temporary.replace_target()
        return _REPLACED
    if found is None:
        if temporary.link_into_place():
            return _LINKED
        if not proves(temporary.target, temporary.target):  # a file made there meanwhile: refused, unless it is
            raise foreign(path, told)  # annotator's own (another export into the same file): replaced as one
    try:
        swapped = temporary.exchange_with_target()
    except FileNotFoundError:  # the file went meanwhile: this one goes in as a new file
        if not temporary.link_into_place():
            raise foreign(path, told) from None
        return _LINKED
    if not swapped:  # a system that cannot swap: the check above was the last word
        temporary.replace_target()
        return _REPLACED
    if not proves(temporary.target, temporary.path):  # a link or FIFO proves nothing, and is not opened
        came = mode_at(temporary.path)
        left = _swap_back(temporary)  # the file that came in meanwhile goes back as it came
        raise PlaceError(f"{foreign(path, told, came)}{left}")
    sync_folder(temporary.target.parent)
    return _SWAPPED


def _swap_back(temporary: Temporary) -> str:
    """Swap back the file a swap brought to `temporary`'s name. What a process renaming files in and out of the
    target meanwhile leaves there instead of this write's file: annotator's own earlier output (the record's
    hash proves it) is removed, as it was being replaced; anything else stays, and is named in the clause
    returned for the refusal, as a file renamed in meanwhile (never left to be taken for an interrupted run's)."""
    left = temporary.swap_back(lambda there: proves(temporary.target, there))
    if left is None:
        return ""
    return f"; a file renamed in and out of {temporary.target} while this was written is at {left.name}, not " \
        "annotator's: it was left as it is"  # fmt: skip


def _take_back(done: list[tuple[str, Temporary]]) -> str:
    """Undo what `_put` did, last first, where it can be undone: a swapped file goes back, a linked one is
    removed if it is still this write's own file. A replaced one (--overwrite) cannot come back. What a swap
    back left at a temporary's name that is not annotator's is said in the clauses returned (`_swap_back`)."""
    said = ""
    for how, temporary in reversed(done):
        with contextlib.suppress(OSError):
            if how == _SWAPPED:
                said += _swap_back(temporary)
            elif how == _LINKED and is_open_file(temporary.target, temporary.fd):
                temporary.target.unlink()
    return said


def _cannot_write(path: Path, found: os.stat_result | None, error: OSError) -> PlaceError:
    kept = " (the file there is as it was)" if found is not None else ""
    return PlaceError(f"{path}: cannot write: {error.strerror}; nothing was written{kept}")
