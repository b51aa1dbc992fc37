"""Pydantic models for the records that cross a file's border: articles and annotations read from files, the
native record, and the JSON Schemas written from them (`annotator.exchange.schemas`). Inside the process, the
store hands out the plain rows of `annotator.rows`.

Offsets are Python string indices (code points) into the article text exactly as stored, end exclusive.
Checks that need the article text (a span's `text` must equal `text[start:end]`) live in
`check_span`, because a span alone does not carry the article it belongs to.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from annotator.differ import character
from annotator.errors import found, surrogate_problem
from annotator.errors import json_kind as json_kind
from annotator.literal import quoted
from annotator.spans import edge_problem, layer_problem
from annotator.vocabulary import ENTITY_LABELS as ENTITY_LABELS
from annotator.vocabulary import Label as Label
from annotator.vocabulary import Status as Status
from annotator.vocabulary import content_hash as content_hash
from annotator.vocabulary import entered_name, future_problem, id_problem
from annotator.vocabulary import parse_timestamp as parse_timestamp
from annotator.vocabulary import utc_now as utc_now
from annotator.vocabulary import utc_timestamp as utc_timestamp

# The types of values read from files: taken as they are or refused, never converted (pydantic's default would read
# `"start": true` as 1, `"0"` as 0 and `2.0` as 2). Every record model that reads a file uses them.

#: A character offset or an index: a JSON integer, never a boolean, a float or a string of digits.
Integer = StrictInt
#: A score: a JSON number, never a boolean or a string.
Number = StrictFloat
#: A yes or no: a JSON boolean, never 0, 1 or "false" (which pydantic's default would read as false).
Flag = StrictBool


def _timestamp(text: str) -> str:
    moment = parse_timestamp(text)
    problem = future_problem(moment)
    if problem:
        raise ValueError(problem)
    return utc_timestamp(moment)


#: A moment: ISO 8601 with a time zone, stored as `utc_timestamp` writes it (UTC, so stored stamps compare as
#: moments); anything else ("yesterday", a stamp without a time zone) is an error naming the field, and so is a
#: moment in the future (`vocabulary.future_problem`: it would stay newer than all later work).
Timestamp = Annotated[StrictStr, AfterValidator(_timestamp), WithJsonSchema({"type": "string", "format": "date-time"})]


def _name(name: str) -> str:
    name, problem = entered_name(name)
    if problem:
        raise ValueError(problem)
    return name


#: An annotator's name as a file gives it, in NFC: `vocabulary.entered_name`'s rule (never a path, no white space
#: at its ends, no look-alike of gold or of a name in another script), one rule at every border.
AnnotatorName = Annotated[StrictStr, Field(min_length=1), AfterValidator(_name)]


def _no_title(value: Any) -> Any:
    return "" if value is None else value


#: A title: a string, or null for none (a missing title is none too; the store then makes one from the text).
Title = Annotated[StrictStr, BeforeValidator(_no_title, json_schema_input_type=str | None)]


def article_id_text(value: Any) -> str:
    """An article id a source gives, as text: a string, or a whole number's decimal text; else ValueError."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # exact: 17 is the article "17"
    raise ValueError(f"expected a string or a whole number, got {json_kind(value)}")


def _plain_id(article_id: str) -> str:
    """An article id holds no control character (`vocabulary.id_problem`, one rule at every border)."""
    problem = id_problem(article_id)
    if problem:
        raise ValueError(f"{problem}: {found(article_id)}")
    return article_id


#: An article's id from a source: a string, or a JSON integer taken as its decimal text. Never a float (1e400 would
#: be the article "inf"), a boolean or a list, nor one holding a control character (`_plain_id`).
ArticleId = Annotated[
    str, BeforeValidator(article_id_text, json_schema_input_type=str | int), AfterValidator(_plain_id)
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Offsets(Strict):
    """A character range; a QUOTE's speaker is the ACTOR span at these offsets."""

    start: Integer = Field(ge=0)
    end: Integer = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self


class Span(Offsets):
    label: Label
    text: str
    speaker: Offsets | None = None

    @model_validator(mode="after")
    def _speaker_only_on_quotes(self) -> Self:
        if self.speaker is not None and self.label is not Label.QUOTE:
            raise ValueError(f"only a QUOTE may have a speaker, not {self.label.value}")
        return self

    @property
    def offsets(self) -> Offsets:
        return Offsets(start=self.start, end=self.end)

    def overlaps(self, other: Offsets) -> bool:
        return self.start < other.end and other.start < self.end


class Suggestion(Span):
    """A model's proposal; `suggester` is a versioned name ("spacy-ner.v1") so results say what made them."""

    suggester: str
    score: Number | None = None


class SpanError(ValueError):
    """A span that does not fit its article; `field` names the offending field for error messages."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def blank_problem(text: str) -> str | None:
    """Why a text has nothing to annotate, or None: empty, or white space only (spaces, tabs, line breaks, a
    no-break space: what `str.strip` takes), which a newcomer was told was "empty"."""
    if not text:
        return "must not be empty"
    if not text.strip():
        return f"holds only white space ({len(text)} characters), nothing to annotate"
    return None


def check_text(text: str) -> str:
    """Article text must hold more than white space and be storable as UTF-8 (no lone surrogates); a field
    validator, so an error names the field `text`."""
    problem = blank_problem(text)
    if problem:
        raise ValueError(problem)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(f"text {surrogate_problem(error.start)}") from None
    if "\0" in text:
        raise ValueError(nul_problem("text", text))
    return text


def nul_problem(field: str, text: str) -> str:
    """What a text holding a NUL is told: SQLite's text functions (`length`, `substr`) stop at it, so stored text
    would fail the database's own `check` and `merge` (attack 31). Other control characters are data, shown
    escaped."""
    return f"{field} holds a NUL character (\\u0000) at {character(text.index(chr(0)))}, which SQLite cannot store"


def unstorable(value: Any, field: str) -> str | None:
    """Where in a JSON-like value a lone surrogate hides (SQLite stores UTF-8 and cannot take one), or a NaN or
    infinity (Python's json reads `NaN` and `1e999`, but they are not standard JSON and no other tool reads
    them back), or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"{field} is {json_kind(value)}, which is not standard JSON"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"{field} {surrogate_problem(error.start)}"
        if "\0" in value:
            return nul_problem(field, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            step = f".{key}" if isinstance(key, str) and key.isidentifier() else f"[{key!r}]"  # "\n" shown as '\n'
            problem = unstorable(key, f"a key of {field}") or unstorable(item, f"{field}{step}")
            if problem:
                return problem
    elif isinstance(value, list):
        for index, item in enumerate(value):
            problem = unstorable(item, f"{field}[{index}]")
            if problem:
                return problem
    return None


def check_storable(value: Any, info: ValidationInfo) -> Any:
    """A field validator: the value can be stored as UTF-8 (without a NUL) and written as standard JSON."""
    problem = unstorable(value, info.field_name or "value")
    if problem:
        raise ValueError(problem)
    return value


def check_span(span: Span, text: str) -> None:
    """Raise SpanError unless the span lies inside `text`, quotes it exactly and obeys the span rules
    (`annotator.spans`: no line break inside, no white space or stray punctuation at its edges)."""
    if span.end > len(text):
        raise SpanError("end", f"end {span.end} is beyond the article's {len(text)} characters")
    actual = text[span.start : span.end]
    if actual != span.text:
        raise SpanError(
            "text", f"text {quoted(span.text)} does not match the article at {span.start}:{span.end} ({quoted(actual)})"
        )
    problem = edge_problem(text, span.start, span.end, span.label)
    if problem:  # the words as repr writes them: "'.\\nWashington'" shows the line break a rule refuses
        raise SpanError("start", f"span {span.start}:{span.end} {actual!r}: {problem}")


def check_spans(spans: list[Span], text: str) -> None:
    """Check every span, then the rules of one annotation (no overlap within a layer, speakers are ACTORs)."""
    for index, span in enumerate(spans):
        try:
            check_span(span, text)
        except SpanError as error:
            raise SpanError(f"spans[{index}].{error.field}", str(error)) from None
    clash = layer_problem(spans)
    if clash:
        index, problem = clash
        field = f"spans[{index}].speaker" if "speaker" in problem else "spans"
        raise SpanError(field, problem)


class ArticleIn(Strict):
    """An article as read from a file, before it is stored."""

    text: str = Field(min_length=1)
    id: ArticleId | None = Field(default=None, min_length=1)
    title: Title = ""
    meta: dict[str, Any] = Field(default_factory=dict)

    _text = field_validator("text")(check_text)
    _storable_fields = field_validator("title", "meta")(check_storable)

    @property
    def article_id(self) -> str:
        return self.id or content_hash(self.text)


class Comment(Strict):
    """A comment someone left on an article (`C` in the annotator), exported with every record of the article."""

    annotator: AnnotatorName
    text: str = Field(min_length=1)
    at: Timestamp

    _storable_fields = field_validator("text")(check_storable)


#: The name of a command in a record's `unchecked` ("accept", "adjudicate --auto").
CommandName = Annotated[StrictStr, Field(min_length=1, max_length=100)]


class Unchecked(Strict):
    """A record's work as no person changed it in the exporting database: what commands alone wrote (`annotator
    accept`, `adjudicate --auto`: `commands`, `store.unchecked`), or exactly the model's suggestions however it was
    made (`as_suggested`: A then d on the screen too, `store.as_suggested`), or both; with the status and a digest
    of the spans (`exchange.formats.stored_spans.spans_digest`): an import keeps the work counted as no person's
    only while the record still says these, so a record changed in the file since is a person's work. A record
    written before `as_suggested` names its commands alone, as it still reads."""

    #: The schema says what `_says_something` checks: commands named, or `as_suggested` true (or both).
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "anyOf": [
                {"required": ["commands"], "properties": {"commands": {"minItems": 1}}},
                {"required": ["as_suggested"], "properties": {"as_suggested": {"const": True}}},
            ]
        },
    )

    commands: list[CommandName] = Field(default_factory=list)
    as_suggested: StrictBool = False
    status: Status
    spans_digest: str = Field(pattern="^[0-9a-f]{16}$")

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if not self.commands and not self.as_suggested:
            raise ValueError("names no command and is not as_suggested: it says nothing of the work")
        return self


class NativeRecord(Strict):
    """The native JSONL record: one line per article and annotator (see schemas/native_record.json)."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="NativeRecord")

    article_id: Annotated[str, Field(min_length=1), AfterValidator(_plain_id)]
    text: str = Field(min_length=1)
    title: Title = ""
    meta: dict[str, Any] = Field(default_factory=dict)
    annotator: AnnotatorName
    status: Status = Status.DONE
    spans: list[Span] = Field(default_factory=list)
    updated_at: Timestamp | None = None
    flag_reason: str | None = None  # why the annotator flagged the article (status "flagged")
    comments: list[Comment] | None = None  # every comment on the article, each with its author (none: left out)
    unchecked: Unchecked | None = None  # commands alone wrote this work (`annotator accept`): no person looked

    _text = field_validator("text")(check_text)
    _storable_fields = field_validator("title", "meta", "updated_at", "flag_reason")(check_storable)

    @model_validator(mode="after")
    def _spans_fit_text(self) -> Self:
        check_spans(self.spans, self.text)  # a SpanError names its field (describe_validation_error reads it)
        return self


#: The records people exchange, written to schemas/ by `annotator.exchange.schemas`.
EXCHANGED_MODELS: dict[str, type[BaseModel]] = {
    "native_record": NativeRecord,
    "article_in": ArticleIn,
    "span": Span,
    "suggestion": Suggestion,
}
