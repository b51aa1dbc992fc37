"""Options that name a path: what typer reads, and the values refused wherever such an option is given (an
empty path, and `-` where standard input or output cannot be meant), each in one line naming the option."""

# No `from __future__ import annotations` in this package (`cli.common` says why).
import os
from pathlib import Path
from typing import Any

import typer
from typer._click import Parameter
from typer.models import TyperPath

from annotator.companion_names import COMPANIONS, companion_refusal
from annotator.places import leading


def database_paths(value: Path | list[Path]) -> Path | list[Path]:
    """`-` means standard input or output on this command line (`export -o -`): as a database it would be a file
    named `-`, so it is refused wherever a database is named. So is a name SQLite gives a file of its own beside a
    database (`companion_names`), whether or not that database is there: a database made at x.db-wal (`pack -o
    x.db-wal`) was taken by SQLite for x.db's own, and named as a database one would be read as one; so is a
    folder still to be made at such a name beside a database that is there (`pack -o x.db-wal/sub.db`)."""
    paths = value if isinstance(value, list) else [value]
    if any(str(path) == "-" for path in paths):
        raise typer.BadParameter("- is standard input or output, not a database file")
    for path in paths:
        companion = next((end for end in COMPANIONS if path.name.endswith(end) and path.name != end), None)
        if companion is not None:
            raise typer.BadParameter(
                f"{path} is the name SQLite gives a file of its own beside {path.name[: -len(companion)]} (its "
                f"{COMPANIONS[companion]}), not a database: give another name"
            )
        if refusal := companion_refusal(path):  # a folder to be made at x.db-wal (`pack -o x.db-wal/sub.db`)
            raise typer.BadParameter(refusal)
    return value


def output_paths(value: Path | None) -> Path | None:
    """`-` means standard output on this command line (`export -o -`): an output that cannot go there (a config
    beside an export, an HTML report, a folder) would be a file named `-`, so it is refused, naming the option."""
    if value is not None and str(value) == "-":
        raise typer.BadParameter(
            "- means standard output, where this cannot go: give a file or folder (./- for one named -)"
        )
    return value


EMPTY_PATH = "an empty path names no file or folder: give one"


class PathType(TyperPath):
    """How typer reads a path option, but an empty one is refused naming the option: typer makes "" the Path
    ".", the current folder (`predict -o ''` would fill it), and `export -o ''` was taken as no -o at all. A
    folder where a file is wanted is named with where a link to it leads (`places.leading`)."""

    def convert(self, value: Any, param: Parameter | None, ctx: Any) -> Any:
        if isinstance(value, str | bytes) and not value:
            self.fail(EMPTY_PATH, param, ctx)
        if isinstance(value, str) and not self.dir_okay and os.path.isdir(value):  # named as every refusal names it
            self.fail(f"{leading(value, os.path.realpath(value))}: a folder, not a file", param, ctx)
        return super().convert(value, param, ctx)


def given_path(value: str | None) -> str | None:
    """An option read as text that names a path (`export -o`, where - is standard output): "" is refused, as
    `PathType` refuses it."""
    if value is not None and not value:
        raise typer.BadParameter(EMPTY_PATH)
    return value
