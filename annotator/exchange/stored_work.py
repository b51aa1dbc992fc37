"""One imported record's work stored on its article (`importing.store_records`, in its transaction): its comments
the article lacks, its spans and status as one undoable "import" event, its binary answers' decisions, and where
the file says it came from (`skipped_copies.origin`: a stored skip of one copy of a text gives way to an answer to
another later, not to one of the same task)."""

from __future__ import annotations

from annotator.exchange.formats.common import ImportedRecord, Question
from annotator.exchange.formats.stored_spans import said_as_suggested, unchecked_commands
from annotator.exchange.skipped_copies import origin
from annotator.models import NativeRecord
from annotator.store import Store


def keep_comments(store: Store, article_id: str, record: NativeRecord) -> int:
    """A record's comments the article lacks, stored; how many. Comments only add: one already stored (author,
    time, text) stays once."""
    return sum(store.keep_comment(article_id, c.annotator, c.text, c.at) for c in record.comments or [])


def store_work(store: Store, article_id: str, item: ImportedRecord) -> tuple[int, int]:
    """The record's work stored in place of its annotator's: (comments added, decisions stored)."""
    record = item.record
    comments = keep_comments(store, article_id, record)
    if not item.questions:  # work commands alone wrote, or the suggestions unchanged (its `unchecked`), stays so
        store.replace_annotation(article_id, record.annotator, record.spans, record.status, record.updated_at,
                                 flag_reason=record.flag_reason, unchecked=unchecked_commands(record),
                                 as_suggested=said_as_suggested(record), origin=origin(item))  # fmt: skip
        return comments, 0
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
        article_id,
        record.annotator,
        record.spans,
        record.status,
        record.updated_at,
        decisions,
        accepted,
        flag_reason=record.flag_reason,
        origin=origin(item),
    )
    return comments, len(decisions)
