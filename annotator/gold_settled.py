"""Which decision in effect settled each place of gold: the event, the reviewer it names and whose version it took.
The review's state reads it (`gold.review_state`), and a review screen tells by it another reviewer's decision from
the one it showed (a team lead's trial: two reviewers on one article, and a pick meant for one disagreement went to
another, or replaced a decision its reviewer had never seen); a pick of the version gold holds there already writes
nothing and says who settled it (it was stored as a new event, "1 span replaced")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.gold_agreed import Held, held
from annotator.store import Store
from annotator.store.connection import annotation_span
from annotator.vocabulary import GOLD, Label, Status

#: Whose version the agreed spans are, as their event names it.
AGREED = "all"
#: Whose version an edit of gold by hand is.
HAND = "reviewer"

Place = tuple[str, int, int]


@dataclass(frozen=True)
class Settling:
    """A change of gold in effect: its event, the reviewer it names (None: a command's, naming none), whose version
    it took (an annotator, `AGREED`, or `HAND` for an edit by hand), the places (layer, start, end) it decided
    or changed, and the spans it replaced (took out or changed), as held (`gold_agreed.held`)."""

    event_id: int
    reviewer: str | None
    source: str
    places: tuple[Place, ...]
    replaced: frozenset[Held] = frozenset()

    @property
    def who(self) -> str:
        return self.reviewer or "a command"

    def said(self) -> str:
        """Who settled a place and how, for a message: "settled by lead, with bob's version"."""
        return (
            f"edited by hand by {self.who}"
            if self.source == HAND
            else f"settled by {self.who}, with {self.source}'s version"
        )


def settlings(store: Store, article_id: str) -> list[Settling]:
    """The changes of this article's gold in effect (not undone), oldest first."""
    events = {event.id: event for event in store.events(article_id, GOLD)}
    found = []
    for event_id in store.applied_events(article_id, GOLD):
        event = events[event_id]
        source = event.after["source"] if event.action == "adjudicate" else HAND
        reviewer = event.after.get("reviewer")
        replaced = frozenset(held(annotation_span(row)) for row in event.before.get("spans", []))
        found.append(Settling(event_id, reviewer if isinstance(reviewer, str) else None, source,
                              tuple(_touched(event.after, event.before)), replaced))  # fmt: skip
    return found


def ever_decided(store: Store, article_id: str) -> list[Place]:
    """Every place a change of this article's gold decided or changed, undone ones too: an agreed span gold lacks
    there is the reviewer's decision (taken out by hand, taken back with g), not an agreement gold has yet to take."""
    return [place for event in store.events(article_id, GOLD) for place in _touched(event.after, event.before)]


def marked_done(store: Store, article_id: str) -> str:
    """Who marked this article's gold done last, for a review screen that showed it not done (a newcomer's re-trial:
    another reviewer's pick went into gold just marked done): "by lead", the reviewer its event names; else where it
    was made ("by `annotator adjudicate`", "in another window")."""
    done = [e for e in store.events(article_id, GOLD) if e.after.get("status") == Status.DONE.value]
    reviewer = done[-1].after.get("reviewer") if done else None
    if isinstance(reviewer, str):
        return f"by {reviewer}"
    return store.made(done[-1].id) if done else "in another window"


def undone_by(store: Store, article_id: str, event_id: int) -> tuple[str | None, str]:
    """Who last undid the change of gold `event_id`, as the undo's event names them (a review screen's undo names
    who pressed u, as every change of gold it writes names its reviewer; None where it names nobody: a script's
    undo, or an older release's), and where: "in another window", or "by `annotator merge`" (`Store.made`)."""
    undo = store.last_applying(article_id, GOLD, event_id, redo=True)
    if undo == event_id:  # not undone: nothing to name
        return None, "in another window"
    reviewer = next((e.after.get("reviewer") for e in store.events(article_id, GOLD) if e.id == undo), None)
    return reviewer if isinstance(reviewer, str) and reviewer else None, store.made(undo)


def _touched(event_after: Mapping[str, Any], event_before: Mapping[str, Any]) -> list[Place]:
    """(layer, start, end) of what a gold event decided or changed."""
    if "region" in event_after:
        layer, start, end = event_after["region"]
        return [(layer, start, end)]
    rows = event_before.get("spans", []) + event_after.get("spans", [])
    return [(Label(r["label"]).layer, r["start"], r["end"]) for r in rows]
