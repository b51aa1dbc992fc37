"""What every format module shares: reading options, label maps, span checks (files: `annotator.exchange.files`).

Format modules convert between their own (pydantic-validated) file records and `NativeRecord`; they never
touch the database. Errors name the file, the line (or record number in a JSON array) and the field.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from annotator import models
from annotator.errors import InputError, describe_validation_error
from annotator.exchange.files import Where
from annotator.models import Label, NativeRecord, Span, SpanError, Status, check_span, content_hash
from annotator.rows import Offsets, SpanLike, Token


@dataclass(frozen=True, slots=True)
class RecordSpan:
    """A span of a record on its way out: the span alone, without the database's ids."""

    start: int
    end: int
    label: Label
    text: str
    speaker: Offsets | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """A native record on its way out: plain values from the store, in the shape of `NativeRecord` (which
    checks records on their way in, and whose JSON Schema describes both)."""

    article_id: str
    text: str
    title: str
    meta: dict[str, Any]
    annotator: str
    status: Status
    spans: Sequence[RecordSpan]
    updated_at: str | None = None
    flag_reason: str | None = None
    comments: Sequence[models.Comment] = ()


class RecordLike(Protocol):
    """What a format writes: records exported from the store (`Record`), or records read from a file."""

    @property
    def article_id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def meta(self) -> dict[str, Any]: ...
    @property
    def annotator(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def spans(self) -> Sequence[SpanLike]: ...
    @property
    def updated_at(self) -> str | None: ...


#: Given a record about to be written, the token offsets of its article (stored ones, or a tokenizer's).
TokensOf = Callable[[RecordLike], list[Token]]

#: The relation label quotes and their speakers carry in formats with relations.
SPEAKER_RELATION = "SPEAKER"


def parse_label_map(text: str | None) -> dict[str, Label]:
    """`PERSON=ACTOR,GPE=LOCATION` -> {"PERSON": ACTOR, "GPE": LOCATION}; a bad entry is a one-line error."""
    mapping: dict[str, Label] = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        foreign, _, ours = item.partition("=")
        if not foreign.strip() or not ours.strip():
            raise InputError(f"expected FOREIGN=LABEL, got {item.strip()!r}", field="--label-map")
        try:
            mapping[foreign.strip()] = Label(ours.strip())
        except ValueError:
            known = ", ".join(label.value for label in Label)
            raise InputError(f"{ours.strip()!r} is not a label (known: {known})", field="--label-map") from None
    return mapping


@dataclass(frozen=True)
class ReadOptions:
    """What an importer needs beyond the file: whose work it is and how to read foreign labels."""

    annotator: str | None = None
    label_map: dict[str, Label] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedRecord:
    """A record read from a file, where it was, and the tokens the file gave for its text (if any)."""

    where: Where
    record: NativeRecord
    tokens: list[Token] | None = None


def label_of(name: Any, options: ReadOptions, where: Where, field: str) -> Label:
    """Our label for a file's label: mapped by --label-map, else ours by name, else a one-line error."""
    if not isinstance(name, str):
        raise where.error(f"expected a label name, got {name!r}", field)
    if name in options.label_map:
        return options.label_map[name]
    try:
        return Label(name)
    except ValueError:
        raise where.error(f"unknown label {name!r} (map it with --label-map {name}=ACTOR)", field) from None


def annotator_of(found: Any, options: ReadOptions, where: Where, field: str) -> str:
    """--annotator wins; else the file's own; else an error (never guess whose work it is)."""
    if options.annotator:
        return options.annotator
    if isinstance(found, str) and found:
        return found
    raise where.error("the record names no annotator; give --annotator", field)


def status_of(found: Any, default: Status, where: Where, field: str) -> Status:
    if found is None:
        return default
    try:
        return Status(found)
    except ValueError:
        raise where.error(f"unknown status {found!r}", field) from None


def checked_span(text: str, start: int, end: int, label: Label, given: str | None, where: Where, field: str) -> Span:
    """A span checked against its article: inside it, quoting it exactly (when the file says what it quotes)."""
    if start < 0 or end <= start:
        raise where.error(f"bad offsets {start}:{end}", field)
    quoted = text[start:end] if given is None else given
    try:
        span = Span(start=start, end=end, label=label, text=quoted)
        check_span(span, text)
    except SpanError as error:
        raise where.error(str(error), f"{field}.{error.field}") from None
    return span


def with_speaker(span: Span, speaker: Span | None) -> Span:
    if speaker is None:
        return span
    return span.model_copy(update={"speaker": models.Offsets(start=speaker.start, end=speaker.end)})


def link_speaker(spans: dict[Any, Span], first: Any, second: Any, label: Any, where: Where, field: str) -> None:
    """Set the speaker a SPEAKER relation gives, whichever way round it joins the QUOTE and the ACTOR."""
    if label != SPEAKER_RELATION:
        raise where.error(f"unknown relation {label!r} (only {SPEAKER_RELATION} is known)", field)
    if first not in spans or second not in spans:
        raise where.error("the relation names a span the record does not have", field)
    quote, actor = (first, second) if spans[first].label is Label.QUOTE else (second, first)
    if spans[quote].label is not Label.QUOTE or spans[actor].label is not Label.ACTOR:
        raise where.error("a SPEAKER relation joins a QUOTE and an ACTOR", field)
    spans[quote] = with_speaker(spans[quote], spans[actor])


def native_record(where: Where, **fields: Any) -> NativeRecord:
    """Build a NativeRecord, turning what its validators reject (overlaps, speakers) into a located error."""
    text = fields.get("text", "")
    fields.setdefault("article_id", content_hash(text) if isinstance(text, str) and text else "")
    try:
        return NativeRecord(**fields)
    except ValidationError as error:
        name, message = describe_validation_error(error)
        raise where.error(message, name) from None


M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: Any, where: Where) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        name, message = describe_validation_error(error)
        raise where.error(message, name) from None


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def hash32(*parts: Any) -> int:
    """A deterministic signed 32-bit hash (Prodigy's hashes are signed 32-bit ints): sha256 of the JSON parts."""
    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big", signed=True)


def short_id(*parts: Any) -> str:
    """A deterministic region id (Label Studio uses short random strings; ours repeat on every export)."""
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:10]


def token_index(tokens: list[Token]) -> tuple[dict[int, int], dict[int, int]]:
    """(start offset -> token index, end offset -> token index)."""
    return {t.start: i for i, t in enumerate(tokens)}, {t.end: i for i, t in enumerate(tokens)}
