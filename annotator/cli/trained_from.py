"""The `evaluate` that `train --from FILE`'s advice names: the gold it learned from (`--gold-from FILE`) on a database
holding the file's articles. A re-trial: it advised `annotator evaluate --model DIR`, which pasted read
./annotations.db ("no such database") or the --db given, holding none of them ("gold has no article marked done")."""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.store import Store, db_option


def evaluate_from(db: Path, files: Sequence[Path], model: Path) -> str:
    """The advice's `evaluate`, in backquotes: on `db` (the --db given) against the first file whose every record's
    article it holds with that text, so that it runs as printed; where it holds none, the command with DB for the
    database and, in the same words, what that database must hold."""
    model_option = f" --model {shlex.quote(str(model))}"
    if db.is_file():
        from annotator.reports.reference import choose_reference

        for file in files:
            try:
                with Store.open(db, read_only=True) as store:
                    choose_reference(store, str(file))  # what evaluate reads: it refuses an article not stored
            except (AnnotatorError, OSError, sqlite3.Error):
                continue
            return f"`annotator evaluate{db_option(db)}{model_option} --gold-from {shlex.quote(str(file))}`"
    which = "the file's" if len(files) == 1 else "that file's"
    return (
        f"`annotator evaluate --db DB{model_option} --gold-from {shlex.quote(str(files[0]))}` with DB a database "
        f"holding {which} articles (the one it was exported from)"
    )
