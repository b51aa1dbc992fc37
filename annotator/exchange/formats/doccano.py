"""doccano's JSONL, both shapes: sequence labelling (`label: [[start, end, LABEL]]`) and the relation variant
(`entities` with ids and `start_offset`/`end_offset`, `relations` with `from_id`/`to_id`/`type`).

`doccano` writes the plain shape (quotes are QUOTE spans; speakers are lost), `doccano-relations` the relation
variant, where a speaker is a relation of type SPEAKER from the QUOTE to the ACTOR. Both readers accept both
shapes. We also write `article_id`, `title`, `meta`, `annotator`, `status` and `updated_at` as top-level keys
(doccano keeps unknown keys as metadata); on import, other unknown keys go into the article's meta.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field

from annotator.exchange.files import Where, jsonl_objects, write_text_lines
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
    status_of,
    validated,
)
from annotator.models import Label, NativeRecord, Span, Status
from annotator.rows import SpanLike

SUFFIX = ".jsonl"
CANNOT_CARRY = ("speaker links (use doccano-relations)",)
OURS = {
    "text",
    "label",
    "labels",
    "entities",
    "relations",
    "article_id",
    "title",
    "meta",
    "annotator",
    "status",
    "updated_at",
}


class DoccanoEntity(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    label: str
    start_offset: int
    end_offset: int


class DoccanoRelation(BaseModel):
    model_config = ConfigDict(extra="allow")
    from_id: int
    to_id: int
    type: str
    id: int | None = None


class DoccanoRecord(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str = Field(min_length=1)
    label: list[tuple[int, int, str]] | None = None
    labels: list[tuple[int, int, str]] | None = None  # older doccano releases
    entities: list[DoccanoEntity] | None = None
    relations: list[DoccanoRelation] = Field(default_factory=list)
    article_id: str | None = None
    title: str = ""
    meta: dict[str, Any] = Field(default_factory=dict)
    annotator: str | None = None
    status: str | None = None
    updated_at: str | None = None


def _header(record: RecordLike) -> dict[str, Any]:
    return {
        "article_id": record.article_id,
        "text": record.text,
        "title": record.title,
        "meta": record.meta,
        "annotator": record.annotator,
        "status": record.status.value,
        "updated_at": record.updated_at,
    }


def _ordered(record: RecordLike) -> list[SpanLike]:
    return sorted(record.spans, key=lambda s: (s.start, s.end, s.label.value))


def plain(record: RecordLike) -> dict[str, Any]:
    return {**_header(record), "label": [[s.start, s.end, s.label.value] for s in _ordered(record)]}


def with_relations(record: RecordLike) -> dict[str, Any]:
    spans = _ordered(record)
    ids = {(s.start, s.end, s.label): number for number, s in enumerate(spans, start=1)}
    entities = [
        {"id": ids[(s.start, s.end, s.label)], "label": s.label.value, "start_offset": s.start, "end_offset": s.end}
        for s in spans
    ]
    relations = [
        {
            "id": number,
            "from_id": ids[(s.start, s.end, s.label)],
            "to_id": ids[(s.speaker.start, s.speaker.end, Label.ACTOR)],
            "type": SPEAKER_RELATION,
        }
        for number, s in enumerate((s for s in spans if s.speaker is not None), start=1)
        if s.speaker is not None
    ]
    return {**_header(record), "entities": entities, "relations": relations}


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf | None = None) -> int:
    return write_text_lines((dumps(plain(r)) + "\n" for r in records), out)


def record_from(data: DoccanoRecord, options: ReadOptions, where: Where) -> NativeRecord:
    text = data.text
    spans: dict[Any, Span] = {}  # label triples by ("label", index), entities by their id
    triples = data.label if data.label is not None else data.labels
    name = "label" if data.label is not None else "labels"
    for index, (start, end, label) in enumerate(triples or []):
        field = f"{name}[{index}]"
        spans[(name, index)] = checked_span(
            text, start, end, label_of(label, options, where, field), None, where, field
        )
    for index, entity in enumerate(data.entities or []):
        field = f"entities[{index}]"
        label = label_of(entity.label, options, where, f"{field}.label")
        spans[entity.id] = checked_span(text, entity.start_offset, entity.end_offset, label, None, where, field)
    for index, relation in enumerate(data.relations):
        field = f"relations[{index}]"
        link_speaker(spans, relation.from_id, relation.to_id, relation.type, where, field)
    extra = {k: v for k, v in (data.model_extra or {}).items() if k not in OURS}
    return native_record(
        where,
        **({"article_id": data.article_id} if data.article_id else {}),
        text=text,
        title=data.title,
        meta={**extra, **data.meta},
        annotator=annotator_of(data.annotator, options, where, "annotator"),
        status=status_of(data.status, Status.DONE, where, "status"),
        spans=list(spans.values()),
        updated_at=data.updated_at,
    )


def read(path: Path, options: ReadOptions) -> Iterator[ImportedRecord]:
    for where, data in jsonl_objects(path):
        yield ImportedRecord(where, record_from(validated(DoccanoRecord, data, where), options, where))
