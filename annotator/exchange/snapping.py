"""A record's spans on its article's tokens: checked, or snapped outward with --snap (spaCy's `char_span`
with `alignment_mode="expand"` on a Doc of the stored tokens), speakers and binary answers moved along."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from annotator.errors import InputError
from annotator.exchange.files import Where
from annotator.exchange.formats.common import ImportedRecord
from annotator.literal import quoted
from annotator.models import Offsets, Span, check_spans
from annotator.rows import Token
from annotator.spans import layer_problem
from annotator.suggest.tokens import doc_of

if TYPE_CHECKING:
    from spacy.tokens import Doc


def snap_span(span: Offsets, doc: Doc) -> tuple[int, int]:
    """Snap outward with spaCy's `char_span(..., alignment_mode="expand")` over the article's stored tokens
    (`doc_of`): the start to the start of the token it falls in, the end to the end of its token. So a snapped
    span covers every token it touched; offsets already on boundaries do not move."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return (span.start, span.end) if found is None else (found.start_char, found.end_char)


#: What import says of a rejected or ignored suggestion off the article's tokens (trial 11: a rejected "Acme" of
#: "Acmecorp" was refused, or, snapped, stored as a rejected "Acmecorp").
OFF_TOKENS = (
    "rejected or ignored suggestion(s) off the article's tokens: no one's span, no decision (never snapped: "
    "rejecting a part of a word is not rejecting the word)"
)


def _without_unaccepted_off(item: ImportedRecord, starts: set[int], ends: set[int]) -> ImportedRecord:
    """The record without its rejected or ignored answers off the tokens, counted: such a span is no suggestion we
    could store, and snapped it would be a decision about another span, one nobody made."""
    kept = tuple(
        q
        for q in item.questions
        if q.answer == "accepted" or (q.suggestion.start in starts and q.suggestion.end in ends)
    )
    if len(kept) == len(item.questions):
        return item
    dropped = item.dropped.copy()
    dropped[OFF_TOKENS] += len(item.questions) - len(kept)
    return dataclasses.replace(item, questions=kept, dropped=dropped)


def on_tokens(item: ImportedRecord, tokens: list[Token], snap: bool) -> tuple[ImportedRecord, int]:
    """The record (and its binary answers) with every span on token boundaries, snapped when allowed, and how
    many spans moved."""
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    item = _without_unaccepted_off(item, starts, ends)
    record = item.record
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    doc: Doc | None = None
    named = item.span_fields  # the file's own field where the reader gave it (doccano's `label[0]`: trial t1 F5)
    places = [
        (item.where, named.get((s.start, s.end, s.label.value), f"spans[{i}]"), s) for i, s in enumerate(record.spans)
    ]
    given = {(q.suggestion.start, q.suggestion.end, q.suggestion.label): q for q in item.questions if q.where}
    answered = set()  # an accepted answer's span: named where its task gives it
    for index, (_, _, span) in enumerate(places):
        if (asked := given.get((span.start, span.end, span.label))) is not None and asked.where is not None:
            places[index] = (asked.where, asked.field, span)
            answered.add(index)
    for where, field_name, span in places:
        if span.start in starts and span.end in ends:
            continue
        if not snap:
            raise where.error(
                f"span {span.start}:{span.end} {quoted(span.text)} does not fall on token boundaries (--snap moves it)",
                field_name,
            )
        doc = doc or doc_of(record.text, tokens)  # built once a record, only when a span needs snapping
        moved[(span.start, span.end)] = snap_span(span, doc)
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
    for index, ((where, field_name, _), now) in enumerate(zip(places, spans, strict=True)):
        if index in answered:
            try:
                check_spans([now], record.text)
            except ValueError as error:
                raise where.error(f"after snapping to tokens: {error}", field_name) from None
    try:
        check_spans(spans, record.text)
    except ValueError as error:
        raise _clash(item, places, spans, str(error)) from None
    questions = tuple(
        dataclasses.replace(q, suggestion=q.suggestion.model_copy(update=snapped(q.suggestion))) for q in item.questions
    )
    count = sum(1 for _, _, span in places if (span.start, span.end) in moved)
    return dataclasses.replace(item, record=record.model_copy(update={"spans": spans}), questions=questions), count


def _clash(item: ImportedRecord, places: list[tuple[Where, str, Span]], spans: list[Span], problem: str) -> InputError:
    """The error for snapped spans that overlap: at the later of the answers they came from (binary answers, each
    in its own task) naming every one, or at the record when one place gave them all (re-trial: `Acme` and `corp`
    of two tasks, both snapped onto `Acmecorp`, were refused at the line of the text's first task, a valid one)."""
    clash = layer_problem(spans)
    if clash is not None and "overlap" in clash[1]:
        index, span = clash[0], spans[clash[0]]
        involved = [index] + [
            other
            for other, s in enumerate(spans)
            if other != index and s.label.layer == span.label.layer and s.start < span.end and span.start < s.end
        ]
        found = {(places[i][0].line, places[i][0].record): places[i] for i in involved}
        if len(found) > 1:
            ordered = [found[key] for key in sorted(found, key=lambda key: (key[0] or 0, key[1] or 0))]
            named = ", ".join(where.named() for where, _, _ in ordered[:-1])
            where, field_name, _ = ordered[-1]
            return where.error(
                f"after snapping to tokens: {clash[1]} (the answers at {named} and {where.named()})", field_name
            )
    return item.where.error(f"after snapping to tokens: {problem}", "spans")
