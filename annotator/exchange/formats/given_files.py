"""What a file given to the wrong command is, and the command that reads it: a file of records or of articles
given to `merge` as a teammate's database (re-trial t2: "not a SQLite database" alone, while a database given to
`import` was sent to `merge`), a plain-text article or a folder of articles given to `import` (it said "not valid
JSON"). The command is advised without --db; the failing command's is added where the error is said
(`errors.on_database`).

Only the file's opening is read: its first bytes, its first non-blank line.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import InputError
from annotator.exchange.article_files import files_in
from annotator.exchange.files import (
    CONLL_LINE,
    CONLL_SUFFIXES,
    SQLITE_HEADER,
    array_of_records,
    first_line,
    is_docbin,
    loads,
)
from annotator.exchange.formats.looks import CALLED, is_article, look_of
from annotator.places import NotRegular, open_regular

#: How a file of each format's records is named ("a file of records (Prodigy's JSONL)").
NAMED = {
    "jsonl": "native JSONL",
    "prodigy": "Prodigy's JSONL",
    "doccano": "doccano's JSONL",
    "labelstudio": "Label Studio tasks, one a line",
}
#: The most files of a folder looked at for an article: each one's first line is read.
FOLDER_LOOKS = 20


@dataclass(frozen=True)
class Kind:
    """A file's kind in words, the command that reads it, what that command does with it, and whether it holds
    articles as plain text (a file or a folder), which the record readers refuse whole (`refuse_articles`)."""

    described: str
    command: str
    does: str
    plain: bool = False


def _head(path: Path) -> bytes:
    try:  # never waits: a FIFO is refused unopened
        with os.fdopen(open_regular(path, follow=True), "rb") as stream:
            return stream.read(len(SQLITE_HEADER))
    except (NotRegular, OSError):
        return b""


def _records(path: Path, described: str, option: str = "") -> Kind:
    command = f"annotator import {shlex.quote(str(path))}{option}"
    return Kind(f"a file of records ({described})", command, "brings them into this database")


def _articles(path: Path, described: str, does: str = "stores them in this database", *, plain: bool = False) -> Kind:
    return Kind(described, f"annotator ingest {shlex.quote(str(path))}", does, plain)


def kind_of_file(path: Path) -> Kind | None:
    """The kind of file at `path` that another command than the one given reads, or None: a database, an empty
    file, one that cannot be read, or one of no kind known here."""
    if path.is_dir():
        return _folder(path)
    head = _head(path)
    if not head or head.startswith(SQLITE_HEADER):
        return None
    if path.suffix.lower() == ".spacy" or is_docbin(head):
        return _records(path, "a spaCy DocBin", " --format spacy")
    if array_of_records(path):
        return _records(path, "a Label Studio export, one JSON array", " --format labelstudio")
    first = first_line(path)
    if first is None:
        return None
    if first.lstrip().startswith("{"):
        try:
            data = loads(first)
        except (ValueError, RecursionError):
            return None
        look = look_of(data) if isinstance(data, dict) else None
        if look is not None:
            option = "" if look.reader == "jsonl" else " " + look.option.split(" (", 1)[0]
            return _records(path, NAMED.get(look.reader, CALLED[look.reader]), option)
        return _articles(path, "articles to annotate (JSONL)") if is_article(data) else None
    if path.suffix.lower() in CONLL_SUFFIXES or CONLL_LINE.fullmatch(first.strip()):
        return _records(path, "CoNLL", " --format conll")
    if path.suffix.lower() == ".txt":
        return _articles(path, "an article to annotate (plain text)", "stores it in this database", plain=True)
    return None


def _folder(path: Path) -> Kind | None:
    """A folder `ingest` reads: one of its first files is an article (plain text or JSONL)."""
    try:
        files = files_in(path)
    except InputError:
        return None
    if any(
        (kind := kind_of_file(file)) and kind.command.startswith("annotator ingest") for file in files[:FOLDER_LOOKS]
    ):
        return _articles(path, "a folder of articles to annotate", plain=True)
    return None


def refuse_as_a_database(path: Path) -> None:
    """`merge`: a file of another kind given as a database, refused in one line with the command that reads it
    (into the command's database: `errors.on_database`). A database, or a file of no known kind, is left to the
    database's own checks, which say what is wrong with it."""
    kind = kind_of_file(path)
    if kind is not None:
        raise InputError(
            f"not a SQLite database but {kind.described}: `{kind.command}` {kind.does}; it was left as it is",
            path=str(path),
            advised=kind.command,
        )


def refuse_articles(path: Path) -> None:
    """A record reader given a plain-text article or a folder of articles: sent to `ingest`, whole (an article
    JSONL's lines are refused one by one: `looks.refuse_foreign`)."""
    if not (path.is_dir() or path.suffix.lower() == ".txt"):
        return
    kind = kind_of_file(path)
    if kind is None or not kind.plain:
        return
    what = (
        "is a folder of articles to annotate, not a file of records"
        if path.is_dir()
        else ("looks like an article to annotate (plain text), not JSONL")
    )
    raise InputError(f"this {what}: store articles with `{kind.command}`", path=str(path), advised=kind.command)
