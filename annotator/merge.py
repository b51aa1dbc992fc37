"""Merging annotators' databases: each annotator works in their own file, a reviewer merges them into one.

Articles match by content hash. For each article and annotator in the other database:
- absent (or untouched) here: their spans, decisions and status are copied, and so are their events, with
  ids remapped (event, span and suggestion ids differ between files). The copied events keep their times and
  order, so the audit trail and time-per-article survive, and undo/redo here walk the same history there.
- the same work here (same status, spans and decisions, compared by content): nothing happens. This is why
  merging twice changes nothing.
- different work here: a conflict, reported and left alone, unless `prefer` says which side wins. When the
  other side wins, its work replaces ours as one "merge" event (before: ours, after: theirs): their history
  does not apply on top of ours, but undo of the merge event gives ours back.
Suggestions of new articles come along; for known articles, only suggestions the merged work refers to
(accepted or rejected ones this database lacks) are added. Everything is one transaction: all or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from annotator.errors import AnnotatorError
from annotator.store import Store
from annotator.store import merge as sql

Prefer = Literal["this", "other"]
Progress = Callable[[int, int], None]


class Conflict(BaseModel):
    source: str
    article_id: str
    title: str
    annotator: str
    kept: Literal["this", "other"]


class MergeReport(BaseModel):
    articles_added: int = 0
    annotations_added: int = 0
    unchanged: int = 0
    overwritten: int = 0
    events_copied: int = 0
    suggestions_copied: int = 0
    conflicts: list[Conflict] = Field(default_factory=list)


class _Ids:
    """Id maps for one (article, annotator) being copied: their ids -> ours."""

    def __init__(self, store: Store, source: sql.MergeSource, their_article: str, our_article: str) -> None:
        self.store, self.source, self.our_article = store, source, our_article
        self.their_article = their_article
        self.spans: dict[int, int] = {}
        self.next_span = sql.next_span_id(store)
        self.events: dict[int, int] = {}
        self.copied_suggestions = 0

    def span(self, their_id: int) -> int:
        if their_id not in self.spans:
            self.spans[their_id] = self.next_span
            self.next_span += 1
        return self.spans[their_id]

    def suggestion(self, their_id: int | None) -> int | None:
        """Our id of their suggestion, matched by content; copied here when we lack it."""
        if their_id is None:
            return None
        row = self.source.suggestion(their_id)
        if row is None:  # re-suggested away after an undo: old events may still name it
            return None
        key = tuple(row[k] for k in sql.SUGGESTION_KEY)
        ours = sql.suggestion_ids(self.store, self.our_article)
        if key not in ours:
            self.copied_suggestions += 1
            return sql.insert_suggestion_row(self.store, self.our_article, row)
        return ours[key]

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


def _empty(work: tuple[str, frozenset, frozenset]) -> bool:
    return work[0] == "todo" and not work[1] and not work[2]


def _copy_pair(store: Store, source: sql.MergeSource, ids: _Ids, annotation: dict[str, Any]) -> int:
    """Copy current state and every event of one annotator on one article; returns the events copied."""
    who = annotation["annotator"]
    spans = [ids.span_row(r) for r in source.spans(ids.their_article, who)]
    decisions = [ids.decision(r) for r in source.decisions(ids.their_article, who)]
    sql.insert_pair(store, ids.our_article, annotation, spans, decisions)
    events = source.events(ids.their_article, who)
    for event in events:
        row = {
            **event,
            "before": ids.change(json.loads(event["before"])),
            "after": ids.change(json.loads(event["after"])),
        }
        row["target"] = ids.events.get(event["target"]) if event["target"] is not None else None
        ids.events[event["id"]] = sql.insert_event_row(store, ids.our_article, row)
    if ids.spans:
        sql.reserve_span_ids(store, max(ids.spans.values()))
    return len(events)


def _merge_source(store: Store, source: sql.MergeSource, prefer: Prefer | None, report: MergeReport,
                  progress: Progress | None) -> None:  # fmt: skip
    ours: dict[str, str] = {}
    for row in source.articles():
        here = sql.article_by_hash(store, row["content_hash"])
        if here is None:
            if store.db.execute("SELECT 1 FROM articles WHERE id = ?", [row["id"]]).fetchone():
                raise AnnotatorError(f"{source.path}: article id {row['id']!r} is used here for another text")
            sql.insert_article_row(store, row)
            for suggestion in source.suggestions(row["id"]):
                sql.insert_suggestion_row(store, row["id"], suggestion)
                report.suggestions_copied += 1
            report.articles_added += 1
            here = row["id"]
        ours[row["id"]] = here
    annotations = source.annotations()
    for done, annotation in enumerate(annotations, start=1):
        theirs_id, who = annotation["article_id"], annotation["annotator"]
        here = ours[theirs_id]
        theirs = sql.work(source.connection, theirs_id, who)
        mine = sql.work(store.conn, here, who)
        ids = _Ids(store, source, theirs_id, here)
        if _empty(theirs) or theirs == mine:
            report.unchanged += not _empty(theirs)
        elif _empty(mine):
            report.events_copied += _copy_pair(store, source, ids, annotation)
            report.annotations_added += 1
        else:
            title = store.article(here).title
            report.conflicts.append(Conflict(source=str(source.path), article_id=here, title=title, annotator=who,
                                             kept=prefer or "this"))  # fmt: skip
            if prefer == "other":
                spans = [ids.span_row(r) for r in source.spans(theirs_id, who)]
                decisions = [ids.decision(r) for r in source.decisions(theirs_id, who)]
                sql.replace_work(store, here, who, spans, decisions, theirs[0], f"merged from {source.path}")
                report.overwritten += 1
        report.suggestions_copied += ids.copied_suggestions
        if progress:
            progress(done, len(annotations))


def merge(
    store: Store, paths: Sequence[str | Path], prefer: Prefer | None = None, progress: Progress | None = None
) -> MergeReport:
    """Merge other databases into `store`, in one transaction (see the module's docstring for the rules)."""
    report = MergeReport()
    sources = []
    try:
        for path in paths:
            if Path(path).resolve() == (store.path or Path()).resolve():
                raise AnnotatorError(f"{path}: this is the database being merged into")
            sources.append(sql.MergeSource(path))
        with store.write():
            for source in sources:
                _merge_source(store, source, prefer, report, progress)
    finally:
        for source in sources:
            source.close()
    return report
