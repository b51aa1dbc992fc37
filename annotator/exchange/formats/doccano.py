"""doccano's JSONL, both shapes: sequence labelling (`label: [[start, end, LABEL]]`) and the relation variant
(`entities` with ids and `start_offset`/`end_offset`, `relations` with `from_id`/`to_id`/`type`).

`doccano` writes the plain shape (quotes are QUOTE spans; speakers are lost), `doccano-relations` the relation
variant, where a speaker is a relation of type SPEAKER from the QUOTE to the ACTOR. Both readers accept both
shapes. We also write `article_id`, `title`, `meta`, `annotator`, `status`, `updated_at`, `flag_reason` and
`comments` as top-level keys (doccano keeps unknown keys as metadata and exports them again; every line has the same keys, as doccano's
import needs); on import, other unknown keys go into the article's meta, and relation types other than SPEAKER
need --relation-map. doccano's exporter adds `id` (its example id) and `Comments` to every line: both are
left out.

A doccano project without "Allow overlapping entity" drops, without a word, every span that overlaps one
before it: the entities inside our quotes (a quote is written before an entity that starts where it starts).
The export counts such records and says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field

from annotator.exchange.files import Where, write_text_lines
from annotator.exchange.formats.common import (
    Dropped,
    ImportedRecord,
    Read,
    RecordLike,
    Skipped,
    TokensOf,
    blank,
    checked_span,
    dumps,
    flag_and_comments,
    jsonl_records,
    label_of,
    native_record,
    status_of,
    validated,
)
from annotator.exchange.formats.options import SPEAKER_RELATION, ExportOptions, ReadOptions, Written
from annotator.exchange.formats.speakers import kept, link_speaker, repeated_id
from annotator.exchange.formats.whose import annotator_of
from annotator.models import Integer, Label, Span, Status, Timestamp, Title
from annotator.rows import SpanLike

CARRIES_FLAGS = True  # flag reasons and comments: keys of their own (see flag_and_comments)
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
    "flag_reason",
    "comments",
}
#: Keys doccano's exporter adds to every line: its own example id and the example's comments.
DOCCANO_KEYS = {"id", "Comments"}


class DoccanoEntity(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: Integer
    label: str
    start_offset: Integer
    end_offset: Integer


class DoccanoRelation(BaseModel):
    model_config = ConfigDict(extra="allow")
    from_id: Integer
    to_id: Integer
    type: str
    id: Integer | None = None


class DoccanoRecord(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str
    label: list[tuple[Integer, Integer, str]] | None = None
    labels: list[tuple[Integer, Integer, str]] | None = None  # older doccano releases
    entities: list[DoccanoEntity] | None = None
    relations: list[DoccanoRelation] = Field(default_factory=list)
    article_id: str | None = None
    title: Title = ""
    meta: dict[str, Any] = Field(default_factory=dict)
    annotator: str | None = None
    status: str | None = None
    updated_at: Timestamp | None = None
    flag_reason: Any = None
    comments: Any = None


def _header(record: RecordLike) -> dict[str, Any]:
    return {
        "article_id": record.article_id,
        "text": record.text,
        "title": record.title,
        "meta": record.meta,
        "annotator": record.annotator,
        "status": record.status.value,
        "updated_at": record.updated_at,
        "flag_reason": None,  # every line has the same keys, as doccano's import needs
        "comments": [],
        **flag_and_comments(record),
    }


def _ordered(record: RecordLike) -> list[SpanLike]:
    """By start, and at one start the longer span first: a doccano project without overlapping keeps the first
    of spans that overlap, so it keeps a quote and drops the entity at its start (not the quote, and with it
    every relation of the file: its import fails on a relation to a span it dropped)."""
    return sorted(record.spans, key=lambda s: (s.start, -s.end, s.label.value))


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


def note_overlaps(records: Iterable[RecordLike], written: Written) -> Iterator[RecordLike]:
    """Pass the records on, counting those whose spans overlap (entities inside quotes): a doccano project keeps
    them only with "Allow overlapping entity" on; without it, its import drops them without a word."""
    for record in records:
        ordered = sorted(record.spans, key=lambda s: (s.start, s.end))
        if any(before.end > after.start for before, after in pairwise(ordered)):
            written.notes[OVERLAP_NOTE] += 1
        yield record


OVERLAP_NOTE = (
    'record(s) with overlapping spans (entities inside quotes): turn on "Allow overlapping entity" in the '
    "doccano project before importing, or doccano drops them without a word; --labels ACTOR,LOCATION,FIGURE "
    "exports the entities alone"
)


#: The plain shape has no relations: each quote's speaker is left out of it, and the export says how many.
SPEAKERS_NOTE = (
    "speaker link(s) left out: doccano's plain shape has no relations (--format doccano-relations keeps them)"
)


def _note_speakers(records: Iterable[RecordLike], written: Written) -> Iterator[RecordLike]:
    for record in records:
        if links := sum(1 for s in record.spans if s.speaker is not None):
            written.notes[SPEAKERS_NOTE] += links
        yield record


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf | None, options: ExportOptions) -> int:
    noted = _note_speakers(note_overlaps(records, options.written), options.written)
    return write_text_lines((dumps(plain(r)) + "\n" for r in noted), out)


def record_from(data: DoccanoRecord, options: ReadOptions, where: Where) -> ImportedRecord:
    text = data.text
    dropped: Counter[str] = Counter()
    spans: dict[Any, Span | None] = {}  # label triples by ("label", index), entities by their id
    triples = data.label if data.label is not None else data.labels
    name = "label" if data.label is not None else "labels"
    seen: set[tuple[int, int, str]] = set()
    fields: dict[tuple[int, int, str], str] = {}  # each span's own field, for an error found later (off tokens)
    for index, (start, end, label) in enumerate(triples or []):
        field = f"{name}[{index}]"
        if (start, end, label) in seen:  # doccano stores the same span twice; it is one span
            dropped["repeated span(s) (kept once)"] += 1
            continue
        seen.add((start, end, label))
        ours = label_of(label, options, where, field, dropped)
        spans[(name, index)] = (
            None if ours is None else checked_span(text, start, end, ours, None, where, field, options.trim(dropped))
        )
        if (made := spans[(name, index)]) is not None:
            fields[(made.start, made.end, made.label.value)] = field
    ids: dict[Any, int] = {}  # an entity id -> the index of the entity it was first
    for index, entity in enumerate(data.entities or []):
        field = f"entities[{index}]"
        ours = label_of(entity.label, options, where, f"{field}.label", dropped)
        span = (
            None
            if ours is None
            else checked_span(
                text, entity.start_offset, entity.end_offset, ours, None, where, field, options.trim(dropped)
            )
        )
        if entity.id in spans:  # relations name entities by id: a second one by it must be the same span
            repeated_id(spans[entity.id], span, entity.id, f"entities[{ids[entity.id]}]", where, f"{field}.id", dropped)
            continue
        ids[entity.id] = index
        spans[entity.id] = span
        if span is not None:
            fields[(span.start, span.end, span.label.value)] = field
    for index, relation in enumerate(data.relations):
        ends = (relation.from_id, relation.to_id)
        link_speaker(spans, ends, relation.type, options, where, f"relations[{index}]", dropped)
    extra = {k: v for k, v in (data.model_extra or {}).items() if k not in OURS | DOCCANO_KEYS}
    record = native_record(
        where,
        **({"article_id": data.article_id} if data.article_id else {}),
        text=text,
        title=data.title,
        meta={**extra, **data.meta},
        annotator=annotator_of(data.annotator, options, where, "annotator"),
        status=status_of(data.status, Status.DONE, where, "status"),
        spans=kept(spans),
        updated_at=data.updated_at,
        flag_reason=data.flag_reason,
        comments=data.comments or None,
    )
    return ImportedRecord(where, record, dropped=dropped, span_fields=fields)


#: doccano exports every document of a project, annotated or not: one with no span and no status of ours is no
#: finished work (read as done, it was an empty gold record).
UNLABELLED = "record(s) with no label and no status: doccano exports every document, annotated or not (ingest the file to annotate their texts)"


def _unlabelled(record: DoccanoRecord) -> bool:
    return record.status is None and not (record.label or record.labels or record.entities or record.relations)


def read(path: Path, options: ReadOptions) -> Iterator[Read]:
    def one(where: Where, data: dict[str, Any]) -> Iterator[Read]:
        if blank(data.get("text")):
            yield Skipped(where, "the text is blank: nothing to annotate")
        else:
            record = validated(DoccanoRecord, data, where)
            imported = record_from(record, options, where)  # checked whole, even when it is left out
            yield Dropped(UNLABELLED) if _unlabelled(record) else imported

    return jsonl_records(path, options, one, "doccano")
