"""Whole-file JSON arrays (Label Studio's exports), and where in them a record or a field starts: an indented
export spreads a task over dozens of lines, so an error names the line of the field to fix (`record_lines`).
Split out of `exchange.files`, whose JSONL reading and one-line JSON errors it uses."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import TRUNCATED, InputError, cut_short, json_kind, json_problem
from annotator.exchange.files import (
    DuplicateKey,
    Where,
    loads,
    parse_json,
    read_text,
    too_large,
    unique_keys,
)


class OneObject(list[Any]):
    """A file of one JSON object, read as the list of it (`json_array`): a reader may tell it from an array of one
    (a line of another tool's JSONL is said to be that tool's at its line, not as record 1)."""


def json_array(path: str | Path) -> tuple[Path, list[Any], Callable[[int, str | None], int | None]]:
    """A whole-file JSON array (Label Studio), and the line each record starts on (`record_lines`, record 1 the
    first); JSONL or a truncated file is a one-line error, an empty one holds no task. A file of one JSON object is
    an array of it, as Label Studio's importer reads one."""
    path, text = read_text(path)
    if not text:  # 0 bytes: no task (the import says the file is empty, as of every format), not a cut-short array
        return path, [], record_lines(text)
    try:
        data = loads(text)
    except DuplicateKey as error:
        raise _located_duplicate(path, text, error) from None
    except json.JSONDecodeError as error:
        hint = "; this looks like JSONL, expected one JSON array" if text.lstrip().startswith("{") else ""
        raise InputError(
            f"not valid JSON: {json_problem(error)}{hint or (TRUNCATED if cut_short(error) else '')}",
            path=str(path),
            line=error.lineno,
        ) from None
    except (RecursionError, ValueError):
        data = parse_json(text, Where(str(path), line=1))  # raises the located error for these too
    except MemoryError:  # within `WHOLE_FILE`, yet its records did not fit: one line, never a traceback
        raise InputError(too_large(path), path=str(path)) from None
    if isinstance(data, dict):  # one task: Label Studio's importer reads it as a list of it
        return path, OneObject([data]), record_lines(f"[{text}]")
    if not isinstance(data, list):
        raise InputError(f"expected a JSON array of tasks, got {json_kind(data)}", path=str(path), line=1)
    return path, data, record_lines(text)


def json_object(path: str | Path) -> tuple[Path, dict[str, Any], Callable[[int, str | None], int | None]] | None:
    """A file that is one JSON object (Label Studio imports it as a list of one task), and the lines of its fields
    (`record_lines`, as record 1); None for any other file. A key twice in it is a one-line error."""
    path, text = read_text(path)
    if not text.lstrip().startswith("{"):
        return None
    try:
        data = loads(text)
    except DuplicateKey as error:
        raise _located_duplicate(path, f"[{text}]", error) from None
    except (ValueError, RecursionError, MemoryError):
        return None
    return (path, data, record_lines(f"[{text}]")) if isinstance(data, dict) else None


def record_lines(text: str) -> Callable[[int, str | None], int | None]:
    """The line of a record of a valid JSON array, by its number (1 the first), or of a field in it ("a[0].b":
    where its value starts, or the object that lacks it): the array is read a second time, record by record, on
    the first question only (an error to locate), then remembered. An indented file (Label Studio's export) spreads
    a task over dozens of lines, so the field's own line is the one to fix."""
    found: list[tuple[int, int]] = []  # each record's start: (offset, line)

    def line_of(record: int, field: str | None = None) -> int | None:
        if not found:
            line, counted = 1, 0
            for start in _array_records(text, json.JSONDecoder()):
                line, counted = line + text.count("\n", counted, start), start
                found.append((start, line))
        if not 1 <= record <= len(found):
            return None
        start, line = found[record - 1]
        return line + text.count("\n", start, _field_start(text, start, field)) if field else line

    return line_of


#: The steps of a field's name as errors give it: keys and [indexes].
_FIELD_STEPS = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def _field_start(text: str, position: int, field: str) -> int:
    """Where a field's value starts in the JSON value at `position`, step by step; where a step is not found
    (a field that is missing), the start of the last value found."""
    decoder = json.JSONDecoder()
    for index, key in _FIELD_STEPS.findall(field):
        found = _member(text, position, int(index) if index else key, decoder)
        if found is None:
            break
        position = found
    return position


def _member(text: str, position: int, step: int | str, decoder: json.JSONDecoder) -> int | None:
    """Where an array's item (an int step) or an object's key's value starts, in the array or object at
    `position`; the values before it are skipped by decoding each."""
    try:
        if text[position] != ("[" if isinstance(step, int) else "{"):
            return None
        position, count = position + 1, 0
        while True:
            while text[position] in " \t\r\n,":
                position += 1
            if text[position] in "]}":
                return None
            if isinstance(step, str):
                key, position = decoder.raw_decode(text, position)
                position = text.index(":", position) + 1
                while text[position] in " \t\r\n":
                    position += 1
                if key == step:
                    return position
            elif count == step:
                return position
            _, position = decoder.raw_decode(text, position)
            count += 1
    except (ValueError, IndexError):
        return None


def _array_records(text: str, decoder: json.JSONDecoder) -> Iterator[int]:
    """Where each record of a JSON array starts, each decoded after it is yielded (so a `DuplicateKey` the decoder
    raises comes from the record last yielded); ends at the array's end or at the first thing that is no record."""
    position = len(text) - len(text.lstrip())
    if not text.startswith("[", position):
        return
    position += 1
    try:
        while True:
            while text[position] in " \t\r\n,":
                position += 1
            if text[position] == "]":
                return
            yield position
            _, position = decoder.raw_decode(text, position)
    except DuplicateKey:
        raise
    except (ValueError, IndexError):
        return


def _located_duplicate(path: Path, text: str, error: DuplicateKey) -> InputError:
    """The error for a key twice in a JSON array's record, naming the record and the line it starts on: the
    array's records are decoded one by one until the one that holds it (elsewhere: the file alone)."""
    starts: list[int] = []
    try:
        for start in _array_records(text, json.JSONDecoder(object_pairs_hook=unique_keys)):
            starts.append(start)
    except DuplicateKey:
        return Where(str(path), line=text.count("\n", 0, starts[-1]) + 1, record=len(starts)).error(str(error))
    return InputError(str(error), path=str(path))
