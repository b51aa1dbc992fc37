"""A record's spans as relations join them, on import: a quote's speaker from the relation that links it to its
ACTOR, whichever way round (mapped by --relation-map), a span repeated under one id kept once, and the spans left
when --label-map dropped some (`formats.common` holds the rest every format shares)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from annotator import models
from annotator.errors import not_one_of
from annotator.exchange.files import Where
from annotator.exchange.formats.options import SPEAKER_RELATION, ReadOptions
from annotator.exchange.formats.unknown_relations import map_hint
from annotator.literal import quoted_value
from annotator.models import Label, Span
from annotator.vocabulary import a_or_an


def with_speaker(span: Span, speaker: Span | None) -> Span:
    if speaker is None:
        return span
    return span.model_copy(update={"speaker": models.Offsets(start=speaker.start, end=speaker.end)})


def link_speaker(
    spans: dict[Any, Span | None],
    ends: tuple[Any, Any],
    name: Any,
    options: ReadOptions,
    where: Where,
    field: str,
    dropped: Counter[str],
) -> None:
    """Set the speaker a relation gives, whichever way round it joins the QUOTE and the ACTOR.

    `spans` holds the record's spans by the keys its relations use, None for a span --label-map dropped (a
    relation touching one is dropped too). The relation's name is mapped by --relation-map (to SPEAKER, or to
    nothing: dropped and counted); SPEAKER is ours; any other name is noted in `options.unknown_relations`, which
    names them all in one error at the end (with --skip-invalid, none: the record's error, saying how to map it).
    None is a relation without a label (Label Studio draws them): SPEAKER when it joins a QUOTE and an ACTOR.
    """
    unlabelled = name is None  # Label Studio's relation nobody named: with SPEAKER our one relation, it is that
    mapped = SPEAKER_RELATION if unlabelled else options.relation_map.get(name, name) if isinstance(name, str) else name
    if mapped is None:
        dropped[f"relation(s) {quoted_value(name)} (--relation-map {name}=)"] += 1
        return
    if mapped != SPEAKER_RELATION:
        if not isinstance(name, str):
            raise where.error(not_one_of([SPEAKER_RELATION], name), field)
        if options.unknown_relations is not None:  # every unknown name of the file in one error, at the end
            options.unknown_relations.add(name, where.error(not_one_of([SPEAKER_RELATION], name), field))
            return
        raise where.error(f"{not_one_of([SPEAKER_RELATION], name)}{map_hint(name)}", field)
    first, second = ends
    if first not in spans or second not in spans:
        raise where.error("the relation names a span the record does not have", field)
    one, other = spans[first], spans[second]
    if one is None or other is None:
        dropped["relation(s) to a dropped span"] += 1
        return
    quote, actor = (first, second) if one.label is Label.QUOTE else (second, first)
    found_quote, found_actor = spans[quote], spans[actor]
    if found_quote is None or found_actor is None:  # for the type checker: both are spans here
        return
    if found_quote.label is not Label.QUOTE or found_actor.label is not Label.ACTOR:
        if unlabelled:
            raise where.error(
                f"an unlabelled relation is read as {SPEAKER_RELATION}, which joins a QUOTE and an ACTOR; this one "
                f"joins {a_or_an(found_quote.label.value)} and {a_or_an(found_actor.label.value)}",
                field,
            )
        raise where.error(f"{a_or_an(SPEAKER_RELATION)} relation joins a QUOTE and an ACTOR", field)
    spans[quote] = with_speaker(found_quote, found_actor)


def repeated_id(
    earlier: Span | None,
    span: Span | None,
    found: Any,
    first: str,
    where: Where,
    field: str,
    dropped: Counter[str],
) -> None:
    """A span whose id an earlier span of the record has (`first`): the same span again (Label Studio repeats a
    region for each control that labels it) is kept once and counted; another span is an error, for relations
    name spans by id: it would silently replace the first, and re-point a quote's speaker."""
    if earlier == span:
        dropped["repeated span(s) (kept once)"] += 1
        return
    raise where.error(f"the id {quoted_value(found)} is already the id of {first}, another span: each span needs an id of its own",
                      field)  # fmt: skip


def kept(spans: dict[Any, Span | None]) -> list[Span]:
    """The spans of a record that were not dropped, in the file's order."""
    return [span for span in spans.values() if span is not None]
