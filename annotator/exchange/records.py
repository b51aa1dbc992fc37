"""Annotations out: native records from the database, for every export format.

File formats live in annotator.exchange.formats and only convert records to and from `NativeRecord`; this module
is the database side of an export (which records, and their spans under today's span rules); imports are
stored by annotator.exchange.importing.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shlex
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from annotator.errors import AnnotatorError
from annotator.exchange.formats.common import (
    Record,
    RecordLike,
    TokensOf,
)
from annotator.exchange.formats.options import DONE_ONLY, ExportOptions
from annotator.exchange.formats.stored_spans import (
    RecordSpan,
    StoredSpans,
)
from annotator.exchange.recording import LOCK_WAIT
from annotator.exchange.writing import written_together
from annotator.exchange.written import made_from
from annotator.models import (
    Comment,
    Label,
    Status,
    parse_timestamp,
    utc_timestamp,
)
from annotator.places import Note, PlaceError
from annotator.rows import Offsets as StoredOffsets
from annotator.rows import SpanLike, Token
from annotator.spans import edge_problem, edges_fit, fit, fitted
from annotator.store import Store
from annotator.store.as_suggested import suggested_articles
from annotator.store.content import fit_problems, spans_fit, stored_problems
from annotator.store.kinds import kind_problems, speaker_problems, type_problems
from annotator.store.streams import annotation_stream
from annotator.store.unchecked import commands_alone
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import MODEL_PREFIX, is_model, suggester_labels

#: Called with (done, total) as work advances; the CLI turns it into a progress bar.
Progress = Callable[[int, int], None]


def model_name(suggesters: list[str]) -> str:
    return MODEL_PREFIX + "+".join(suggesters)


def annotator_records(
    store: Store, annotator: str, statuses: Collection[Status] | None = DONE_ONLY
) -> Iterator[Record]:
    """One annotator's records whose status is in `statuses` (None: every status), in ingest order, streamed
    (see `annotation_stream`).

    Plain records of stored rows, not validated again: every span in the store was checked against its
    article when it was written (by the edit operations or by `store_records`), and the schema's CHECK
    constraints guard labels, statuses and offsets. Validating on the way out would cost more than the rest
    of the export together (see benchmarks/export.py). Only the edges are checked (`edges_fit`: an older
    release stored spans under older rules); spans that fit stay the store's rows (`StoredSpans`).
    """
    comments = store.comments_by_article()
    unchecked = commands_alone(store, annotator)  # work no person touched says so in the file (newcomer 43)
    suggested = suggested_articles(store, annotator)  # and work that is the suggestions unchanged (A then d too)
    status_of = {status.value: status for status in Status}
    chosen = None if statuses is None else [Status(s).value for s in statuses]
    for (article_id, text, title, meta, status, updated_at, reason), rows in annotation_stream(
        store, annotator, chosen
    ):
        if not spans_fit(text, rows):  # another program's span: refused as `check` names it
            raise damaged(store, fit_problems(store.conn, ["spans"]))
        spans: Sequence[RecordSpan] = StoredSpans(rows)
        if not edges_fit(text, rows):  # stored under older rules: as today's would store them
            spans = exported_spans(text, list(spans))
        notes = [_comment(who, note, at) for who, note, at in comments.get(article_id, [])]
        yield Record(article_id, text, title, json.loads(meta), annotator, status_of[status], spans,
                     written_stamp(updated_at), reason, notes, tuple(unchecked.get(article_id, ())),
                     article_id in suggested)  # fmt: skip


def written_stamp(stored: str | None) -> str | None:
    """A stored timestamp as an export writes it, so that an import reads it back: `utc_timestamp`'s form (the
    store's own), or None for one that names no moment (an older release stored stamps as files gave them)."""
    if stored is None:
        return None
    try:
        if _STORE_FORM.fullmatch(stored):  # most are: the moment is checked, the text is already as written
            datetime.fromisoformat(stored)
            return stored
        return utc_timestamp(parse_timestamp(stored))
    except ValueError:
        return None


#: `utc_timestamp`'s form; a stamp in it that `datetime.fromisoformat` reads is what `utc_timestamp` writes of it.
_STORE_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")


def _comment(annotator: str, text: str, at: str) -> Comment:
    """A stored comment; its time as `written_stamp` writes it, or, if it names no moment, as stored (an import
    then names it: a comment is never silently left out)."""
    return Comment.model_construct(annotator=annotator, text=text, at=written_stamp(at) or at)


def exported_spans(text: str, spans: list[RecordSpan]) -> list[RecordSpan]:
    """Stored spans as an export writes them: under today's span rules (`annotator.spans`), as an import checks
    them. A span an older release stored with an edge today's rules trim (a no-break space, a stray quotation
    mark) is written trimmed, as accepting it now would store it, and quotes follow their trimmed speaker; a
    span no trimming can mend (one that crosses a line break) is written as stored: it is a person's."""
    if edges_fit(text, spans):
        return spans
    moved: dict[tuple[int, int], tuple[int, int] | None] = {}
    for span in spans:
        if edge_problem(text, span.start, span.end, span.label) is not None:
            moved[(span.start, span.end)] = fit(text, span.start, span.end, span.label)
    out = []
    for span in spans:
        key = (span.start, span.end)
        start, end = moved.get(key) or key
        speaker = span.speaker
        if speaker is not None and (to := moved.get((speaker.start, speaker.end))):
            speaker = StoredOffsets(*to)
        out.append(RecordSpan(start, end, span.label, text[start:end], speaker))
    return out


def suggestion_record(
    article_id: str,
    text: str,
    title: str,
    meta: dict[str, Any],
    suggestions: Sequence[SpanLike],
    suggesters: Iterable[str],
) -> Record:
    """One article's suggestions as a record, as if the model were an annotator; `suggesters` made them.

    What `export --suggestions` writes for a stored article, and `annotator predict` for one it never stores
    (without `updated_at`: nothing was stored). The spans are `spans.fitted` (a no-op on what today's
    suggesters made; older stored suggestions come out under today's rules), by start and end, ties as given."""
    plain = [
        (s.start, s.end, s.label, None if s.speaker is None else (s.speaker.start, s.speaker.end)) for s in suggestions
    ]
    spans = [
        RecordSpan(start, end, label, text[start:end], None if speaker is None else StoredOffsets(*speaker))
        for start, end, label, speaker in fitted(text, plain)  # the rules machine spans meet, in their one place
    ]
    return Record(article_id, text, title, meta, model_name(sorted(set(suggesters))), Status.TODO, spans)


#: The note counting the records `suggestion_records` writes of articles without suggestions.
NO_SUGGESTION = (
    "record(s) of an article with no suggestion, their annotator 'model:' naming no suggester (ingested with "
    "--no-suggest, or the suggesters found nothing in it; `annotator suggest` suggests for those never suggested)"
)


def suggestion_records(store: Store, notes: Counter[str] | None = None) -> Iterator[Record]:
    """Every article with the model's current suggestions (`Reader.current_suggestions`), as if the model were
    an annotator. One with none is written too (a Label Studio task, so every article goes there and comes back;
    `predict` writes such a record alike), named "model:", no suggester, and counted in `notes`, which say why
    (trial s59 t19 F4: the name alone said nothing); the store cannot tell one never suggested from one the
    suggesters found nothing in."""
    for article_id in store.article_ids():
        suggestions = store.current_suggestions(article_id)
        if not suggestions and notes is not None:
            notes[NO_SUGGESTION] += 1
        article = store.article(article_id)  # a NaN meta an older release stored: refused by `export` before
        record = suggestion_record(
            article.id, article.text, article.title, article.meta, suggestions, (s.suggester for s in suggestions)
        )
        yield dataclasses.replace(record, updated_at=written_stamp(article.ingested_at))


def only_labels(records: Iterable[Record], labels: frozenset[Label]) -> Iterator[Record]:
    """The records with only the spans of these labels; a quote whose speaker is left out loses its speaker. A
    record of the model names only the suggesters whose labels it keeps whole: one named with some of its labels
    cut would, imported, stand for all of that suggester's suggestions (its other labels never suggested)."""
    for record in records:
        if is_model(record.annotator):
            named = record.annotator.removeprefix(MODEL_PREFIX).split("+")
            whole = [n for n in named if n and set(suggester_labels(n)) <= labels]
            record = dataclasses.replace(record, annotator=model_name(whole))
        spans = [s for s in record.spans if s.label in labels]
        actors = {(s.start, s.end) for s in spans if s.label is Label.ACTOR}
        spans = [
            s._replace(speaker=None) if s.speaker is not None and (s.speaker.start, s.speaker.end) not in actors else s
            for s in spans
        ]
        yield dataclasses.replace(record, spans=spans)


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
    of `options.labels`. The records the statuses leave out are counted by status in `options.written.left_out`."""
    from annotator.exchange.formats import get_format

    options = options or ExportOptions()
    chosen = get_format(format_name)
    read = ("articles", "annotations", "comments") if annotator else ("articles", "suggestions")  # spans: below
    found = kind_problems(store.conn) or type_problems(store.conn, read) or speaker_problems(store.conn)
    found = found or (fit_problems(store.conn, ["suggestions"]) if not annotator else [])
    if found:
        raise damaged(store, found)
    if annotator and options.statuses != frozenset(Status):  # none left out unsaid (a newcomer's 8 of 9 records)
        statuses = (status for _, status, _ in store.annotated_articles(annotator))
        options.written.left_out.update(status for status in statuses if status not in options.statuses)
    total = count_records(store, annotator, options.statuses) if progress else 0
    records: Iterable[Record] = (
        annotator_records(store, annotator, options.statuses)
        if annotator
        else suggestion_records(store, options.written.notes)
    )
    if options.labels != frozenset(Label):
        records = only_labels(records, options.labels)
    if not chosen.carries_flags:
        records = _counting_flags(records, options)
    if annotator:
        records = _noting_other_comments(records, store.comments_by_article(), options)
    if progress:
        records = _reporting(records, total, progress)
    try:
        return chosen.write(records, out, stored_tokens(store), options)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        problems = stored_problems(store.conn)  # tokens another program wrote: looked for only when writing failed
        if problems:
            raise damaged(store, problems) from None
        raise


def damaged(store: Store, problems: list[str]) -> AnnotatorError:
    """A database another program damaged, refused by its first problem as `check` words it: export read it and
    ended in a traceback far from the cause (a span's end past the text, a speaker at 5:2, a blob text: stop 40)."""
    return AnnotatorError(
        f"{store.path}: {problems[0]}; nothing was exported (annotator check --db {shlex.quote(str(store.path))} lists every "
        "problem)"
    )


#: The notes of an export whose format has no place for flag reasons and comments.
FLAGS_LEFT_OUT = ("flag reason(s) left out: this format has no place for them",
                  "comment(s) left out: this format has no place for them")  # fmt: skip


def _counting_flags(records: Iterable[Record], options: ExportOptions) -> Iterator[Record]:
    """Pass the records on, counting the flag reasons and comments the format drops: none is lost unsaid."""
    for record in records:
        if record.flag_reason is not None:
            options.written.notes[FLAGS_LEFT_OUT[0]] += 1
        if record.comments:
            options.written.notes[FLAGS_LEFT_OUT[1]] += len(record.comments)
        yield record


def _noting_other_comments(
    records: Iterable[Record], comments: dict[str, list[tuple[str, str, str]]], options: ExportOptions
) -> Iterator[Record]:
    """Pass the records on; at the end, count the comments on articles none of them is of (someone commented on an
    article this export has no record of): none is left out unsaid."""
    exported = set()
    for record in records:
        exported.add(record.article_id)
        yield record
    elsewhere = [article_id for article_id in comments if article_id not in exported]
    if elsewhere:
        count = sum(len(comments[article_id]) for article_id in elsewhere)
        named = ", ".join(repr(article_id) for article_id in elsewhere[:3])
        more = f" and {len(elsewhere) - 3} more" if len(elsewhere) > 3 else ""
        which = f"the article {named}" if len(elsewhere) == 1 else f"the articles {named}{more}"
        options.written.notes[f"comment(s) on articles this export has no record of are not in it ({which})"] += count


class OtherDatabasesExport(AnnotatorError):
    """The default output holds an export of another database (its folder's record says so): left as it is."""

    def __init__(self, path: Path, made: str) -> None:
        super().__init__(
            f"{path}: the export of another database, {made}; it was left as it is (give -o PATH for this "
            f"database's export, or -o {shlex.quote(str(path))} to replace that one)"
        )


class EarlierExportKept(AnnotatorError):
    """An export of no record to the default output, where an earlier export lies: that one is kept."""

    def __init__(self, path: Path, made: str | None = None) -> None:
        super().__init__(f"{path}: an export of no record would replace the earlier export there; it was kept")
        self.path = path
        #: The other database that export came from, when the folder's record names one (said, attacker 40f).
        self.made = made


def export_to_path(
    store: Store,
    format_name: str,
    path: Path,
    annotator: str | None,
    progress: Progress | None = None,
    options: ExportOptions | None = None,
    *,
    make_folder: bool = False,
    config: Path | None = None,
    note: Note = None,
    overwrite: bool = False,
    keep_earlier: bool = False,
) -> int:
    """Export into `path` through a temporary renamed at the end (`files.written_together`): a failed export
    leaves nothing, and never replaces a folder, FIFO or device. `config`: the format's config for the export (a
    `spacy train` config for a DocBin, a labelling config for Label Studio), written with it as one: both are put
    in place, or neither. `note` hears of leftovers beside them. The folder's record names the database the export
    came from (its real path). `keep_earlier` (the default output, named after the annotator alone, so the same
    for every database): an export of no record leaves a file with something in it as it is
    (`EarlierExportKept`), and an export the record says another database made is never replaced
    (`OtherDatabasesExport`). Both are looked at under the folder's lock, held until this export is in place and
    recorded (two databases exporting at once both found no file there, and both went in: attacker 40f); a lock
    another process holds for LOCK_WAIT seconds refuses the export."""
    from annotator.exchange.formats import get_format

    options = options or ExportOptions()
    make_config = get_format(format_name).config
    if config is not None and make_config is None:
        raise AnnotatorError(f"the {format_name} format has no config to write")
    paths = [path, *([config] if config else [])]
    named = ["-o", "--config"]  # the options that give them, for a refusal
    source = os.path.realpath(store.path) if store.path else None
    count = 0

    def only_this_databases(held: bool) -> None:  # under the folder's lock, until the export is in place
        if not keep_earlier:
            return
        if not held:
            raise PlaceError(
                f"{path}: annotator cannot lock {path.parent} (another annotator process has held its lock for "
                f"{LOCK_WAIT:g} s, or the folder cannot be opened), so it cannot tell whose export will be there; "
                "nothing was written (try again, or give -o PATH)"
            )
        made = made_from(Path(os.path.realpath(path))) if not overwrite else None
        if count == 0 and path.is_file() and path.stat().st_size > 0:
            raise EarlierExportKept(path, made if made != source else None)
        if made is not None and made != source:
            raise OtherDatabasesExport(path, made)

    with written_together(
        paths, make_folder=make_folder, note=note, overwrite=overwrite, options=named, source=source,
        check=only_this_databases,
    ) as outs:  # fmt: skip
        count = export(store, format_name, outs[0], annotator, progress, options)
        if config is not None and make_config is not None:
            outs[1].write(make_config(path, options).encode("utf-8"))
    return count


def _reporting(items: Iterable[Record], total: int, progress: Progress) -> Iterator[Record]:
    for done, item in enumerate(items, start=1):
        yield item
        if done % 100 == 0 or done == total:
            progress(done, total)
