"""Skips of a copy of a text (two Label Studio tasks of one text, a file imported twice into a project): skipping
one copy (`was_cancelled`) says nothing of the same user's answer to another, so the answer stands and the skip is
left out, each listed in one line naming the skip's file, line, task id, annotation and user and the answered task
(re-trial s52 t6 W1, W3, W6: it was listed among the bad records --skip-invalid drops, as a repeat of a skip itself
left out, and as a repeat naming neither user nor annotation). So across imports (F11-v1b-a): the stored work's
import event keeps the task it came from (`origin`), so a stored skip of another task gives way to the file's
answer, and a stored answer stands against the file's skip of another task; a skip of the same task does not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.exchange.files import Where
from annotator.exchange.formats.common import ImportedRecord
from annotator.exchange.formats.labelstudio_ids import ANNOTATION_IDS, TASK_ID
from annotator.models import NativeRecord
from annotator.store import Store
from annotator.store.origins import work_origin
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

    def __str__(self) -> str:
        task = f"task id {self.task}" if self.task is not None else f"task {self.where.record}"
        said = f"{_named(self.where)}: {task}, {self.part}: {self.annotator} skipped it"
        if self.answered:
            return f"{said} and answered the same text at {self.other}: that answer stands"
        return f"{said}, as they skipped the same text at {self.other}"


def _named(where: Where) -> str:
    """The skip's place: its file and line (a JSON array's record's, found now), else its record's number."""
    line = where.line
    if line is None and where.line_of is not None and where.record is not None:
        line = where.line_of(where.record, None)
    return f"{where.path}:{line}" if line is not None else f"{where.path} record {where.record}"


def _task_of(item: ImportedRecord) -> object:
    return item.record.meta.get(TASK_ID)


def _at(item: ImportedRecord) -> str:
    """Another copy's answer, as a skipped copy's line names it: "task id 1 (annotations[0])"."""
    task = _task_of(item)
    return f"{'task' if task is None else 'task id'} {item.where.record if task is None else task} ({item.part})"


def in_file(skip: ImportedRecord, other: ImportedRecord, *, answered: bool = True) -> SkippedCopy:
    """The skip of one copy, left out for the same user's answer to (or skip of) another copy in the file."""
    return SkippedCopy(skip.where, _task_of(skip), skip.part or "", skip.record.annotator, _at(other), answered)


def origin(item: ImportedRecord) -> dict[str, Any]:
    """What the import event of a Label Studio task's answer keeps of where it came from; {} for other records."""
    task = _task_of(item)
    if item.part is None or task is None:
        return {}
    return {TASK: task, **({ANNOTATION: item.annotation_id} if item.annotation_id is not None else {})}


def copy_verdict(store: Store, article_id: str, record: NativeRecord) -> str | None:
    """`SKIP_GIVES_WAY` or `ANSWER_STANDS` when the record and its annotator's stored work are a skip and an answer
    of two copies (each from its own task, as the stored work's import said); None for any other."""
    task, stored = record.meta.get(TASK_ID), work_origin(store, article_id, record.annotator).get(TASK)
    if task is None or stored is None or task == stored:
        return None  # one task's answers: the later stands, or they conflict (`verdict_of`)
    skips = (store.status(article_id, record.annotator) is Status.SKIPPED, record.status is Status.SKIPPED)
    return {(True, False): SKIP_GIVES_WAY, (False, True): ANSWER_STANDS}.get(skips)


def stored_answer_stands(store: Store, article_id: str, item: ImportedRecord) -> SkippedCopy:
    """The file's skip of a copy, left out for the answer to another copy stored here."""
    stored = work_origin(store, article_id, item.record.annotator)
    own = f"annotation id {stored[ANNOTATION]}, " if ANNOTATION in stored else ""
    other = f"task id {stored[TASK]} ({own}in this database)"
    return SkippedCopy(item.where, _task_of(item), item.part or "", item.record.annotator, other)


def take_answered_ids(store: Store, article_id: str, item: ImportedRecord) -> None:
    """Before a stored skip of another copy gives way to the record's answer: the article's ids that were the
    skip's become the answer's (the article keeps the answered task's ids, as in one file): the annotator's
    annotation id, and the task id once every other annotator's work kept there came from the answered task too
    (an import said so: theirs may be the skip's task; s53 t7 F11-v1b-a-1: two users' skips gave way, task 2 kept)."""
    who, task = item.record.annotator, _task_of(item)
    skip, meta = work_origin(store, article_id, who), store.article(article_id).meta
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

    def hold(self, key: tuple[str, str], earlier: ImportedRecord, item: ImportedRecord) -> bool:
        """Whether `item`, repeating `earlier`, is a skip of another copy (held), not a plain repeat."""
        copies = None not in (earlier.part, item.part) and earlier.where != item.where
        if not copies or item.record.status is not Status.SKIPPED:
            return False
        self.held.setdefault(key, []).append(item)
        return True

    def listed(self, standing: Mapping[tuple[str, str], ImportedRecord]) -> list[SkippedCopy]:
        """Each held skip, against the record that stands for its article and annotator at the end."""
        return [
            in_file(skip, standing[key], answered=standing[key].record.status is not Status.SKIPPED)
            for key, skips in self.held.items()
            for skip in skips
        ]


def left_out(copies: list[SkippedCopy]) -> list[str]:
    """The lines of the skips left out, under a heading of their own for each kind."""
    lines: list[str] = []
    for answered, heading in ((True, "of a copy of an answered text"), (False, "repeating a skip of another copy")):
        these = [copy for copy in copies if copy.answered is answered]
        if these:
            lines.append(f"left out: {len(these)} skip{'' if len(these) == 1 else 's'} {heading}:")
            lines += [f"  {copy}" for copy in these]
    return lines
