"""A command that fills a database it creates (ingest, import, merge, the TUI's first start) does all its work in
a new file under a temporary name beside the target, and links it into place only when the work is done.

So an interrupted or failed command leaves no database behind, and never deletes one: the target name is
only ever given to a complete file. If another process created the target meanwhile (two commands started
on the same new name), this command's work is merged into that file in one transaction, as `annotator merge`
would; work that differs from what the other process wrote is not forced on it: the command fails, naming
the file, and writes nothing there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.interrupts import stop_if_interrupted
from annotator.places import Note, PlaceError, regular_target
from annotator.store.companions import not_sqlites
from annotator.store.edits import Store
from annotator.store.opening import DatabaseError, cannot_create, new_database


@contextmanager
def filling(path: str | Path, note: Note = None) -> Iterator[Store]:
    """The database at `path` to add to: opened when it exists, else built beside it and put in place when the
    block ends without an error (see the module's docstring). `note` hears of leftovers beside it and of a
    merge into a file that another process created meanwhile."""
    path = Path(path)
    try:
        target, found = regular_target(path)
    except PlaceError as error:
        raise DatabaseError(str(error).replace("nothing was written to it", "it was left as it is")) from None
    if found is not None:  # a file there, even an empty one, is opened (and refused unless it is ours)
        with Store.open(path, create=False) as store:
            yield store
        return
    _no_orphan_wal(path)
    temporary = new_database(target, path, note)
    try:
        with Store.open(temporary.path, create=False) as store:
            store.path = path  # messages name the file the user gave
            yield store
        temporary.sync()
        _no_orphan_wal(path)
        stop_if_interrupted()  # one that some code dropped (spaCy's loading) stops the command before its file is in place
        try:
            placed = temporary.link_into_place()
        except OSError as error:
            raise cannot_create(path, error) from None
        if not placed:
            new, built = _merge_into(path, temporary.path)
            if note:
                note(
                    f"{path} was created by another process while this command ran: this command's work was merged "
                    f"into it ({new} of its {built} article(s) new there; what follows counts this command's own work)"
                )
    finally:
        temporary.discard()
        temporary.close()


def _merge_into(path: Path, built: Path) -> tuple[int, int]:
    """Another process created `path` while this command built its own: bring this command's work into it. (How
    many of this command's articles were new there, how many it built): the other may have stored the same ones,
    and both commands' reports count them as added (attacker 39a), so the note says which."""
    from annotator.store.merge import merge

    with Store.open(built, create=False, read_only=True) as ours:
        count = ours.count("articles")
    with Store.open(path, create=False) as existing, existing.write():
        report = merge(existing, [built])
        if report.text_conflicts:
            first_text = report.text_conflicts[0]
            raise AnnotatorError(
                f"{path} was created by another process while this command ran, and article {first_text.article_id} "
                "has another text there; nothing from this command was written (run it again to see what differs there)"
            )
        if report.conflicts:
            first = report.conflicts[0]
            raise AnnotatorError(
                f"{path} was created by another process while this command ran, and {first.annotator}'s work on "
                f"article {first.article_id} differs there; nothing from this command was written (run it again: "
                "against the file as it is now, it says what differs and stores what it can)"
            )
    return report.articles_added, count


def _no_orphan_wal(path: Path) -> None:
    """A -wal with work beside a name that holds no database is what is left of a file removed while a process had
    it open: SQLite would lay its pages over a new file at that name (found by a trial: the removed database's work
    reappeared in the new one), so no database is created there until it is moved away. A file there that is not
    SQLite's at all is refused first (`companions`)."""
    if not os.path.lexists(path) and (problem := not_sqlites(path, path)):
        raise DatabaseError(problem)
    wal = path.with_name(path.name + "-wal")
    if not os.path.lexists(path) and wal.is_file() and wal.stat().st_size > 0:
        raise DatabaseError(
            f"{path}: {wal.name} beside it holds the work of a database that is no longer there (removed while a "
            f"process had it open?); both were left as they are: move {wal.name} away to create {path.name} there"
        )
