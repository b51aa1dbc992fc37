"""Two records of one article by one annotator in one file (`importing.store_records`): a repeat (the same
said twice, skipped), an earlier answer the later one superseded (the one with the later time stands: a person
answered again, as Prodigy's db-out holds after `undo` or another session), or, when neither says a later time,
a duplicate the import cannot settle (refused, naming both lines)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.exchange.files import Where
from annotator.exchange.formats.common import ImportedRecord
from annotator.exchange.formats.labelstudio_ids import TASK_ID
from annotator.exchange.skipped_copies import SkippedCopy, in_file
from annotator.exchange.verdicts import newer
from annotator.literal import quoted
from annotator.models import NativeRecord, parse_timestamp
from annotator.vocabulary import Status


@dataclass(frozen=True)
class Superseded:
    """An answer in a file left out for a later answer of the same article and annotator in it."""

    where: Where  # the earlier answer, left out
    by: Where  # the later one, imported
    left_out: str  # the earlier answer as the note names it (`answer_at`)
    standing: str  # the later one
    annotator: str | None  # named when the answers are parts of tasks (whose author a field of each says)


def answered_again(item: ImportedRecord) -> list[Superseded]:
    """The binary answers (ner.teach) a later answer about the same span replaced in a record, as the note of
    superseded answers names them (they were left out without a word)."""
    return [Superseded(e, by, f"{at(e)} about {span}", at(by), None) for e, span, by in item.answered_again]


def at(where: Where) -> str:
    """A place in the file as a duplicate's message names it: its line, else its record's number."""
    return f"line {where.line}" if where.line is not None else f"record {where.record}"


def answer_at(item: ImportedRecord) -> str:
    """Where an answer is, as a duplicate's message names it: a part of a task (one of a Label Studio task's
    annotations) by its task and part, "task 1's annotations[0]" (with the task's own id where it has one: "task 1
    (id 7)'s ...", re-trial 43c: a server's export is searched by id), else its line or record (`at`)."""
    if item.part is not None and item.where.record is not None:
        own = f" (id {item.task_id})" if item.task_id is not None else ""
        return f"task {item.where.record}{own}'s {item.part}"
    return at(item.where)


def left_out_for(earlier: ImportedRecord, later: ImportedRecord) -> Superseded:
    """The earlier answer, left out for the later one."""
    parts = earlier.part is not None or later.part is not None
    return Superseded(
        earlier.where, later.where, answer_at(earlier), answer_at(later), earlier.record.annotator if parts else None
    )


def repeats(one: ImportedRecord, other: ImportedRecord) -> bool:
    """Two records that say the same, but perhaps when (a task a file holds twice): the second is a repeat, not
    a conflict. Each copy of a Label Studio task has an id of its own, which says nothing of the answer (a re-trial:
    two copies given one answer were refused once the id was kept in the record's meta). A note asks the same of the
    file's JSON, having no parsed records (`task_work.Answer.stands_for`)."""
    return _said(one) == _said(other) and one.questions == other.questions


def _said(item: ImportedRecord) -> NativeRecord:
    meta = {key: value for key, value in item.record.meta.items() if key != TASK_ID}
    return item.record.model_copy(update={"updated_at": None, "meta": meta})


def skip_beside_answer(earlier: ImportedRecord, item: ImportedRecord) -> tuple[ImportedRecord, SkippedCopy] | None:
    """Of two copies of a Label Studio task (two tasks of one text, a file imported twice into a project), one
    skipped (`was_cancelled`) and one answered: the answer, standing whichever came first or later (skipping one
    copy says nothing of the answer to the other: a re-trial, s51 t4r F11-v1b, lost the work to --skip-invalid),
    and the skip, listed. None for any other two records."""
    if earlier.part is None or item.part is None or earlier.where == item.where:
        return None  # not two tasks' answers: one task's are told apart by their times (`later_of`)
    if earlier.record.article_id != item.record.article_id:
        return None  # two ids of one text: which id the work is under is not clear (`duplicate`)
    skipped = [each.record.status is Status.SKIPPED for each in (earlier, item)]
    if skipped.count(True) != 1:
        return None
    skip, answer = (earlier, item) if skipped[0] else (item, earlier)
    return answer, in_file(skip, answer)


def later_of(earlier: ImportedRecord, item: ImportedRecord) -> ImportedRecord | None:
    """Of two records of one article (under one id) and annotator, the one whose time (`updated_at`, Prodigy's
    `_timestamp`) is later, as an import lets the later time win over stored work; None when neither is later
    (the same moment, or a time missing): which stands is not clear."""
    if earlier.record.article_id != item.record.article_id:
        return None  # two ids of one text: which id the work is under is not clear either
    one, other = _moments(earlier, item)
    if newer(other, one):
        return item
    if newer(one, other):
        return earlier
    return None


def _moments(earlier: ImportedRecord, item: ImportedRecord) -> tuple[str | None, str | None]:
    """The two records' times as they are compared: `updated_at`, or for answers of one task on one server each
    one's last moment (`_last`: made later is answered later)."""
    if earlier.part is not None and item.part is not None and earlier.where == item.where:
        return _last(earlier), _last(item)
    return earlier.record.updated_at, item.record.updated_at


def _same_moment(one: str, other: str) -> bool:
    try:
        return parse_timestamp(one) == parse_timestamp(other)
    except ValueError:
        return False


def _last(item: ImportedRecord) -> str | None:
    """An answer's last moment: its time, or when the server made it if that is later (a fresh Label Studio answer
    is stamped once, so it shows no moment of work, but it was given when it was made)."""
    one, other = item.record.updated_at, item.made
    return other if one is None or newer(other, one) else one


def duplicate(earlier: ImportedRecord, item: ImportedRecord, key: tuple[str, str]) -> str:
    """The refusal of a second record of one article (`key`: the article and the annotator) in a file that
    neither repeats nor supersedes the first: when the two give their text under other ids (or the article is
    stored under another), each is named by its own; else why neither stands (no time, or the same moment, as
    `later_of` compares them)."""
    target, who = key
    article_id, earlier_id = item.record.article_id, earlier.record.article_id
    if article_id == earlier_id == target and item.joined_here and earlier.joined_here:  # CoNLL's blocks (F12(a))
        return (
            f"duplicate record: article {quoted(target)} by {quoted(who)} is already at {answer_at(earlier)}: the "
            f"block at {at(item.where)} and the block at {answer_at(earlier)} hold one text, and CoNLL names no "
            f"annotator, so --annotator makes both {quoted(who)}'s (Label Studio's CONLL2003 export writes a block for "
            "each user's annotation of a task): export the project as JSON to keep each user's work (`annotator "
            f"import FILE.json --format labelstudio`), or --skip-invalid keeps the block at {answer_at(earlier)} and "
            "lists this one"
        )
    if article_id == earlier_id == target:
        one, other = _moments(earlier, item)
        way = ""
        if one is None is other and None not in (earlier.made, item.made):  # stamped, but as no work
            why = "the created_at and updated_at of each are the server's stamps, which show no work"  # trial t4 F11
            way = ": --skip-invalid keeps the first and lists this one"
        elif one is None or other is None:
            why = "neither gives a time" if one == other else "only one gives a time"
        else:
            why = "both give the same moment" if _same_moment(one, other) else "neither gives a later time"
        return (
            f"duplicate record: article {quoted(target)} by {quoted(who)} is already at {answer_at(earlier)} ({why}, so the import "
            f"cannot tell which answer stands{way})"
        )
    ids = [i for i in dict.fromkeys((earlier_id, target)) if i != article_id]
    named = " and ".join(f"article {quoted(i)}" for i in ids)
    return (
        f"duplicate record: article {quoted(article_id)} has the text of {named}, whose record by {quoted(who)} is already at "
        f"{answer_at(earlier)}"
    )


def superseded_note(superseded: list[Superseded]) -> str:
    """The note of the earlier answers a file's later ones superseded: how many, and where (the first few)."""
    shown = ", ".join(
        f"{s.left_out}{'' if s.annotator is None else f' of {quoted(s.annotator)}'} (by {s.standing})"
        for s in superseded[:5]
    )
    more = f" and {len(superseded) - 5} more" if len(superseded) > 5 else ""
    path = superseded[0].where.path
    parts = any(s.annotator is not None for s in superseded)  # answers of tasks: when each was made counts too
    tasks = "; of one Label Studio task's answers, the one made or changed last" if parts else ""
    return (
        f"note: {len(superseded)} earlier answer(s) in {path} left out for a later answer of the same article by the "
        f"same annotator (the later updated_at or _timestamp stands{tasks}): {shown}{more}"
    )
