"""Skips of a copy of a text (two Label Studio tasks of one text, a file imported twice into a project): skipping
one copy (`was_cancelled`) says nothing of the same user's answer to another, so the answer stands and the skip is
left out, each listed in one line naming the skip's file, line, task id, annotation and user and the answered task
(re-trial s52 t6 W1, W3, W6: it was listed among the bad records --skip-invalid drops, as a repeat of a skip itself
left out, and as a repeat naming neither user nor annotation). So across imports (F11-v1b-a): the stored work's
import event keeps the task it came from (`origin`), so a stored skip of another task gives way to the file's
answer while that import is the last edit of the skip (it replaces stored work), and a stored answer stands against
the file's skip of another task while its import is in effect, edits since or not (keeping it replaces nothing; an
answer whose import kept no origin, JSON_MIN's, by the article's kept task id); a skip of the same task does not."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.exchange.files import Where
from annotator.exchange.formats.common import ImportedRecord
from annotator.exchange.formats.labelstudio_ids import ANNOTATION_IDS, TASK_ID
from annotator.models import NativeRecord
from annotator.store import Store
from annotator.store.origins import import_origin, work_origin
from annotator.vocabulary import Status

#: The keys of an import event's `origin`: the Label Studio task and annotation its work was.
TASK, ANNOTATION = "labelstudio_task_id", "labelstudio_annotation_id"
#: The verdicts (`verdicts.verdict_of`) of a record against stored work of another copy of its text: the stored
#: skip gives way to the record's answer; the stored answer stands against the record's skip (listed).
SKIP_GIVES_WAY, ANSWER_STANDS = "skipped copy", "answered copy"


@dataclass(frozen=True)
class SkippedCopy:
    """A skip of a copy left out: the user answered the same text at `other` ("task id 1 (annotations[0])"), or,
    `answered` False, skipped it there too, and that skip stands."""

    where: Where
    task: object  # the skip's task id (None: the file gives none, and its place names it)
    part: str
    annotator: str
    other: str
    answered: bool = True
    by: Where | None = None  # the answer (or skip) in the file it is left out for; None: one stored here
    conflicts: bool = False  # that answer is not imported, in conflict with the stored work (`settled`)

    def __str__(self) -> str:
        task = f"task id {self.task}" if self.task is not None else f"task {self.where.record}"
        said = f"{self.where.named(find=True)}: {task}, {self.part}: {self.annotator} skipped it"
        if self.answered and self.conflicts:
            return (
                f"{said} and answered the same text at {self.other}, an answer not imported: it conflicts with the "
                "work stored here (listed below)"
            )
        if self.answered:
            return f"{said} and answered the same text at {self.other}: that answer stands"
        return f"{said}, as they skipped the same text at {self.other}"


def _task_of(item: ImportedRecord) -> object:
    return item.record.meta.get(TASK_ID)


def _at(item: ImportedRecord) -> str:
    """Another copy's answer, as a skipped copy's line names it: "task id 1 (annotations[0])"."""
    task = _task_of(item)
    return f"{'task' if task is None else 'task id'} {item.where.record if task is None else task} ({item.part})"


def in_file(skip: ImportedRecord, other: ImportedRecord, *, answered: bool = True) -> SkippedCopy:
    """The skip of one copy, left out for the same user's answer to (or skip of) another copy in the file."""
    return SkippedCopy(
        skip.where, _task_of(skip), skip.part or "", skip.record.annotator, _at(other), answered, other.where
    )


def origin(item: ImportedRecord) -> dict[str, Any]:
    """What the import event of a Label Studio task's answer keeps of where it came from; {} for other records."""
    task = _task_of(item)
    if item.part is None or task is None:
        return {}
    return {TASK: task, **({ANNOTATION: item.annotation_id} if item.annotation_id is not None else {})}


def copy_verdict(store: Store, article_id: str, record: NativeRecord) -> str | None:
    """`SKIP_GIVES_WAY` or `ANSWER_STANDS` when the record and its annotator's stored work are a skip and an answer
    of two copies, each from its own task: a stored skip's as its import said, that import the last edit of it
    (`work_origin`), a stored answer's as `answered_task` tells it; None for any other."""
    task = record.meta.get(TASK_ID)
    if task is None:
        return None  # no Label Studio task's work (every other format): no copies, and no query
    who = record.annotator
    skips = (store.status(article_id, who) is Status.SKIPPED, record.status is Status.SKIPPED)
    if skips == (True, False):  # replaces stored work: only a skip the import left as it brought it
        stored = work_origin(store, article_id, who).get(TASK)
        return SKIP_GIVES_WAY if stored is not None and stored != task else None
    if skips == (False, True):  # keeps stored work: the answer's task, edited since or not
        answered = answered_task(store, article_id, who)
        return ANSWER_STANDS if answered is not None and answered[0] != task else None
    return None  # one task's answers: the later stands, or they conflict (`verdict_of`)


def answered_task(store: Store, article_id: str, annotator: str) -> tuple[object, object] | None:
    """The task (and annotation, None when not known) the annotator's stored work came from, as far as keeping it
    needs: the latest import in effect's origin, edits since or not (re-trial s53 t7 F11-v1b-a-3: an answer edited
    here was a conflict whose --replace put a skip over it); where that import kept none (JSON_MIN's, an older
    release's) the article's kept task id (`TASK_ID`). None when no import brought the work, or nothing tells
    its task."""
    found = import_origin(store, article_id, annotator)
    if found is None:
        return None
    if TASK in found.origin:
        return found.origin[TASK], found.origin.get(ANNOTATION)
    kept = store.article(article_id).meta.get(TASK_ID)
    return None if kept is None else (kept, None)


def stored_answer_stands(store: Store, article_id: str, item: ImportedRecord) -> SkippedCopy:
    """The file's skip of a copy, left out for the answer to another copy stored here (`copy_verdict`)."""
    answered = answered_task(store, article_id, item.record.annotator)
    task, annotation = answered if answered is not None else (None, None)
    own = f"annotation id {annotation}, " if annotation is not None else ""
    other = f"task id {task} ({own}in this database)"
    return SkippedCopy(item.where, _task_of(item), item.part or "", item.record.annotator, other)


def replaced_skip(store: Store, article_id: str, record: NativeRecord) -> dict[str, Any]:
    """The origin of the annotator's stored skip when it is of another task than the record's answer, by the
    latest import in effect, edited since or not: what the answer replaces, given way by itself (`SKIP_GIVES_WAY`)
    or by --replace; {} for any other work."""
    task, who = record.meta.get(TASK_ID), record.annotator
    if task is None or record.status is Status.SKIPPED or store.status(article_id, who) is not Status.SKIPPED:
        return {}
    found = import_origin(store, article_id, who)
    skipped = found.origin.get(TASK) if found is not None else None
    return found.origin if found is not None and skipped is not None and skipped != task else {}


def edited_skip(store: Store, article_id: str, record: NativeRecord) -> str:
    """What a conflict line advises when the record's answer meets a stored skip of another copy that was edited
    here after its import: not shown to be the skip the import brought, it does not give way by itself, and
    --replace puts the answer over it; "" for any other conflict (the bare advice)."""
    skip = replaced_skip(store, article_id, record)
    if not skip or work_origin(store, article_id, record.annotator):
        return ""
    return (
        f"the stored skip, of task id {skip[TASK]}, was edited here after its import, so it is this database's work, "
        f"which an answer to another copy does not replace by itself: --replace puts the file's answer to task id "
        f"{record.meta.get(TASK_ID)} in its place; u on that article takes it back"
    )


def take_answered_ids(store: Store, article_id: str, item: ImportedRecord, skip: Mapping[str, Any]) -> None:
    """Before the record's answer replaces a stored skip of another copy (`skip`: its origin, `replaced_skip`),
    by itself or by --replace: the article's ids that were the skip's become the answer's (the article keeps the
    answered task's ids, as in one file): the annotator's annotation id, and the task id once every other
    annotator's work kept there came from the answered task too (an import said so: theirs may be the skip's task;
    s53 t7 F11-v1b-a-1: two users' skips gave way, task 2 kept)."""
    who, task = item.record.annotator, _task_of(item)
    meta = store.article(article_id).meta
    ids: Mapping[str, Any] | Any = meta.get(ANNOTATION_IDS)
    kept = dict(meta)
    if isinstance(ids, Mapping) and item.annotation_id is not None and ids.get(who) == skip.get(ANNOTATION):
        kept[ANNOTATION_IDS] = {**ids, who: item.annotation_id}
    others = [other for other in ids if other != who] if isinstance(ids, Mapping) else []
    alike = all(work_origin(store, article_id, other).get(TASK) == task for other in others)
    if alike and meta.get(TASK_ID) == skip.get(TASK) and task is not None:
        kept[TASK_ID] = task
    if kept != meta:
        store.set_article_meta(article_id, kept)


@dataclass
class RepeatedSkips:
    """Skips of copies repeating a skip of another copy by the same user, held until the file is read: where an
    answer to another copy stands at the end, each is listed against it, else against the skip that stands."""

    held: dict[tuple[str, str], list[ImportedRecord]] = field(default_factory=dict)
    kept_stored: set[tuple[str, str]] = field(default_factory=set)  # whose stored skip stands (`listed`)

    def hold(self, key: tuple[str, str], earlier: ImportedRecord, item: ImportedRecord) -> bool:
        """Whether `item`, repeating `earlier`, is a skip of another copy (held), not a plain repeat."""
        copies = None not in (earlier.part, item.part) and earlier.where != item.where
        if not copies or item.record.status is not Status.SKIPPED:
            return False
        self.held.setdefault(key, []).append(item)
        return True

    def listed(self, standing: Mapping[tuple[str, str], ImportedRecord], store: Store) -> list[SkippedCopy]:
        """Each held skip, against the record that stands for its article and annotator at the end; where that
        record is a skip and the skip stored here is of a held skip's task (an earlier import of it), the held skip
        is the stored one, and the standing record is the skip left out, listed against it (s55 W1-a: the stored
        copy's skip was listed as repeating the other copy's, itself left out). Those keys go in `kept_stored`."""
        copies: list[SkippedCopy] = []
        for key, skips in self.held.items():
            first = standing[key]
            held = _held_stored(store, key, first, skips)
            if held is None:
                copies += [in_file(skip, first, answered=first.record.status is not Status.SKIPPED) for skip in skips]
                continue
            self.kept_stored.add(key)
            copies.append(_against_stored(store, key, first))
            copies += [_against_stored(store, key, skip) for skip in skips if skip is not held]
        return copies


def _held_stored(
    store: Store, key: tuple[str, str], first: ImportedRecord, skips: list[ImportedRecord]
) -> ImportedRecord | None:
    """The held skip whose task is the one the annotator's stored skip came from (`answered_task`), where the
    record standing in the file is a skip too; None for any other."""
    article_id, who = key
    if first.record.status is not Status.SKIPPED:
        return None
    if store.status(article_id, who) is not Status.SKIPPED or (task := answered_task(store, article_id, who)) is None:
        return None
    return next((skip for skip in skips if _task_of(skip) == task[0] and _task_of(first) != task[0]), None)


def _against_stored(store: Store, key: tuple[str, str], skip: ImportedRecord) -> SkippedCopy:
    """A skip of a copy left out for the same user's skip of another copy stored here."""
    listed = stored_answer_stands(store, key[0], skip)
    return dataclasses.replace(listed, answered=False)


def settled(copies: list[SkippedCopy], conflicts: Collection[tuple[Where, str]]) -> list[SkippedCopy]:
    """The skips left out, in the file's order, each whose answer in the file is not imported, in conflict with
    the stored work (`conflicts`: each one's place and annotator), saying so (s55 W1-a: "that answer stands")."""
    marked = [
        dataclasses.replace(copy, conflicts=copy.answered and (copy.by, copy.annotator) in conflicts) for copy in copies
    ]
    return sorted(marked, key=lambda copy: (copy.where.line or 0, copy.where.record or 0))


def left_out(copies: list[SkippedCopy]) -> list[str]:
    """The lines of the skips left out, under a heading of their own for each kind."""
    lines: list[str] = []
    for answered, heading in ((True, "of a copy of an answered text"), (False, "repeating a skip of another copy")):
        these = [copy for copy in copies if copy.answered is answered]
        if these:
            lines.append(f"left out: {len(these)} skip{'' if len(these) == 1 else 's'} {heading}:")
            lines += [f"  {copy}" for copy in these]
    return lines
