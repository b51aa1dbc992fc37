"""A record's spans on its article's tokens: checked, or snapped outward with --snap (spaCy's `char_span`
with `alignment_mode="expand"` on a Doc of the stored tokens), speakers and binary answers moved along."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from annotator.exchange.formats.common import ImportedRecord
from annotator.literal import quoted
from annotator.models import Offsets, Span, check_spans
from annotator.rows import Token
from annotator.suggest.tokens import doc_of

if TYPE_CHECKING:
    from spacy.tokens import Doc


def snap_span(span: Offsets, doc: Doc) -> tuple[int, int]:
    """Snap outward with spaCy's `char_span(..., alignment_mode="expand")` over the article's stored tokens
    (`doc_of`): the start to the start of the token it falls in, the end to the end of its token. So a snapped
    span covers every token it touched; offsets already on boundaries do not move."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return (span.start, span.end) if found is None else (found.start_char, found.end_char)


def on_tokens(item: ImportedRecord, tokens: list[Token], snap: bool) -> tuple[ImportedRecord, int]:
    """The record (and its binary answers) with every span on token boundaries, snapped when allowed, and how
    many spans moved."""
    record = item.record
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    doc: Doc | None = None
    places = [(f"spans[{i}]", s) for i, s in enumerate(record.spans)]
    places += [(f"questions[{i}]", q.suggestion) for i, q in enumerate(item.questions)]
    for field_name, span in places:
        if span.start in starts and span.end in ends:
            continue
        if not snap:
            raise item.where.error(
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
    try:
        check_spans(spans, record.text)
    except ValueError as error:
        raise item.where.error(f"after snapping to tokens: {error}", "spans") from None
    questions = tuple(
        dataclasses.replace(q, suggestion=q.suggestion.model_copy(update=snapped(q.suggestion))) for q in item.questions
    )
    count = sum(1 for _, span in places if (span.start, span.end) in moved)
    return dataclasses.replace(item, record=record.model_copy(update={"spans": spans}), questions=questions), count
