"""Gold done where what `review` shows is open, and why: an annotator's done work changed since its gold was
settled, they finished the article after it was settled, their work differs from gold as it did when it was
settled (gold settled from one annotator; another differs), or it was done before gold was settled but merged in
after (a pack; by the events' own times, which `merge` keeps). `train`, `export --gold` and `stats` name such articles
(gold is not changed behind the reviewer's back, so they take it as settled); a lead tells "gold is older than the
work" from "another annotator differs" by them (a newcomer's trial: one note said both alike, naming no article)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.gold import ReviewState, review_state
from annotator.gold_drift import gold_holds
from annotator.literal import quoted
from annotator.metrics.consensus import Disagreement
from annotator.rows import Event, SpanRow
from annotator.store import Reader, Store, replay
from annotator.store.assignments import team_of
from annotator.store.connection import Row
from annotator.vocabulary import GOLD, Label, Status, parse_timestamp
from annotator.wording import counted

#: Articles a note names at most; "and N more" after.
NAMED = 3


@dataclass(frozen=True)
class Stale:
    """Done gold where `review` shows something open (`review_state(...).open`), with the team compared there and,
    of those unlike gold at an open place: whose done work changed since gold was marked done (`changed`), who
    finished it after that (`later`), whose work differs from gold as it did then (`differs`), and whose was done
    before then but merged in after (`merged`)."""

    article_id: str
    team: tuple[str, ...]
    changed: tuple[str, ...] = ()
    later: tuple[str, ...] = ()
    differs: tuple[str, ...] = ()
    #: Whose done work, as it is now, was done before gold was settled but reached this database after (a pack
    #: merged back): by the events' own times, not their order here.
    merged: tuple[str, ...] = ()
    #: Spans every annotator compared has, at open places where gold has nothing: an agreement gold has yet to take
    #: (a newcomer's trial, F9: bob changed 'Tom' to alice's 'Tom Lee' after `adjudicate --auto`).
    lacks: int = 0


def stale_gold(store: Store, article_ids: Sequence[str]) -> list[Stale]:
    """Of these articles, in the order given, those whose gold is done where what `review` shows is open (as
    `adjudicate --auto` counts it), with their team (`team_of`: those with work there, all of it done; one still at
    work is not compared), each annotator unlike gold there told why (`Stale`)."""
    team = team_of(store, [name for name in store.finished_annotators() if name != GOLD])
    found: list[Stale] = []
    for article_id in article_ids:
        status = {name: store.status(article_id, name) for name in team(article_id)}
        names = [name for name, now in status.items() if now != Status.TODO]
        if not names or any(status[name] != Status.DONE for name in names):
            continue
        if store.status(article_id, GOLD) != Status.DONE:
            continue
        state = review_state(store, article_id, names)
        if state.open:
            found.append(_why(store, article_id, names, state))
    return found


def _why(store: Store, article_id: str, names: list[str], state: ReviewState) -> Stale:
    """Who is unlike gold at the open places, and since when: their spans there now against their spans when gold
    was last marked done (their events up to that one, replayed): those this database held then, by the events'
    order, and those they had done by then where they worked, by the events' own times (`merge` copies events with
    their times, after ours: bob's pack finished before gold was settled and merged after was "finished it after")."""
    gold = store.spans(article_id, GOLD)
    marked = [e for e in store.events(article_id, GOLD) if e.after.get("status") == Status.DONE]
    settled = marked[-1] if marked else None
    places = [state.disagreements[i] for i in state.open]
    changed, later, differs, merged = [], [], [], []
    for name in names:
        now = store.spans(article_id, name)
        unlike = [place for place in places if not gold_holds(gold, place, now)]
        if not unlike:
            continue
        events = store.events(article_id, name)
        held, _, was = replay([e for e in events if settled is not None and e.id < settled.id])
        had, _, done = replay([e for e in events if settled is not None and _earlier(e, settled)])
        if was == Status.DONE and _same(now, held, unlike):
            differs.append(name)
        elif done == Status.DONE and _same(now, had, unlike):  # done before gold was settled, here only after
            merged.append(name)
        elif Status.DONE in (was, done):
            changed.append(name)
        else:
            later.append(name)
    lacks = sum(_lacking(gold, place) for place in places)
    return Stale(article_id, tuple(names), tuple(changed), tuple(later), tuple(differs), tuple(merged), lacks)


def _lacking(gold: Sequence[SpanRow], place: Disagreement[SpanRow]) -> int:
    """How many spans every annotator has at a place where gold has none (0 unless all have the same there)."""
    versions = [_there(spans, place) for spans in place.versions.values()]
    if not versions or any(v != versions[0] for v in versions) or _there(gold, place):
        return 0
    return sum(versions[0].values())


def _earlier(event: Event, settled: Event) -> bool:
    """Whether an event was written before gold was settled, by their own times (the event's id breaks a tie, and
    decides when either time is no moment: an older release stored some as files gave them)."""
    try:
        at, then = parse_timestamp(event.at), parse_timestamp(settled.at)
    except ValueError:
        return event.id < settled.id
    return (at, event.id) < (then, settled.id)


def _same(now: Sequence[SpanRow], then: dict[int, Row], places: Sequence[Disagreement[SpanRow]]) -> bool:
    return all(_there(now, place) == _there_rows(list(then.values()), place) for place in places)


Held = Counter[tuple[int, int, str, int | None, int | None]]


def _there(spans: Sequence[SpanRow], place: Disagreement[SpanRow]) -> Held:
    return Counter(
        (s.start, s.end, s.label.value, s.speaker.start if s.speaker else None, s.speaker.end if s.speaker else None)
        for s in spans
        if s.label.layer == place.layer and s.start < place.end and place.start < s.end
    )


def _there_rows(rows: Sequence[Row], place: Disagreement[SpanRow]) -> Held:
    return Counter(
        (r["start"], r["end"], r["label"], r["speaker_start"], r["speaker_end"])
        for r in rows
        if Label(r["label"]).layer == place.layer and r["start"] < place.end and place.start < r["end"]
    )


def stale_line(store: Reader, found: Sequence[Stale]) -> str:
    """ "'Gaza strike' (alice's done work changed since its gold was settled); 'Rafah' (bob's done work, unchanged
    since, differs from it)": the first `NAMED` articles, then "and N more"."""
    said = "; ".join(f"{quoted(store.article(s.article_id).title)} ({_reasons(s)})" for s in found[:NAMED])
    more = len(found) - NAMED
    return said + (f"; and {counted(more, 'more article', 'more articles')}" if more > 0 else "")


def _reasons(stale: Stale) -> str:
    if stale.lacks:  # what they all have is the finding, more than whose work changed (F9)
        what = "a span" if stale.lacks == 1 else f"{stale.lacks} spans"
        return f"it lacks {what} {_joined(stale.team)} {'both' if len(stale.team) == 2 else 'all'} have"
    reasons = []
    if stale.changed:
        reasons.append(f"{_owners(stale.changed)} done work changed since its gold was settled")
    if stale.later:
        reasons.append(f"{_joined(stale.later)} finished it after its gold was settled, differently")
    if stale.differs:
        reasons.append(f"{_owners(stale.differs)} done work, unchanged since, differs from it")
    if stale.merged:
        reasons.append(
            f"{_owners(stale.merged)} done work, finished before its gold was settled but merged in after, differs "
            "from it"
        )
    return ", ".join(reasons) or "its gold is unlike the done work"


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _owners(names: Sequence[str]) -> str:
    return _joined([f"{name}'s" for name in names])
