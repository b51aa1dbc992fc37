"""What every format module shares: the records going out and coming in, skipping a bad record (--skip-invalid),
labels through the map, span checks (relations and speakers: `formats.speakers`; options: `formats.options`;
files: `annotator.exchange.files`).

Format modules convert between their own (pydantic-validated) file records and `NativeRecord`; they never
touch the database. Errors name the file, the line (or record number in a JSON array) and the field.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from annotator import models
from annotator.errors import InputError, describe_validation_error, not_one_of
from annotator.exchange.files import Where, jsonl_lines
from annotator.exchange.formats.given_files import refuse_articles
from annotator.exchange.formats.json_text import dumps as dumps  # every format's JSON, a record a line
from annotator.exchange.formats.looks import refuse_foreign
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.formats.stored_spans import RecordSpan
from annotator.exchange.formats.trim_hint import snap_hint
from annotator.exchange.formats.unknown_labels import EACH_LABEL
from annotator.literal import quoted
from annotator.models import (
    Label,
    NativeRecord,
    Span,
    SpanError,
    Status,
    Suggestion,
    check_span,
    content_hash,
    unstorable,
)
from annotator.rows import SpanLike, Token
from annotator.spans import edge_problem, fit


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
    unchecked: tuple[str, ...] = ()  # the commands that alone wrote this work (`store.unchecked.commands_alone`)
    as_suggested: bool = False  # exactly the model's suggestions, A then d on the screen too (`store.as_suggested`)


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


@dataclass(frozen=True)
class Skipped:
    """A record left out of an import, and why: invalid (with --skip-invalid), a repeat, or nothing to store."""

    where: Where
    reason: str

    def __str__(self) -> str:
        return str(self.where.error(self.reason))

    @classmethod
    def of(cls, where: Where, error: InputError) -> Skipped:
        """The record at `where` left out for `error` (--skip-invalid), listed at the line the error names (a CoNLL
        document's bad tag, a task's annotation), as the refusal names it (re-trial s52 t6 W2: 81, then 78)."""
        at = dataclasses.replace(where, line=error.line) if error.line is not None else where
        return cls(at, f"field {error.field!r}: {error.reason}" if error.field else error.reason)


@dataclass(frozen=True)
class Dropped:
    """Something a file holds that an import leaves out on purpose, counted by kind (a task nobody annotated)."""

    what: str
    count: int = 1


@dataclass(frozen=True)
class Question:
    """A binary answer (Prodigy's ner.teach): a suggested span and whether the annotator accepted it, rejected it
    or gave no answer (None); where the file gives it (its line and field), for an error about it."""

    suggestion: Suggestion
    answer: str | None
    where: Where | None = None
    field: str = ""


@dataclass(frozen=True)
class ImportedRecord:
    """A record read from a file, where it was, the tokens the file gave for its text (if any), what of it was
    dropped on purpose (by --label-map, --relation-map, or because we have no place for it), the binary
    answers it holds (the accepted ones are also the record's spans), whether its text was rebuilt from tokens
    (then `exchange.realign` finds the stored article with its words), and the fields that named its annotator
    and its comments' authors, for an error about a name (`comments_field[i].annotator`)."""

    where: Where
    record: NativeRecord
    tokens: list[Token] | None = None
    dropped: Counter[str] = field(default_factory=Counter)
    questions: tuple[Question, ...] = ()
    rebuilt: bool = False  # the text may be tokens joined (CoNLL, a Doc without our record): matched by its words
    joined_here: bool = False  # the reader joined the tokens itself (CoNLL): a new article's spacing is a guess
    annotator_field: str = "annotator"
    comments_field: str = "comments"
    #: Which of its task's answers it is, where one task holds several (a Label Studio task's `annotations[1]`).
    part: str | None = None
    #: The task's own id in the file (a Label Studio server's), where it has one: its number there is its place.
    task_id: str | None = None
    #: The id a Label Studio server gave this answer, kept in a new article's meta (`labelstudio_ids`).
    annotation_id: int | str | None = None
    user: int | None = None  # the Label Studio user who made it (completed_by), its annotator: `known_users`
    #: When the server made this answer (a Label Studio annotation's `created_at`): of one task's answers by one
    #: annotator, the one made or changed last stands (`duplicates.later_of`).
    made: str | None = None
    #: What the import says of how the reader read it, where a reading was one of two (CoNLL's blocks as sentences).
    said: tuple[str, ...] = ()
    #: Binary answers a later one about the same span replaced (ner.teach): (the earlier's place, its span, the later's).
    answered_again: tuple[tuple[Where, str, Where], ...] = ()
    #: The file's own field of each span (doccano's `label[0]`), by offsets and label, for an error found later.
    span_fields: dict[tuple[int, int, str], str] = field(default_factory=dict)
    #: What this record cannot say beyond what its format cannot (`verdicts.unsaid`): a Label Studio JSON_MIN
    #: record, read by the format of its JSON export, has no status and no relations.
    unsaid: frozenset[str] = frozenset()


#: What a reader yields: a record, a record it left out (listed), or something it left out on purpose (counted).
Read = ImportedRecord | Skipped | Dropped


def guarded(options: ReadOptions, where: Where, build: Callable[[], Read]) -> Read:
    """`build()`, or, with --skip-invalid, the error it raised as a `Skipped` record (else the error stands)."""
    try:
        return build()
    except InputError as error:
        if not options.skip_invalid:
            raise
        return Skipped.of(where, error)


def guarded_items(options: ReadOptions, where: Where, items: Callable[[], Iterable[Read]]) -> list[Read]:
    """Everything `items()` gives for one record of a file, or, with --skip-invalid, the error it raised as one
    `Skipped` record (else the error stands)."""
    try:
        return list(items())
    except InputError as error:
        if not options.skip_invalid:
            raise
        return [Skipped.of(where, error)]


def jsonl_records(
    path: Path, options: ReadOptions, build: Callable[[Where, dict[str, Any]], Iterable[Read]], reading: str
) -> Iterator[Read]:
    """What `build(where, line's object)` makes of every line of a JSONL file read as format `reading`; a bad
    line (bad JSON, a record in another known format's shape (`looks`), or a record `build` refuses) stops the
    reading, or, with --skip-invalid, is skipped and listed."""

    def checked(where: Where, data: dict[str, Any]) -> Iterable[Read]:
        refuse_foreign(where, data, reading)
        return build(where, data)

    refuse_articles(path)  # a plain-text article, or a folder of them: ingest's
    for where, data in jsonl_lines(path):
        if isinstance(data, InputError):
            if not options.skip_invalid:
                raise data
            yield Skipped.of(where, data)
        else:
            yield from guarded_items(options, where, partial(checked, where, data))


def label_of(
    name: Any,
    options: ReadOptions,
    where: Where,
    field: str,
    dropped: Counter[str] | None = None,
    *,
    continues: bool = False,
) -> Label | None:
    """Our label for a file's label: mapped by --label-map (None: dropped, and counted in `dropped`), else ours by
    name, else a one-line error (noted, and read on as if dropped, when `options.unknown_labels` gathers them).
    `continues`: the label of a tag inside a span already read (CoNLL's I-PER after B-PER), so an unknown one counts
    no second span (trial 8: one person was "PER x2")."""
    if not isinstance(name, str):
        raise where.error(f"expected a label name, got {name!r}", field)
    if name in options.label_map:
        mapped = options.label_map[name]
        if mapped is None and dropped is not None:
            dropped[f"span(s) labelled {quoted(name)} (--label-map {name}=)"] += 1
        return mapped
    try:
        return Label(name)
    except ValueError:
        if options.unknown_labels is None:
            raise where.error(unknown_label(name), field) from None
    options.unknown_labels.add(name, where.error(unknown_label(name), field), counted=not continues)
    return None


def unknown_label(name: str) -> str:
    """The error for a label we do not have, in every format: what ours are, what was found, and how to map it."""
    return f"{not_one_of((label.value for label in Label), name)}{_map_hint(name)}"


MAP_HINT = " (map it with --label-map "


def _map_hint(name: str) -> str:
    """A placeholder to fill in, never a pasteable guess (a copied GPE=ACTOR is how dates once became people)."""
    return f"{MAP_HINT}{name}=LABEL, {EACH_LABEL.format(each='LABEL')} {name}=)"


def without_map_hint(reason: str) -> str:
    """`unknown_label`'s words without the --label-map hint, for a reader that has no --label-map (`train`)."""
    return reason.split(MAP_HINT, 1)[0]


def status_of(found: Any, default: Status, where: Where, field: str) -> Status:
    if found is None:
        return default
    try:
        return Status(found)
    except ValueError:
        raise where.error(not_one_of((status.value for status in Status), found), field) from None


#: The key under which `checked_span` counts the spans it trimmed (reported apart from what was left out).
TRIMMED = "span(s) trimmed to the span rules (--snap)"
#: Counted where a region's offsets counted UTF-16 code units and were read as characters (`labelstudio`).
UTF16_OFFSETS = "span(s) at offsets in UTF-16 code units"
#: Counted where a Doc has tokens spaCy marks missing (`ent_iob_ == ""`): stored as work in progress (`spacy_docbin`).
MISSING_TOKENS = "Doc(s) with tokens marked missing"


def checked_span(
    text: str,
    start: int,
    end: int,
    label: Label,
    given: str | None,
    where: Where,
    field: str,
    trimmed: Counter[str] | None = None,
) -> Span:
    """A span checked against its article: inside it, quoting it exactly (when the file says what it quotes),
    obeying the span rules (`annotator.spans`). With `trimmed` (--snap), a span whose edges break the rules
    (a stray ":" or "." another tool's tokens left on it) becomes the range inside that keeps them, counted."""
    if start < 0 or end <= start:
        raise where.error(f"bad offsets {start}:{end}", field)
    words = text[start:end] if given is None else given
    if trimmed is not None and words == text[start:end] and edge_problem(text, start, end, label):
        fitted = fit(text, start, end, label)
        if fitted is not None:
            start, end = fitted
            words = text[start:end]
            trimmed[TRIMMED] += 1
    try:
        span = Span(start=start, end=end, label=label, text=words)
        check_span(span, text)
    except SpanError as error:
        edges = (
            trimmed is None and end <= len(text) and words == text[start:end] and edge_problem(text, start, end, label)
        )
        fitted = fit(text, start, end, label) if edges else None  # only an edge the rules trim, not a span off the text
        hint = snap_hint(text, fitted, label) if fitted and fitted != (start, end) else ""
        raise where.error(f"{error}{hint}", f"{field}.{error.field}") from None  # re-trial 41r: --snap unnamed
    return span


def blank(text: Any) -> bool:
    """A text with nothing to annotate (empty or white space only): such a task is skipped, not an error."""
    return isinstance(text, str) and not text.strip()


def flag_and_comments(record: RecordLike) -> dict[str, Any]:
    """A record's flag reason and comments as the JSON keys `flag_reason` and `comments`, only those it has: the
    native record's keys, which Label Studio (task meta), Prodigy and doccano (keys of their own) carry too."""
    data: dict[str, Any] = {}
    flag_reason = getattr(record, "flag_reason", None)  # records from the store carry these two; read ones not
    if flag_reason is not None:
        data["flag_reason"] = flag_reason
    comments = getattr(record, "comments", ())
    if comments:
        data["comments"] = [{"annotator": c.annotator, "text": c.text, "at": c.at} for c in comments]
    return data


def native_record(where: Where, sourced: Mapping[str, str] | None = None, /, **fields: Any) -> NativeRecord:
    """Build a NativeRecord, turning what its validators reject (overlaps, speakers) into a located error. `sourced`:
    the path in the file of a field read from elsewhere than its own name (Label Studio's `meta.status`,
    `data.article_id`), so the error names that path (atk34 13: `meta.status` was told as `annotations[0].status`)."""
    text = fields.get("text", "")
    problem = unstorable(text, "text") if isinstance(text, str) else None
    if problem:  # before the id, which hashes the text's UTF-8
        raise where.error(problem, (sourced or {}).get("text", "text"))
    fields.setdefault("article_id", content_hash(text) if isinstance(text, str) and text else "")
    try:
        return NativeRecord(**fields)
    except ValidationError as error:
        name, message = describe_validation_error(error)
        head = re.split(r"[.\[]", name, maxsplit=1)[0]
        if sourced and head in sourced:
            name = sourced[head] + name[len(head) :]
        raise where.error(message, name) from None


M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: Any, where: Where, at: str = "") -> M:
    """`data` as `model`, else an error naming the field (`at`: the path of `data` in its record, with its dot)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        name, message = describe_validation_error(error)
        raise where.error(message, at + name if at and name != "record" else at.rstrip(".") or name) from None


def short_id(*parts: Any) -> str:
    """A deterministic region id (Label Studio uses short random strings; ours repeat on every export)."""
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:10]
