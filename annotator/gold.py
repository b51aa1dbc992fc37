"""Settling annotators' differences into gold: the operations a review screen (or `annotator adjudicate`) calls,
and where the review of an article stands. The rules of writing gold are `gold_write.adjudicate`'s (it works out
the change; the store commits it as one event).

Gold is the annotation of the annotator named "gold" (`annotator.vocabulary.GOLD`), so it exports, undoes and
edits like any other. Each decision is one "adjudicate" event whose `after` names its `source` (the
annotator whose version was taken, or "all" for spans everyone agreed on) and the `reviewer`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import Refused, Unchanged
from annotator.gold_agreed import AgreedOut, agreed_out
from annotator.gold_drift import Decided, against_agreement, agreed_since, gold_holds, refuse_unless_as_read
from annotator.gold_settled import AGREED, HAND, Settling, ever_decided, settlings
from annotator.gold_write import Links, adjudicate
from annotator.metrics.consensus import Consensus, Disagreement, consensus
from annotator.rows import Edit, SpanRow
from annotator.store import Store
from annotator.store.assignments import compared_articles
from annotator.store.connection import annotation_span
from annotator.vocabulary import GOLD, Label, Status


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
    #: Articles whose gold was done already, left as they are, and the disagreements `review` shows there
    #: (`review_state(...).open`: an annotator who finished the article since, differently).
    done_before: int = 0
    done_open: int = 0
    #: The articles whose gold a reviewer has begun: left to them, with who began each (`begun_by`).
    under_review: tuple[str, ...] = ()
    begun_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Articles with disagreements whose gold this run had nothing new for (a run before put the agreed spans in,
    #: or none agree), and their disagreements: not counted in `disagreements`, of the gold written now (trial 10).
    unchanged: int = 0
    unchanged_open: int = 0


def article_consensus(store: Store, article_id: str, annotators: Sequence[str]) -> Consensus[SpanRow]:
    """Agreed spans and disagreements of these annotators on one article, from their current spans."""
    return consensus(_spans_of(store, article_id, annotators), annotators)


def _spans_of(store: Store, article_id: str, annotators: Sequence[str]) -> dict[str, list[SpanRow]]:
    """Each annotator's current spans on the article: read once, for the consensus and what is compared with it."""
    return {name: store.spans(article_id, name) for name in annotators}


def accept_agreed(
    store: Store, article_id: str, annotators: Sequence[str], reviewer: str, agreed: Sequence[SpanRow] | None = None
) -> Edit | None:
    """Put every span all annotators agree on (or those of them given, `agreed`) into gold, those it lacks (one
    event; undo with `store.undo(article_id, GOLD)`): `adjudicate --auto`, the review screen's opening and g."""
    if agreed is None:
        agreed = article_consensus(store, article_id, annotators).agreed
    return adjudicate(store, article_id, agreed, source=AGREED, reviewer=reviewer)


def pick_version(
    store: Store, article_id: str, disagreement: Disagreement[SpanRow], annotator: str, reviewer: str
) -> Edit | None:
    """Settle a disagreement with one annotator's version (which may be "nothing here"). Nothing is written when it
    is settled and gold holds that version there already (`Unchanged`, naming who settled it; a team lead's trial: a
    repeated pick was stored as a new event, "1 span replaced"), as the write finds gold, once the store checked it
    is as the screen showed it; nor when an annotator's version there is no longer as read (`Conflict`): the write
    checks it, and reads the quotes' links it takes, as one with it."""
    if annotator not in disagreement.versions:
        raise Refused(f"{annotator} is not one of the annotators of this disagreement")
    region = (disagreement.layer, disagreement.start, disagreement.end)

    def unless_held() -> None:
        refuse_unless_as_read(store, article_id, disagreement)
        state = review_state(store, article_id, list(disagreement.versions))
        at = [i for i, d in enumerate(state.disagreements) if (d.layer, d.start, d.end) == region]
        by = state.settled_in[at[0]] if at else None
        if by is not None and gold_holds(
            store.spans(article_id, GOLD), disagreement, store.spans(article_id, annotator)
        ):
            how = f"picked by {by.who}" if by.source == annotator else by.said()
            raise Unchanged(f"{annotator}'s version is gold's already ({how}): nothing was written")

    def links() -> Links:
        return {
            (s.start, s.end): (s.speaker.start, s.speaker.end)
            for s in store.spans(article_id, annotator)
            if s.label is Label.QUOTE and s.speaker is not None
        }

    return adjudicate(
        store, article_id, disagreement.versions[annotator], source=annotator, reviewer=reviewer, region=region,
        links=links, check=unless_held,
    )  # fmt: skip


def auto_adjudicate(
    store: Store, annotators: Sequence[str], reviewer: str, include_in_progress: bool = False,
    by_assignment: bool = True,
) -> AutoReport:  # fmt: skip
    """Agreed spans into gold for every article all annotators finished whose gold is not done yet; articles
    without disagreements are then marked done in gold. An article whose gold would clash is skipped. An article
    whose gold is done is left as it is; its open disagreements (`review_state`) are counted in `done_open`; one
    whose gold a reviewer has begun (`begun_by`) is left to them.

    With assignments, an article's annotators are those it was assigned to (`compared_articles`), unless
    `by_assignment` is False (`--ignore-assignments`)."""
    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
    compared = compared_articles(store, list(annotators), statuses, by_assignment=by_assignment)
    ids = [article_id for article_id, _ in compared]
    spans = settled = disagreements = done_before = done_open = unchanged = unchanged_open = 0
    reviewing: dict[str, tuple[str, ...]] = {}
    refused: list[str] = []
    for article_id, names in compared:
        if store.status(article_id, GOLD) == Status.DONE:  # a reviewer finished this one; what they removed stays
            done_before += 1  # removed, but what review would show there is counted, as review counts it
            done_open += len(review_state(store, article_id, names).open)
            continue
        if (begun := begun_by(store, article_id)) is not None:  # what they removed stays removed (trial 43a)
            reviewing[article_id] = begun
            continue
        found = article_consensus(store, article_id, names)
        try:
            edit = accept_agreed(store, article_id, names, reviewer, found.agreed)
        except Refused:
            refused.append(article_id)
            continue
        spans += len(edit.spans) if edit else 0
        if edit is None and found.disagreements:  # no gold written now: not one of the articles adjudicated now
            unchanged, unchanged_open = unchanged + 1, unchanged_open + len(found.disagreements)
        else:
            disagreements += len(found.disagreements)
        if not found.disagreements:
            store.set_status(article_id, GOLD, Status.DONE)
            settled += 1
    return AutoReport(
        articles=len(ids), spans=spans, settled=settled, disagreements=disagreements, refused=refused,
        done_before=done_before, done_open=done_open, under_review=tuple(reviewing),
        begun_by=reviewing, unchanged=unchanged, unchanged_open=unchanged_open,
    )  # fmt: skip


def begun_by(store: Store, article_id: str) -> tuple[str, ...] | None:
    """Who began this article's gold under review, or None when nobody did: a change to it but putting the agreed
    spans in (which `adjudicate --auto` does, and the review screen on opening it): a version picked, a span removed,
    added or relabelled by hand, an undo. Adding the agreed spans again would undo what they removed, and marking it
    done would finish their work for them. Who: the reviewers its events not written by a command name (the screen's
    opening, picks, edits, undos), earliest first; maybe none."""
    events = store.events(article_id, GOLD)
    if all(e.action == "adjudicate" and e.after.get("source") == AGREED for e in events):
        return None
    return tuple(dict.fromkeys(e.after["reviewer"] for e in events if _screens(e.after)))


def _screens(after: Mapping[str, Any]) -> bool:
    return "command" not in after and isinstance(after.get("reviewer"), str)


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

#: What the panel calls a place where gold is unlike what every annotator now agrees on.
GOLD_UNLIKE = "gold unlike all"


@dataclass(frozen=True)
class ReviewState:
    """One article under review: its disagreements, who settled each (an annotator whose version was picked and
    gold still holds, `gold_holds`; "reviewer" for gold edited by hand; None while open), the agreed-spans event in
    effect, if any, and how many agreed spans gold holds as they were agreed (a fresh clone's trial: after x took
    one out, the panel still counted it in gold), and what became of the others (`agreed_out`); among the
    disagreements, places where gold is unlike what the annotators now all agree on (`gold_unlike`)."""

    agreed: list[SpanRow]
    disagreements: list[Disagreement[SpanRow]]
    settled_by: list[str | None]
    agreed_event: int | None
    agreed_in_gold: int = 0
    #: Which disagreements are places where gold is unlike what the annotators now all agree on
    #: (`gold_drift.against_agreement`): open until a pick puts their agreement in.
    gold_unlike: tuple[int, ...] = ()
    #: The change of gold in effect that settled each disagreement (None while open): who, for a screen that must
    #: tell another reviewer's decision from the one it showed (`tui.screens.review_shown`).
    settled_in: tuple[Settling | None, ...] = ()
    #: The agreed spans gold does not hold as agreed: taken out, changed (and which u brings one back) or open.
    agreed_out: AgreedOut = field(default_factory=AgreedOut)

    def kind(self, index: int) -> str:
        """What the disagreement at `index` is about, as the panel says it."""
        return GOLD_UNLIKE if index in self.gold_unlike else self.disagreements[index].kind.value

    @property
    def open(self) -> list[int]:
        return [i for i, who in enumerate(self.settled_by) if who is None]


def review_state(store: Store, article_id: str, annotators: Sequence[str]) -> ReviewState:
    """Where the review of this article stands, from the annotators' spans and gold's events in effect."""
    spans = _spans_of(store, article_id, annotators)
    found = consensus(spans, annotators)
    settled_in: list[Settling | None] = [None] * len(found.disagreements)
    agreed_event = None
    decided: list[Decided] = []
    in_effect = settlings(store, article_id)
    for settling in in_effect:
        decided += [(layer, start, end, settling.source == HAND) for layer, start, end in settling.places]
        if settling.source == AGREED:
            agreed_event = settling.event_id
            continue
        for layer, start, end in settling.places:
            for index, disagreement in enumerate(found.disagreements):
                if disagreement.layer == layer and start < disagreement.end and disagreement.start < end:
                    settled_in[index] = settling
    settled_by = [settling.source if settling else None for settling in settled_in]
    gold = store.spans(article_id, GOLD)
    picked = spans | {who: store.spans(article_id, who) for who in settled_by if who and who not in (HAND, *spans)}
    for index, who in enumerate(settled_by):  # a version changed since its pick no longer settles it
        if who in picked and not gold_holds(gold, found.disagreements[index], picked[who]):
            settled_by[index], settled_in[index] = None, None
    unlike = against_agreement(decided, found, gold, spans)
    if _agreed_ever(store, article_id):
        unlike += agreed_since(found, gold, ever_decided(store, article_id), spans)
    out = agreed_out(found.agreed, gold, unlike, [settling.replaced for settling in in_effect])
    in_gold = len(found.agreed) - out.taken_out - out.changed - out.open
    items = sorted(
        [(d, who, by, False) for d, who, by in zip(found.disagreements, settled_by, settled_in, strict=True)]
        + [(d, None, None, True) for d in unlike],
        key=lambda item: (item[0].start, item[0].end, item[0].layer),
    )
    unlike_at = tuple(i for i, item in enumerate(items) if item[3])
    return ReviewState(found.agreed, [item[0] for item in items], [item[1] for item in items], agreed_event,
                       in_gold, unlike_at, tuple(item[2] for item in items), out)  # fmt: skip


def _agreed_ever(store: Store, article_id: str) -> bool:
    """Whether gold's agreed spans ever went in (undone or not): after that, spans all annotators came to agree on
    since, that gold lacks where nothing of gold was ever decided (`gold_drift.agreed_since`), are "gold unlike
    all" until a pick, or the screen, puts them in."""
    return any(d.source == AGREED for d in decisions(store, article_id))


def open_for_review(store: Store, article_id: str, annotators: Sequence[str], reviewer: str) -> Edit | None:
    """On opening an article whose gold is not done (and reading it again when an annotator's work changed), the
    agreed spans go into gold (one event): all of them the first time; after that, those agreed since where nothing
    of gold was decided (`gold_drift.agreed_since`: a newcomer's trial, F9). Once taken back (`take_back_agreed`),
    or one taken out by hand, reopening does not bring them again."""
    if store.status(article_id, GOLD) == Status.DONE:
        return None
    spans = _spans_of(store, article_id, annotators)
    found = consensus(spans, annotators)
    if not _agreed_ever(store, article_id):
        return accept_agreed(store, article_id, annotators, reviewer, found.agreed)
    gold = store.spans(article_id, GOLD)
    places = {(p.layer, p.start, p.end) for p in agreed_since(found, gold, ever_decided(store, article_id), spans)}
    since = [s for s in found.agreed if (s.label.layer, s.start, s.end) in places]
    return accept_agreed(store, article_id, annotators, reviewer, since) if since else None


def take_back_agreed(store: Store, article_id: str) -> Edit:
    """Undo the agreed-spans event, when it is the last change in effect (later ones would depend on it)."""
    applied = store.applied_events(article_id, GOLD)
    event = next((e for e in store.events(article_id, GOLD) if applied and e.id == applied[-1]), None)
    if event is None or event.action != "adjudicate" or event.after.get("source") != AGREED:
        raise Refused("the agreed spans are not the last change to gold: undo the later ones first (u)")
    return store.undo(article_id, GOLD)
