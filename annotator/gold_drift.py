"""Where gold no longer matches the annotators' versions it was decided from: a picked version its annotator
changed since (`gold_holds`), and a place gold's decision settled where the annotators now agree otherwise
(`against_agreement`). Gold itself is never changed here: the review shows these for the reviewer to settle. And
a disagreement read whose versions the annotators changed since (`refuse_unless_as_read`): it is not picked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from annotator.errors import Conflict
from annotator.gold_links import gold_speaker
from annotator.metrics.consensus import Consensus, Disagreement, Kind
from annotator.rows import SpanRow
from annotator.store import Store
from annotator.store.connection import span_row
from annotator.vocabulary import Label
from annotator.wording import whose

#: A decision over gold, in the order made: (layer, start, end, by hand). A pick or the agreed spans put in
#: (`by hand` False) is judged against the annotators' agreement now; an edit by hand is the reviewer's own.
Decided = tuple[str, int, int, bool]


def gold_holds(gold: Sequence[SpanRow], disagreement: Disagreement[SpanRow], spans: Sequence[SpanRow]) -> bool:
    """Whether gold holds an annotator's version of the disagreement (of `spans`, theirs: also those of one a pick
    named who is not compared now) as picking it would put it there: their spans of that layer there, a quote's
    speaker linked to gold's ACTOR by `gold_speaker`, else none. A newcomer's trial: bob's 'Goa' was picked into
    gold, bob then removed it from his done article, and review still read "settled: bob" beside bob's
    "(nothing)", and `adjudicate --auto` counted nothing open there."""
    actors = [span_row(s) for s in gold if s.label is Label.ACTOR]

    def there(span: SpanRow) -> bool:
        return (
            span.label.layer == disagreement.layer and span.start < disagreement.end and disagreement.start < span.end
        )

    def linked(span: SpanRow) -> tuple[int, int] | None:
        actor = gold_speaker(actors, (span.speaker.start, span.speaker.end)) if span.speaker else None
        return (actor["start"], actor["end"]) if actor is not None else None

    held = [
        (s.start, s.end, s.label, (s.speaker.start, s.speaker.end) if s.speaker else None) for s in gold if there(s)
    ]
    version = [(s.start, s.end, s.label, linked(s)) for s in spans if there(s)]
    return Counter(held) == Counter(version)


def against_agreement(
    decided: Sequence[Decided], found: Consensus[SpanRow], gold: Sequence[SpanRow],
    spans: Mapping[str, Sequence[SpanRow]],
) -> list[Disagreement[SpanRow]]:  # fmt: skip
    """Places a pick (or the agreed spans put in) decided, where the annotators now all agree and gold does not
    hold what they agree on, each as a disagreement whose versions are theirs there (any pick puts their agreement
    into gold). A tester's trial: carol picked alice's FIG 300 over bob's nothing and marked gold done; alice then
    removed hers, and review said "No disagreements: gold done" while gold held a 300 nobody has (and the reverse:
    bob put back the 20 whose absence was picked; it stayed out of gold). Where an edit by hand touched the place
    later, what gold holds there is the reviewer's decision, and it is not listed."""
    picked: list[tuple[str, int, int]] = []
    for layer, start, end, by_hand in decided:
        if by_hand:  # the reviewer's own edit over a picked place makes it theirs
            picked = [r for r in picked if not (r[0] == layer and r[1] < end and start < r[2])]
        else:
            picked.append((layer, start, end))
    found_here: list[Disagreement[SpanRow]] = []
    for layer, start, end in _merged(picked):
        for span in [*gold, *found.agreed]:  # the place takes in what gold and the agreement have over it
            if span.label.layer == layer and span.start < end and start < span.end:
                start, end = min(start, span.start), max(end, span.end)
        if any(d.layer == layer and d.start < end and start < d.end for d in found.disagreements):
            continue  # the annotators differ there: that disagreement says it (`gold_holds`)
        versions = {
            name: [s for s in theirs if s.label.layer == layer and s.start < end and start < s.end]
            for name, theirs in spans.items()
        }
        place = Disagreement(layer, start, end, Kind.MISSING, versions)
        if not gold_holds(gold, place, found.agreed):
            found_here.append(place)
    return found_here


def agreed_since(
    found: Consensus[SpanRow], gold: Sequence[SpanRow], decided: Sequence[tuple[str, int, int]],
    spans: Mapping[str, Sequence[SpanRow]],
) -> list[Disagreement[SpanRow]]:  # fmt: skip
    """Spans all annotators agree on that gold lacks, where no change of gold ever decided anything (`decided`): an
    agreement reached after gold's agreed spans went in (an annotator settled a disagreement by changing their work),
    each as a place whose versions are theirs there. A newcomer's trial (F9): bob changed his 'Tom' to alice's 'Tom
    Lee' after `adjudicate --auto`; review showed no disagreement there, d marked gold done without 'Tom Lee', and
    nothing reported it."""
    held = {(s.start, s.end, s.label) for s in gold}
    found_here: list[Disagreement[SpanRow]] = []
    for span in found.agreed:
        layer = span.label.layer
        if (span.start, span.end, span.label) in held or any(
            d_layer == layer and start < span.end and span.start < end for d_layer, start, end in decided
        ):
            continue
        versions = {
            name: [s for s in theirs if s.label.layer == layer and s.start < span.end and span.start < s.end]
            for name, theirs in spans.items()
        }
        found_here.append(Disagreement(layer, span.start, span.end, Kind.MISSING, versions))
    return found_here


def _merged(regions: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The regions, those of a layer that overlap as one."""
    merged: list[tuple[str, int, int]] = []
    for layer, start, end in sorted(set(regions)):
        if merged and merged[-1][0] == layer and start < merged[-1][2]:
            merged[-1] = (layer, merged[-1][1], max(end, merged[-1][2]))
        else:
            merged.append((layer, start, end))
    return merged


def refuse_unless_as_read(store: Store, article_id: str, disagreement: Disagreement[SpanRow]) -> None:
    """Raise `Conflict` when an annotator's spans at the disagreement are no longer its versions as read: run in
    the write of a pick, which would store as the version the reviewer saw what its annotator no longer has (a
    merge, or their edit in another window, landing after the screen's own check, `review_shown.versions_checked`).
    Worded as that check words it; another place of theirs changed since is no matter here."""

    def there(spans: Sequence[SpanRow]) -> Counter[tuple[object, ...]]:
        return Counter(
            (s.start, s.end, s.label, s.speaker) for s in spans
            if s.label.layer == disagreement.layer and s.start < disagreement.end and disagreement.start < s.end
        )  # fmt: skip

    changed = [
        name for name, version in sorted(disagreement.versions.items())
        if there(store.spans(article_id, name)) != there(version)
    ]  # fmt: skip
    if changed:
        made = store.made(max(store.version(article_id, name) for name in changed))
        cause = f"{whose(changed, 'annotation')} changed {made}"
        raise Conflict(f"{cause} since it was shown here, so nothing was written", cause=cause)
