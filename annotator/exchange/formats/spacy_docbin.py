"""spaCy's binary training format (`.spacy`, a DocBin): one Doc per record, ready for `spacy train`.

- Tokens are the article's stored tokens (white space between them becomes spaCy's space tokens), so every
  stored span aligns exactly; `spacy train` tokenizes the text again, and the export's note counts the spans whose
  edges its tokenizer does not cut (`unaligned`), which it leaves out.
- Entity spans are `doc.ents` (every other token is O, as gold NER data needs); quotes are the span group
  `doc.spans["quotes"]` (another key with --spans-key). `--config PATH` also writes a `spacy train` config
  for the DocBin (`spacy_config`).
- What spaCy has no slot for lives in `doc.user_data` (the DocBin is written with `store_user_data=True`):
  `annotator.record` holds (as a JSON string: msgpack would turn meta's lists into tuples) article_id, title, meta, annotator, status and updated_at, and `annotator.speakers`
  a list of [quote start, quote end, speaker start, speaker end] character offsets. We chose user_data over
  span extension attributes because it needs no `Span.set_extension` in the reading process.
On import, Docs without that user data take the content hash as article id and need --annotator. A Doc with
tokens marked missing (partial annotation: unknown there, not O) is work in progress, never done (`_marks_missing`). Spans are
read from `doc.ents` and the span group --spans-key names (default "quotes"); a Doc holding spans under
another key (spancat's "sc") is an error that names the key, never a silent import without them. A file that would
decompress past 200 times its size (or 16 MiB) is refused unread (`refuse_a_bomb`), and so is a file with bytes
after its DocBin (two DocBins joined: `refuse_what_follows`).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, Any

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.files import Where, parse_json, read_bytes, refuse_a_database
from annotator.exchange.formats.common import (
    MISSING_TOKENS,
    ImportedRecord,
    Read,
    RecordLike,
    Skipped,
    TokensOf,
    blank,
    checked_span,
    dumps,
    guarded_items,
    label_of,
    native_record,
    status_of,
)
from annotator.exchange.formats.docbin_extras import unread_extras
from annotator.exchange.formats.options import INCORRECT_SPANS_KEY as INCORRECT
from annotator.exchange.formats.options import ExportOptions, ReadOptions
from annotator.exchange.formats.speakers import kept, with_speaker
from annotator.exchange.formats.whose import annotator_of
from annotator.literal import literal, quoted
from annotator.models import Label, Span, Status
from annotator.rows import SpanLike, Token
from annotator.suggest.tokens import doc_of
from annotator.suggest.tokens import tokens_of as doc_tokens

SUFFIX = ".spacy"
NEEDS_TOKENS = True
#: A DocBin is bytes, no text: `export -o -` refuses to send it to a terminal.
BINARY = True
CANNOT_CARRY: tuple[str, ...] = ()
RECORD_KEY = "annotator.record"
SPEAKERS_KEY = "annotator.speakers"
#: A plain `user_data["annotator"]` (what a spaCy user may write by hand) is not read: the record's annotator lives
#: in RECORD_KEY, as the export writes it, in one place only (two could disagree, and status, title and id would
#: want plain keys next). A Doc that has it, and names nobody else, is told so rather than that it names nobody.
PLAIN_ANNOTATOR = (
    "the key 'annotator' is not read: a Doc names its annotator in the JSON object under 'annotator.record' "
    '({"annotator": NAME}, as `annotator export --format spacy` writes it); give --annotator NAME to name this '
    "file's work"
)


def to_doc(record: RecordLike, tokens: list[Token], vocab: Any, options: ExportOptions) -> Any:
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
    doc.spans[options.spans_key] = quotes
    options.written.docs += 1
    options.written.entity_spans += len(entities)
    options.written.quote_tokens.extend(len(quote) for quote in quotes)
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


#: The note of the spans `spacy train` cannot align (`unaligned`), followed by the first `NAMED` of them.
UNALIGNED = (
    "span(s) whose edges spaCy's own tokenizer does not cut (tokens another tool cut finer, as 'AT', '&', 'T', a "
    "full stop annotator splits off a figure's unit, as in '€410m.', or markup or a control character glued to their "
    "words, as in '[bold]Ana'): `spacy train` with spaCy's English tokenizer leaves them out as misaligned"
)


#: How many of the spans `spacy train` cannot align the note names (the others it counts).
NAMED = 5


def unaligned(record: RecordLike, tokenizer: Any) -> list[str]:
    """The record's spans that have an edge inside one of spaCy's English tokenizer's tokens (`spacy train`
    tokenizes the text again with the config's tokenizer, English's, and drops those from what it learns), in the
    text's order, each as the note names it (`misaligned`). Every text with spans is tokenized again: stored tokens
    may be another tool's (Prodigy's 'AT|&|T'), not only ours cut at markup (trial 8: no note, one ACTOR lost) or
    at a unit's full stop ("m", "."). annotator's tokenizer is not the one to check with: `spacy train` never runs it."""
    text = record.text
    if not record.spans:
        return []
    theirs = tokenizer(text)
    spans = sorted(record.spans, key=lambda s: (s.start, s.end))
    return [misaligned(record, span, theirs) for span in spans if theirs.char_span(span.start, span.end) is None]


def misaligned(record: RecordLike, span: SpanLike, theirs: Any) -> str:
    """A span `spacy train` cannot align, as the note names it: its article, label, text and offsets, and spaCy's
    tokens its edges fall inside, shown literally (a zero-width joiner glued to "Daily Xtra" is "Xtra⟨U+200D⟩")."""
    shown = f"article {quoted(literal(record.article_id))} {span.label.value} "
    shown += f"{quoted(literal(record.text[span.start : span.end]))} at {span.start}:{span.end}"
    covering = theirs.char_span(span.start, span.end, alignment_mode="expand")
    if covering is None or not len(covering):
        return shown
    edges = [covering[0]] if covering[0].idx < span.start else []
    if covering[-1].idx + len(covering[-1].text) > span.end and covering[-1] not in edges:
        edges.append(covering[-1])
    if not edges:
        return shown
    return shown + f" (spaCy's token(s) {', '.join(quoted(literal(token.text)) for token in edges)})"


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf, options: ExportOptions) -> int:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=True)
    count, lost, named = 0, 0, list[str]()
    for record in records:
        docbin.add(to_doc(record, tokens_of(record), nlp.vocab, options))
        found = unaligned(record, nlp.tokenizer)
        lost += len(found)
        named.extend(found[: NAMED - len(named)])
        count += 1
    if lost:
        more = f"; and {lost - len(named)} more" if lost > len(named) else ""
        options.written.notes[f"{UNALIGNED}: {'; '.join(named)}{more}"] += lost
    out.write(docbin.to_bytes())
    return count


def record_from_doc(doc: Any, options: ReadOptions, where: Where) -> ImportedRecord:
    text = doc.text
    given = doc.user_data.get(RECORD_KEY) or "{}"
    stored = parse_json(given, where, last=False) if isinstance(given, str) else None
    if not isinstance(stored, dict):
        raise where.error("expected our record as a JSON object", RECORD_KEY)
    key = options.spans_key
    unread = {name: len(group) for name, group in doc.spans.items() if name not in (key, INCORRECT) and len(group)}
    if unread:
        name, count = next(iter(unread.items()))
        raise where.error(
            f"the Doc keeps {count} span(s) under {quoted(name)}, which are not read (give --spans-key {name}; "
            f"the spans read are doc.ents and doc.spans[{quoted(key)}])",
            "spans",
        )
    dropped: Counter[str] = unread_extras(doc, (RECORD_KEY, SPEAKERS_KEY))
    both = _accepted_and_incorrect(doc)
    rejected = sum(1 for s in doc.spans.get(INCORRECT, ()) if _triple(s) not in both)
    if rejected:  # the NER's rejected spans: never advised as --spans-key, nor read
        dropped[REJECTED] += rejected
    spans: dict[tuple[int, int, str], Span | None] = {}
    contradicted: list[Any] = []  # the Doc's entities also marked incorrect, stored (their label kept)
    groups, fields = [("ents", list(doc.ents))], dict[tuple[int, int, str], str]()
    if key in doc.spans:
        groups.append((f"spans[{key!r}]", list(doc.spans[key])))
    for group, items in groups:
        for index, item in enumerate(items):
            field = f"{group}[{index}]"
            label = label_of(item.label_, options, where, f"{field}.label", dropped)
            start, end = item.start_char, item.end_char
            if label is not None:
                made = spans[(start, end, label.layer)] = checked_span(
                    text, start, end, label, None, where, field, options.trim(dropped)
                )
                fields[(made.start, made.end, made.label.value)] = field  # named so if off the stored tokens
                contradicted += [item] if group == "ents" and _triple(item) in both else []
    by_offsets = {(s.start, s.end, s.label): s for s in kept(spans)}
    for index, link in enumerate(doc.user_data.get(SPEAKERS_KEY) or []):
        quote, actor = by_offsets.get((link[0], link[1], Label.QUOTE)), by_offsets.get((link[2], link[3], Label.ACTOR))
        if quote is None or actor is None:
            if options.label_map:  # a span the map dropped: the link goes with it
                dropped["speaker link(s) to a dropped span"] += 1
                continue
            raise where.error("a speaker link names a span the Doc does not have", f"user_data.speakers[{index}]")
        spans[(quote.start, quote.end, "quote")] = with_speaker(quote, actor)
    status = status_of(stored.get("status"), Status.DONE, where, "user_data.status")
    if _marks_missing(doc, kept(spans)) and status is Status.DONE:
        status = Status.IN_PROGRESS
        dropped[MISSING_TOKENS] += 1
    said = _contradiction(contradicted, status, where) if contradicted else ()
    status = Status.IN_PROGRESS if contradicted and status is Status.DONE else status
    named = stored.get("annotator")
    if "annotator" in doc.user_data and not options.annotator and not (isinstance(named, str) and named):
        raise where.error(PLAIN_ANNOTATOR, "user_data")
    record = native_record(
        where,
        **({"article_id": stored["article_id"]} if stored.get("article_id") else {}),
        text=text,
        title=stored.get("title", ""),
        meta=stored.get("meta", {}),
        annotator=annotator_of(stored.get("annotator"), options, where, "user_data.annotator"),
        status=status,
        spans=kept(spans),
        updated_at=stored.get("updated_at"),
    )
    # A Doc without our record (`spacy convert`, another tool) has a text its maker joined from tokens: matched to
    # the stored article with its words, as a CoNLL document is (trial 38: each was a new article, doubling them).
    rebuilt = not stored.get("article_id")
    return ImportedRecord(
        where,
        record,
        doc_tokens(doc),
        dropped,
        annotator_field="user_data.annotator",
        rebuilt=rebuilt,
        said=said,
        span_fields=fields,
    )


def _triple(span: Any) -> tuple[int, int, str]:
    """A spaCy span as spaCy's NER compares gold and incorrect spans: offsets and label."""
    return span.start_char, span.end_char, span.label_


def _accepted_and_incorrect(doc: Any) -> set[tuple[int, int, str]]:
    """The Doc's entities that its incorrect spans mark wrong too, offsets and label alike (a mark of another label
    says only that the span is not that: no contradiction). spaCy's NER refuses such a Doc when it trains (E868, "a
    conflicting gold annotation"): the Doc says both."""
    marked = {_triple(span) for span in doc.spans.get(INCORRECT, ())}
    return {_triple(span) for span in doc.ents if _triple(span) in marked}


def _contradiction(spans: list[Any], status: Status, where: Where) -> tuple[str, ...]:
    """What the import says of a Doc's entities also marked incorrect. doc.ents is the Doc's annotation and a mark
    of incorrect is never anyone's span here, so the entity is stored; but no one decided between the two, so done
    work is stored in progress (an export of done work, the gold, leaves it out until someone decides)."""
    shown = ", ".join(
        f"span {s.start_char}:{s.end_char} {quoted(literal(s.text))} labelled {quoted(literal(s.label_))}"
        for s in spans
    )
    verb = "is" if len(spans) == 1 else "are"
    kept = "the work in progress, not done" if status is Status.DONE else "the work as the Doc says"
    return (
        f"{where.named()}: {shown} {verb} both in doc.ents and in doc.spans[{INCORRECT!r}], accepted and marked "
        f"incorrect (`spacy train` refuses such a Doc, E868): stored as the Doc's entity, {kept}",
    )


#: What import says of the spans under `doc.spans["incorrect_spans"]` (trial 11).
REJECTED = f"rejected span(s) under doc.spans[{INCORRECT!r}] (spaCy's incorrect_spans_key): no one's span"


def _marks_missing(doc: Any, spans: list[Span]) -> bool:
    """Whether the Doc's tokens are marked missing for entities (`doc.set_ents(..., default="missing")`: partial
    annotation). spaCy reads missing as unknown, not as O: such a Doc is no complete work (trial 8: stored as done,
    its export wrote O there, negative examples made of nothing said). A Doc whose entities were never set
    (`has_annotation` false) has every token missing: its --spans-key group's entity spans (spancat's data) are then
    its entity annotation, but a group of quotes alone says nothing of entities (trial 11: the export wrote O)."""
    if doc.has_annotation("ENT_IOB"):
        return any(token.ent_iob_ == "" for token in doc)
    return all(span.label is Label.QUOTE for span in spans)


def config(docbin: Path, options: ExportOptions) -> str:
    """A `spacy train` config for the DocBin just written (`export --config PATH`)."""
    from annotator.exchange.formats.spacy_config import training_config

    return training_config(docbin, options.spans_key, options.written)


def read(path: Path, options: ReadOptions) -> Iterator[Read]:
    import spacy
    from spacy.tokens import DocBin

    data = read_bytes(Path(path))
    if not data:  # 0 bytes: no DocBin, no record (the import says the file is empty), not a damaged DocBin
        return
    refuse_a_database(data, path)
    refuse_a_bomb(data, path)
    try:
        docs = list(DocBin(store_user_data=True).from_bytes(data).get_docs(spacy.blank("en").vocab))
    except Exception as error:  # zlib, msgpack and spaCy each raise their own kind on a damaged file
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"not a spaCy DocBin, or a damaged one ({reason})", path=str(path)) from None
    for index, doc in enumerate(docs):
        where = Where(str(path), record=index + 1)
        yield from guarded_items(options, where, partial(_records, doc, options, where))


def holds_no_doc(path: Path) -> bool:
    """Whether the file is a sound DocBin of no Doc (`DocBin().to_disk`): what a command that reads JSONL alone
    says of it, as `import` says it holds no record. Read as `read` reads it (a bomb, a damaged one: False)."""
    from spacy.tokens import DocBin

    try:
        data = read_bytes(Path(path))
        refuse_a_bomb(data, path)
        return len(DocBin().from_bytes(data)) == 0
    except Exception:  # zlib, msgpack, spaCy and our own refusals: not a DocBin of no Doc
        return False


#: A DocBin is read up to this many times its file's size (our exports compress about 50 times), or `FLOOR` if more.
RATIO, FLOOR, CHUNK = 200, 16 * 2**20, 2**20


def refuse_a_bomb(data: bytes, path: Path) -> None:
    """Refuse a DocBin whose zlib content decompresses past its limit, measured a chunk at a time, before spaCy
    decompresses it whole (trial 39a: a 1.5 MB file of zeros took 3.2 GB). A damaged stream is left to spaCy."""
    limit, stream, total, pending = max(RATIO * len(data), FLOOR), zlib.decompressobj(), 0, data
    try:
        while not stream.eof:
            out = stream.decompress(pending, CHUNK)
            total, pending = total + len(out), stream.unconsumed_tail
            if total > limit:
                raise InputError(
                    f"decompresses to more than {limit // 2**20:,} MiB, the most a DocBin of its size is read to "
                    f"({RATIO} times the file's {len(data):,} bytes, or {FLOOR // 2**20} MiB if more): refused "
                    "unread, as a compression bomb",
                    path=str(path),
                )
            if not out and not pending:
                return  # a cut stream
    except zlib.error:
        return
    refuse_what_follows(stream.unused_data, len(data), path)


def refuse_what_follows(rest: bytes, size: int, path: Path) -> None:
    """Refuse bytes after the DocBin's zlib stream, which zlib and spaCy pass over unread (attacker F6: `cat
    alice.spacy bob.spacy` imported alice's records alone, bob's dropped without a word), as a second JSON value
    after a Label Studio file's array is refused."""
    if not rest:
        return
    what = (
        "another DocBin, as `cat a.spacy b.spacy` makes: import each file on its own"
        if _opens_zlib(rest)
        else "they are no DocBin: was something appended to the file?"
    )
    raise InputError(
        f"{len(rest):,} byte(s) follow the first DocBin, from byte {size - len(rest):,} ({what})", path=str(path)
    )


def _opens_zlib(data: bytes) -> bool:
    """Whether `data` starts with a zlib header (RFC 1950: deflate, and a check that its two bytes make a multiple
    of 31), as every DocBin does."""
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


#: What import says of a Doc with no text (`spacy convert -c iob` ends its DocBin with one): no record, no article.
EMPTY_DOC = "the Doc is empty (no text): nothing to annotate"


def _records(doc: Any, options: ReadOptions, where: Where) -> list[Read]:
    if blank(doc.text):  # trial t1 F4: refused as "field 'article_id': must not be empty", which it is not about
        return [Skipped(where, EMPTY_DOC)]
    return [record_from_doc(doc, options, where)]
