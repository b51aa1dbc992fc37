"""Label Studio's JSON export for text labels: one JSON array of tasks, each with `data.text` and
`annotations`, whose `result` holds `labels` regions (`value.start/end/text/labels`) and `relation`s.

A task may hold several annotations (one per annotator): each becomes one record. `completed_by` is the
annotator: a name as we write it, a Label Studio user id (read as `labelstudio-user-<id>`) or an object with
an `email`. A cancelled annotation is read as skipped. A quote's speaker is a relation labelled SPEAKER
`from_id` the QUOTE region `to_id` the ACTOR region. We write one task per record, with `article_id`,
`title` and `meta` in `data`, and `status` and `updated_at` on the annotation; region ids are deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field

from annotator.exchange.files import Where, json_array, write_text_lines
from annotator.exchange.formats.common import (
    SPEAKER_RELATION,
    ImportedRecord,
    ReadOptions,
    RecordLike,
    TokensOf,
    annotator_of,
    checked_span,
    dumps,
    label_of,
    link_speaker,
    native_record,
    short_id,
    status_of,
    validated,
)
from annotator.models import Label, NativeRecord, Span, Status

SUFFIX = ".json"
CANNOT_CARRY: tuple[str, ...] = ()
FROM_NAME, TO_NAME = "label", "text"


class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class RegionValue(Loose):
    start: int
    end: int
    text: str | None = None
    labels: list[str] = Field(min_length=1, max_length=1)


class Result(Loose):
    type: str
    id: str | None = None
    value: RegionValue | None = None
    from_id: str | None = None
    to_id: str | None = None
    labels: list[str] = Field(default_factory=list)


class LSAnnotation(Loose):
    result: list[Result] = Field(default_factory=list)
    completed_by: str | int | dict[str, Any] | None = None
    was_cancelled: bool = False
    status: str | None = None
    updated_at: str | None = None


class LSData(Loose):
    text: str = Field(min_length=1)
    article_id: str | None = None
    title: str = ""
    meta: dict[str, Any] = Field(default_factory=dict)


class LSTask(Loose):
    data: LSData
    annotations: list[LSAnnotation] = Field(default_factory=list)


def task(record: RecordLike, number: int) -> dict[str, Any]:
    spans = sorted(record.spans, key=lambda s: (s.start, s.end, s.label.value))
    ids = {(s.start, s.end, s.label): short_id(record.article_id, s.start, s.end, s.label.value) for s in spans}
    result: list[dict[str, Any]] = [
        {
            "id": ids[(s.start, s.end, s.label)],
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label.value]},
        }
        for s in spans
    ]
    result += [
        {
            "from_id": ids[(s.start, s.end, s.label)],
            "to_id": ids[(s.speaker.start, s.speaker.end, Label.ACTOR)],
            "type": "relation",
            "direction": "right",
            "labels": [SPEAKER_RELATION],
        }
        for s in spans
        if s.speaker is not None
    ]
    annotation = {
        "id": number,
        "completed_by": record.annotator,
        "was_cancelled": record.status is Status.SKIPPED,
        "status": record.status.value,
        "updated_at": record.updated_at,
        "result": result,
    }
    data = {"text": record.text, "article_id": record.article_id, "title": record.title, "meta": record.meta}
    return {"id": number, "data": data, "annotations": [annotation]}


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf | None = None) -> int:
    count = 0

    def parts() -> Iterator[str]:
        nonlocal count
        yield "["
        for number, record in enumerate(records, start=1):
            count = number
            yield ("," if number > 1 else "") + "\n" + dumps(task(record, number))
        yield "\n]\n"

    write_text_lines(parts(), out)
    return count


def _who(completed_by: Any) -> str | None:
    if isinstance(completed_by, int):
        return f"labelstudio-user-{completed_by}"
    if isinstance(completed_by, dict):
        found = completed_by.get("email") or completed_by.get("id")
        return _who(found) if isinstance(found, int) else found if isinstance(found, str) else None
    return completed_by if isinstance(completed_by, str) else None


def _record(task: LSTask, index: int, annotation: LSAnnotation, options: ReadOptions, where: Where) -> NativeRecord:
    text = task.data.text
    spans: dict[str, Span] = {}
    order: list[str] = []
    for number, item in enumerate(annotation.result):
        field = f"annotations[{index}].result[{number}]"
        if item.type == "labels" and item.value is not None:
            label = label_of(item.value.labels[0], options, where, f"{field}.value.labels")
            key = item.id or f"#{number}"
            spans[key] = checked_span(
                text, item.value.start, item.value.end, label, item.value.text, where, f"{field}.value"
            )
            order.append(key)
        elif item.type != "relation":
            raise where.error(f"unsupported result type {item.type!r} (expected labels or relation)", f"{field}.type")
    for number, item in enumerate(annotation.result):
        if item.type != "relation":
            continue
        field = f"annotations[{index}].result[{number}]"
        relation = item.labels[0] if len(item.labels) == 1 else item.labels
        link_speaker(spans, item.from_id, item.to_id, relation, where, field)
    default = Status.SKIPPED if annotation.was_cancelled else Status.DONE
    return native_record(
        where,
        **({"article_id": task.data.article_id} if task.data.article_id else {}),
        text=text,
        title=task.data.title,
        meta={**(task.data.model_extra or {}), **task.data.meta},
        annotator=annotator_of(_who(annotation.completed_by), options, where, f"annotations[{index}].completed_by"),
        status=status_of(annotation.status, default, where, f"annotations[{index}].status"),
        spans=[spans[key] for key in order],
        updated_at=annotation.updated_at,
    )


def read(path: Path, options: ReadOptions) -> Iterator[ImportedRecord]:
    path, tasks = json_array(path)
    for number, data in enumerate(tasks):
        where = Where(str(path), record=number)
        if not isinstance(data, dict):
            raise where.error(f"expected a task object, got {type(data).__name__}")
        parsed = validated(LSTask, data, where)
        for index, annotation in enumerate(parsed.annotations):
            yield ImportedRecord(where, _record(parsed, index, annotation, options, where))
