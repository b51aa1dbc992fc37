"""Where `annotator train` puts its pipeline: `--out` checked before training (new, or an empty folder; never a
link), then the pipeline written into a hidden folder of this run's own beside it, held locked while it is written,
and renamed into place, so a killed run leaves a folder the next run names and nothing half written at `--out`. A
full disk or a refused rename is one line saying what is left where."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.companion_names import companion_refusal
from annotator.errors import AnnotatorError, InputError
from annotator.interrupts import keeping
from annotator.places import Note, note_leftover_folders, unbroken

if TYPE_CHECKING:
    from annotator.metrics.evaluation import Evaluation

#: The pipeline is written into `.<out>.partial-<random>` beside --out, then renamed to it; where the rename is
#: refused (--out filled meanwhile), to `<out>.kept-<random>` instead, which the error names.
PARTIAL = "partial"
KEPT = "kept"
#: --out's default name (`cli.training.train`), a pattern: a killed default run's leftover is named by the next one.
#: Taken (two runs in the same second), the pipeline goes to the next free `-2`, `-3`... (`write_pipeline`).
DEFAULT_NAME = r"trained-\d{8}-\d{6}(-\d+)?"
#: What a rename onto a taken name fails with: a folder with something in it, or no folder.
TAKEN = (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR)


def new_folder(out: Path, note: Note = None, *, numbered: bool = False) -> None:
    """`out` may be new (its missing parent folders are made when the pipeline is written) or an empty folder;
    `numbered` (the default name), taken too: the pipeline goes to the next free number. `note` hears of a pipeline
    folder a killed run left beside it (this name's, or any default name's)."""
    unbroken(out)  # a link to nothing or in a loop (`models` by default): one line, nothing made
    refusal = companion_refusal(out)  # SQLite would take a folder there for a database's own
    if refusal is not None:
        raise AnnotatorError(f"{refusal}: choose another --out")
    if out.is_symlink() and not numbered:
        raise AnnotatorError(f"{out} is a symbolic link: choose a new --out (a folder of its own)")
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not numbered:
        raise AnnotatorError(f"{out} exists and is not an empty folder: choose a new --out")
    above = next((folder for folder in out.parents if folder.exists()), None)
    if above is not None and not above.is_dir():
        raise InputError("not a folder", path=str(above))
    default = re.fullmatch(DEFAULT_NAME, out.name) is not None  # a killed default run's name is never the next one's
    note_leftover_folders(out, PARTIAL, out, note, DEFAULT_NAME if default else None)


def write_pipeline(
    nlp: Any, out: Path, about: dict[str, Any], after: Evaluation | None, *, numbered: bool = False
) -> Path:
    """The trained pipeline, with `about` and its `after` figures in its meta.json, written to `out` (checked by
    `new_folder` before training), its missing parent folders made; where it went: `numbered` (the default name),
    the first of `out`, `out-2`, `out-3`... free when the rename puts it there (two default runs started in the
    same second: one failed with rc 1, its pipeline left in a `kept` folder)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    # A folder of our own, made here under a fresh random name (mkdtemp: never one that was already there), so
    # nothing someone left beside `out` is written through, adopted or removed.
    partial = Path(tempfile.mkdtemp(prefix=f".{out.name}.{PARTIAL}-", dir=out.parent))
    lock = os.open(partial, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a live run's folder: another run's note passes over it
        return _save_into_place(nlp, partial, out, about, after, numbered)
    finally:
        os.close(lock)  # releases the lock


def _save_into_place(
    nlp: Any, partial: Path, out: Path, about: dict[str, Any], after: Evaluation | None, numbered: bool
) -> Path:
    """The pipeline saved into `partial` (a folder this run made, and holds), then renamed to `out` (`numbered`:
    or the next free number's name), which is returned."""
    from annotator.suggest.learn import save

    mask = os.umask(0)
    os.umask(mask)
    os.chmod(partial, 0o777 & ~mask)  # as a folder made the usual way (mkdtemp makes it private)
    try:
        save(nlp, partial, about, after)
    except BaseException as error:
        shutil.rmtree(partial, ignore_errors=True)  # ours, half written
        if isinstance(error, OSError):  # spaCy's to_disk on a full disk, or past `ulimit -f`: a traceback before
            raise _not_written(out, partial, error) from None
        raise
    number = 1
    while True:
        there = out if number == 1 else out.with_name(f"{out.name}-{number}")
        try:
            with keeping():  # the pipeline in place: an interrupt from here on waits for the report
                os.rename(partial, there)  # replaces only an empty folder; never follows a link: atomic
            return there
        except OSError as error:
            if numbered and error.errno in TAKEN:
                number += 1
                continue
            raise AnnotatorError(
                f"cannot put the pipeline at {there} ({error.strerror}: filled since this run checked it, by "
                f"another run or someone): this run's pipeline is kept at {_kept(partial, there)}; move it where "
                "you want it"
            ) from None


def _not_written(out: Path, partial: Path, error: OSError) -> AnnotatorError:
    """The one line for a pipeline that could not be written: the folder, the reason, and what is left of it."""
    reason = {
        **dict.fromkeys((errno.ENOSPC, errno.EDQUOT), "the disk is full"),
        errno.EFBIG: "a file would pass this process's size limit (ulimit -f)",
    }.get(error.errno or 0, error.strerror or str(error))
    left = f"what was written is left in {partial}" if os.path.lexists(partial) else "nothing of it is left"
    return AnnotatorError(f"cannot write the pipeline to {out}: {reason} ({error.strerror}); {left}")


def _kept(partial: Path, out: Path) -> Path:
    """The refused pipeline renamed from its hidden temporary to `<out>.kept-<random>`: a name that says what it is,
    and no leftover "of an interrupted run" for later runs to mention. A folder made here (`mkdtemp`), empty, which
    the rename replaces; failing that, the pipeline stays where it is."""
    try:
        kept = Path(tempfile.mkdtemp(prefix=f"{out.name}.{KEPT}-", dir=out.parent))
    except OSError:
        return partial
    try:
        os.chmod(kept, os.stat(partial).st_mode & 0o777)
        os.rename(partial, kept)
    except OSError:
        with contextlib.suppress(OSError):
            os.rmdir(kept)  # ours, and empty (a folder someone filled stays)
        return partial
    return kept
