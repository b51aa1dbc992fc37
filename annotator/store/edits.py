"""The annotation edits the screens offer on the annotator's own spans (add, resize, relabel, remove, speakers,
status, imports): each one transaction that writes the new state and its event together (`Changes._commit`),
refused whole when it would break the annotation rules. The decisions on suggestions are `deciding.Deciding`'s."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from annotator.errors import Refused
from annotator.literal import quoted
from annotator.motion import occurrences
from annotator.rows import Edit, SpanLike
from annotator.store.changes import describe
from annotator.store.connection import Row, span_row
from annotator.store.current import undecided_ids
from annotator.store.deciding import Deciding
from annotator.vocabulary import GOLD, Label, Status


def _snippet(text: str, length: int = 30) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class Store(Deciding):
    """The annotation database: reads, article writes, and every editing operation the TUI offers (the decisions
    on suggestions are `Deciding`'s)."""

    def add_span(self, article_id: str, annotator: str, start: int, end: int, label: Label | str) -> Edit:
        """A span the annotator marked: on token boundaries, and not overlapping its own layer."""
        label = Label(label)
        if end <= start:
            raise Refused("a span needs at least one character")
        with self._editing(article_id, annotator):
            if annotator != GOLD:  # the suggestion itself, marked by hand, is accepted as enter does (a quote with
                # its speaker)
                same = [
                    g for g in self.pending(article_id, annotator) if (g.start, g.end, g.label) == (start, end, label)
                ]
                if same:
                    return self.accept_suggestion(article_id, annotator, same[0].id)
                rejected = next(
                    self._rows(
                        """SELECT g.id FROM suggestions g JOIN decisions d ON d.suggestion_id = g.id AND d.annotator = ?
                           WHERE g.article_id = ? AND g.start = ? AND g."end" = ? AND g.label = ?
                           AND d.decision = 'rejected' ORDER BY g.id LIMIT 1""",
                        [annotator, article_id, start, end, label.value],
                    ),
                    None,
                )
                if rejected is not None:  # marked again by hand: the reject is taken back, not contradicted
                    return self.accept_suggestion(article_id, annotator, rejected["id"], retake=True)
            text = self._span_text(article_id, start, end, label)
            self._check_free(article_id, annotator, label, start, end)
            row = {"id": self.next_span_id(), "start": start, "end": end, "label": label.value, "text": text,
                   "speaker_start": None, "speaker_end": None, "suggestion_id": None}  # fmt: skip
            decided, replaced = self._replaced(article_id, annotator, [row])
            old: Row = {"spans": [], "decisions": []}
            new: Row = {"spans": [row], "decisions": decided}
            return self._commit(article_id, annotator, "add", old, new, message=f"added {describe(row)}{replaced}")

    def add_elsewhere(self, article_id: str, annotator: str, span_id: int) -> Edit:
        """The same label on every other place where exactly the span's words stand (on token boundaries), as one
        action (one undo). A place where a pending suggestion says exactly that is that suggestion, accepted (as
        `add_span` takes it); places where the span would overlap one of its layer, break the span rules, or cut
        into a pending suggestion of its layer (a longer name: "Gaza" in a suggested "Gaza Strip", which the
        person decides on its own) are left out and counted."""
        with self._editing(article_id, annotator):
            span = self._span(article_id, annotator, span_id)
            if span["label"] == Label.QUOTE:
                raise Refused("a quote is said once: only entity spans are marked elsewhere")
            text = self.article_text(article_id)
            tokens = [(t.start, t.end) for t in self.tokens(article_id)]
            pending = [g for g in self.pending(article_id, annotator) if g.label != Label.QUOTE]
            rows: list[Row] = []
            accepted: list[Row] = []
            overlapping = waiting = 0
            next_id = self.next_span_id()
            for start, end in occurrences(text, tokens, span["start"], span["end"]):
                same = next((g for g in pending if (g.start, g.end, g.label) == (start, end, span["label"])), None)
                if same is None and any(g.start < end and start < g.end for g in pending):
                    waiting += 1
                    continue
                try:
                    self._span_text(article_id, start, end, span["label"])
                    self._check_free(article_id, annotator, span["label"], start, end)
                except Refused:
                    overlapping += 1
                    continue
                if any(r["start"] < end and start < r["end"] for r in rows):
                    overlapping += 1
                    continue
                rows.append({"id": next_id + len(rows), "start": start, "end": end, "label": span["label"],
                             "text": text[start:end], "speaker_start": None, "speaker_end": None,
                             "suggestion_id": None if same is None else same.id})  # fmt: skip
                if same is not None:
                    accepted.append({"suggestion_id": same.id, "decision": "accepted"})
            left = _left(overlapping, "it overlaps a span", "they overlap a span") + _left(
                waiting, "it is part of a pending suggestion", "they are part of pending suggestions"
            )
            if not rows:
                raise Refused(f"{describe(span)} is nowhere else free to mark{left}")
            decided, replaced = self._replaced(article_id, annotator, rows)
            taken = f" ({len(accepted)} of them suggested, now accepted)" if accepted else ""
            message = (
                f"{span['label']} {quoted(span['text'])} added at {len(rows)} more place{'s' * (len(rows) != 1)}{taken}"
                f"{left}{replaced}"
            )
            old: Row = {"spans": [], "decisions": []}
            new: Row = {"spans": rows, "decisions": accepted + decided}
            return self._commit(article_id, annotator, "add", old, new, message=message)

    def remove_span(self, article_id: str, annotator: str, span_id: int) -> Edit:
        """Remove a span; a removed suggestion counts as rejected, and quotes it spoke lose their speaker."""
        with self._editing(article_id, annotator):
            span = self._span(article_id, annotator, span_id)
            old: Row = {"spans": [span], "decisions": []}
            new: Row = {"spans": [], "decisions": []}
            unlinked = self._unlink_quotes(article_id, annotator, span, old, new)
            if span["suggestion_id"] is not None:
                previous = self._decision(annotator, span["suggestion_id"])
                if previous:
                    old["decisions"].append(previous)
                new["decisions"].append({"suggestion_id": span["suggestion_id"], "decision": "rejected"})
            freed = self._freed(article_id, annotator, span)
            old["decisions"] += [{"suggestion_id": g["id"], "decision": "rejected"} for g in freed]
            message = f"removed {describe(span)}{unlinked}{_pending_again(freed, span)}"
            return self._commit(article_id, annotator, "remove", old, new, message=message)

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

    def _unlink_quotes(self, article_id: str, annotator: str, actor: Row, old: Row, new: Row) -> str:
        """Clear the speaker of every quote this ACTOR span said (into `old` and `new`); what to tell the user."""
        if actor["label"] != Label.ACTOR:
            return ""
        quotes = self._quotes_citing(article_id, annotator, actor)
        for quote in quotes:
            old["spans"].append(quote)
            new["spans"].append({**quote, "speaker_start": None, "speaker_end": None})
        if not quotes:
            return ""
        said = ", ".join(quoted(_snippet(q["text"])) for q in quotes[:3]) + (" ..." if len(quotes) > 3 else "")
        return f"; {len(quotes)} quote{'s' * (len(quotes) != 1)} it spoke now {'have' if len(quotes) != 1 else 'has'} no speaker ({said})"

    def relabel_span(self, article_id: str, annotator: str, span_id: int, label: Label | str) -> Edit:
        label = Label(label)
        with self._editing(article_id, annotator):
            span = self._span(article_id, annotator, span_id)
            if span["label"] == label:
                raise Refused(f"it is already {label.value}")
            self._check_free(article_id, annotator, label, span["start"], span["end"], ignore=span_id)
            changed = {**span, "label": label.value}
            if label is not Label.QUOTE:
                changed.update(speaker_start=None, speaker_end=None)
            old, new = {"spans": [span]}, {"spans": [changed]}
            decided, replaced = self._replaced(article_id, annotator, [changed])
            freed = self._freed(article_id, annotator, span, kept=changed)
            if decided or freed:  # moved into the other layer: it decides what it covers there, frees what it left
                old["decisions"] = [{"suggestion_id": g["id"], "decision": "rejected"} for g in freed]
                new["decisions"] = decided
            matched = self._matched(article_id, annotator, span, changed, old, new)
            unlinked = self._unlink_quotes(article_id, annotator, span, old, new)
            freeing = _pending_again(freed, span)
            message = f"{describe(span)} is now {label.value}{unlinked}{replaced}{matched}{freeing}"
            return self._commit(article_id, annotator, "relabel", old, new, message=message)

    def resize_span(
        self, article_id: str, annotator: str, span_id: int, start: int, end: int, label: Label | str | None = None
    ) -> Edit:
        """Move either boundary; quotes that this ACTOR speaks follow it. With `label`, another entity label in the
        same edit (one undo; the quotes an ACTOR spoke lose their speaker): selected words over one span of another
        label (trial 23)."""
        if end <= start:
            raise Refused("a span needs at least one character")
        with self._editing(article_id, annotator):
            span = self._span(article_id, annotator, span_id)
            label = Label(label or span["label"])
            relabelled = label != span["label"]
            if relabelled and Label.QUOTE in (label, span["label"]):
                raise Refused(f"a resized {span['label']} stays in its layer, no {label.value}")
            text = self._span_text(article_id, start, end, label)
            self._check_free(article_id, annotator, label, start, end, ignore=span_id)
            changed = {**span, "start": start, "end": end, "text": text, "label": label.value}
            old, new = {"spans": [span]}, {"spans": [changed]}
            decided, replaced = self._replaced(article_id, annotator, new["spans"])
            freed = self._freed(article_id, annotator, span, kept=changed)
            if decided or freed:  # grown over a suggestion, it decides it; shrunk off one it replaced, frees it
                old["decisions"] = [{"suggestion_id": g["id"], "decision": "rejected"} for g in freed]
                new["decisions"] = decided
            matched = self._matched(article_id, annotator, span, changed, old, new)
            after = f"{replaced}{matched}{_pending_again(freed, span)}"
            if relabelled:
                unlinked = self._unlink_quotes(article_id, annotator, span, old, new)
                message = f"{describe(span)} is now {describe(changed)}{unlinked}{after}"
                return self._commit(article_id, annotator, "relabel", old, new, message=message)
            if span["label"] == Label.ACTOR:
                for quote in self._quotes_citing(article_id, annotator, span):
                    old["spans"].append(quote)
                    new["spans"].append({**quote, "speaker_start": start, "speaker_end": end})
            message = f"resized to {span['label']} {quoted(text)} at {start}:{end}{after}"
            return self._commit(article_id, annotator, "resize", old, new, message=message)

    def set_speaker(
        self,
        article_id: str,
        annotator: str,
        quote_id: int,
        actor_id: int | None,
        *,
        suggestion_id: int | None = None,
        offsets: tuple[int, int] | None = None,
    ) -> Edit:
        """Link a QUOTE to the ACTOR span that said it, or clear the link with None; or, as one action (one undo),
        accept a pending ACTOR suggestion (`suggestion_id`) or add an ACTOR span (`offsets`) and link it."""
        with self._editing(article_id, annotator):
            quote = self._span(article_id, annotator, quote_id)
            if quote["label"] != Label.QUOTE:
                raise Refused(f"only a QUOTE has a speaker, not {describe(quote)}")
            old: Row = {"spans": [quote], "decisions": []}
            new: Row = {"spans": [], "decisions": []}
            if suggestion_id is not None:
                if self._suggestion(article_id, suggestion_id)["label"] != Label.ACTOR:
                    raise Refused("a speaker must be an ACTOR")
                old_rows, new_rows, _ = self._accept(article_id, annotator, suggestion_id)
                old["decisions"] += old_rows["decisions"]
                new["spans"] += new_rows["spans"]
                new["decisions"] += new_rows["decisions"]
                actor: Row | None = new_rows["spans"][0]
            elif offsets is not None:
                start, end = offsets
                text = self._span_text(article_id, start, end, Label.ACTOR)
                self._check_free(article_id, annotator, Label.ACTOR, start, end)
                actor = {"id": self.next_span_id(), "start": start, "end": end, "label": Label.ACTOR.value,
                         "text": text, "speaker_start": None, "speaker_end": None, "suggestion_id": None}  # fmt: skip
                new["spans"].append(actor)
                new["decisions"] += self._replaced(article_id, annotator, [actor])[0]
            else:
                actor = None if actor_id is None else self._span(article_id, annotator, actor_id)
            if actor is None:
                changed, message = (
                    {**quote, "speaker_start": None, "speaker_end": None},
                    f"speaker of {describe(quote)} cleared",
                )
            else:
                if actor["label"] != Label.ACTOR:
                    raise Refused(f"a speaker must be an ACTOR span, not {describe(actor)}")
                changed = {**quote, "speaker_start": actor["start"], "speaker_end": actor["end"]}
                added = " (accepted as an ACTOR)" if suggestion_id else " (added as an ACTOR)" if offsets else ""
                message = f"speaker of {describe(quote)}: {quoted(actor['text'])}{added}"
            new["spans"].insert(0, changed)
            return self._commit(article_id, annotator, "speaker", old, new, message=message)

    def set_status(self, article_id: str, annotator: str, status: Status | str, reason: str | None = None) -> Edit:
        """Mark an article done, skipped, flagged (with an optional `reason`, kept until it is marked otherwise)."""
        status = Status(status)
        if reason is not None and status is not Status.FLAGGED:
            raise Refused("only a flagged article has a reason")
        with self._editing(article_id, annotator):
            self.article(article_id)
            current = self._status_row(article_id, annotator)
            old = {"status": current, "flag_reason": self.flag_reason(article_id, annotator)}
            new = {"status": status.value, "flag_reason": reason.strip() if reason and reason.strip() else None}
            why = f": {new['flag_reason']}" if new["flag_reason"] else ""
            return self._commit(article_id, annotator, "status", old, new, message=f"marked {status.value}{why}")

    def replace_annotation(
        self,
        article_id: str,
        annotator: str,
        spans: Sequence[SpanLike],
        status: Status | str,
        updated_at: str | None = None,
        decisions: Mapping[int, str] | None = None,
        suggestion_of: Mapping[tuple[int, int, str], int] | None = None,
        *,
        flag_reason: str | None = None,
    ) -> Edit:
        """Set an annotator's spans and status for an article wholesale, as one "import" event.

        `decisions` (suggestion id -> accepted or rejected), when given, replace the annotator's decisions on the
        article too (binary answers); `suggestion_of` links spans to the suggestion they accept, by (start, end,
        label); `flag_reason`, why a flagged article was flagged. Call inside `write()` to make several articles
        one transaction. Undo takes the import back whole (its event keeps the spans, status and decisions it
        replaced), then the edits before it.
        """
        links = suggestion_of or {}
        with self.write():
            old: Row = {
                "spans": self._span_rows(article_id, annotator),
                "status": self._status_row(article_id, annotator),
                "flag_reason": self.flag_reason(article_id, annotator),
            }
            next_id = self.next_span_id()
            new: Row = {
                "spans": [
                    {**span_row(s), "id": next_id + i, "suggestion_id": links.get((s.start, s.end, s.label.value))}
                    for i, s in enumerate(spans)
                ],
                "status": Status(status).value,
                "flag_reason": flag_reason if Status(status) is Status.FLAGGED else None,
            }
            if decisions is not None:
                old["decisions"] = [
                    {"suggestion_id": key, "decision": value}
                    for key, value in self.decisions(article_id, annotator).items()
                ]
                new["decisions"] = [{"suggestion_id": key, "decision": value} for key, value in decisions.items()]
            edit = self._commit(article_id, annotator, "import", old, new, message=f"imported {len(spans)} spans")
            if updated_at:
                self.conn.execute(
                    "UPDATE annotations SET updated_at = ? WHERE article_id = ? AND annotator = ?",
                    [updated_at, article_id, annotator],
                )
            return edit


def _pending_again(freed: list[Row], span: Row) -> str:
    """What a removal (a shrink, a relabel) says of the suggestions it makes pending again, which the span as it
    was covered whole or overlapped; nothing for none."""
    if not freed:
        return ""
    inside = [span["start"] <= g["start"] and g["end"] <= span["end"] for g in freed]
    how = "covered" if all(inside) else "overlapped" if not any(inside) else "covered or overlapped"
    if len(freed) == 1:
        return f"; the suggestion it {how}, {describe(freed[0])}, rejected as replaced, is pending again"
    return f"; the {len(freed)} suggestions it {how}, rejected as replaced, are pending again"


def _left(count: int, one: str, many: str) -> str:
    """ "; 1 other place left as it is (why)", in words that agree with the count; nothing for none."""
    if not count:
        return ""
    return (
        f"; 1 other place left as it is ({one})" if count == 1 else f"; {count} other places left as they are ({many})"
    )
