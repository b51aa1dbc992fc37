"""Imports, the database side: every record checked against the database (texts, duplicates, token
boundaries, newer stored work), then all stored in one transaction, or, with --skip-invalid, the bad ones
listed and the rest stored. Formats (annotator.exchange.formats) only turn files into records."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.differ import where_texts_differ
from annotator.errors import AnnotatorError, InputError
from annotator.exchange.csv_exports import refuse_csv
from annotator.exchange.duplicates import (
    answer_at,
    answered_again,
    duplicate,
    later_of,
    left_out_for,
    repeats,
    skip_beside_answer,
)
from annotator.exchange.formats.common import (
    MISSING_TOKENS,
    TRIMMED,
    UTF16_OFFSETS,
    Dropped,
    ImportedRecord,
    Read,
    Skipped,
)
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.formats.unknown_labels import UnknownLabels
from annotator.exchange.formats.unknown_relations import UnknownRelations
from annotator.exchange.import_report import ImportConflict, ImportReport
from annotator.exchange.imported_ends import ImportedEnds
from annotator.exchange.kept_ids import annotation_ids, keep_on_stored, with_annotation_ids
from annotator.exchange.predictions import UNNAMED, model_suggestions, unnamed_left_out
from annotator.exchange.realign import StoredWords, realigned
from annotator.exchange.records import Progress
from annotator.exchange.renamed_names import here
from annotator.exchange.skipped_copies import (
    ANSWER_STANDS,
    RepeatedSkips,
    edited_skip,
    replaced_skip,
    settled,
    stored_answer_stands,
    take_answered_ids,
)
from annotator.exchange.snapping import on_tokens
from annotator.exchange.stored_suggestions import check_not_older, store_suggestions
from annotator.exchange.stored_work import keep_comments, store_work
from annotator.exchange.titles import title_from
from annotator.exchange.untagged import untagged_of
from annotator.exchange.verdicts import keeping_unsaid, newer, verdict_of, what_differs
from annotator.exchange.verdicts import unsaid as unsaid  # `annotator import` asks it here
from annotator.literal import quoted
from annotator.models import ArticleIn, Suggestion, content_hash
from annotator.store import Store
from annotator.store.names import length_problem
from annotator.store.new_names import EnteringNames
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Status, is_model, model_problem


@dataclass(frozen=True)
class Entering:
    """A name an import brings whatever its records are: --annotator's, which every record of a person it stores
    is under (checked against the database's names even when the file holds no record)."""

    name: str
    field: str = "--annotator"


def read_file(path: Path, format_name: str, options: ReadOptions) -> list[Read | Entering]:
    """Every record of a file, validated; the first bad one raises InputError naming file, line and field (with
    `options.skip_invalid`, it is returned as `Skipped` instead, and reading goes on). --annotator comes first, as
    the name the import brings (`Entering`)."""
    from annotator.exchange.formats import get_format

    if not path.exists():
        raise InputError("no such file", path=str(path))
    if path.is_file():
        refuse_csv(path, articles=False)  # Label Studio's CSV export said "not valid JSON"
    unknown = None if options.skip_invalid else UnknownLabels()
    relations = None if options.skip_invalid else UnknownRelations()  # labels first, then relation names
    options = dataclasses.replace(options, unknown_labels=unknown, unknown_relations=relations)
    try:
        records = list(get_format(format_name).read(path, options))
    except InputError as error:  # after an unknown name: that one, the earlier, is the error, saying this one
        first = next((found for each in (unknown, relations) if each and (found := each.error(stopped=error))), None)
        raise (error if first is None else _stopped_by(first, error)) from None
    for each in (unknown, relations):
        if each and (first := each.error()):
            raise first
    return [Entering(options.annotator), *records] if options.annotator else [*records]


def _stopped_by(first: InputError, stopped: InputError) -> InputError:
    """The first unknown label's (or relation name's) error, with the error that stopped the reading after it said
    too (a trial: a DocBin without --annotator said "another error there stopped the reading", not which)."""
    that = f"field {stopped.field!r}: {stopped.reason}" if stopped.field else stopped.reason
    return InputError(
        f"{first.reason}; that error: {that}", path=first.path, line=first.line, field=first.field, record=first.record
    )


def store_records(
    store: Store,
    items: Sequence[Read | Entering],
    *,
    snap: bool = False,
    replace: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    unsaid: frozenset[str] = frozenset(),
) -> ImportReport:
    """Check every record against the database, then store them all in one transaction (`unsaid`: what the
    file's format cannot say, `unsaid`, and each record's own beside it, `ImportedRecord.unsaid`).

    Checks: an article id stored (or read earlier) with another text; the same article and annotator twice (a
    record saying exactly what an earlier one said is skipped as a repeat, one with a later time than the other
    supersedes it, `duplicates`); spans off token boundaries (snapped
    outward with `snap`, else an error). A failed check stops the import, or, with `skip_invalid`, skips that
    record (listed in the report). New articles keep the tokens the file gave (CoNLL, Prodigy, DocBin), else get
    spaCy's tokenizer's, and, without a title, the title ingest would give them. Binary answers store their
    suggestions and the annotator's decisions on them. A record equal to the stored work changes nothing; one
    that differs from it replaces it only when the record is newer (its `updated_at`) or `replace` says so, else
    it is a reported conflict and the stored work stays. Each replacement is one undoable "import" event. A
    record of the model's suggestions (annotator `model:...`: `export --suggestions`, `predict`) is stored as
    suggestions under their suggester versions (`stored_suggestions`), never as anyone's annotation.
    """
    report = ImportReport(records=0, new_articles=0)
    texts: dict[str, str] = {}
    seen: dict[tuple[str, str], ImportedRecord] = {}
    placed_at: dict[tuple[str, str], int] = {}  # where in `placed` each is (a later answer takes its place)
    new_by_text: dict[str, str] = {}  # one new article per text, even when records give it two ids
    placed: list[tuple[ImportedRecord, str | None, str]] = []  # record, stored article id, its article
    words = StoredWords(store)
    matched: dict[str, int] = {}  # a rebuilt text's new article -> how many stored articles have its words
    entering = EnteringNames(store)
    repeated = RepeatedSkips()  # skips of copies repeating another copy's skip: listed once the file is read
    ends = ImportedEnds(store)  # records of a stored text but for white space at its end: on it (t14 F1)

    def skip(item: ImportedRecord, error: InputError) -> None:
        if not skip_invalid:
            raise error
        report.skipped.append(Skipped.of(item.where, error))

    last = max((i for i, item in enumerate(items) if isinstance(item, ImportedRecord)), default=-1)
    for index, item in enumerate(items):
        if isinstance(item, Entering):  # --annotator: wrong for every record, whatever --skip-invalid says
            if problem := entering.problem(item.name):
                raise AnnotatorError(f"{item.field}: {problem}")  # as the option's other errors are said
            continue
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if isinstance(item, Dropped):
            report.dropped[item.what] += item.count
            continue
        try:
            item, matches = realigned(store, words, item, index == last)
            item = item if matches else ends.onto_stored(item)
        except InputError as error:
            skip(item, error)
            continue
        report.realigned += matches == 1
        record, where = item.record, item.where
        matched.setdefault(record.article_id, matches)
        try:
            if record.article_id in texts and texts[record.article_id] != record.text:
                differs = where_texts_differ(texts[record.article_id], record.text, ("earlier", "record's"))
                raise where.error(
                    f"article {quoted(record.article_id)} appears earlier with a different text ({differs})", "text"
                )
            existing = store.has_article(ArticleIn(id=record.article_id, text=record.text))
            if existing is not None and store.article(existing).content_hash != content_hash(record.text):
                raise where.error(_different_text(store, record.article_id, existing, record.text), "text")
        except InputError as error:
            skip(item, error)
            continue
        if refused := _names_problem(entering, item):  # "аӀісе" in Cyrillic where alice works
            skip(item, refused)
            continue
        target = existing or new_by_text.get(content_hash(record.text), record.article_id)
        if existing is not None:  # under the name a rename standing there moved the work to (s55 S1)
            item = here(store, item, existing, report.renamed_here)
            record = item.record
        key = (target, record.annotator)
        if key in seen:
            earlier = seen[key]
            if repeats(earlier, item):
                if not repeated.hold(key, earlier, item):
                    repeat = f"repeats the record at {answer_at(earlier)}"  # named as a refusal names a part:
                    report.skipped.append(Skipped.of(where, where.error(repeat, item.part)))  # s55 two skips, one task
                continue
            standing, listed = skip_beside_answer(earlier, item) or (later_of(earlier, item), None)
            if standing is None:
                skip(item, where.error(duplicate(earlier, item, key), item.part))
            elif listed is not None:  # a copy of a task skipped beside an answer to another copy: listed
                report.copies.append(listed)
            else:  # an answer given again: the other one left out, noted
                report.superseded.append(left_out_for(item if standing is earlier else earlier, standing))
            if standing is item:  # it stands where the earlier one stood
                seen[key] = item
                placed[placed_at[key]] = (item, existing, target)
            continue
        texts.setdefault(record.article_id, record.text)
        new_by_text.setdefault(content_hash(record.text), record.article_id)
        if existing is None:
            ends.adding(target, record)
        seen[key] = item
        placed_at[key] = len(placed)
        placed.append((item, existing, target))
    report.copies += repeated.listed(seen, store)
    fresh: dict[str, ImportedRecord] = {}
    for item, existing, target in placed:
        if existing is None and target == item.record.article_id:
            fresh.setdefault(target, item)
    untokenized = [i for i in fresh.values() if i.tokens is None]
    token_lists = {i.record.article_id: i.tokens for i in fresh.values() if i.tokens is not None}
    token_lists.update(
        zip((i.record.article_id for i in untokenized), tokenize([i.record.text for i in untokenized]), strict=True)
    )
    ready: list[tuple[str, ImportedRecord, list[Suggestion] | None]] = []
    for item, existing, target in placed:
        tokens = store.tokens(existing) if existing is not None else token_lists[target]
        try:
            placed_item, moved = on_tokens(item, tokens, snap)
            unnamed, suggested = 0, None
            if is_model(item.record.annotator):
                named_only, unnamed = unnamed_left_out(placed_item.record)
                suggested = model_suggestions(named_only, item.where)
            if suggested is not None and existing is not None:
                check_not_older(store, existing, suggested, item.where)
        except InputError as error:
            skip(item, error)
            continue
        report.snapped += moved
        report.trimmed += item.dropped[TRIMMED]
        report.utf16 += item.dropped[UTF16_OFFSETS]
        noted = (TRIMMED, UTF16_OFFSETS, MISSING_TOKENS)  # said apart from what was left out
        report.dropped.update({what: n for what, n in placed_item.dropped.items() if what not in noted})
        if unnamed:
            report.dropped[UNNAMED] += unnamed
        if not item.questions or placed_item.questions:  # else every answer was left out (`snapping.OFF_TOKENS`)
            ready.append((target, placed_item, suggested))
            report.superseded += answered_again(placed_item)
    needed = {target for target, *_ in ready}
    answered = annotation_ids((target, item.record.annotator, item.annotation_id) for target, item, _ in ready)
    stood: set[tuple[str, str]] = set()  # (article, annotator) whose stored answer stands against a skip
    with store.write():  # the stored work is compared inside the transaction that replaces it
        for target, item in fresh.items():
            if target not in needed:  # every record for it was skipped
                continue
            record = item.record
            title = record.title or title_from(record.text)
            meta = with_annotation_ids(target, record.meta, answered.get(target, {}), report.ids_not_kept)
            store.insert_article(
                ArticleIn(id=record.article_id, text=record.text, title=title, meta=meta), token_lists[target], []
            )
            report.new_articles += 1
            report.new_as_done += (as_done := "status" in unsaid | item.unsaid and record.status is Status.DONE)
            report.untagged += untagged_of(item, target, title) if as_done else []
            if item.joined_here:  # a new article whose white space the import guessed: noted
                report.rebuilt.append((item.where, target, matched.get(target, 0)))
        for done, (article_id, item, suggested) in enumerate(ready, start=1):
            record, cannot = item.record, unsaid | item.unsaid
            verdict = "suggestions" if suggested is not None else verdict_of(store, article_id, record, replace, cannot)
            if suggested is not None:
                check_not_older(store, article_id, suggested, item.where)  # again: an earlier record may have
                stored = store_suggestions(store, article_id, suggested)  # stored a newer batch (same file)
                report.suggestions += stored
                brought = stored > 0 or article_id in fresh  # its article is new: a record without suggestions too
                report.records += brought
                report.unchanged += not brought
            elif verdict == "same":
                added = keep_comments(store, article_id, item.record)  # a comment that came is kept
                report.comments += added
                report.unchanged += not added
                report.commented += added > 0
            elif verdict == "conflict":
                title = store.article(article_id).title
                later = newer(store.updated_at(article_id, record.annotator), record.updated_at)
                differs = what_differs(store, article_id, record, cannot)
                advice = edited_skip(store, article_id, record)
                report.conflicts.append(
                    ImportConflict(item.where, article_id, title, record.annotator, later, differs, advice)
                )
            elif verdict == ANSWER_STANDS:  # a skip of a copy, the answer to another copy stored: listed
                report.copies.append(stored_answer_stands(store, article_id, item))
                stood.add((article_id, record.annotator))
            else:
                # a stored skip of another copy, given way (SKIP_GIVES_WAY) or --replace'd: the article's ids that
                # were the skip's become the answer's, and the answer is done, said or not (JSON_MIN; s53 t7)
                if skipped := replaced_skip(store, article_id, record) if verdict != "new" else {}:
                    take_answered_ids(store, article_id, item, skipped)
                    cannot = cannot - {"status"}
                if verdict != "new":  # the stored work stays for what the file cannot say
                    item = dataclasses.replace(item, record=keeping_unsaid(store, article_id, record, cannot))
                comments, decisions = store_work(store, article_id, item)
                report.comments, report.decisions = report.comments + comments, report.decisions + decisions
                report.records += 1
                report.missing += item.dropped[MISSING_TOKENS]  # said of what was stored only
                report.replaced[verdict] += verdict != "new"
            if progress and (done % 100 == 0 or done == len(ready)):
                progress(done, len(ready))
        left = {(conflict.article_id, conflict.annotator) for conflict in report.conflicts}
        left |= stood | repeated.kept_stored  # nor of a skip of a copy whose answer (or skip) stands here
        # re-trial t4r F7-v1. An id kept for a record equal to the stored work ("unchanged") writes no event, by
        # design: the id is the article's meta (who a Label Studio user is, `known_users`), not work; the event log
        # is the work's history, which undo walks (an event changing nothing would be a `u` that does nothing) and
        # `merge` compares event by event (one here a pack lacks would make the pack's later work a conflict)
        report.ids_not_kept += keep_on_stored(store, answered, fresh, left)
    report.skipped.sort(key=lambda skipped: (skipped.where.line or 0, skipped.where.record or 0))
    report.copies = settled(report.copies, {(conflict.where, conflict.annotator) for conflict in report.conflicts})
    report.kept_rebuilt = words.kept_of(item for _, item, _ in ready)
    report.ends_aside = ends.said(item for _, item, _ in ready)
    return report


def _names_problem(entering: EnteringNames, item: ImportedRecord) -> InputError | None:
    """The error for the first name of a record (its annotator's, its comments' authors') that may not enter the
    database, naming the field the file gives it in; None when all may."""
    record = item.record
    names = [(record.annotator, item.annotator_field)]
    names += [(c.annotator, f"{item.comments_field}[{i}].annotator") for i, c in enumerate(record.comments or [])]
    for number, (name, field_name) in enumerate(names):
        if problem := (model_problem(name) if number else None) or entering.problem(name):
            if problem == length_problem(name):  # a new name, too long: the way to a shorter one
                problem += (
                    f": give the user a shorter one with --user-map {item.user}=NAME"
                    if item.user is not None and not number
                    else ": import it under a shorter one with --annotator NAME --rename (a file of one annotator's work)"
                )
            return item.where.error(problem, field_name)  # the model writes no comments (atk34 10)
    return None


def _different_text(store: Store, article_id: str, existing: str, text: str) -> str:
    """The refusal of a record whose article is stored with another text; one whose id is its own text's hash
    (a .txt article) was changed after the record's author worked on it (`ingest --changed-text replace`, or an
    import of another text under that id: trial s58 t16 F4, the line said only the first). The
    article that holds the record's text now, if any (`ingest` stores it under `HASH~2`), is named; so is where the
    two texts differ (`differ.where_texts_differ`)."""
    differs = where_texts_differ(store.article_text(existing), text, ("stored", "record's"))
    if existing == article_id == content_hash(text):
        holder = store.article_with_text(content_hash(text))
        elsewhere = (
            f"; that text is stored as article {quoted(holder or '')} (a record with that article_id imports onto it)"
        )
        return (
            f"article {quoted(article_id)} is stored with a different text ({differs}): its id is the hash of this record's text, so "
            "the stored text is not the one this record was made on (`ingest --changed-text replace` of a changed "
            ".txt file, or an import of another text under this id, changed it); this work is on the text it had "
            "before and is not imported onto the new one" + (elsewhere if holder else "")
        )
    return f"article {quoted(article_id)} is stored with a different text ({differs})"
