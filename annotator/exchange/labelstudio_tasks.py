"""Label Studio task files as articles for `ingest`: a JSON array, or JSONL, of tasks `{"id": .., "data": {...}}`,
as a server imports and exports them (trial t2 F: ingest sent such a file to `import`, which left every task
nobody had annotated out, so a project's remaining tasks could not be moved here).

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
from annotator.exchange.files import Where
from annotator.exchange.formats.labelstudio_project import TEXT, missing_text
from annotator.exchange.json_arrays import json_array
from annotator.exchange.titles import title_from
from annotator.models import ArticleIn

#: Where the task's `id` is kept in the article's meta.
TASK_ID = "labelstudio_task_id"
#: The data fields a task's article is made of (the text's field besides), as import reads them.
_ARTICLE = {"article_id": "id", "title": "title", "meta": "meta"}


@dataclass
class TaskReading:
    """How ingest reads Label Studio tasks (`text_field`: --text-field), and what it saw of their work, for the
    one note that says import reads it."""

    text_field: str = TEXT
    tasks: int = 0
    annotated: int = 0
    predicted: int = 0
    files: list[str] = field(default_factory=list)

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
        field = f" --text-field {shlex.quote(self.text_field)}" if self.text_field != TEXT else ""
        return f"{said}: `annotator import {named} --format labelstudio{field}{db}` reads the annotations"


def ingest_advice(path: Path, text_field: str, db: str = "") -> str:
    """For an import that left a task file's unannotated tasks out: "; `annotator ingest FILE` stores their texts"
    (trial t2 F: each command sent the user to the other), or "" for a file ingest does not read as tasks
    (JSON_MIN). `db`: the --db option it carries (`store.db_option`)."""
    try:
        if task_array(path, TaskReading(text_field), None) is None:
            return ""
    except InputError:
        return ""
    field = "" if text_field == TEXT else f" --text-field {shlex.quote(text_field)}"
    return f"; `annotator ingest {shlex.quote(str(path))}{field}{db}` stores their texts to annotate"


def is_task(record: dict[str, Any]) -> bool:
    """A Label Studio task: its text is in `data`, an object, and the record has no `text` of its own (a JSONL
    article may keep any field, a `data` among them, in its meta)."""
    return isinstance(record.get("data"), dict) and "text" not in record


def article_from_task(record: dict[str, Any], where: Where, source: str, reading: TaskReading) -> ArticleIn:
    """A task's article, or an error naming the file, the task (line or record) and the field in `data`."""
    data: dict[str, Any] = record["data"]
    text_field = reading.text_field
    if text_field not in data:
        raise missing_text(data, text_field, where)
    text = data[text_field]
    if not isinstance(text, str):
        raise where.error(f"expected text, got {json_kind(text)}", f"data.{text_field}")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise where.error(f"must be a JSON object, got {json_kind(meta)}", "data.meta")
    others = {k: v for k, v in data.items() if k != text_field and k not in _ARTICLE}
    given = record.get("id")
    task_id = {TASK_ID: given} if isinstance(given, int | str) and not isinstance(given, bool) else {}
    fields = {_ARTICLE[k]: data[k] for k in ("article_id", "title") if data.get(k) is not None}
    try:
        article = ArticleIn(text=text, **fields, meta={**others, **meta, "source": source, **task_id})
    except ValidationError as error:
        name, message = describe_validation_error(error)
        head, dot, rest = name.partition(".")
        inside = {v: k for k, v in _ARTICLE.items()} | {"text": text_field}
        at = f"data.{inside.get(head, head)}{dot}{rest}" if name else None
        raise where.error(message, at) from None
    reading.tasks += 1
    reading.annotated += bool(record.get("annotations"))
    reading.predicted += bool(record.get("predictions"))
    if record.get("annotations"):
        reading.files.append(where.path)
    return article if article.title else article.model_copy(update={"title": title_from(article.text)})


def task_array(path: Path, reading: TaskReading, skipped: list[InputError] | None) -> Iterator[ArticleIn] | None:
    """The articles of a JSON array of Label Studio tasks, or None for an array holding no task (JSON_MIN, another
    tool's records: not ingest's). A task that is none, with `skipped`, is added there and the rest read."""
    path, records, lines = json_array(path)
    if not any(isinstance(r, dict) and is_task(r) for r in records):
        return None
    return _tasks(path, records, lines, reading, skipped)


def _tasks(
    path: Path, records: list[Any], lines: Any, reading: TaskReading, skipped: list[InputError] | None
) -> Iterator[ArticleIn]:
    from annotator.exchange.skipping import Skippable  # it imports the article readers, which import this

    for number, record in enumerate(records, 1):
        where = Where(str(path), record=number, line_of=lines)
        try:
            if not isinstance(record, dict) or not is_task(record):
                raise where.error(f"expected a Label Studio task with its text in 'data', got {json_kind(record)}")
            yield article_from_task(record, where, f"{path} record {number}", reading)
        except InputError as error:
            if skipped is None:
                raise Skippable(error) from None
            skipped.append(error)
