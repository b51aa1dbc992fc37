"""What an edit of a span does to the suggestions under it (`edits.Store`'s resize, relabel and removal): the
suggestions it rejected only as replaced that nothing covers any more are pending again (`_freed`), and a span
left with exactly a suggestion's words and label is that suggestion, accepted (`_matched`). A suggestion
rejected by hand stays rejected: the event that last decided it tells the two apart (`_rejected_as_replaced`)."""

from __future__ import annotations

import json

from annotator.store.changes import describe
from annotator.store.connection import Row
from annotator.store.current import undecided_ids
from annotator.store.deciding import Deciding
from annotator.vocabulary import GOLD, Label
from annotator.wording import counted


class Covered(Deciding):
    """The suggestions a span covers, as an edit frees them or the span comes to match one."""

    def _freed(self, article_id: str, annotator: str, span: Row, kept: Row | None = None) -> list[Row]:
        """The suggestions rejected only as replaced (`_replaced`) that this span covers and no other span of its
        layer does, nor `kept` (what the span becomes: new edges, another label): once it is gone or moved off
        them, nothing stands where they are, so they are pending again. A suggestion rejected by hand (x) stays
        rejected: the event that last decided it is what tells them apart, a rejection written together with a
        span of its layer over it."""
        layer = "g.label = 'QUOTE'" if span["label"] == Label.QUOTE else "g.label != 'QUOTE'"
        own = "s.label = 'QUOTE'" if span["label"] == Label.QUOTE else "s.label != 'QUOTE'"
        covered = self._rows(
            f"""SELECT g.* FROM suggestions g JOIN decisions d ON d.suggestion_id = g.id AND d.annotator = ?
                WHERE g.article_id = ? AND {layer} AND g.start < ? AND g."end" > ? AND d.decision = 'rejected'
                AND g.id IS NOT ? AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.article_id = g.article_id
                AND s.annotator = d.annotator AND {own} AND s.id != ? AND s.start < g."end" AND s."end" > g.start)
                ORDER BY g.start, g.id""",
            [annotator, article_id, span["end"], span["start"], span["suggestion_id"], span["id"]],
        )
        if kept is not None and (kept["label"] == Label.QUOTE) == (span["label"] == Label.QUOTE):
            covered = (g for g in covered if not (g["start"] < kept["end"] and kept["start"] < g["end"]))
        return [g for g in covered if self._rejected_as_replaced(article_id, annotator, g)]

    def _matched(self, article_id: str, annotator: str, span: Row, changed: Row, old: Row, new: Row) -> str:
        """A span an edit leaves with exactly a suggestion's words and label is that suggestion, accepted (as marking
        its words is, `add_span`): one pending, or one rejected only as replaced (`_rejected_as_replaced`), such as
        by this span before it moved; one rejected by hand (x) stays rejected. `changed` (the span's new row) is
        linked to it, and the decisions go into `old` and `new`, so the edit's own event takes both back. A span
        accepted from another suggestion stays that one's. What to tell the user."""
        if annotator == GOLD or span["suggestion_id"] is not None:
            return ""
        same = self._rows(
            'SELECT * FROM suggestions WHERE article_id = ? AND start = ? AND "end" = ? AND label = ? ORDER BY id',
            [article_id, changed["start"], changed["end"], changed["label"]],
        )
        offered = undecided_ids(self.conn, article_id, annotator)
        for suggestion in same:
            previous = self._decision(annotator, suggestion["id"])
            if previous is None and suggestion["id"] not in offered:
                continue  # an older version's that someone else decided on: never offered to this annotator; or a
                # current one alike a suggestion they decided on (a rejection stays one)
            if previous is not None and not (
                previous["decision"] == "rejected" and self._rejected_as_replaced(article_id, annotator, suggestion)
            ):
                continue
            changed["suggestion_id"] = suggestion["id"]
            old.setdefault("decisions", []).extend([previous] if previous else [])
            new.setdefault("decisions", []).append({"suggestion_id": suggestion["id"], "decision": "accepted"})
            was = ", rejected as replaced," if previous else ","
            return f"; the suggestion it now matches exactly, {describe(suggestion)}{was} is accepted"
        return ""

    def _rejected_as_replaced(self, article_id: str, annotator: str, suggestion: Row) -> bool:
        """Whether the event that last decided this suggestion rejected it as replaced: with a span of its layer
        over it, other than its own (an undo or redo repeats the rows of the edit it takes back or makes again)."""
        found = self.conn.execute(
            """SELECT e.after FROM events e, json_each(e.after, '$.decisions') d WHERE e.article_id = ?
               AND e.annotator = ? AND json_extract(d.value, '$.suggestion_id') = ? ORDER BY e.id DESC LIMIT 1""",
            [article_id, annotator, suggestion["id"]],
        ).fetchone()
        if found is None:
            return False
        after = json.loads(found[0])
        if {"suggestion_id": suggestion["id"], "decision": "rejected"} not in after["decisions"]:
            return False
        quote = suggestion["label"] == Label.QUOTE
        return any(
            (s["label"] == Label.QUOTE) == quote
            and s.get("suggestion_id") != suggestion["id"]
            and s["start"] < suggestion["end"]
            and suggestion["start"] < s["end"]
            for s in after.get("spans", [])
        )


def pending_again(freed: list[Row], span: Row) -> str:
    """What a removal (a shrink, a relabel) says of the suggestions it makes pending again, which the span as it
    was covered whole or overlapped; nothing for none."""
    if not freed:
        return ""
    inside = [span["start"] <= g["start"] and g["end"] <= span["end"] for g in freed]
    how = "covered" if all(inside) else "overlapped" if not any(inside) else "covered or overlapped"
    if len(freed) == 1:
        return f"; the suggestion it {how}, {describe(freed[0])}, rejected as replaced, is pending again"
    return f"; the {counted(len(freed), 'suggestion')} it {how}, rejected as replaced, are pending again"
