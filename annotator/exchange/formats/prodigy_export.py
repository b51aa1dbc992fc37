"""Prodigy tasks written from native records (the format's export; `prodigy` reads them and says what the keys
mean): spaCy's tokens with their white space, spans by token index, the quote's speaker as a SPEAKER relation, the
answer our status stands for, and Prodigy's hashes, kept from the file that gave them when it had its own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from annotator.errors import AnnotatorError
from annotator.exchange.files import write_text_lines
from annotator.exchange.formats.common import RecordLike, TokensOf, dumps, flag_and_comments
from annotator.exchange.formats.options import SPEAKER_RELATION, ExportOptions
from annotator.exchange.formats.prodigy_hashes import input_hash, task_hash
from annotator.exchange.formats.stored_spans import DIGEST, spans_digest
from annotator.literal import quoted
from annotator.models import Label, Status, parse_timestamp
from annotator.rows import SpanLike, Token
from annotator.suggest.tokens import words_and_spaces

ANSWERS = {Status.DONE: "accept", Status.FLAGGED: "reject"}  # any other status: ignore
HASH_KEYS = ("_input_hash", "_task_hash")


def prodigy_tokens(text: str, tokens: list[Token]) -> list[dict[str, Any]]:
    """The article's tokens as Prodigy writes them: spaCy's, with white space other than one trailing space as
    tokens of their own, so that joining `text` (+ a space where `ws`) rebuilds the text exactly."""
    words, spaces = words_and_spaces(text, tokens)
    result, position = [], 0
    for index, (word, space) in enumerate(zip(words, spaces, strict=True)):
        result.append({"text": word, "start": position, "end": position + len(word), "id": index, "ws": space})
        position += len(word) + space
    return result


def _span(span: SpanLike, starts: dict[int, int], ends: dict[int, int], record: RecordLike) -> dict[str, Any]:
    if span.start not in starts or span.end not in ends:
        raise AnnotatorError(
            f"article {record.article_id}: span {span.start}:{span.end} {quoted(span.text)} is not on its token boundaries"
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
    text = record.text
    written_tokens = prodigy_tokens(text, tokens)
    starts = {t["start"]: t["id"] for t in written_tokens}
    ends = {t["end"]: t["id"] for t in written_tokens}
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
    meta = {key: value for key, value in record.meta.items() if key not in HASH_KEYS}
    data: dict[str, Any] = {
        "text": text,
        "meta": {**meta, "article_id": record.article_id, "title": record.title},
        "tokens": written_tokens,
        "spans": spans,
        "relations": relations,
        "answer": ANSWERS.get(record.status, "ignore"),
        "status": record.status.value,
        DIGEST: spans_digest(record.spans),  # import tells a task only answered again there from a changed one
    }
    kept_input, kept_task = (record.meta.get(key) for key in HASH_KEYS)
    data["_input_hash"] = kept_input if isinstance(kept_input, int) else input_hash(data)
    data["_task_hash"] = kept_task if isinstance(kept_task, int) else task_hash(data, data["_input_hash"])
    data.update({"_annotator_id": record.annotator, "_session_id": record.annotator, "_view_id": view})
    data.update(flag_and_comments(record))
    if record.updated_at:
        data["updated_at"] = record.updated_at
        data["_timestamp"] = seconds(record.updated_at)
    return data


def seconds(stamp: str) -> int | None:
    """`_timestamp`'s whole seconds of a stored moment; None for a stamp that is not one."""
    try:
        return int(parse_timestamp(stamp).timestamp())
    except ValueError:  # a stamp an older release stored as a file gave it
        return None


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf, options: ExportOptions) -> int:
    return write_text_lines((dumps(task(r, tokens_of(r))) + "\n" for r in records), out)
