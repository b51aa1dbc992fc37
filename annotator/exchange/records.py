"""Annotations in and out: native records from the database (export) and into it (import, all or nothing).

File formats live in annotator.exchange.formats and only convert their records to and from `NativeRecord`; this module
is the database side: which records to export, and storing imported ones after every check has passed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from annotator.errors import InputError
from annotator.exchange.files import written_atomically
from annotator.exchange.formats.common import (
    TRIMMED,
    Dropped,
    ImportedRecord,
    Question,
    Read,
    Record,
    RecordLike,
    RecordSpan,
    Skipped,
    TokensOf,
)
from annotator.exchange.formats.options import DONE_ONLY, ExportOptions, ReadOptions
from annotator.models import ArticleIn, Label, Offsets, Span, Status, check_spans, content_hash
from annotator.rows import Offsets as StoredOffsets
from annotator.rows import Token
from annotator.store import Store
from annotator.store.streams import annotation_stream
from annotator.suggest.tokens import tokenize

#: Called with (done, total) as work advances; the CLI turns it into a progress bar.
Progress = Callable[[int, int], None]


def model_name(suggesters: list[str]) -> str:
    return "model:" + "+".join(suggesters)


def annotator_records(
    store: Store, annotator: str, statuses: Collection[Status] | None = DONE_ONLY
) -> Iterator[Record]:
    """One annotator's records whose status is in `statuses` (None: every status), in ingest order, streamed
    (see `annotation_stream`).

    Plain records of stored rows, not validated again: every span in the store was checked against its
    article when it was written (by the edit operations or by `store_records`), and the schema's CHECK
    constraints guard labels, statuses and offsets. Validating on the way out would cost more than the rest
    of the export together (see benchmarks/export.py).
    """
    labels = {label.value: label for label in Label}
    status_of = {status.value: status for status in Status}
    chosen = None if statuses is None else [Status(s).value for s in statuses]
    new = tuple.__new__  # RecordSpan(...) through its Python-level __new__ costs twice as much, per span
    for (article_id, text, title, meta, status, updated_at), rows in annotation_stream(store, annotator, chosen):
        spans = [
            new(
                RecordSpan,
                (start, end, labels[label], span_text, None if s_start is None else StoredOffsets(s_start, s_end)),
            )
            for start, end, label, span_text, s_start, s_end in rows
        ]
        yield Record(article_id, text, title, json.loads(meta), annotator, status_of[status], spans, updated_at)


def suggestion_records(store: Store) -> Iterator[Record]:
    """Every article with the model's suggestions, as if the model were an annotator."""
    for article_id in store.article_ids():
        article = store.article(article_id)
        suggestions = store.suggestions(article_id)
        annotator = model_name(sorted({s.suggester for s in suggestions}))
        spans = [RecordSpan(s.start, s.end, s.label, s.text, s.speaker) for s in suggestions]
        yield Record(
            article.id, article.text, article.title, article.meta, annotator, Status.TODO, spans, article.ingested_at
        )


def only_labels(records: Iterable[Record], labels: frozenset[Label]) -> Iterator[Record]:
    """The records with only the spans of these labels; a quote whose speaker is left out loses its speaker."""
    for record in records:
        spans = [s for s in record.spans if s.label in labels]
        actors = {(s.start, s.end) for s in spans if s.label is Label.ACTOR}
        spans = [
            s._replace(speaker=None) if s.speaker is not None and (s.speaker.start, s.speaker.end) not in actors else s
            for s in spans
        ]
        yield replace(record, spans=spans)


def count_records(store: Store, annotator: str | None, statuses: Collection[Status] | None = DONE_ONLY) -> int:
    """How many records an export will write (for the progress bar's total)."""
    if annotator is None:
        return store.count("articles")
    return sum(1 for _, status, _ in store.annotated_articles(annotator) if statuses is None or status in statuses)


def stored_tokens(store: Store) -> TokensOf:
    """Token offsets for a record being exported: the stored ones, or spaCy's tokenizer when none were stored."""

    def tokens_of(record: RecordLike) -> list[Token]:
        return store.tokens(record.article_id) or tokenize([record.text])[0]

    return tokens_of


def export(
    store: Store,
    format_name: str,
    out: IO[bytes],
    annotator: str | None,
    progress: Progress | None = None,
    options: ExportOptions | None = None,
) -> int:
    """Write one annotator's records (or, with annotator None, the model's suggestions) in a format: those whose
    status `options.statuses` names (finished work only, by default; suggestions have no status), with the spans
    of `options.labels`."""
    from annotator.exchange.formats import get_format

    options = options or ExportOptions()
    chosen = get_format(format_name)
    total = count_records(store, annotator, options.statuses) if progress else 0
    records: Iterable[Record] = (
        annotator_records(store, annotator, options.statuses) if annotator else suggestion_records(store)
    )
    if options.labels != frozenset(Label):
        records = only_labels(records, options.labels)
    if progress:
        records = _reporting(records, total, progress)
    return chosen.write(records, out, stored_tokens(store), options)


def export_to_path(
    store: Store,
    format_name: str,
    path: Path,
    annotator: str | None,
    progress: Progress | None = None,
    options: ExportOptions | None = None,
) -> int:
    """Export into `path` through a `.partial` file renamed at the end: a failed export leaves nothing."""
    with written_atomically(path) as out:
        return export(store, format_name, out, annotator, progress, options)


def _reporting(items: Iterable[Record], total: int, progress: Progress) -> Iterator[Record]:
    for done, item in enumerate(items, start=1):
        yield item
        if done % 100 == 0 or done == total:
            progress(done, total)


# -- import -------------------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import stored, and what it left out: records skipped (each with file, line and why) and parts of
    records dropped on purpose (counted by kind)."""

    records: int
    new_articles: int
    snapped: int = 0
    trimmed: int = 0
    decisions: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)


def read_file(path: Path, format_name: str, options: ReadOptions) -> list[Read]:
    """Every record of a file, validated; the first bad one raises InputError naming file, line and field (with
    `options.skip_invalid`, it is returned as `Skipped` instead, and reading goes on)."""
    from annotator.exchange.formats import get_format

    if not path.exists():
        raise InputError("no such file", path=str(path))
    return list(get_format(format_name).read(path, options))


def snap_span(span: Offsets, tokens: list[Token]) -> tuple[int, int]:
    """Snap outward: the start to the start of the token it falls in, the end to the end of its token.

    So a snapped span covers every token it touched; offsets already on boundaries do not move.
    """
    start, end = span.start, span.end
    for token in tokens:
        if token.start <= start < token.end:
            start = token.start
        if token.start < end <= token.end:
            end = token.end
    return start, end


def _on_tokens(item: ImportedRecord, tokens: list[Token], snap: bool) -> tuple[ImportedRecord, int]:
    """The record (and its binary answers) with every span on token boundaries, snapped when allowed, and how
    many spans moved."""
    record = item.record
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    places = [(f"spans[{i}]", s) for i, s in enumerate(record.spans)]
    places += [(f"questions[{i}]", q.suggestion) for i, q in enumerate(item.questions)]
    for field_name, span in places:
        if span.start in starts and span.end in ends:
            continue
        if not snap:
            raise item.where.error(
                f"span {span.start}:{span.end} {span.text!r} does not fall on token boundaries (--snap moves it)",
                field_name,
            )
        moved[(span.start, span.end)] = snap_span(span, tokens)
    if not moved:
        return item, 0

    def snapped(span: Span) -> dict[str, object]:
        start, end = moved.get((span.start, span.end), (span.start, span.end))
        speaker = span.speaker
        if speaker is not None and (speaker.start, speaker.end) in moved:
            s_start, s_end = moved[(speaker.start, speaker.end)]
            speaker = Offsets(start=s_start, end=s_end)
        return {"start": start, "end": end, "text": record.text[start:end], "speaker": speaker}

    spans = [Span(**{**span.model_dump(), **snapped(span)}) for span in record.spans]
    try:
        check_spans(spans, record.text)
    except ValueError as error:
        raise item.where.error(f"after snapping to tokens: {error}", "spans") from None
    questions = tuple(
        replace(q, suggestion=q.suggestion.model_copy(update=snapped(q.suggestion))) for q in item.questions
    )
    count = sum(1 for _, span in places if (span.start, span.end) in moved)
    return replace(item, record=record.model_copy(update={"spans": spans}), questions=questions), count


def _same(one: ImportedRecord, other: ImportedRecord) -> bool:
    """Two records that say the same, but perhaps when (a task a file holds twice): the second is a repeat, not
    a conflict."""
    stamped = {"updated_at": None}
    return (
        one.record.model_copy(update=stamped) == other.record.model_copy(update=stamped)
        and one.questions == other.questions
    )


def store_records(
    store: Store,
    items: Sequence[Read],
    *,
    snap: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every record against the database, then store them all in one transaction.

    Checks: an article id stored (or read earlier) with another text; the same article and annotator twice (a
    record saying exactly what an earlier one said is skipped as a repeat); spans off token boundaries (snapped
    outward with `snap`, else an error). A failed check stops the import, or, with `skip_invalid`, skips that
    record (listed in the report). New articles keep the tokens the file gave (CoNLL, Prodigy, DocBin), else get
    spaCy's tokenizer's. Binary answers store their suggestions and the annotator's decisions on them.
    """
    report = ImportReport(records=0, new_articles=0)
    texts: dict[str, str] = {}
    seen: dict[tuple[str, str], ImportedRecord] = {}
    new_by_text: dict[str, str] = {}  # one new article per text, even when records give it two ids
    placed: list[tuple[ImportedRecord, str | None, str]] = []  # record, stored article id, its article

    def skip(item: ImportedRecord, error: InputError) -> None:
        if not skip_invalid:
            raise error
        report.skipped.append(
            Skipped(item.where, f"field {error.field!r}: {error.reason}" if error.field else error.reason)
        )

    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if isinstance(item, Dropped):
            report.dropped[item.what] += item.count
            continue
        record, where = item.record, item.where
        try:
            if record.article_id in texts and texts[record.article_id] != record.text:
                raise where.error(f"article {record.article_id!r} appears earlier with a different text", "text")
            existing = store.has_article(ArticleIn(id=record.article_id, text=record.text))
            if existing is not None and store.article(existing).content_hash != content_hash(record.text):
                raise where.error(f"article {record.article_id!r} is stored with a different text", "text")
        except InputError as error:
            skip(item, error)
            continue
        target = existing or new_by_text.get(content_hash(record.text), record.article_id)
        key = (target, record.annotator)
        if key in seen:
            first = seen[key].where
            at = f"line {first.line}" if first.line is not None else f"record {first.record}"
            if _same(seen[key], item):
                report.skipped.append(Skipped(where, f"repeats the record at {at}"))
                continue
            skip(item, where.error(f"duplicate record: article {key[0]!r} by {key[1]!r} is already at {at}"))
            continue
        texts.setdefault(record.article_id, record.text)
        new_by_text.setdefault(content_hash(record.text), record.article_id)
        seen[key] = item
        placed.append((item, existing, target))
    fresh: dict[str, ImportedRecord] = {}
    for item, existing, target in placed:
        if existing is None and target == item.record.article_id:
            fresh.setdefault(target, item)
    untokenized = [i for i in fresh.values() if i.tokens is None]
    token_lists = {i.record.article_id: i.tokens for i in fresh.values() if i.tokens is not None}
    token_lists.update(
        zip((i.record.article_id for i in untokenized), tokenize([i.record.text for i in untokenized]), strict=True)
    )
    ready: list[tuple[str, ImportedRecord]] = []
    for item, existing, target in placed:
        tokens = store.tokens(existing) if existing is not None else token_lists[target]
        try:
            on_tokens, moved = _on_tokens(item, tokens, snap)
        except InputError as error:
            skip(item, error)
            continue
        report.snapped += moved
        report.trimmed += item.dropped[TRIMMED]
        report.dropped.update({what: n for what, n in item.dropped.items() if what != TRIMMED})
        ready.append((target, on_tokens))
    needed = {target for target, _ in ready}
    with store.write():
        for target, item in fresh.items():
            if target not in needed:  # every record for it was skipped
                continue
            record = item.record
            store.insert_article(
                ArticleIn(id=record.article_id, text=record.text, title=record.title, meta=record.meta),
                token_lists[record.article_id],
                [],
            )
            report.new_articles += 1
        for done, (article_id, item) in enumerate(ready, start=1):
            _store_one(store, article_id, item, report)
            if progress and (done % 100 == 0 or done == len(ready)):
                progress(done, len(ready))
    report.records = len(ready)
    report.skipped.sort(key=lambda skipped: (skipped.where.line or 0, skipped.where.record or 0))
    return report


def _store_one(store: Store, article_id: str, item: ImportedRecord, report: ImportReport) -> None:
    record = item.record
    if not item.questions:
        store.replace_annotation(article_id, record.annotator, record.spans, record.status, record.updated_at)
        return
    ids = store.keep_suggestions(article_id, [q.suggestion for q in item.questions])

    def id_of(question: Question) -> int:
        s = question.suggestion
        return ids[(s.start, s.end, s.label.value, s.suggester)]

    decisions = {id_of(q): q.answer for q in item.questions if q.answer is not None}
    accepted = {
        (q.suggestion.start, q.suggestion.end, q.suggestion.label.value): id_of(q)
        for q in item.questions
        if q.answer == "accepted"
    }
    store.replace_annotation(
        article_id, record.annotator, record.spans, record.status, record.updated_at, decisions, accepted
    )
    report.decisions += len(decisions)
