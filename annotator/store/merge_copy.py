"""Copying one annotator's work on one article from another file (`merge`): the rows and every edit event, each id
mapped to ours. Apart from `merge.py`, which decides for each pair whether it is copied, left, brought up to date or
a conflict, since those rules are what a reader of the merge looks for and the id mapping is not (merge.py passed
400 lines). Event, span and suggestion ids differ between files: spans get new ids here (their sequence reserved so
that none is handed out again), suggestions are matched by content (`merge_suggestions.SuggestionIds`), and an
event's `target` (an undo's, a redo's) follows the events copied before it."""

from __future__ import annotations

import json
from typing import Any

from annotator.store.connection import Row
from annotator.store.edits import Store
from annotator.store.merge_rows import insert_event_rows, insert_pair, next_event_id, reserve_span_ids
from annotator.store.merge_source import MergeSource
from annotator.store.merge_suggestions import SuggestionIds
from annotator.store.reads import NOT_EDITS


class Ids:
    """Id maps for one (article, annotator) being copied: their ids -> ours."""

    def __init__(self, store: Store, suggestions: SuggestionIds, their_article: str, our_article: str) -> None:
        self.store, self.suggestions, self.our_article = store, suggestions, our_article
        self.their_article = their_article
        self.spans: dict[int, int] = {}
        self.next_span = store.next_span_id()
        self.events: dict[int, int] = {}

    def span(self, their_id: int) -> int:
        if their_id not in self.spans:
            self.spans[their_id] = self.next_span
            self.next_span += 1
        return self.spans[their_id]

    def suggestion(self, their_id: int | None) -> int | None:
        """Our id of their suggestion, matched by content; copied here when we lack it."""
        return None if their_id is None else self.suggestions.ours_of(their_id)

    def span_row(self, row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "id": self.span(row["id"]), "suggestion_id": self.suggestion(row.get("suggestion_id"))}

    def decision(self, row: dict[str, Any]) -> dict[str, Any]:
        return {"suggestion_id": self.suggestion(row["suggestion_id"]), "decision": row["decision"]}

    def change(self, change: dict[str, Any]) -> dict[str, Any]:
        """An event's before/after with every id mapped."""
        mapped = dict(change)
        if "spans" in change:
            mapped["spans"] = [self.span_row(r) for r in change["spans"]]
        if "decisions" in change:
            mapped["decisions"] = [d for d in map(self.decision, change["decisions"]) if d["suggestion_id"] is not None]
        return mapped


def copy_pair(store: Store, source: MergeSource, ids: Ids, annotation: dict[str, Any]) -> int:
    """Copy current state and every edit event of one annotator on one article; returns the events copied.

    Assignment events are not copied with the work: assignments merge on their own (`merge_assignments`)."""
    who = annotation["annotator"]
    spans = [ids.span_row(r) for r in source.spans(ids.their_article, who)]
    decisions = [ids.decision(r) for r in source.decisions(ids.their_article, who)]
    insert_pair(store, ids.our_article, annotation, spans, decisions)
    events = [e for e in source.events(ids.their_article, who) if e["action"] not in NOT_EDITS]
    return copy_events(store, ids, events)


def copy_events(store: Store, ids: Ids, events: list[Row]) -> int:
    """Append their edit events here, every id mapped (the spans' through `ids`); returns how many."""
    next_id = next_event_id(store)
    rows = []
    for event in events:
        ids.events[event["id"]] = next_id
        rows.append({
            **event,
            "id": next_id,
            "before": ids.change(json.loads(event["before"])),
            "after": ids.change(json.loads(event["after"])),
            "target": ids.events.get(event["target"]) if event["target"] is not None else None,
        })  # fmt: skip
        next_id += 1
    insert_event_rows(store, ids.our_article, rows)
    if ids.spans:
        reserve_span_ids(store, max(ids.spans.values()))
    return len(rows)
