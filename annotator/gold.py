"""Settling annotators' differences into gold: the operations a review screen (or `annotator adjudicate`) calls.

Gold is the annotation of the annotator named "gold" (`annotator.vocabulary.GOLD`), so it exports, undoes and
edits like any other. Each decision is one "adjudicate" event whose `after` names its `source` (the
annotator whose version was taken, or "all" for spans everyone agreed on) and the `reviewer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.errors import Refused
from annotator.metrics.consensus import Consensus, Disagreement, consensus
from annotator.rows import Edit, SpanRow
from annotator.store import Store
from annotator.store.database import annotation_span
from annotator.vocabulary import GOLD, Label, Status

AGREED = "all"


@dataclass(frozen=True)
class GoldDecision:
    """One adjudication event, read back: who decided, whose version, which spans."""

    event_id: int
    reviewer: str
    source: str
    spans: list[SpanRow]
    replaced: list[SpanRow]
    at: str


@dataclass(frozen=True)
class AutoReport:
    articles: int
    spans: int
    settled: int
    disagreements: int
    refused: list[str]


def article_consensus(store: Store, article_id: str, annotators: Sequence[str]) -> Consensus[SpanRow]:
    """Agreed spans and disagreements of these annotators on one article, from their current spans."""
    return consensus({name: store.spans(article_id, name) for name in annotators}, annotators)


def accept_agreed(store: Store, article_id: str, annotators: Sequence[str], reviewer: str) -> Edit | None:
    """Put every span all annotators agree on into gold (one event; undo with `store.undo(article_id, GOLD)`)."""
    agreed = article_consensus(store, article_id, annotators).agreed
    return store.adjudicate(article_id, GOLD, agreed, source=AGREED, reviewer=reviewer)


def pick_version(
    store: Store, article_id: str, disagreement: Disagreement[SpanRow], annotator: str, reviewer: str
) -> Edit | None:
    """Settle a disagreement with one annotator's version (which may be "nothing here")."""
    if annotator not in disagreement.versions:
        raise Refused(f"{annotator} is not one of the annotators of this disagreement")
    region = (disagreement.layer, disagreement.start, disagreement.end)
    return store.adjudicate(
        article_id, GOLD, disagreement.versions[annotator], source=annotator, reviewer=reviewer, region=region
    )


def auto_adjudicate(
    store: Store, annotators: Sequence[str], reviewer: str, include_in_progress: bool = False
) -> AutoReport:
    """Agreed spans into gold for every article all annotators finished whose gold is not done yet; articles
    without disagreements are then marked done in gold. An article whose gold would clash is skipped."""
    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
    ids = store.articles_annotated_by(list(annotators), statuses)
    spans = settled = disagreements = 0
    refused: list[str] = []
    for article_id in ids:
        if store.status(article_id, GOLD) == Status.DONE:
            continue  # a reviewer finished this one; what they removed stays removed
        found = article_consensus(store, article_id, annotators)
        try:
            edit = store.adjudicate(article_id, GOLD, found.agreed, source=AGREED, reviewer=reviewer)
        except Refused:
            refused.append(article_id)
            continue
        spans += len(edit.spans) if edit else 0
        disagreements += len(found.disagreements)
        if not found.disagreements:
            store.set_status(article_id, GOLD, Status.DONE)
            settled += 1
    return AutoReport(articles=len(ids), spans=spans, settled=settled, disagreements=disagreements, refused=refused)


def decisions(store: Store, article_id: str) -> list[GoldDecision]:
    """Every adjudication of this article's gold, oldest first (undone ones included: the log is the record)."""
    found = []
    for event in store.events(article_id, GOLD):
        if event.action != "adjudicate":
            continue
        found.append(
            GoldDecision(
                event_id=event.id,
                reviewer=event.after["reviewer"],
                source=event.after["source"],
                spans=[annotation_span(row) for row in event.after["spans"]],
                replaced=[annotation_span(row) for row in event.before["spans"]],
                at=event.at,
            )
        )
    return found


# -- the review screen's questions ----------------------------------------------------------------------------

HAND = "reviewer"


@dataclass(frozen=True)
class ReviewState:
    """One article under review: its disagreements, who settled each (an annotator whose version was picked,
    "reviewer" for gold edited by hand, None while open), and the agreed-spans event in effect, if any."""

    agreed: list[SpanRow]
    disagreements: list[Disagreement[SpanRow]]
    settled_by: list[str | None]
    agreed_event: int | None

    @property
    def open(self) -> list[int]:
        return [i for i, who in enumerate(self.settled_by) if who is None]


def _touched(event_after: dict[str, Any], event_before: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(layer, start, end) of what a gold event decided or changed."""
    if "region" in event_after:
        layer, start, end = event_after["region"]
        return [(layer, start, end)]
    rows = event_before.get("spans", []) + event_after.get("spans", [])
    return [(Label(r["label"]).layer, r["start"], r["end"]) for r in rows]


def review_state(store: Store, article_id: str, annotators: Sequence[str]) -> ReviewState:
    """Where the review of this article stands, from the annotators' spans and gold's events in effect."""
    found = article_consensus(store, article_id, annotators)
    settled_by: list[str | None] = [None] * len(found.disagreements)
    agreed_event = None
    events = {event.id: event for event in store.events(article_id, GOLD)}
    for event_id in store.applied_events(article_id, GOLD):
        event = events[event_id]
        if event.action == "adjudicate" and event.after.get("source") == AGREED:
            agreed_event = event_id
            continue
        who = event.after["source"] if event.action == "adjudicate" else HAND
        for layer, start, end in _touched(event.after, event.before):
            for index, disagreement in enumerate(found.disagreements):
                if disagreement.layer == layer and start < disagreement.end and disagreement.start < end:
                    settled_by[index] = who
    return ReviewState(
        agreed=found.agreed, disagreements=found.disagreements, settled_by=settled_by, agreed_event=agreed_event
    )


def open_for_review(store: Store, article_id: str, annotators: Sequence[str], reviewer: str) -> Edit | None:
    """On first opening an article whose gold is not done, its agreed spans go into gold (one event). Once
    taken back (`take_back_agreed`), reopening does not bring them again."""
    if store.status(article_id, GOLD) == Status.DONE or any(d.source == AGREED for d in decisions(store, article_id)):
        return None
    return accept_agreed(store, article_id, annotators, reviewer)


def take_back_agreed(store: Store, article_id: str) -> Edit:
    """Undo the agreed-spans event, when it is the last change in effect (later ones would depend on it)."""
    applied = store.applied_events(article_id, GOLD)
    event = next((e for e in store.events(article_id, GOLD) if applied and e.id == applied[-1]), None)
    if event is None or event.action != "adjudicate" or event.after.get("source") != AGREED:
        raise Refused("the agreed spans are not the last change to gold: undo the later ones first (u)")
    return store.undo(article_id, GOLD)
