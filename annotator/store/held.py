"""One annotation held in memory through an accept all (`Deciding.accept_all`): the article's suggestions, the
annotator's decisions and spans, read once and kept in step with what the batch accepts. Each suggestion is then
checked with a bisect (its layer's spans in an `overlaps.IntervalIndex`), where a query over every span of the
annotator's for each accepted one took 11-13 CPU seconds on 10,000 suggestions, and the undecided suggestions
worked out again for each quote 25 s on 5,000 (re-trial s56 t13 G1). Every answer is the one the queries of a
single accept (`_check_free`, `_decision`, `undecided_ids`, `pending_ids`) give on the rows written so far: the
batch writes each accepted span as it goes, and `record`s it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

from annotator.overlaps import IntervalIndex
from annotator.store.connection import SPAN_SELECT, Row, rows_of
from annotator.store.current import Offer, decided_offers, is_pending, offers_now
from annotator.vocabulary import Label, Status


class Held:
    """What the annotator holds of one article, as the batch's checks ask it (read inside its transaction)."""

    def __init__(self, conn: sqlite3.Connection, article_id: str, annotator: str, *, done_settles: bool) -> None:
        self.suggestions = {
            row["id"]: row for row in rows_of(conn, "SELECT * FROM suggestions WHERE article_id = ?", [article_id])
        }
        sql = (
            "SELECT suggestion_id, decision FROM decisions WHERE annotator = ? "
            "AND suggestion_id IN (SELECT id FROM suggestions WHERE article_id = ?)"
        )
        self.decisions = {row["suggestion_id"]: row for row in rows_of(conn, sql, [annotator, article_id])}
        self.offers = offers_now(conn, article_id)
        self.decided = decided_offers(conn, article_id, annotator)
        sql = f"{SPAN_SELECT} WHERE article_id = ? AND annotator = ? ORDER BY id"
        spans = list(rows_of(conn, sql, [article_id, annotator]))
        self.marked = Counter[Offer]((s["start"], s["end"], s["label"]) for s in spans)
        self.layers = {  # the quotes' spans, and the entities', by span id
            quotes: IntervalIndex[int](
                (s["start"], s["end"], s["id"]) for s in spans if (s["label"] == Label.QUOTE) == quotes
            )
            for quotes in (True, False)
        }
        self.actors: dict[tuple[int, int], str] = {}  # an ACTOR span's text by its offsets, the first by id
        for span in spans:
            self._actor(span)
        self.speakers: dict[tuple[int, int], list[int]] = {}  # ACTOR suggestions by offsets, by id
        for row in sorted(self.suggestions.values(), key=lambda row: row["id"]):
            if row["label"] == Label.ACTOR:
                self.speakers.setdefault((row["start"], row["end"]), []).append(row["id"])
        status = conn.execute(
            "SELECT status FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        ).fetchone()
        self.done = done_settles and status is not None and status[0] == Status.DONE.value

    def _actor(self, span: Row) -> None:
        if span["label"] == Label.ACTOR:
            self.actors.setdefault((span["start"], span["end"]), span["text"])

    def overlaps(self, label: str, start: int, end: int) -> bool:
        """Whether a span of the layer `label` is on overlaps start:end (`Changes._check_free`)."""
        return self.layers[label == Label.QUOTE].overlaps(start, end)

    def offered(self, suggestion_id: int) -> bool:
        """Whether the suggestion is current and no decision of the annotator's is on its offer (`undecided_ids`)."""
        offer = self.offers.get(suggestion_id)
        return offer is not None and not self.decided[offer]

    def pending(self, suggestion_id: int) -> bool:
        """Whether the annotator is asked about the suggestion (`pending_ids`, the rule `is_pending`)."""
        offer = self.offers.get(suggestion_id)
        if offer is None:
            return False
        decided, marked = self.decided[offer], self.marked[offer]
        covered = not (decided or marked) and offer[2] != Label.QUOTE and self.overlaps(offer[2], *offer[:2])
        return is_pending(True, decided, marked, covered=covered, done=self.done)

    def speaker_suggestions(self, speaker: tuple[int, int]) -> list[int]:
        """The ACTOR suggestions at a quote's suggested speaker the annotator has not decided on and is offered."""
        found = self.speakers.get(speaker, [])
        return [i for i in found if i not in self.decisions and self.offered(i)]

    def record(self, written: Row) -> None:
        """Take in the spans and decisions the batch has just written."""
        for decision in written["decisions"]:
            key = decision["suggestion_id"]
            self.decisions[key] = {"suggestion_id": key, "decision": decision["decision"]}
            row = self.suggestions[key]
            self.decided[(row["start"], row["end"], row["label"])] += 1
        for span in written["spans"]:
            self.layers[span["label"] == Label.QUOTE].add(span["start"], span["end"], span["id"])
            self.marked[(span["start"], span["end"], span["label"])] += 1
            self._actor(span)
