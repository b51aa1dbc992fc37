"""Reading and writing files, for every reader and writer in `annotator.exchange`: bytes as UTF-8 text, the one
JSONL reader (with the one mapping of JSON errors to located one-line errors), text lines to a binary stream,
and writes that leave nothing half-written (whole-file JSON arrays: `exchange.json_arrays`).

Nothing here knows a record's shape or the database: errors name the file, the line (or the record of an
array) and, where the caller knows it, the field.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import shlex
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from annotator.errors import OUT_OF_MEMORY, TRUNCATED, InputError, cut_short, json_kind, json_problem
from annotator.places import NotRegular, kind_of, open_regular


@dataclass(frozen=True)
class Where:
    """A place in an input file: the line of a JSONL record, or the number of a record in an array or DocBin
    (counted from 1, as a reader counts: record 1 is the first)."""

    path: str
    line: int | None = None
    record: int | None = None
    #: The line of a JSON array's record, or of a field in it, found only when an error needs it (`json_arrays.record_lines`).
    line_of: Callable[[int, str | None], int | None] | None = field(default=None, compare=False, repr=False)

    def found_line(self, field: str | None = None) -> int | None:
        """Its line as an error names it: a JSONL record's, else a JSON array's record's (or field's), found now."""
        if self.line is None and self.line_of is not None and self.record is not None:
            return self.line_of(self.record, field)
        return self.line

    def named(self, *, find: bool = False) -> str:
        """This place as a message names another than its own: `file:line`, else `file record N`; `find`: a JSON
        array's record by the line its error would name (`found_line`)."""
        line = self.found_line() if find else self.line
        return f"{self.path}:{line}" if line is not None else f"{self.path} record {self.record}"

    def error(self, message: str, field: str | None = None) -> InputError:
        line = self.found_line(field)
        return InputError(message, path=self.path, line=line, field=field, record=self.record)


class NotUTF8(InputError):
    """A line of a JSONL file that is not UTF-8 (`jsonl_lines`): that line's error, not the file's."""


MIB = 2**20


@dataclass(frozen=True)
class Limit:
    """The most a reader holds in memory at once, and what it is said as: beyond it a file (or JSONL line) is
    refused unread, in one line; a process under a memory limit (ulimit -v) ended in a MemoryError traceback, one
    without held the whole 8 GB (trial t4 F2: a disk image named .txt)."""

    most: int
    what: str

    def refusal(self, size: int | None = None) -> str:
        held = f"{size:,} bytes, more" if size is not None else "more"
        return f"{held} than {self.what} may hold ({self.most // MIB:,} MiB): not read"


#: One article's file (.txt) and one JSONL line (one record: an article and its annotations). An article is some
#: tens of KB (the shared corpus's longest has 103,975 characters); one of 10 MB is still ingested and suggested
#: (`tests/test_huge_article.py`); some tens of MB are no article.
ARTICLE_FILE = Limit(64 * MIB, "an article's file")
JSONL_LINE = Limit(64 * MIB, "a JSONL line (one record)")
#: A file read whole, its records held in memory at once, several times its size: a Label Studio export (one
#: JSON array), CoNLL, a DocBin.
WHOLE_FILE = Limit(1024 * MIB, "a file read whole")


def too_large(size: int | Path | None = None) -> str:
    """A file (or line) within its `Limit` that still did not fit in memory (a MemoryError as it was read): its
    size, or the size of the file at a path, when known."""
    if isinstance(size, Path):
        try:
            size = size.stat().st_size
        except OSError:
            size = None
    return f"{f'{size:,} bytes, ' if size is not None else ''}too large to read: {OUT_OF_MEMORY}"


def read_bytes(path: Path, limit: Limit = WHOLE_FILE) -> bytes:
    """A regular file's bytes, at most `limit`'s (a larger file is refused unread); a FIFO, device or folder is
    refused at once (reading one could wait forever), also one renamed in after a look (`open_regular`)."""
    size = 0
    try:
        with os.fdopen(open_regular(path, follow=True), "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limit.most:
                raise InputError(limit.refusal(size), path=str(path))
            data = stream.read(size + 1)  # never more at once: Python sets aside all it is asked for
            if len(data) <= size:
                return data
            parts = [data]  # it grew since, or the system knows no size (0): read on a MiB at a time, to the limit
            while (held := sum(map(len, parts))) <= limit.most and (part := stream.read(MIB)):
                parts.append(part)
            if held > limit.most:
                raise InputError(limit.refusal(), path=str(path))
            return b"".join(parts)
    except NotRegular as error:
        raise InputError(f"{kind_of(error.mode)}, not a regular file", path=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from None
    except MemoryError:
        raise InputError(too_large(size), path=str(path)) from None


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (a byte-order mark is dropped), or an error naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        refuse_a_database(data, path)
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"not UTF-8 (byte 0x{data[error.start]:02x})", path=str(path), line=line) from None


def read_text(path: str | Path, limit: Limit = WHOLE_FILE) -> tuple[Path, str]:
    """A file's text (`read_bytes`, `decode`): at most `limit`, and one line if it does not fit in memory."""
    path = Path(path)
    data = read_bytes(path, limit)
    try:
        return path, decode(data, path)
    except MemoryError:
        raise InputError(too_large(len(data)), path=str(path)) from None


class DuplicateKey(ValueError):
    """A key twice in one JSON object: json keeps the last silently, so the first value would be lost unseen."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key {key!r} appears twice in one object")


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json's `object_pairs_hook`: an object, or DuplicateKey for a key it holds twice."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return found


def loads(text: str) -> Any:
    """`json.loads`, refusing a key twice in one object (DuplicateKey): the one way files' JSON is read."""
    return json.loads(text, object_pairs_hook=unique_keys)


def parse_json(text: str, where: Where, *, last: bool = True) -> Any:
    """One JSON value, or a located error: also for nesting, or numbers, too big to read, and for a key twice in
    one object. `last` says the text ends the file, where a syntax error at the end of the text (`cut_short`)
    most likely means the file was cut short."""
    try:
        return loads(text)
    except DuplicateKey as error:
        raise where.error(str(error)) from None
    except json.JSONDecodeError as error:
        reason = json_problem(error) + (TRUNCATED if last and cut_short(error) else "")
    except RecursionError:
        reason = "nested too deeply"
    except ValueError:  # an integer of more digits than Python converts (sys.get_int_max_str_digits)
        reason = "a number too long to read"
    except MemoryError:
        raise where.error(too_large()) from None
    raise where.error(f"not valid JSON: {reason}")


def _opens_an_array_of_objects(text: str) -> bool:
    """A JSON array (of records) where JSONL is expected: the first line opens an array spanning lines, or is
    an array holding objects. (A one-line array of other values is reported as "expected a JSON object".)"""
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("["):
        return False
    try:
        value = json.loads(first)  # only a guess at the file's shape: a key twice is reported where it is read
    except (ValueError, RecursionError):
        return True
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def array_of_records(path: Path) -> bool:
    """A file that opens a JSON array of records (a Label Studio export), for a reader that goes by the name's
    suffix (`ingest`), to say what `jsonl_lines` says of it (`array_refused`). Nothing it cannot read is one."""
    try:
        first = next(_nonblank_lines(path), None)
    except InputError:
        return False
    return first is not None and isinstance(first[1], str) and _opens_an_array_of_objects(first[1])


def first_line(path: Path) -> str | None:
    """A file's first non-blank line as text, or None (none, not UTF-8, or a file that cannot be read)."""
    try:
        first = next(_nonblank_lines(path), None)
    except InputError:
        return None
    return first[1] if first is not None and isinstance(first[1], str) else None


def _one_object_over_lines(path: Path) -> bool:
    """A pretty-printed JSON object where JSONL is expected: the first line opens it, the whole text is it.
    (Read whole only when the first line is a lone `{`, which no JSONL file has.)"""
    try:
        return isinstance(json.loads(read_text(path, ARTICLE_FILE)[1]), dict)
    except (InputError, ValueError, RecursionError, MemoryError):
        return False


#: Suffixes of CoNLL files: one read as JSONL is said to be CoNLL (a newcomer's trial got "not valid JSON").
CONLL_SUFFIXES = (".conll", ".conllu", ".iob", ".bio")
#: A line of CoNLL: a document marker, or a token and its columns ending in an IOB tag.
CONLL_LINE = re.compile(r"-DOCSTART-(\s.*)?|\S+(\s+\S+)*\s+(O|[BIELU]-\S+)")
DOCBIN = "this looks like a spaCy DocBin, not JSONL: --format spacy"
CONLL = "this looks like CoNLL, not JSONL: --format conll"
#: For a command that reads JSONL alone (`evaluate --gold-from`, `train --from`): no --format to give it.
ONLY_JSONL = {
    DOCBIN: "this looks like a spaCy DocBin, not JSONL, which this command reads: `annotator import` reads it with "
    "--format spacy",
    CONLL: "this looks like CoNLL, not JSONL, which this command reads: `annotator import` reads it with --format conll",
}
#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: How a database given where a file of records was meant is named (`refuse_a_database`).
A_DATABASE = "this is an SQLite database, not a file of records"
#: ... and the command's own database (`errors.on_database`).
ITS_OWN_DATABASE = "this is the database this command works on, not a file of records"


def refuse_a_database(head: bytes, path: str | Path) -> None:
    """A teammate's database given where a file of records was meant: named as what it is, in one line, with the
    commands that read it (the merge into the command's database carries its --db: `errors.on_database`)."""
    if head.startswith(SQLITE_HEADER):
        merge = f"annotator merge {shlex.quote(str(path))}"
        raise InputError(
            f"{A_DATABASE}: `{merge}` brings its work into this database, "
            f"`annotator export --db {shlex.quote(str(path))}` writes its records to a file",
            path=str(path),
            advised=merge,
            on_itself=f"{ITS_OWN_DATABASE}: its work is in it already",
        )


def array_refused(path: str | Path) -> InputError:
    """A JSON array where JSONL is read, with the import that reads a Label Studio export (on the command's
    database: `errors.on_database`)."""
    command = f"annotator import {shlex.quote(str(path))} --format labelstudio"
    return InputError(
        f"this is a JSON array; expected JSONL, one JSON object a line (a Label Studio export is one array: "
        f"`{command}`)",
        path=str(path),
        line=1,
        advised=command,
    )


def _empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def is_docbin(head: bytes) -> bool:
    """A spaCy DocBin: zlib-compressed msgpack, which opens with a zlib header (0x78, then a check byte)."""
    return len(head) >= 2 and head[0] == 0x78 and (head[0] * 256 + head[1]) % 31 == 0


def jsonl_lines(path: str | Path) -> Iterator[tuple[Where, dict[str, Any] | InputError]]:
    """Every non-blank line of a JSONL file as an object, or as the located error that line is (not UTF-8, bad
    JSON, not an object), for a reader that may skip bad lines; a JSON array or a pretty-printed object where JSONL is
    expected is an error at once.

    Streamed a line at a time, so a file of any size is read in constant memory (`annotator predict` reads
    corpora far larger than memory this way)."""
    path = Path(path)
    if path.suffix.lower() == ".spacy" and not _empty(path):  # an empty one is no DocBin: it holds no line
        raise InputError(DOCBIN, path=str(path), line=1)
    lines = _nonblank_lines(path)
    current = next(lines, None)
    first = current[1] if current is not None and isinstance(current[1], str) else None
    if first is not None and _opens_an_array_of_objects(first):
        raise array_refused(path)
    if first is not None and first.strip() == "{" and _one_object_over_lines(path):
        raise InputError(
            "this is one JSON object over several lines; expected JSONL, one JSON object a line", path=str(path), line=1
        )
    if (
        current is not None
        and first is not None
        and not first.lstrip().startswith("{")
        and (Path(path).suffix.lower() in CONLL_SUFFIXES or CONLL_LINE.fullmatch(first.strip()))
    ):
        raise InputError(CONLL, path=str(path), line=current[0])
    while current is not None:
        number, line = current
        where = Where(str(path), line=number)
        if isinstance(line, InputError):  # not UTF-8, or too long: this line's error, given before the next is read
            yield where, line
            current = next(lines, None)
            continue
        following = next(lines, None)
        try:
            data = parse_json(line, where, last=following is None)
        except InputError as error:
            yield where, error
        else:
            yield (
                where,
                data if isinstance(data, dict) else where.error(f"expected a JSON object, got {json_kind(data)}"),
            )
        current = following


def jsonl_objects(path: str | Path) -> Iterator[tuple[Where, dict[str, Any]]]:
    """Every non-blank line of a JSONL file as an object (streamed); an array, bad JSON or a non-object is an
    error."""
    for where, data in jsonl_lines(path):
        if isinstance(data, InputError):
            raise data
        yield where, data


def _nonblank_lines(path: Path) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text) of each line that is not blank, decoded as UTF-8 (a byte-order mark dropped), or the
    located error of a line that is not UTF-8: that line's, not the file's, so a reader that skips bad lines
    skips it alone (a newcomer's `ingest --skip-invalid` skipped a whole JSONL file for one Latin-1 line). So is a
    line longer than `JSONL_LINE`, read no further than that (the rest of it is passed over only when the next line
    is asked for). A DocBin (binary from its first line) is the file's error; a FIFO, device or folder is refused
    before it is opened (reading one could wait forever)."""
    try:
        try:
            fd = open_regular(path, follow=True)  # never waits: a FIFO renamed in after a look would (trial 29)
        except NotRegular as error:
            raise InputError(f"{kind_of(error.mode)}, not a regular file", path=str(path)) from None
        number = 0
        with os.fdopen(fd, "rb") as stream:
            for number in itertools.count(1):  # `number`: also the line a MemoryError names
                raw = stream.readline(JSONL_LINE.most + 1)
                if not raw:
                    break
                if len(raw) > JSONL_LINE.most and not raw.endswith(b"\n"):
                    yield number, InputError(JSONL_LINE.refusal(), path=str(path), line=number)
                    _pass_the_line(stream)
                    continue
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as error:
                    if number == 1 and is_docbin(raw):
                        raise InputError(DOCBIN, path=str(path), line=1) from None
                    if number == 1:
                        refuse_a_database(raw, path)
                    yield number, NotUTF8(f"not UTF-8 (byte 0x{raw[error.start]:02x})", path=str(path), line=number)
                    continue
                if line.strip():
                    yield number, line.removesuffix("\n")  # as text.split("\n") gives it: columns on this line
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from None
    except MemoryError:  # a line within `JSONL_LINE`, yet more than is left: the file's error, read no further
        raise InputError(too_large(), path=str(path), line=number) from None


def _pass_the_line(stream: IO[bytes]) -> None:
    """Read on to the start of the next line, a MiB at a time, holding none of it."""
    while part := stream.read(MIB):
        end = part.find(b"\n")
        if end >= 0:
            stream.seek(end + 1 - len(part), os.SEEK_CUR)
            return


def write_text_lines(lines: Iterable[str], out: IO[bytes]) -> int:
    """Text formats write UTF-8 lines to the binary stream every format gets; returns the lines written."""
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=False)
    count = 0
    try:
        for line in lines:
            wrapper.write(line)
            count += 1
        wrapper.flush()
    finally:
        wrapper.detach()
    return count
