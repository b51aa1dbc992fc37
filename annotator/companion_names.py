"""The names SQLite gives the files it keeps beside a database (`x.db-wal`, `x.db-shm`, `x.db-journal`), kept free
of anything else: SQLite takes whatever is at such a name for the database's own, so a folder made there (`predict
-o x.db-wal`, `train --out x.db-shm`) had every command refuse x.db until it was moved (`store.companions`)."""

from __future__ import annotations

import os
from pathlib import Path

#: The files SQLite keeps beside a database, by the end of their names.
COMPANIONS = {"-wal": "write-ahead log", "-shm": "wal-index", "-journal": "rollback journal"}


def companion_refusal(path: Path, shown: str | None = None) -> str | None:
    """Why nothing may be made at `path` (named as `shown`) when it, or a folder above it still to be made, bears
    the name of a file SQLite keeps beside a database file that is there: "x.db-wal is the name SQLite gives a
    file of its own beside x.db (its write-ahead log), where nothing else may go". The path is looked at where a
    link at it leads too; a folder above it that is there already is not this command's to make. None: no such
    name on the way."""
    shown = shown or str(path)
    for place in (Path(os.path.realpath(path)), path):
        said = _named(place)
        if said is not None:
            return f"{shown} {said}"
    for folder in path.parents:
        if os.path.lexists(folder):
            return None
        said = _named(folder)
        if said is not None:
            return f"{shown}: {folder} {said}"
    return None


def _named(place: Path) -> str | None:
    end = next((end for end in COMPANIONS if place.name.endswith(end) and place.name != end), None)
    if end is None or not os.path.isfile(place.with_name(place.name.removesuffix(end))):
        return None
    base = place.name.removesuffix(end)
    return (
        f"is the name SQLite gives a file of its own beside {base} (its {COMPANIONS[end]}), where nothing else may go"
    )
