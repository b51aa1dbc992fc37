"""Label Studio task files as articles for `ingest`: a JSON array, or JSONL, of tasks `{"id": .., "data": {...}}`,
as a server imports and exports them (trial t2 F: ingest sent such a file to `import`, which left every task
nobody had annotated out, so a project's remaining tasks could not be moved here). As Label Studio's importer, an
object without `data` in an array is a task's data (`[{"text": ...}]`), and a file of one JSON object is one task
(`task_object`), unless the array holds annotations (JSON_MIN, another tool's records: import's).

The text is `data.<--text-field>` (default `text`), as `import --format labelstudio` reads it, and the article is
the one that import makes of the task (`data.article_id` as its id where our export wrote one, `data.title`, the
data's other fields and `data.meta` in its meta), so annotations imported later land on it. The task's `id` is
the server's numbering, not the article's: two projects both have a task 1; it is kept in
`meta.labelstudio_task_id`. A task's annotations and predictions are not read, only counted (`TaskReading`).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from annotator.errors import InputError, describe_validation_error, json_kind
from annotator.exchange.files import Where, jsonl_lines
from annotator.exchange.formats.labelstudio_ids import task_keys, with_keys
from annotator.exchange.formats.labelstudio_objects import holds_regions
from annotator.exchange.formats.labelstudio_project import TEXT, missing_text
from annotator.exchange.formats.looks import LABEL_STUDIO_RESULTS, look_of
from annotator.exchange.json_arrays import json_array, json_object
from annotator.exchange.task_work import Done, TaskWork, answers_of
from annotator.exchange.titles import title_from
from annotator.literal import quoted
from annotator.models import ArticleIn

#: The data fields a task's article is made of (the text's field besides), as import reads them.
_ARTICLE = {"article_id": "id", "title": "title", "meta": "meta"}
#: What a record of annotations holds and no task's data does: JSON_MIN's `annotator` and `annotation_id` (even
#: null, on a task nobody annotated), a task's results.
_ANNOTATIONS = ("annotator", "annotation_id", *LABEL_STUDIO_RESULTS)
#: Keys whose list is spans, as JSON_MIN, doccano and our own records carry them (`article_files.SPAN_KEYS`).
_SPAN_LISTS = ("spans", "label", "labels", "entities")


@dataclass
class TaskReading:
    """How ingest reads Label Studio tasks (`text_field`: --text-field), and what it saw of their work, for the
    one note that says import reads it."""

    text_field: str = TEXT
    tasks: int = 0
    annotated: int = 0
    predicted: int = 0
    files: list[str] = field(default_factory=list)
    #: Whether the import ran: the database's name where these tasks' annotations are imported (`already_done`)
    done: Done | None = None
    answered: list[TaskWork] = field(default_factory=list)  # the annotated tasks, with their annotations
    #: Where a task of the file being read first had the --text-field (file, "line 3" or "record 3"): a later one
    #: without it is told to get it, not to read the file by another field (re-trial s52 t6 F1-v1-a).
    had_field: tuple[str, str] | None = None
    #: Per file, the lines (JSONL) or records (array) whose task has the --text-field, read only once a task
    #: without it is met first (re-trial s53 t7 F1-v1-a-1: it was told to leave the option out).
    field_places: dict[str, list[int]] = field(default_factory=dict)

    def later_with_field(self, where: Where) -> str | None:
        """The first task after `where` in its file that has the --text-field ("line 3" or "record 3"), or None."""
        if where.line is None and where.record is None:
            return None  # a file of one object: no other task
        if where.path not in self.field_places:
            self.field_places[where.path] = list(_with_field(where, self.text_field))
        at, kind = (where.record, "record") if where.record is not None else (where.line, "line")
        return next((f"{kind} {place}" for place in self.field_places[where.path] if place > (at or 0)), None)

    def note(self, db: str = "") -> str:
        """The line that counts the tasks' annotations and predictions and names the import that reads them, or
        "" when none carried any. `db`: the --db option the import carries (`store.db_option`)."""
        if not self.annotated and not self.predicted:
            return ""
        counts = [f"{n} {what}" for n, what in ((self.annotated, "annotations"), (self.predicted, "predictions")) if n]
        carried = " and ".join(counts).replace(" ", " carried ", 1)  # 3 carried annotations and 1 predictions
        said = f"of {self.tasks} Label Studio task(s), {carried}, which ingest does not read (their texts are stored)"
        if not self.annotated:
            return said
        files = sorted(set(self.files))
        named = shlex.quote(files[0]) if len(files) == 1 else "FILE"
        if self.done is not None and (database := self.done(self.answered)):
            return f"{said}: their annotations are imported in {database} already"  # re-trial t4r F8-v1
        field = f" --text-field {shlex.quote(self.text_field)}" if self.text_field != TEXT else ""
        return f"{said}: `annotator import {named} --format labelstudio{field}{db}` reads the annotations"


def ingest_advice(path: Path, text_field: str, db: str = "") -> str:
    """For an import that left a task file's unannotated tasks out: "; `annotator ingest FILE` stores their texts"
    (trial t2 F: each command sent the user to the other). `db`: the --db option it carries (`store.db_option`)."""
    field = "" if text_field == TEXT else f" --text-field {shlex.quote(text_field)}"
    return f"; `annotator ingest {shlex.quote(str(path))}{field}{db}` stores their texts to annotate"


def is_task(record: dict[str, Any]) -> bool:
    """A Label Studio task: its text is in `data`, an object, and the record has no `text` of its own (a JSONL
    article may keep any field, a `data` among them, in its meta)."""
    return isinstance(record.get("data"), dict) and "text" not in record


def data_not_an_object(record: Any) -> str | None:
    """Why a task whose `data` is no object (`{"data": "a string"}`) is refused, as Label Studio refuses it: read as
    a task's data alone, it became an article of one field, `data` (trial t4 F5); None for any other record."""
    if not isinstance(record, dict) or "text" in record or "data" not in record or isinstance(record["data"], dict):
        return None
    return f"a Label Studio task's data is an object of its fields, got {json_kind(record['data'])}"


def is_task_data(record: Any) -> bool:
    """A task's data without `data` around it, which Label Studio's importer reads as the task's data: an object
    that is no task and holds no annotations (a JSON_MIN record's `annotator` or labels, another tool's marks)."""
    return (
        isinstance(record, dict)
        and not is_task(record)
        and data_not_an_object(record) is None
        and not any(key in record for key in _ANNOTATIONS)
        and not any(isinstance(record.get(key), list) for key in _SPAN_LISTS)
        and not any(map(holds_regions, record.values()))
        and look_of(record) is None
    )


def marked_record(text_field: str) -> str:
    """Why a JSONL line holding --text-field's field is refused when it is no task's data: it carries marks
    (spans, labels, an annotator: another tool's record, `is_task_data`), which are over its `text`, so it is read
    by `text` whatever the option says: the article stored would not be the one the option names."""
    return (
        f"--text-field {shlex.quote(text_field)} reads a Label Studio task's data, and this line is another tool's "
        "record (it carries marks, which are over its 'text'): give such lines without --text-field, or without "
        "their marks"
    )


def text_field_hint(data: dict[str, Any]) -> str:
    """For a JSONL line without `text` that may be a task's data alone (trial t4 F1: `{"article": ...}` a line was
    told only "missing"): " (...: give it with --text-field NAME, e.g. --text-field article)", naming its longest
    string field, or "" for a line with none."""
    texts = sorted((k for k, v in data.items() if isinstance(v, str) and v.strip()), key=lambda k: -len(data[k]))
    if not texts:
        return ""
    return (
        " (a Label Studio task's data with its text in another field? give the field the project's labelling config "
        f'reads (<Text value="$NAME">) with --text-field NAME, e.g. --text-field {shlex.quote(texts[0])})'
    )


def article_from_task(
    record: dict[str, Any], where: Where, source: str, reading: TaskReading, at: str = "data."
) -> ArticleIn:
    """A task's article, or an error naming the file, the task (line or record) and the field in `data` (`at`:
    "" for the data of a task written without `data`, whose fields are named as the file has them)."""
    data: dict[str, Any] = record["data"]
    text_field = reading.text_field
    if text_field not in data:
        raise missing_field(data, reading, where, at)
    if reading.had_field is None or reading.had_field[0] != where.path:
        reading.had_field = where.path, _place(where)
    text = data[text_field]
    if not isinstance(text, str):
        raise where.error(f"expected text, got {json_kind(text)}", f"{at}{text_field}")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise where.error(f"must be a JSON object, got {json_kind(meta)}", f"{at}meta")
    others = {k: v for k, v in data.items() if k != text_field and k not in _ARTICLE}
    fields = {_ARTICLE[k]: data[k] for k in ("article_id", "title") if data.get(k) is not None}
    try:
        article = ArticleIn(
            text=text, **fields, meta=with_keys({**others, **meta, "source": source}, task_keys(record))
        )
    except ValidationError as error:
        name, message = describe_validation_error(error)
        head, dot, rest = name.partition(".")
        inside = {v: k for k, v in _ARTICLE.items()} | {"text": text_field}
        named = f"{at}{inside.get(head, head)}{dot}{rest}" if name else None
        raise where.error(message, named) from None
    reading.tasks += 1
    answered = record.get("annotations") or record.get("completions")  # the latter Label Studio's before 1.0
    reading.annotated += bool(answered)
    reading.predicted += bool(record.get("predictions"))
    article = article if article.title else article.model_copy(update={"title": title_from(article.text)})
    if answered:
        reading.files.append(where.path)
        reading.answered.append(TaskWork(article, answers_of(_listed(answered), reading.tasks)))
    return article


def missing_field(data: dict[str, Any], reading: TaskReading, where: Where, at: str) -> InputError:
    """The error for a task whose data lacks --text-field's field. Its advice to name another field fits only a
    file none of whose tasks has it: followed where an earlier one had it, the whole file was read by another field,
    the earlier tasks' articles put in meta without a word (re-trial s52 t6 F1-v1-a, `e.g. --text-field text`). A
    task with a `text` of its own may be our JSONL, which needs no --text-field."""
    field = reading.text_field
    earlier = reading.had_field[1] if reading.had_field is not None and reading.had_field[0] == where.path else None
    text = data.get(TEXT)
    if (other := earlier or reading.later_with_field(where)) is not None or field == TEXT:
        return missing_text(data, field, where, at, other)
    if not isinstance(text, str) or not text.strip():
        return missing_text(data, field, where, at)
    has = f" (it has {', '.join(quoted(key) for key in data)})" if data else ""
    return where.error(
        f"the task's data has no {field!r}{has}: leave --text-field out if the file's articles are in {TEXT!r} "
        f'(our JSONL), else give the field the project\'s labelling config reads (<Text value="$NAME">) with '
        "--text-field NAME",
        f"{at}{field}",
    )


def _with_field(where: Where, text_field: str) -> Iterator[int]:
    """The lines (JSONL) or records (array) of `where`'s file whose task's data has `text_field`."""

    def has(record: Any) -> bool:
        data = record.get("data") if isinstance(record, dict) and is_task(record) else record
        return isinstance(data, dict) and text_field in data

    if where.record is not None:
        yield from (number for number, record in enumerate(json_array(where.path)[1], 1) if has(record))
    else:
        yield from (place.line for place, record in jsonl_lines(where.path) if place.line and has(record))


def _place(where: Where) -> str:
    return f"line {where.line}" if where.record is None else f"record {where.record}"


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [None]


def task_array(path: Path, reading: TaskReading, skipped: list[InputError] | None) -> Iterator[ArticleIn] | None:
    """The articles of a JSON array of Label Studio tasks (or of their data alone), or None for an array holding
    no task and annotations (JSON_MIN, another tool's records: not ingest's). A task that is none, with `skipped`,
    is added there and the rest read."""
    path, records, lines = json_array(path)
    objects = [r for r in records if isinstance(r, dict)]
    tasks = [r for r in objects if is_task(r) or data_not_an_object(r) is not None]
    if not tasks and not (objects and all(map(is_task_data, objects))):
        return None
    return _tasks(path, records, lines, reading, skipped)


@dataclass(frozen=True)
class _Whole(Where):
    """The place of a file that is one JSON object: a field's line, no record number."""

    def error(self, message: str, field: str | None = None) -> InputError:
        line = self.line_of(1, field) if self.line_of is not None else None
        return InputError(message, path=self.path, line=line, field=field)


def task_object(path: Path, reading: TaskReading) -> ArticleIn | None:
    """The article of a file that is one JSON object, a task or a task's data, as Label Studio imports it; None
    for a file that is not one JSON object, or one of another tool's. A JSON_MIN record is sent to `import`."""
    found = json_object(path)
    if found is None:
        return None
    path, record, lines = found
    where = _Whole(str(path), line_of=lines)
    if (broken := data_not_an_object(record)) is not None:
        raise where.error(broken, "data")
    if is_task(record):
        return article_from_task(record, where, str(path), reading)
    if is_task_data(record):
        return article_from_task({"data": record}, where, str(path), reading, at="")
    if any(key in record for key in _ANNOTATIONS[:2]) or any(map(holds_regions, record.values())):
        command = f"annotator import {shlex.quote(str(path))} --format labelstudio"
        raise InputError(
            f"this is a record of annotations (Label Studio's JSON_MIN), not a task to ingest: `{command}` reads it",
            path=str(path),
            line=1,
            advised=command,
        )
    return None


def _tasks(
    path: Path, records: list[Any], lines: Any, reading: TaskReading, skipped: list[InputError] | None
) -> Iterator[ArticleIn]:
    from annotator.exchange.skipping import Skippable  # it imports the article readers, which import this

    for number, record in enumerate(records, 1):
        where = Where(str(path), record=number, line_of=lines)
        try:
            source = f"{path} record {number}"
            if (broken := data_not_an_object(record)) is not None:
                raise where.error(broken, "data")
            if is_task_data(record):  # Label Studio reads an object without `data` as the task's data
                yield article_from_task({"data": record}, where, source, reading, at="")
            elif not isinstance(record, dict) or not is_task(record):
                raise where.error(f"expected a Label Studio task with its text in 'data', got {json_kind(record)}")
            else:
                yield article_from_task(record, where, source, reading)
        except InputError as error:
            if skipped is None:
                raise Skippable(error) from None
            skipped.append(error)
