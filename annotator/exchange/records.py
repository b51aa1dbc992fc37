"""Annotations in and out: native records from the database (export) and into it (import, all or nothing).

File formats live in annotator.exchange.formats and only convert their records to and from `NativeRecord`; this module
is the database side: which records to export, and storing imported ones after every check has passed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.files import Where, written_atomically
from annotator.exchange.formats.common import ImportedRecord, ReadOptions, Record, RecordLike, RecordSpan, TokensOf
from annotator.exchange.ingest import title_from
from annotator.models import (
    ArticleIn,
    Comment,
    Label,
    NativeRecord,
    Offsets,
    Span,
    Status,
    check_spans,
    content_hash,
    unstorable,
)
from annotator.rows import Offsets as StoredOffsets
from annotator.rows import SpanLike, Token
from annotator.spans import edge_problem, fit
from annotator.store import Store
from annotator.store.streams import annotation_stream
from annotator.suggest.tokens import tokenize

#: Called with (done, total) as work advances; the CLI turns it into a progress bar.
Progress = Callable[[int, int], None]


def model_name(suggesters: list[str]) -> str:
    return "model:" + "+".join(suggesters)


def annotator_records(store: Store, annotator: str) -> Iterator[Record]:
    """One annotator's records, in ingest order, streamed (see `annotation_stream`).

    Plain records of stored rows, not validated again: every span in the store was checked against its
    article when it was written (by the edit operations or by `store_records`), and the schema's CHECK
    constraints guard labels, statuses and offsets. Validating on the way out would cost more than the rest
    of the export together (see benchmarks/export.py).
    """
    labels = {label.value: label for label in Label}
    comments = store.comments_by(annotator)
    for (article_id, text, title, meta, status, updated_at, reason), rows in annotation_stream(store, annotator):
        spans = [
            RecordSpan(start, end, labels[label], span_text, None if s_start is None else StoredOffsets(s_start, s_end))
            for _, start, end, label, span_text, s_start, s_end in rows
        ]
        spans = exported_spans(text, spans)
        notes = [Comment(annotator=annotator, text=note, at=at) for note, at in comments.get(article_id, [])]
        yield Record(article_id, text, title, _meta(article_id, meta), annotator, Status(status), spans, updated_at,
                     reason, notes)  # fmt: skip


def exported_spans(text: str, spans: list[RecordSpan], keep_unfit: bool = True) -> list[RecordSpan]:
    """Stored spans as an export writes them: under today's span rules (`annotator.spans`), as an import checks
    them. A span an older release stored with an edge today's rules trim (a no-break space, a stray quotation
    mark) is written trimmed, as accepting it now would store it, and quotes follow their trimmed speaker; a
    span no trimming can mend (one that crosses a line break) is written as stored (`keep_unfit`), or left out."""
    if all(edge_problem(text, s.start, s.end, s.label) is None for s in spans):
        return spans
    moved: dict[tuple[int, int], tuple[int, int] | None] = {}
    for span in spans:
        if edge_problem(text, span.start, span.end, span.label) is not None:
            moved[(span.start, span.end)] = fit(text, span.start, span.end, span.label)
    out = []
    for span in spans:
        key = (span.start, span.end)
        if key in moved and moved[key] is None and not keep_unfit:
            continue
        start, end = moved.get(key) or key
        speaker = span.speaker
        if speaker is not None and (to := moved.get((speaker.start, speaker.end))):
            speaker = StoredOffsets(*to)
        out.append(RecordSpan(start, end, span.label, text[start:end], speaker))
    return out


def _not_json(article_id: str) -> Callable[[str], Any]:
    def refuse(constant: str) -> Any:
        raise AnnotatorError(
            f"article {article_id!r}: its meta holds {constant}, which is not standard JSON (an older release "
            "stored it); nothing was written"
        )

    return refuse


def _meta(article_id: str, stored: str) -> dict[str, Any]:
    """An article's stored meta; a NaN or infinity an older release let in is an error, never non-standard JSON."""
    meta: dict[str, Any] = json.loads(stored, parse_constant=_not_json(article_id))
    return meta


def suggestion_records(store: Store) -> Iterator[Record]:
    """Every article with the model's suggestions, as if the model were an annotator."""
    for article_id in store.article_ids():
        article = store.article(article_id)
        if unstorable(article.meta, "meta"):
            _not_json(article_id)("NaN or Infinity")
        suggestions = store.suggestions(article_id)
        annotator = model_name(sorted({s.suggester for s in suggestions}))
        spans = [RecordSpan(s.start, s.end, s.label, s.text, s.speaker) for s in suggestions]
        spans = exported_spans(article.text, spans, keep_unfit=False)
        yield Record(
            article.id, article.text, article.title, article.meta, annotator, Status.TODO, spans, article.ingested_at
        )


def count_records(store: Store, annotator: str | None) -> int:
    """How many records an export will write (for the progress bar's total)."""
    return store.count("articles") if annotator is None else len(store.annotated_articles(annotator))


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
) -> int:
    """Write one annotator's records (or, with annotator None, the model's suggestions) in a format."""
    from annotator.exchange.formats import get_format

    chosen = get_format(format_name)
    total = count_records(store, annotator) if progress else 0
    records: Iterable[Record] = annotator_records(store, annotator) if annotator else suggestion_records(store)
    if progress:
        records = _reporting(records, total, progress)
    return chosen.write(records, out, stored_tokens(store))


def export_to_path(
    store: Store,
    format_name: str,
    path: Path,
    annotator: str | None,
    progress: Progress | None = None,
    *,
    make_folder: bool = False,
) -> int:
    """Export into `path` through a temporary renamed at the end (`files.written_atomically`): a failed export
    leaves nothing, and never replaces a folder, FIFO or device."""
    with written_atomically(path, make_folder=make_folder) as out:
        return export(store, format_name, out, annotator, progress)


def _reporting(items: Iterable[Record], total: int, progress: Progress) -> Iterator[Record]:
    for done, item in enumerate(items, start=1):
        yield item
        if done % 100 == 0 or done == total:
            progress(done, total)


# -- import -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportConflict:
    """A record that would replace different, newer work of its annotator: kept as stored unless `replace`."""

    where: Where
    article_id: str
    title: str
    annotator: str


class ImportReport(BaseModel):
    records: int
    new_articles: int
    snapped: int = 0
    unchanged: int = 0
    replaced: int = 0
    conflicts: list[ImportConflict] = []


def _work(status: Status | str, spans: Iterable[SpanLike]) -> tuple[str, frozenset[tuple[object, ...]]]:
    return Status(status).value, frozenset(
        (s.start, s.end, s.label, s.text, (s.speaker.start, s.speaker.end) if s.speaker else None) for s in spans
    )


def _verdict(store: Store, article_id: str, record: NativeRecord, replace: bool) -> str:
    """What importing `record` does to the stored work of its annotator: "new" (there is none), "same" (as
    an export of it would write it), "replace" (it differs, and the record is newer or `replace` says so) or
    "conflict" (it differs, and the stored work is newer, or nothing says which is)."""
    who = record.annotator
    stored_spans = store.spans(article_id, who)
    status = store.status(article_id, who)
    if status is Status.TODO and not stored_spans:
        return "new"
    text = store.article_text(article_id)
    stored = exported_spans(text, [RecordSpan(s.start, s.end, s.label, s.text, s.speaker) for s in stored_spans])
    if _work(status, stored) == _work(record.status, record.spans):
        return "same"
    stored_at = store.updated_at(article_id, who)
    if replace or (record.updated_at and stored_at and record.updated_at > stored_at):
        return "replace"
    return "conflict"


def read_file(path: Path, format_name: str, options: ReadOptions) -> list[ImportedRecord]:
    """Every record of a file, validated; the first bad one raises InputError naming file, line and field."""
    from annotator.exchange.formats import get_format

    if not path.exists():
        raise InputError("no such file", path=str(path))
    return list(get_format(format_name).read(path, options))


def snap_span(span: Span, tokens: list[Token]) -> tuple[int, int]:
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


def _on_tokens(item: ImportedRecord, tokens: list[Token], snap: bool) -> tuple[NativeRecord, int]:
    """The record with every span on token boundaries (snapped when allowed), and how many spans moved."""
    record = item.record
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    for index, span in enumerate(record.spans):
        if span.start in starts and span.end in ends:
            continue
        if not snap:
            raise item.where.error(
                f"span {span.start}:{span.end} {span.text!r} does not fall on token boundaries (--snap moves it)",
                f"spans[{index}]",
            )
        moved[(span.start, span.end)] = snap_span(span, tokens)
    if not moved:
        return record, 0
    spans = []
    for span in record.spans:
        start, end = moved.get((span.start, span.end), (span.start, span.end))
        speaker = span.speaker
        if speaker is not None and (speaker.start, speaker.end) in moved:
            s_start, s_end = moved[(speaker.start, speaker.end)]
            speaker = Offsets(start=s_start, end=s_end)
        spans.append(Span(start=start, end=end, label=span.label, text=record.text[start:end], speaker=speaker))
    try:
        check_spans(spans, record.text)
    except ValueError as error:
        raise item.where.error(f"after snapping to tokens: {error}", "spans") from None
    return record.model_copy(update={"spans": spans}), sum(
        1 for span in record.spans if (span.start, span.end) in moved
    )


def store_records(
    store: Store,
    items: Sequence[ImportedRecord],
    *,
    snap: bool = False,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every record against the database, then store them all in one transaction.

    Checks: an article id stored (or read earlier) with another text; the same article and annotator twice;
    spans off token boundaries (snapped outward with `snap`, else an error). New articles keep the tokens
    the file gave (CoNLL, Prodigy, DocBin), else get spaCy's tokenizer's, and, without a title, the title
    ingest would give them. A record equal to the stored work changes nothing; one that differs from it
    replaces it only when the record is newer (its `updated_at`) or `replace` says so, else it is a reported
    conflict and the stored work stays. Each replacement is one undoable "import" event.
    """
    texts: dict[str, tuple[str, Where]] = {}
    seen: dict[tuple[str, str], Where] = {}
    stored_ids: list[str | None] = []
    targets: list[str] = []  # the article each record goes to
    new_by_text: dict[str, str] = {}  # one new article per text, even when records give it two ids
    for item in items:
        record, where = item.record, item.where
        if record.article_id in texts and texts[record.article_id][0] != record.text:
            raise where.error(f"article {record.article_id!r} appears earlier with a different text", "text")
        texts.setdefault(record.article_id, (record.text, where))
        existing = store.has_article(ArticleIn(id=record.article_id, text=record.text))
        if existing is not None and store.article(existing).content_hash != content_hash(record.text):
            raise where.error(f"article {record.article_id!r} is stored with a different text", "text")
        target = existing or new_by_text.setdefault(content_hash(record.text), record.article_id)
        key = (target, record.annotator)
        if key in seen:
            first = seen[key]
            at = f"line {first.line}" if first.line is not None else f"record {first.record}"
            raise where.error(f"duplicate record: article {key[0]!r} by {key[1]!r} is already at {at}")
        seen[key] = where
        stored_ids.append(existing)
        targets.append(target)
    fresh: dict[str, ImportedRecord] = {}
    for item, existing, target in zip(items, stored_ids, targets, strict=True):
        if existing is None and target == item.record.article_id:
            fresh.setdefault(target, item)
    untokenized = [i for i in fresh.values() if i.tokens is None]
    token_lists = {i.record.article_id: i.tokens for i in fresh.values() if i.tokens is not None}
    token_lists.update(
        zip((i.record.article_id for i in untokenized), tokenize([i.record.text for i in untokenized]), strict=True)
    )
    ready: list[tuple[str, NativeRecord]] = []
    snapped = 0
    for item, existing, target in zip(items, stored_ids, targets, strict=True):
        tokens = store.tokens(existing) if existing is not None else token_lists[target]
        record, moved = _on_tokens(item, tokens, snap)
        snapped += moved
        ready.append((target, record))
    report = ImportReport(records=0, new_articles=len(fresh), snapped=snapped)
    with store.write():  # the stored work is compared inside the transaction that replaces it
        for item in fresh.values():
            record = item.record
            title = record.title or title_from(record.text)
            store.insert_article(
                ArticleIn(id=record.article_id, text=record.text, title=title, meta=record.meta),
                token_lists[record.article_id],
                [],
            )
        for done, ((article_id, record), item) in enumerate(zip(ready, items, strict=True), start=1):
            verdict = _verdict(store, article_id, record, replace)
            if verdict == "same":
                report.unchanged += 1
            elif verdict == "conflict":
                title = store.article(article_id).title
                report.conflicts.append(ImportConflict(item.where, article_id, title, record.annotator))
            else:
                store.replace_annotation(article_id, record.annotator, record.spans, record.status, record.updated_at,
                                         flag_reason=record.flag_reason)  # fmt: skip
                report.records += 1
                report.replaced += verdict == "replace"
            if verdict != "conflict":  # comments only add: one already stored (same author, time, text) is kept once
                for comment in record.comments or []:
                    store.keep_comment(article_id, comment.annotator, comment.text, comment.at)
            if progress and (done % 100 == 0 or done == len(ready)):
                progress(done, len(ready))
    return report
