"""Prodigy-style tasks (JSONL): `text`, `meta`, `tokens`, `spans` with token indices, `relations`, `answer`,
and the underscore keys Prodigy stores with every answer.

- `_input_hash` is `hash32("input", text)` and `_task_hash` is `hash32("task", _input_hash, spans, relations,
  _view_id)` (see `common.hash32`: the first 4 bytes of a SHA-256 over the JSON of the parts, as a signed
  32-bit int like Prodigy's). Both depend only on the content, so exporting twice gives the same hashes; they
  do not include the annotator (Prodigy's do not either).
- `_annotator_id` and `_session_id` are the annotator's name. `_view_id` is `ner_manual` for entities only,
  `spans_manual` once there are quotes (they overlap entities), `relations` once a quote has a speaker.
- A quote's speaker is a relation labelled SPEAKER whose `head_span` is the QUOTE and `child_span` the ACTOR;
  `head`/`child` are the last token (`token_end`) of each. Either direction is accepted on import.
- `answer` is accept (done, in progress), ignore (skipped) or reject (flagged); our exact status travels in
  `status` and the timestamp in `updated_at` (with `_timestamp` in seconds), keys Prodigy keeps untouched.
- `meta` holds the article's meta plus `article_id` and `title`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from annotator.errors import AnnotatorError
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
    hash32,
    label_of,
    link_speaker,
    native_record,
    status_of,
    token_index,
    validated,
)
from annotator.models import Label, Span, Status
from annotator.rows import SpanLike, Token

SUFFIX = ".jsonl"
NEEDS_TOKENS = True
CANNOT_CARRY = ("meta keys named article_id or title (they carry the record's own)",)

ANSWERS = {Status.SKIPPED: "ignore", Status.FLAGGED: "reject"}
STATUS_OF_ANSWER = {"accept": Status.DONE, "ignore": Status.SKIPPED, "reject": Status.FLAGGED}


class Loose(BaseModel):
    """Other tools add keys of their own: keep them, do not fail on them."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class ProdigyToken(Loose):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    id: int
    ws: bool = True


class ProdigySpan(Loose):
    start: int
    end: int
    label: str
    token_start: int | None = None
    token_end: int | None = None
    text: str | None = None


class ProdigyRelation(Loose):
    head: int
    child: int
    head_span: ProdigySpan
    child_span: ProdigySpan
    label: str


class ProdigyTask(Loose):
    text: str = Field(min_length=1)
    meta: dict[str, Any] = Field(default_factory=dict)
    tokens: list[ProdigyToken] = Field(default_factory=list)
    spans: list[ProdigySpan] = Field(default_factory=list)
    relations: list[ProdigyRelation] = Field(default_factory=list)
    answer: Literal["accept", "reject", "ignore"] = "accept"
    status: str | None = None
    updated_at: str | None = None
    input_hash: int | None = Field(default=None, alias="_input_hash")
    task_hash: int | None = Field(default=None, alias="_task_hash")
    annotator_id: str | None = Field(default=None, alias="_annotator_id")
    session_id: str | None = Field(default=None, alias="_session_id")
    view_id: str | None = Field(default=None, alias="_view_id")
    timestamp: int | None = Field(default=None, alias="_timestamp")


# -- export -------------------------------------------------------------------------------------------------


def _span(span: SpanLike, starts: dict[int, int], ends: dict[int, int], record: RecordLike) -> dict[str, Any]:
    if span.start not in starts or span.end not in ends:
        raise AnnotatorError(
            f"article {record.article_id}: span {span.start}:{span.end} {span.text!r} is not on its token boundaries"
        )
    return {
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "token_start": starts[span.start],
        "token_end": ends[span.end],
        "label": span.label.value,
    }


def task(record: RecordLike, tokens: list[Token]) -> dict[str, Any]:
    """One native record as a Prodigy task (a plain dict, ready for json.dumps)."""
    starts, ends = token_index(tokens)
    spans = [_span(s, starts, ends, record) for s in sorted(record.spans, key=lambda s: (s.start, s.end))]
    by_offsets = {(s["start"], s["end"]): s for s in spans}
    relations = []
    for span in record.spans:
        if span.speaker is not None:
            quote, actor = by_offsets[(span.start, span.end)], by_offsets[(span.speaker.start, span.speaker.end)]
            relations.append(
                {
                    "head": quote["token_end"],
                    "child": actor["token_end"],
                    "head_span": quote,
                    "child_span": actor,
                    "label": SPEAKER_RELATION,
                }
            )
    view = (
        "relations"
        if relations
        else "spans_manual"
        if any(s.label is Label.QUOTE for s in record.spans)
        else "ner_manual"
    )
    input_hash = hash32("input", record.text)
    relation_keys = [(r["head_span"]["start"], r["child_span"]["start"], r["label"]) for r in relations]
    span_keys = [(s["start"], s["end"], s["label"]) for s in spans]
    text = record.text
    data: dict[str, Any] = {
        "text": text,
        "meta": {**record.meta, "article_id": record.article_id, "title": record.title},
        "tokens": [
            {
                "text": text[t.start : t.end],
                "start": t.start,
                "end": t.end,
                "id": i,
                "ws": t.end < len(text) and text[t.end].isspace(),
            }
            for i, t in enumerate(tokens)
        ],
        "spans": spans,
        "relations": relations,
        "answer": ANSWERS.get(record.status, "accept"),
        "status": record.status.value,
        "_input_hash": input_hash,
        "_task_hash": hash32("task", input_hash, span_keys, relation_keys, view),
        "_annotator_id": record.annotator,
        "_session_id": record.annotator,
        "_view_id": view,
    }
    if record.updated_at:
        data["updated_at"] = record.updated_at
        data["_timestamp"] = _seconds(record.updated_at)
    return data


def _seconds(iso: str) -> int | None:
    try:
        return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf) -> int:
    return write_text_lines((dumps(task(r, tokens_of(r))) + "\n" for r in records), out)


# -- import -------------------------------------------------------------------------------------------------


def _tokens(task: ProdigyTask, where: Where) -> list[Token]:
    tokens = []
    for index, token in enumerate(task.tokens):
        if task.text[token.start : token.end] != token.text:
            raise where.error(
                f"token {token.text!r} does not match the text at {token.start}:{token.end}", f"tokens[{index}]"
            )
        if token.text.strip():
            tokens.append(Token(start=token.start, end=token.end))
    return tokens


def _check_token_indices(span: ProdigySpan, task: ProdigyTask, where: Where, field: str) -> None:
    for name, index, offset, side in (
        ("token_start", span.token_start, span.start, "start"),
        ("token_end", span.token_end, span.end, "end"),
    ):
        if index is None or not task.tokens:
            continue
        if not 0 <= index < len(task.tokens) or getattr(task.tokens[index], side) != offset:
            raise where.error(f"token {index} does not {side} at {offset}", f"{field}.{name}")


def record_from_task(task: ProdigyTask, options: ReadOptions, where: Where) -> ImportedRecord:
    spans: dict[tuple[int, int], Span] = {}
    for index, item in enumerate(task.spans):
        field = f"spans[{index}]"
        _check_token_indices(item, task, where, field)
        label = label_of(item.label, options, where, f"{field}.label")
        spans[(item.start, item.end)] = checked_span(task.text, item.start, item.end, label, item.text, where, field)
    for index, relation in enumerate(task.relations):
        field = f"relations[{index}]"
        head, child = relation.head_span, relation.child_span
        link_speaker(spans, (head.start, head.end), (child.start, child.end), relation.label, where, field)
    meta = dict(task.meta)
    article_id, title = meta.pop("article_id", None), meta.pop("title", "")
    updated = task.updated_at
    if updated is None and task.timestamp is not None:
        updated = datetime.fromtimestamp(task.timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    record = native_record(
        where,
        **({"article_id": str(article_id)} if article_id else {}),
        text=task.text,
        title=str(title or ""),
        meta=meta,
        annotator=annotator_of(task.annotator_id or task.session_id, options, where, "_annotator_id"),
        status=status_of(task.status, STATUS_OF_ANSWER[task.answer], where, "status"),
        spans=list(spans.values()),
        updated_at=updated,
    )
    return ImportedRecord(where, record, _tokens(task, where) or None)


def read(path: Path, options: ReadOptions) -> Iterator[ImportedRecord]:
    for where, data in jsonl_objects(path):
        yield record_from_task(validated(ProdigyTask, data, where), options, where)
