"""Prodigy tasks (JSONL): `text`, `meta`, `tokens`, `spans` with token indices, `relations`, `answer`, and the
underscore keys Prodigy stores with every answer.

- Tokens are spaCy's, white space included: a token's `ws` says one space follows it, and any other white space
  (a second space, a line break) is a token of its own, as in the files Prodigy writes. So the text can be
  rebuilt from `tokens` and `ws`, and token indices count those tokens.
- `_input_hash` and `_task_hash` are made as Prodigy makes them (`prodigy_hashes`). Prodigy sets the task hash
  before a task is annotated, so a file's hashes are kept: when one differs from what we would write, the
  article's meta keeps it (keys `_input_hash`, `_task_hash`) and later exports write it again.
- `_annotator_id` and `_session_id` are the annotator's name. `_view_id` is `ner_manual` for entities only,
  `spans_manual` once there are quotes (they overlap entities), `relations` once a quote has a speaker.
- A quote's speaker is a relation labelled SPEAKER whose `head_span` is the QUOTE and `child_span` the ACTOR;
  `head`/`child` are the last token (`token_end`) of each. Either direction is accepted on import; other
  relation labels need --relation-map.
- `answer` is accept for done work, reject for flagged, and ignore for skipped work and for work not finished
  (in progress, to do), so that Prodigy never trains on it; our exact status travels in `status` and the
  timestamp in `updated_at` (with `_timestamp` in seconds), keys Prodigy keeps untouched. On import, Prodigy's
  own word wins where they disagree: a task answered again (an `answer` our `status` would not write, a
  `_timestamp` another second than our `updated_at`'s) has the answer's status (accept done, reject flagged,
  ignore skipped) and the `_timestamp`'s moment. Unless its spans and answer are as our export wrote them (the
  `spans_digest` key, as in Label Studio's `meta`): answered again unchanged, its `_timestamp` is no work (trial
  39a: it replaced work done here since the export), so `updated_at` stands (a conflict with newer work here).
- `meta` holds the article's meta plus `article_id` and `title`.

On import, binary tasks (ner.teach: `_view_id` "ner", `_is_binary`, or spans with their own `answer`) are
answers about suggestions, read by `prodigy_binary`. A task whose text is blank, or that classifies the whole
text (a `label` and no spans), is skipped and listed: it holds nothing we can store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from annotator.exchange.files import Where
from annotator.exchange.formats.common import (
    Dropped,
    ImportedRecord,
    Read,
    Skipped,
    blank,
    checked_span,
    jsonl_records,
    label_of,
    native_record,
    status_of,
    validated,
)
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.formats.prodigy_export import (  # noqa: F401 (the format's export: task, write)
    ANSWERS,
    HASH_KEYS,
    seconds,
    task,
    write,
)
from annotator.exchange.formats.prodigy_hashes import input_hash
from annotator.exchange.formats.speakers import kept, link_speaker
from annotator.exchange.formats.stored_spans import same_spans
from annotator.exchange.formats.whose import annotator_of
from annotator.literal import quoted, quoted_value
from annotator.models import (
    Flag,
    Integer,
    NativeRecord,
    Number,
    Span,
    Status,
    Timestamp,
    article_id_text,
    json_kind,
    utc_timestamp,
)
from annotator.rows import Token
from annotator.vocabulary import future_problem

CARRIES_FLAGS = True  # flag reasons and comments: keys of their own (see flag_and_comments)
SUFFIX = ".jsonl"
NEEDS_TOKENS = True
CANNOT_CARRY = ("meta keys named article_id or title (they carry the record's own)",)

STATUS_OF_ANSWER = {"accept": Status.DONE, "ignore": Status.SKIPPED, "reject": Status.FLAGGED}
#: The last second `_timestamp` may name: 9999-12-31T23:59:59Z (a later one is no moment Python can write).
LATEST_SECOND = 253402300799
#: What import says of a task answered again in Prodigy without a change (`stored_spans.same_spans`).
TOUCHED = "newer _timestamp(s) of tasks answered again in Prodigy, spans and answer as exported: no newer work"


class Loose(BaseModel):
    """Other tools add keys of their own: keep them, do not fail on them."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class ProdigyToken(Loose):
    text: str
    start: Integer = Field(ge=0)
    end: Integer = Field(ge=0)
    id: Integer
    ws: Flag = True


class ProdigySpan(Loose):
    start: Integer
    end: Integer
    label: str
    token_start: Integer | None = None
    token_end: Integer | None = None
    text: str | None = None
    answer: Literal["accept", "reject", "ignore"] | None = None
    score: Number | None = None
    source: str | None = None


class ProdigyRelation(Loose):
    head: Integer
    child: Integer
    head_span: ProdigySpan
    child_span: ProdigySpan
    label: str


class ProdigyTask(Loose):
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    tokens: list[ProdigyToken] = Field(default_factory=list)
    spans: list[ProdigySpan] = Field(default_factory=list)
    relations: list[ProdigyRelation] = Field(default_factory=list)
    label: str | None = None
    answer: Literal["accept", "reject", "ignore"] | None = None  # none: a task of an input stream, never answered
    status: str | None = None
    updated_at: Timestamp | None = None
    flag_reason: Any = None
    comments: Any = None
    input_hash: Integer | None = Field(default=None, alias="_input_hash")
    task_hash: Integer | None = Field(default=None, alias="_task_hash")
    annotator_id: str | None = Field(default=None, alias="_annotator_id")
    session_id: str | None = Field(default=None, alias="_session_id")
    view_id: str | None = Field(default=None, alias="_view_id")
    is_binary: Flag = Field(default=False, alias="_is_binary")
    timestamp: Integer | None = Field(default=None, alias="_timestamp", ge=0, le=LATEST_SECOND)

    @field_validator("timestamp")
    @classmethod
    def _not_in_future(cls, seconds: int | None) -> int | None:
        """A moment in the future would stay newer than all later work (`vocabulary.future_problem`)."""
        problem = None if seconds is None else future_problem(datetime.fromtimestamp(seconds, UTC))
        if problem:
            raise ValueError(problem)
        return seconds

    @property
    def binary(self) -> bool:
        """A question about suggested spans (ner.teach), not a whole annotation of the text."""
        return self.view_id == "ner" or self.is_binary or any(span.answer is not None for span in self.spans)


# -- import -------------------------------------------------------------------------------------------------


def file_tokens(task: ProdigyTask, where: Where) -> list[Token]:
    """The task's tokens that are places a span may start and end (white-space tokens are not)."""
    tokens = []
    for index, token in enumerate(task.tokens):
        if task.text[token.start : token.end] != token.text:
            raise where.error(
                f"token {quoted(token.text)} does not match the text at {token.start}:{token.end}", f"tokens[{index}]"
            )
        if token.text.strip():
            tokens.append(Token(start=token.start, end=token.end))
    return tokens


def check_token_indices(span: ProdigySpan, task: ProdigyTask, where: Where, field: str) -> None:
    """A span's token indices must name the tokens at its offsets. An offset no token starts (ends) at is the
    offset's fault, named under `start` (`end`); an index off a right offset, the index's."""
    for name, index, offset, side in (
        ("token_start", span.token_start, span.start, "start"),
        ("token_end", span.token_end, span.end, "end"),
    ):
        if index is None or not task.tokens:
            continue
        if not 0 <= index < len(task.tokens) or getattr(task.tokens[index], side) != offset:
            if 0 <= index < len(task.tokens) and all(getattr(token, side) != offset for token in task.tokens):
                at = getattr(task.tokens[index], side)
                raise where.error(
                    f"no token {side}s at {offset} (token {index}, its {name}, {side}s at {at})", f"{field}.{side}"
                )
            raise where.error(f"token {index} does not {side} at {offset}", f"{field}.{name}")


def article_fields(task: ProdigyTask, where: Where) -> dict[str, Any]:
    """article_id (when the task's meta names one), title and meta for a record of this task: an id is a string
    or a whole number, a title a string or null, as in every record (never `str()` of a list or of 1e400)."""
    meta = dict(task.meta)
    article_id, title = meta.pop("article_id", None), meta.pop("title", None)
    if title is not None and not isinstance(title, str):
        raise where.error(f"expected a string or null, got {json_kind(title)}", "meta.title")
    fields: dict[str, Any] = {"text": task.text, "title": title or "", "meta": meta}
    if article_id is not None and article_id != "":  # none, or empty: the id is the text's hash
        try:
            fields["article_id"] = article_id_text(article_id)
        except ValueError as error:
            raise where.error(str(error), "meta.article_id") from None
    return fields


def record_from_task(task: ProdigyTask, options: ReadOptions, where: Where) -> ImportedRecord:
    """A manual task (ner.manual, spans.manual, rel.manual): the annotator's whole annotation of the text."""
    dropped: Counter[str] = Counter()
    spans: dict[tuple[int, int], Span | None] = {}
    for index, item in enumerate(task.spans):
        field = f"spans[{index}]"
        check_token_indices(item, task, where, field)
        label = label_of(item.label, options, where, f"{field}.label", dropped)
        offsets = (item.start, item.end)
        spans[offsets] = (
            None
            if label is None
            else checked_span(task.text, *offsets, label, item.text, where, field, options.trim(dropped))
        )
    for index, relation in enumerate(task.relations):
        ends = (
            (relation.head_span.start, relation.head_span.end),
            (relation.child_span.start, relation.child_span.end),
        )
        link_speaker(spans, ends, relation.label, options, where, f"relations[{index}]", dropped)
    status = status_of(task.status, STATUS_OF_ANSWER[task.answer or "accept"], where, "status")
    answered = task.answer is None or ANSWERS.get(status, "ignore") == task.answer  # none: our status alone says it
    if not answered and task.answer:  # Prodigy's answer is its own word: a task answered again since our export
        status = STATUS_OF_ANSWER[task.answer]  # (a reject of done work) is what it says now
    found = kept(spans)
    updated = task.updated_at  # ours, unless Prodigy's `_timestamp` says another second: answered again since
    if task.timestamp is not None and (updated is None or seconds(updated) != task.timestamp):
        if answered and same_spans(task.model_extra or {}, found):
            dropped[TOUCHED] += 1  # answered again unchanged: the moment of a touch, not of work
        else:
            updated = utc_timestamp(datetime.fromtimestamp(task.timestamp, UTC))
    record = native_record(
        where,
        **article_fields(task, where),
        annotator=annotator_of(task.annotator_id or task.session_id, options, where, annotator_key(task)),
        status=status,
        spans=found,
        updated_at=updated,
        flag_reason=task.flag_reason,
        comments=task.comments,
    )
    tokens = file_tokens(task, where) or None
    return ImportedRecord(
        where, keep_hashes(record, task, tokens), tokens, dropped, annotator_field=annotator_key(task)
    )


def annotator_key(task: ProdigyTask) -> str:
    """The key that names a task's annotator: `_annotator_id`, else `_session_id`."""
    return "_session_id" if not task.annotator_id and task.session_id else "_annotator_id"


def keep_hashes(record: NativeRecord, given: ProdigyTask, tokens: list[Token] | None) -> NativeRecord:
    """The record, its meta keeping the file's hashes where they differ from those we would write for it."""
    if given.input_hash is None and given.task_hash is None:
        return record
    from annotator.suggest.tokens import tokenize

    tokens = tokens if tokens is not None else tokenize([record.text])[0]
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    if any(s.start not in starts or s.end not in ends for s in record.spans):  # snapped or refused later, with its
        ours = {"_input_hash": input_hash({"text": record.text}), "_task_hash": None}  # line: its spans' hash differs
    else:
        ours = task(record, tokens)
    different = {
        key: value
        for key, value in zip(HASH_KEYS, (given.input_hash, given.task_hash), strict=True)
        if value is not None and value != ours[key]
    }
    return record.model_copy(update={"meta": {**record.meta, **different}}) if different else record


def skip_reason(data: dict[str, Any]) -> str | None:
    """Why a task holds nothing we can store, or None."""
    if blank(data.get("text")):
        return "the text is blank: nothing to annotate"
    if not data.get("spans") and ("label" in data or "options" in data) and data.get("_view_id") != "ner_manual":
        return f"a task classifying the whole text (label {quoted_value(data.get('label'))}), not spans"
    return None


#: Prodigy writes an `answer` on every task a person answered (accept, reject, ignore); a task without one (and
#: without our `status`) is a task of an input stream, which nobody judged: read as done, a pre-annotated stream
#: (prodigy-recipes' bio_events.jsonl) became accepted work (trial 8). Left out and counted, as doccano's are.
UNANSWERED = (
    "task(s) with no answer: an input stream nobody judged, no one's work (ingest the file to annotate their texts)"
)


def _unanswered(task: ProdigyTask) -> bool:
    return task.answer is None and task.status is None and not any(span.answer for span in task.spans)


def read(path: Path, options: ReadOptions) -> Iterator[Read]:
    from annotator.exchange.formats.prodigy_binary import Questions

    questions = Questions(options)

    def one(where: Where, data: dict[str, Any]) -> Iterator[Read]:
        reason = skip_reason(data)
        if reason:
            yield Skipped(where, reason)
            return
        given = validated(ProdigyTask, data, where)
        if _unanswered(given):  # checked whole, as a doccano record nobody labelled is, then left out
            record_from_task(given, options, where)
            yield Dropped(UNANSWERED)
            return
        if given.binary:
            questions.add(given, where)  # its answers come with the other answers about that text, at the end
            return
        yield record_from_task(given, options, where)

    yield from jsonl_records(path, options, one, "prodigy")
    yield from questions.records()
