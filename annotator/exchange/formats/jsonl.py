"""The native JSONL record (schemas/native_record.json): one line per article and annotator."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from annotator.errors import InputError, describe_validation_error
from annotator.exchange.files import ONLY_JSONL, Where, jsonl_objects, write_text_lines
from annotator.exchange.formats.common import (
    Dropped,
    ImportedRecord,
    Read,
    RecordLike,
    TokensOf,
    flag_and_comments,
    jsonl_records,
    unknown_label,
)
from annotator.exchange.formats.common import dumps as encode
from annotator.exchange.formats.given_files import refuse_articles
from annotator.exchange.formats.looks import refuse_foreign
from annotator.exchange.formats.options import ExportOptions, ReadOptions
from annotator.exchange.formats.stored_spans import (
    LABELS,
    StoredSpans,
    spans_digest,
)
from annotator.exchange.formats.whose import another_persons, not_anyones_work
from annotator.literal import quoted
from annotator.models import Label, NativeRecord
from annotator.rows import SpanLike
from annotator.vocabulary import is_model


def record_dict(record: RecordLike) -> dict[str, Any]:
    """The record as `model_dump(mode="json", exclude_none=True)` gives it, built by hand: 5x faster on exports.
    (Labels and statuses are StrEnums: JSON writes them as their strings, and they equal them.)"""
    data = {"article_id": record.article_id, "text": record.text, "title": record.title, "meta": record.meta,
            "annotator": record.annotator, "status": record.status, "spans": span_objects(record.spans)}  # fmt: skip
    if record.updated_at is not None:
        data["updated_at"] = record.updated_at
    data.update(flag_and_comments(record))
    commands = getattr(record, "unchecked", ())  # a stored `Record`'s: the commands that alone wrote its work
    suggested = getattr(record, "as_suggested", False)  # and whether it is the suggestions unchanged (A then d too)
    if isinstance(commands, tuple) and (commands or suggested):  # (a file's `NativeRecord` written again: without)
        said: dict[str, Any] = {"commands": list(commands)} if commands else {}
        if suggested:
            said["as_suggested"] = True
        said.update(status=record.status, spans_digest=spans_digest(record.spans))
        data["unchecked"] = said
    return data


def span_objects(spans: Sequence[SpanLike]) -> list[dict[str, Any]]:
    """The spans' JSON objects; stored spans straight from their rows (`StoredSpans`: no named tuple between)."""
    objects = []
    if type(spans) is StoredSpans:
        for start, end, label, text, speaker_start, speaker_end in spans.rows:
            item: dict[str, Any] = {"start": start, "end": end, "label": LABELS[label], "text": text}
            if speaker_start is not None:
                item["speaker"] = {"start": speaker_start, "end": speaker_end}
            objects.append(item)
        return objects
    for span in spans:
        item = {"start": span.start, "end": span.end, "label": span.label, "text": span.text}
        if span.speaker is not None:
            item["speaker"] = {"start": span.speaker.start, "end": span.speaker.end}
        objects.append(item)
    return objects


def dumps(record: RecordLike) -> str:
    return encode(record_dict(record))


def map_labels(data: dict[str, Any], label_map: Mapping[str, Label | None], dropped: Counter[str]) -> dict[str, Any]:
    """The record's span labels renamed by --label-map, before validation: a label still unknown is then
    reported by the validator like any other bad field. Like `formats.common.label_of`, the map wins; a label
    mapped to nothing drops its spans (a quote whose speaker is dropped keeps no speaker)."""
    spans = data.get("spans")
    if not label_map or not isinstance(spans, list):
        return data
    renamed: list[Any] = []
    gone: set[tuple[Any, Any]] = set()
    for span in spans:
        name = span.get("label") if isinstance(span, dict) else None
        if not isinstance(name, str) or name not in label_map:
            renamed.append(span)
        elif (mapped := label_map[name]) is None:
            dropped[f"span(s) labelled {quoted(name)} (--label-map {name}=)"] += 1
            gone.add((span.get("start"), span.get("end")))
        else:
            renamed.append({**span, "label": mapped.value})
    if gone:
        renamed = [_without_speaker_in(span, gone) for span in renamed]
    return {**data, "spans": renamed}


def _without_speaker_in(span: Any, gone: set[tuple[Any, Any]]) -> Any:
    speaker = span.get("speaker") if isinstance(span, dict) else None
    if isinstance(speaker, dict) and (speaker.get("start"), speaker.get("end")) in gone:
        return {key: value for key, value in span.items() if key != "speaker"}
    return span


def record_of(
    where: Where, data: dict[str, Any], label_map: Mapping[str, Label | None], dropped: Counter[str]
) -> NativeRecord:
    """One line's record, or InputError naming its line and field."""
    mapped = map_labels(data, label_map, dropped)
    try:
        return NativeRecord.model_validate(mapped)
    except ValidationError as error:
        field, message = describe_validation_error(error)
        raise where.error(_label_hint(mapped, field) or message, field) from None


def read_records(
    path: str | Path, label_map: Mapping[str, Label | None] | None = None
) -> Iterator[tuple[int, NativeRecord]]:
    """(line number, record) for every line; the first bad line raises InputError naming line and field."""
    refuse_articles(Path(path))  # a plain-text article, or a folder of them: ingest's
    try:
        for where, data in jsonl_objects(path):
            refuse_foreign(where, data, "jsonl", only=True)  # evaluate --gold-from, train --from: no --format
            yield where.line or 0, record_of(where, data, label_map or {}, Counter())
    except InputError as error:
        if error.reason not in ONLY_JSONL:
            raise
        raise InputError(ONLY_JSONL[error.reason], path=error.path, line=error.line) from None


def _label_hint(data: dict[str, Any], field: str) -> str | None:
    """For a span label we do not know, the message the other formats give: how to map it."""
    match = re.fullmatch(r"spans\[(\d+)\]\.label", field)
    if match is None:
        return None
    label = data["spans"][int(match.group(1))].get("label")
    if not isinstance(label, str):
        return None
    return unknown_label(label)


# -- the registry's interface (annotator.exchange.formats) -----------------------------------------------------------

CARRIES_FLAGS = True  # flag reasons and comments: keys of their own (see flag_and_comments)
SUFFIX = ".jsonl"
CANNOT_CARRY: tuple[str, ...] = ()


def read(path: Path, options: ReadOptions) -> Iterator[Read]:
    def build(where: Where, data: dict[str, Any]) -> Iterator[Read]:
        dropped: Counter[str] = Counter()
        record = record_of(where, _noting_unknown(where, data, options), options.label_map, dropped)
        if options.annotator and is_model(record.annotator):
            raise where.error(not_anyones_work(record.annotator), "annotator")
        if options.annotator and record.annotator != options.annotator:
            if not options.rename:
                raise where.error(another_persons(record.annotator, options.annotator), "annotator")
            record = record.model_copy(update={"annotator": options.annotator})
        if "spans" in data or "status" in data:
            yield ImportedRecord(where, record, dropped=dropped)
        else:  # checked whole, then left out: read as done, it was an empty gold record
            yield Dropped(NOTHING_SAID)

    return jsonl_records(path, options, build, "jsonl")


def _noting_unknown(where: Where, data: dict[str, Any], options: ReadOptions) -> dict[str, Any]:
    """The record without its spans of labels we do not know and --label-map does not name, each noted in
    `options.unknown_labels` (as `common.label_of` notes them), when the reading gathers them; else as it is."""
    spans, unknown = data.get("spans"), options.unknown_labels
    if unknown is None or not isinstance(spans, list):
        return data
    known = {label.value for label in Label}
    kept: list[Any] = []
    gone: set[tuple[Any, Any]] = set()
    for index, span in enumerate(spans):
        name = span.get("label") if isinstance(span, dict) else None
        if isinstance(name, str) and name not in known and name not in options.label_map:
            unknown.add(name, where.error(unknown_label(name), f"spans[{index}].label"))
            gone.add((span.get("start"), span.get("end")))
        else:
            kept.append(span)
    if not gone:
        return data
    return {**data, "spans": [_without_speaker_in(span, gone) for span in kept]}


#: A record with neither spans nor a status says nothing of anyone's work (our export always writes both).
NOTHING_SAID = "record(s) with no spans and no status: no work to import (`annotator ingest` reads texts to annotate)"


def write(
    records: Iterable[RecordLike],
    out: IO[bytes],
    tokens_of: TokensOf | None = None,
    options: ExportOptions | None = None,
) -> int:
    return write_text_lines((dumps(record) + "\n" for record in records), out)
