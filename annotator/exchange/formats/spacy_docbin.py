"""spaCy's binary training format (`.spacy`, a DocBin): one Doc per record, ready for `spacy train`.

- Tokens are the article's stored tokens (white space between them becomes spaCy's space tokens), so every
  stored span aligns exactly.
- Entity spans are `doc.ents` (every other token is O, as gold NER data needs); quotes are the span group
  `doc.spans["quotes"]`.
- What spaCy has no slot for lives in `doc.user_data` (the DocBin is written with `store_user_data=True`):
  `annotator.record` holds (as a JSON string: msgpack would turn meta's lists into tuples) article_id, title, meta, annotator, status and updated_at, and `annotator.speakers`
  a list of [quote start, quote end, speaker start, speaker end] character offsets. We chose user_data over
  span extension attributes because it needs no `Span.set_extension` in the reading process.
On import, Docs without that user data take the content hash as article id and need --annotator.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.files import Where, read_bytes
from annotator.exchange.formats.common import (
    ImportedRecord,
    ReadOptions,
    RecordLike,
    TokensOf,
    annotator_of,
    checked_span,
    dumps,
    label_of,
    native_record,
    status_of,
    with_speaker,
)
from annotator.models import Label, Span, Status
from annotator.rows import Token
from annotator.suggest.tokens import doc_of
from annotator.suggest.tokens import tokens_of as doc_tokens

SUFFIX = ".spacy"
NEEDS_TOKENS = True
CANNOT_CARRY: tuple[str, ...] = ()
RECORD_KEY = "annotator.record"
SPEAKERS_KEY = "annotator.speakers"
QUOTES = "quotes"


def to_doc(record: RecordLike, tokens: list[Token], vocab: Any) -> Any:
    doc = doc_of(record.text, tokens, vocab)
    entities: list[Any] = []
    quotes: list[Any] = []
    for span in sorted(record.spans, key=lambda s: (s.start, s.end)):
        made = doc.char_span(span.start, span.end, label=span.label.value, alignment_mode="strict")
        if made is None:
            raise AnnotatorError(
                f"article {record.article_id}: span {span.start}:{span.end} is not on token boundaries"
            )
        (quotes if span.label is Label.QUOTE else entities).append(made)
    doc.ents = entities
    doc.spans[QUOTES] = quotes
    doc.user_data[RECORD_KEY] = dumps(
        {
            "article_id": record.article_id,
            "title": record.title,
            "meta": record.meta,
            "annotator": record.annotator,
            "status": record.status.value,
            "updated_at": record.updated_at,
        }
    )
    doc.user_data[SPEAKERS_KEY] = [[s.start, s.end, s.speaker.start, s.speaker.end] for s in record.spans if s.speaker]
    return doc


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf) -> int:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    docbin = DocBin(store_user_data=True)
    count = 0
    for record in records:
        docbin.add(to_doc(record, tokens_of(record), vocab))
        count += 1
    out.write(docbin.to_bytes())
    return count


def record_from_doc(doc: Any, options: ReadOptions, where: Where) -> ImportedRecord:
    text = doc.text
    stored = json.loads(doc.user_data.get(RECORD_KEY) or "{}")
    spans: dict[tuple[int, int], Span] = {}
    groups = [("ents", list(doc.ents))]
    if QUOTES in doc.spans:
        groups.append((f"spans[{QUOTES!r}]", list(doc.spans[QUOTES])))
    for group, items in groups:
        for index, item in enumerate(items):
            field = f"{group}[{index}]"
            label = label_of(item.label_, options, where, f"{field}.label")
            start, end = item.start_char, item.end_char
            spans[(start, end)] = checked_span(text, start, end, label, None, where, field)
    for index, link in enumerate(doc.user_data.get(SPEAKERS_KEY) or []):
        quote, actor = spans.get((link[0], link[1])), spans.get((link[2], link[3]))
        if quote is None or actor is None:
            raise where.error("a speaker link names a span the Doc does not have", f"user_data.speakers[{index}]")
        spans[(quote.start, quote.end)] = with_speaker(quote, actor)
    record = native_record(
        where,
        **({"article_id": stored["article_id"]} if stored.get("article_id") else {}),
        text=text,
        title=stored.get("title", ""),
        meta=stored.get("meta", {}),
        annotator=annotator_of(stored.get("annotator"), options, where, "user_data.annotator"),
        status=status_of(stored.get("status"), Status.DONE, where, "user_data.status"),
        spans=list(spans.values()),
        updated_at=stored.get("updated_at"),
    )
    return ImportedRecord(where, record, doc_tokens(doc))


def read(path: Path, options: ReadOptions) -> Iterator[ImportedRecord]:
    import spacy
    from spacy.tokens import DocBin

    data = read_bytes(Path(path))
    try:
        docs = list(DocBin(store_user_data=True).from_bytes(data).get_docs(spacy.blank("en").vocab))
    except Exception as error:  # zlib, msgpack and spaCy each raise their own kind on a damaged file
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"not a spaCy DocBin, or a damaged one ({reason})", path=str(path)) from None
    for index, doc in enumerate(docs):
        yield record_from_doc(doc, options, Where(str(path), record=index))
