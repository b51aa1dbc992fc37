"""Writing gold: the rules of one adjudication (which spans go in, which a decided region replaces, how quotes keep
their speakers), worked out inside the store's write (`Store.change`) so that the store commits it as one event.
`gold.py` decides what to write; this decides how."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from annotator.errors import Refused
from annotator.gold_links import gold_speaker
from annotator.rows import Edit, SpanLike
from annotator.store import Store
from annotator.store.changes import describe
from annotator.store.connection import Row, span_row
from annotator.vocabulary import GOLD, Label
from annotator.wording import counted

#: A version's quotes' links: quote offsets -> speaker offsets.
Links = Mapping[tuple[int, int], tuple[int, int]]


def adjudicate(
    store: Store,
    article_id: str,
    spans: Sequence[SpanLike],
    *,
    source: str,
    reviewer: str,
    region: tuple[str, int, int] | None = None,
    annotator: str = GOLD,
    links: Links | Callable[[], Links] | None = None,
    check: Callable[[], None] | None = None,
) -> Edit | None:
    """Write decided spans into an adjudicated annotation (gold) as one "adjudicate" event.

    The event's `after` names `source` (whose version was taken: an annotator, or "all" for spans everyone
    agreed on) and `reviewer`. `region` (layer, start, end) replaces the spans of that layer overlapping it
    (picking a version, or changing one's mind; an empty `spans` clears it). Spans already there are left
    alone. A quote's speaker is gold's ACTOR at its offsets, else the gold ACTOR that is the same speaker by the
    rule `agreement` counts speakers by (`gold_speaker`: 'Durham Hall' for 'Durham Hall QC'), else none; a span
    already in gold as it would go in (its speaker so linked) is left as it is. `links` (`source`'s version's; or
    what reads them in the write, after `check`): a quote in gold without a speaker is linked to an ACTOR this
    decision adds where `source` links it so (a re-trial, 38D: a quote picked before its speaker stayed without one).
    None when nothing changes and no region was decided; a decided region is recorded in the event's `after` even
    when it changes nothing. `check` runs first in the write, and may refuse it.
    """

    def decided(current: list[Row], next_id: int) -> tuple[Row, Row, str] | None:
        if check is not None:
            check()
        linking = (links() if callable(links) else links) or {}
        replaced: list[Row] = []
        if region is not None:
            layer, start, end = region
            replaced = [
                r for r in current
                if Label(r["label"]).layer == layer and r["start"] < end and start < r["end"]
            ]  # fmt: skip
        kept = [r for r in current if r not in replaced]
        have = {_identity(r) for r in kept}
        wanted = [span_row(span) for span in spans]
        actors = [r for r in kept + wanted if r["label"] == Label.ACTOR]
        added: list[Row] = []
        moved: list[tuple[Row, Row | None]] = []  # (quote, the gold ACTOR it is linked to by overlap, or None)
        held: list[Row] = []  # in the region, as the version has them: kept, not replaced by a copy (s57 t14 F3)
        for wanted_row in wanted:
            row, actor = wanted_row, None
            if _speaker(row) is not None and not _at(actors, _speaker(row)):
                row, actor = _spoken_by(row, _speaker(row), actors)
            if _identity(row) in have:  # already there, as this decision would put it (its speaker linked)
                continue
            same = next((r for r in replaced if _identity(r) == _identity(row)), None)
            if same is not None:
                replaced.remove(same)
                kept.append(same)
                held.append(same)
                have.add(_identity(same))
                continue
            for other in kept + added:
                if (
                    Label(other["label"]).layer == Label(row["label"]).layer
                    and other["start"] < row["end"]
                    and row["start"] < other["end"]
                ):
                    raise Refused(f"{describe(wanted_row)} would overlap {describe(other)} in {annotator}")
            added.append({**row, "id": next_id + len(added), "suggestion_id": None})
            if _speaker(wanted_row) is not None and _speaker(wanted_row) != _speaker(row):
                moved.append((added[-1], actor))
        orphans = [r for r in kept if _speaker(r) is not None and not _at(actors, _speaker(r))]
        relinked = [_spoken_by(row, _speaker(row), actors) for row in orphans]  # their ACTOR went: another?
        moved += relinked
        if not added and not replaced and region is None:
            return None
        new_actors = [r for r in added if r["label"] == Label.ACTOR]
        waiting = [
            r for r in kept
            if r["label"] == Label.QUOTE and r["speaker_start"] is None and r not in orphans
            and _at(new_actors, linking.get((r["start"], r["end"])))
        ]  # fmt: skip
        linked = [_spoken_by(r, linking[r["start"], r["end"]], new_actors)[0] for r in waiting]
        message = _taken_and_held(added, held, source, region is not None) + _gone(replaced, bool(added))
        dropped = sum(actor is None for _, actor in moved)
        if dropped:
            message += f"; {counted(dropped, 'quote')} without their speaker, who is not decided yet"
        named = region is not None and len(added) <= 3  # the message names the spans added (`_taken`)
        for row, actor in moved:
            if actor is not None:
                quote = f"{row['label']} at {row['start']}:{row['end']}" if named and row in added else describe(row)
                message += f"; {quote} linked to {describe(actor)}, gold's ACTOR overlapping its speaker"
        for row in linked:
            message += f"; {describe(row)} linked to its speaker, as {source}'s version has it"
        old: Row = {"spans": replaced + orphans + waiting}
        new: Row = {"spans": added + [r for r, _ in relinked] + linked, "source": source, "reviewer": reviewer}
        if region is not None:  # the decision is recorded even when it changes nothing (picking "none")
            new["region"] = list(region)
        return old, new, message

    return store.change(article_id, annotator, "adjudicate", decided)


def _speaker(row: Row) -> tuple[int, int] | None:
    return (row["speaker_start"], row["speaker_end"]) if row["speaker_start"] is not None else None


def _identity(row: Row) -> tuple[Any, ...]:
    return row["start"], row["end"], row["label"], row["speaker_start"], row["speaker_end"]


def _spoken_by(row: Row, speaker: tuple[int, int] | None, actors: Sequence[Row]) -> tuple[Row, Row | None]:
    """`row` linked to gold's ACTOR for `speaker` among `actors` (`gold_speaker`), else without a speaker; and that
    ACTOR, if any."""
    actor = gold_speaker(actors, speaker)
    if actor is None:
        return {**row, "speaker_start": None, "speaker_end": None}, None
    return {**row, "speaker_start": actor["start"], "speaker_end": actor["end"]}, actor


def _at(actors: Sequence[Row], speaker: tuple[int, int] | None) -> bool:
    return any((a["start"], a["end"]) == speaker for a in actors)


def _taken(added: list[Row], source: str, named: bool) -> str:
    """What a decision took into gold, for its message: the spans of one disagreement by name ("ACTOR 'the RMT
    union' at 120:133"; trial 31: "1 span(s) from root" said neither which nor how many), "no span" for a version
    without one; the agreed spans (`named` False) counted ("2 spans from all")."""
    if not named or len(added) > 3:
        return f"{counted(len(added), 'span')} from {source}"
    return ", ".join(describe(row) for row in added) if added else "no span"


def _taken_and_held(added: list[Row], held: list[Row], source: str, named: bool) -> str:
    """`_taken`, and the spans of the version gold held already as they are ("ACTOR 'workers' at 15:22, in gold
    already")."""
    if not held:
        return _taken(added, source, named)
    already = f"{_taken(held, source, named)}, in gold already"
    return f"{_taken(added, source, named)}; {already}" if added else already


def _gone(replaced: list[Row], replacing: bool) -> str:
    """The end of a decision's message for the spans of gold it took away: replaced by the spans it added
    (", 1 span replaced"), or, with none added, taken out, by name up to three (re-trial s57 t15 F4: "no span,
    1 span replaced" when a version without a span took gold's agreed one out)."""
    if not replaced:
        return ""
    if replacing:
        return f", {counted(len(replaced), 'span')} replaced"
    named = ", ".join(describe(row) for row in replaced) if len(replaced) <= 3 else counted(len(replaced), "span")
    return f"; {named} taken out of gold"
