"""How a record of an import stands to its annotator's stored work (`verdict_of`): new, the same (as far as the file's
format can say: `unsaid`), older or newer by the moments the two give (`newer`), or a conflict."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.exchange.formats.stored_spans import RecordSpan
from annotator.exchange.records import exported_spans
from annotator.exchange.skipped_copies import copy_verdict
from annotator.models import Label, NativeRecord, Span, Status, parse_timestamp
from annotator.models import Offsets as SpanOffsets
from annotator.rows import Offsets, SpanLike
from annotator.store import Store
from annotator.store.merge_source import span_differences
from annotator.vocabulary import in_future

#: What of an annotation a record says: status, flag reason, spans (offsets, label, text, speaker's offsets).
Work = tuple[str, str | None, frozenset[tuple[object, ...]]]


def _work(status: Status | str, spans: Iterable[SpanLike], reason: str | None) -> Work:
    """What of an annotation a record says: its status, its flag reason (kept only while flagged, as the store
    keeps it) and its spans."""
    flagged = Status(status) is Status.FLAGGED
    return (
        Status(status).value,
        reason if flagged else None,
        frozenset(
            (s.start, s.end, s.label, s.text, (s.speaker.start, s.speaker.end) if s.speaker else None) for s in spans
        ),
    )


def unsaid(format_name: str) -> frozenset[str]:
    """What of an annotator's work a format cannot say ("quotes", "speakers", "status", "flag reasons"): a record
    of it that agrees with the stored work on everything else says the same (a newcomer's trial: an annotator's
    own doccano and CoNLL exports, imported back, were three conflicts)."""
    from annotator.exchange.formats import get_format

    cannot = get_format(format_name).cannot_carry
    kinds = ("quotes", "speakers", "status", "flag reasons")
    return frozenset(kind for kind in kinds if any(c.startswith(kind[:-1]) for c in cannot))


def _said(spans: Iterable[SpanLike], unsaid: frozenset[str]) -> list[RecordSpan]:
    """Spans as a format that cannot say `unsaid` has them."""
    return [
        RecordSpan(
            s.start,
            s.end,
            s.label,
            s.text,
            None if "speakers" in unsaid or s.speaker is None else Offsets(s.speaker.start, s.speaker.end),
        )
        for s in spans
        if not ("quotes" in unsaid and s.label == Label.QUOTE)
    ]


def verdict_of(store: Store, article_id: str, record: NativeRecord, force: bool, unsaid: frozenset[str]) -> str:
    """What importing `record` does to the stored work of its annotator: "new" (there is none), "same" (as
    an export of it would write it, in a format that cannot say `unsaid`), "older" (it differs, and replaces older
    work), "newer" and "unshown" (it differs, and `force` replaces work that is newer, or not shown to be older:
    no time, the same moment) or "conflict" (those two without `force`); of a skip and an answer of two copies of
    the text (`skipped_copies.copy_verdict`), whatever their times: the answer stands, the record's or the stored."""
    who = record.annotator
    untouched = store.status(article_id, who) is Status.TODO and not store.spans(article_id, who)
    if untouched and not store.edited(article_id, who):
        return "new"  # never touched (work undone back to nothing is work: an older export is no newer)
    here, there = _compared(store, article_id, record, unsaid)
    if here == there:
        return "same"
    if (copy := copy_verdict(store, article_id, record)) is not None:
        return copy
    stored_at = store.updated_at(article_id, who)
    if newer(record.updated_at, stored_at):
        return "older"
    return ("newer" if newer(stored_at, record.updated_at) else "unshown") if force else "conflict"


def _compared(store: Store, article_id: str, record: NativeRecord, unsaid: frozenset[str]) -> tuple[Work, Work]:
    """The stored work of the record's annotator and the record's, as far as the file's format can say them."""
    who = record.annotator
    text = store.article_text(article_id)
    stored_spans = store.spans(article_id, who)
    stored = exported_spans(text, [RecordSpan(s.start, s.end, s.label, s.text, s.speaker) for s in stored_spans])
    statuses = (Status.DONE, Status.DONE) if "status" in unsaid else (store.status(article_id, who), record.status)
    reasons = (None, None) if "flag reasons" in unsaid else (store.flag_reason(article_id, who), record.flag_reason)
    return (
        _work(statuses[0], _said(stored, unsaid), reasons[0]),
        _work(statuses[1], _said(record.spans, unsaid), reasons[1]),
    )


def what_differs(store: Store, article_id: str, record: NativeRecord, unsaid: frozenset[str]) -> str:
    """What differs between the stored work and a record in conflict with it, in a few words, as merge says it
    ("status: done here, in_progress in the file; spans: 2 only here, 1 only in the file"): a trial found the
    conflict line left the user to diff the two by hand."""
    here, there = _compared(store, article_id, record, unsaid)
    said = []
    if here[0] != there[0]:
        said.append(f"status: {here[0]} here, {there[0]} in the file")
    elif here[1] != there[1]:
        said.append("flag reason")
    said += span_differences(here[2], there[2], "in the file")
    return "; ".join(said)


def newer(imported: str | None, stored: str | None) -> bool:
    """Whether the record's moment is later than the stored one's. Both are read as moments, never compared as
    text: an older release stored stamps as files gave them (another offset, another precision), and a stamp
    that says no moment says nothing newer, nor does one in the future (an older release stored them): it would
    be newer than all real work, so the record is a conflict, never a silent replacement."""
    if imported is None or stored is None or in_future(imported) or in_future(stored):
        return False
    try:
        return parse_timestamp(imported) > parse_timestamp(stored)
    except ValueError:
        return False


def keeping_unsaid(store: Store, article_id: str, record: NativeRecord, unsaid: frozenset[str]) -> NativeRecord:
    """The record as it replaces its annotator's stored work: what the file says, and the stored work for what its
    format cannot say (`unsaid`): the quotes (each with its speaker where that ACTOR is still the record's), the
    speakers of the record's quotes, the status, the flag reason. Re-trial 42r: `import --replace` of a CoNLL file
    made a flagged article with a quote done work without either, though the same file was "unchanged" without
    --replace (`_compared` leaves out what the format cannot say; the replacement had not)."""
    if not unsaid:
        return record
    who = record.annotator
    stored = store.spans(article_id, who)
    actors = {(s.start, s.end) for s in record.spans if s.label is Label.ACTOR}

    def speaking(offsets: Offsets | SpanOffsets | None) -> SpanOffsets | None:
        if offsets is None or (offsets.start, offsets.end) not in actors:
            return None
        return SpanOffsets(start=offsets.start, end=offsets.end)

    spans = list(record.spans)
    if "quotes" in unsaid:
        spans = [s for s in spans if s.label is not Label.QUOTE] + [
            Span(start=s.start, end=s.end, label=s.label, text=s.text, speaker=speaking(s.speaker))
            for s in stored
            if s.label is Label.QUOTE
        ]
    elif "speakers" in unsaid:
        spoke = {(s.start, s.end): s.speaker for s in stored if s.label is Label.QUOTE}
        spans = [
            s.model_copy(update={"speaker": speaking(spoke.get((s.start, s.end)))}) if s.label is Label.QUOTE else s
            for s in spans
        ]
    status, reason = record.status, record.flag_reason
    if "status" in unsaid:
        status, reason = store.status(article_id, who), store.flag_reason(article_id, who)
        status = record.status if status is Status.TODO else status  # opened only: the file's work is done work
    elif "flag reasons" in unsaid and status is Status.FLAGGED and store.status(article_id, who) is Status.FLAGGED:
        reason = store.flag_reason(article_id, who)
    spans.sort(key=lambda s: (s.start, s.end))
    return record.model_copy(update={"spans": spans, "status": status, "flag_reason": reason})
