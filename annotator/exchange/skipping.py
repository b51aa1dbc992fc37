"""A file or JSONL line that holds no article stops an ingest (`Skippable`, saying what to do next), or, with
`--skip-invalid`, is skipped, named, and the rest ingested, as `import --skip-invalid` skips bad records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import InputError
from annotator.exchange.files import NotUTF8, jsonl_lines
from annotator.models import ArticleIn

if TYPE_CHECKING:
    from annotator.exchange.labelstudio_tasks import TaskReading


class Skippable(InputError):
    """A file or JSONL line that holds no article (blank, not UTF-8, unreadable, not valid), which
    `read_articles(..., skipped)` (--skip-invalid) would skip. `then` is added to its reason."""

    def __init__(self, error: InputError, then: str = "", *, whole: bool = False) -> None:
        super().__init__(error.reason + then, path=error.path, line=error.line, field=error.field, record=error.record)
        #: The whole file holds no article (a .txt file's error; a .jsonl file empty, blank or unreadable as a
        #: whole), not one JSONL line: removing the file, or --skip-invalid, is the way on.
        self.whole = whole or getattr(error, "whole", False)
        self.advised = error.advised


def what_to_do(error: InputError, given: list[Path]) -> str:
    """What an ingest stopped by one file that holds no article (a .txt or .jsonl file, `Skippable.whole`) can do
    (it wrote nothing), when it was given others (a folder, several paths); "" for that file alone, and for a
    JSONL line, whose error says what to fix there (--skip-invalid skips such lines too)."""
    if not getattr(error, "whole", False) or (len(given) == 1 and not given[0].is_dir()):
        return ""
    return "; nothing was ingested: remove the file or name the others, or add --skip-invalid to skip it and ingest the rest"


def articles_of(
    path: Path, skipped: list[InputError] | None, *, streamed: bool = False, tasks: TaskReading | None = None
) -> Iterator[ArticleIn]:
    """A .txt or .jsonl file's articles. A .txt file that holds none, or a JSONL line that is none, raises
    `Skippable`; with `skipped`, it is added there instead and reading goes on (a JSONL line that is not UTF-8 is
    that line's alone). An error about a JSONL file as a whole (it cannot be read, is a DocBin or a JSON array)
    is the file's, no line's: it stands, or with `skipped` skips the whole file (which is therefore read whole
    first, then given). `streamed` (`predict --skip-invalid`, whose corpora may not fit in memory) gives each
    article as it is read: such an error, which only a read failing half-way raises after the first line, then
    skips the rest of the file. `tasks` reads a line that is a Label Studio task (`labelstudio_tasks`)."""
    from annotator.exchange.article_files import article_from_json, read_text_file  # its readers; it imports this

    named = _name_problem(path)
    if named is not None:
        if skipped is None:
            raise Skippable(named, whole=True)
        skipped.append(named)
        return
    if path.suffix.lower() == ".txt":
        try:
            article = read_text_file(path)
        except InputError as error:
            if skipped is None:
                raise Skippable(error, whole=True) from None
            skipped.append(error)
            return
        yield article
        return
    found: list[ArticleIn] = []
    bad: list[InputError] = []
    given = 0  # articles given as they were read (`streamed`)
    lines = 0  # non-blank lines, articles or not: a file of none holds no article, as an empty .txt file
    try:
        for where, data in jsonl_lines(path):
            lines += 1
            try:
                if isinstance(data, InputError):
                    raise data
                article = article_from_json(data, path, where.line or 0, tasks)
            except InputError as error:
                if skipped is None:
                    raise Skippable(error) from None
                bad.append(error)
                continue
            if skipped is None or streamed:
                given += 1
                yield article  # streamed: `annotator predict` reads corpora larger than memory
            else:
                found.append(article)
    except InputError as error:
        if isinstance(error, Skippable):  # a line's, without `skipped`
            raise
        if skipped is None:  # the file's as a whole (a FIFO, a DocBin, an array): it stops the run as a .txt file's
            raise Skippable(error, whole=True) from None
        skipped += bad if given else []
        skipped.append(Skippable(error, "; the rest of the file skipped" if given else "; the whole file skipped"))
        return
    if not lines:
        empty = InputError(_no_line(path), path=str(path), line=1)
        if skipped is None:
            raise Skippable(empty, whole=True)
        skipped.append(empty)
        return
    if skipped is not None:
        skipped += binary(bad) if not found and not given else bad
        yield from found


def binary(bad: list[InputError]) -> list[InputError]:
    """The skipped lines of a JSONL file none of whose lines is an article: one entry for the file when some are
    not UTF-8 (random bytes named .jsonl made one line of output each: 769 for 200 KB), else each line's."""
    first = next((error for error in bad if isinstance(error, NotUTF8)), None)
    if first is None:
        return bad
    return [Skippable(first, f"; none of its {len(bad)} line(s) holds an article: the whole file skipped")]


def _no_line(path: Path) -> str:
    """Why a JSONL file read to its end held no line at all: said as an empty or blank .txt file's is."""
    try:
        empty = path.stat().st_size == 0
    except OSError:  # gone since it was read: it held nothing then
        empty = True
    return "the file is empty" if empty else "the file holds only white space, no JSONL line: nothing to annotate"


def _name_problem(path: Path) -> InputError | None:
    """A file whose name is not UTF-8 holds no article this reads: its articles' meta.source, which holds the name,
    must be text (shown escaped, it could be another file's real name). Named as the problem, with its first bad
    byte (trial 40h: "field 'meta': meta.source has a lone surrogate at character 4")."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(name[error.start])
        byte = f"byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"  # surrogateescape's
        return InputError(f"the file name is not UTF-8 ({byte}): rename the file to read it", path=name)
    return None
