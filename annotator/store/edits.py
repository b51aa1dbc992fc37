"""The annotation edits the screens offer on the annotator's own spans (add, resize, relabel, remove, speakers,
status, imports): each one transaction that writes the new state and its event together (`Changes._commit`),
refused whole when it would break the annotation rules. The decisions on suggestions are `deciding.Deciding`'s."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from annotator.errors import Refused
from annotator.literal import quoted
from annotator.motion import occurrences
from annotator.rows import Edit, SpanLike
from annotator.store.changes import again, describe
from annotator.store.connection import Row, span_row
from annotator.store.covered import pending_again
from annotator.store.current import pending_ids
from annotator.store.speaking import Speaking
from annotator.vocabulary import GOLD, Label, Status
from annotator.wording import counted


def _snippet(text: str, length: int = 30) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class Store(Speaking):
    """The annotation database: reads, article writes, and every editing operation the TUI offers (the decisions
    on suggestions are `Deciding`'s; what an edit does to the suggestions its span covers, `Covered`'s; speakers,
    `Speaking`'s)."""

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
                f"{span['label']} {quoted(span['text'])} added at {counted(len(rows), 'more place', 'more places')}{taken}"
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
            message = f"removed {describe(span)}{unlinked}{pending_again(freed, span)}"
            # the current suggestions the span repeated or covered (`store.current.is_pending`) are asked again (none
            # for gold, which is asked nothing: `current.takes_suggestions`)
            was = pending_ids(self.conn, article_id, annotator) | {g["id"] for g in freed}
            edit = self._commit(article_id, annotator, "remove", old, new, message=message)
            uncovered = sorted(pending_ids(self.conn, article_id, annotator) - was)
            rows = [self._suggestion(article_id, i) for i in uncovered]
            return replace(edit, message=message + "".join(again(g, None) for g in rows))

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
        return f"; {counted(len(quotes), 'quote')} it spoke now {'have' if len(quotes) != 1 else 'has'} no speaker ({said})"

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
            freeing = pending_again(freed, span)
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
            after = f"{replaced}{matched}{pending_again(freed, span)}"
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

    def set_status(self, article_id: str, annotator: str, status: Status | str, reason: str | None = None) -> Edit:
        """Mark an article done, skipped, flagged (with an optional `reason`, kept until it is marked otherwise). A mark
        already there (the same reason) writes nothing: an `Edit` with no event, "already done"."""
        status = Status(status)
        if reason is not None and status is not Status.FLAGGED:
            raise Refused("only a flagged article has a reason")
        with self._editing(article_id, annotator):
            self.article(article_id)
            current = self._status_row(article_id, annotator)
            old = {"status": current, "flag_reason": self.flag_reason(article_id, annotator)}
            new = {"status": status.value, "flag_reason": reason.strip() if reason and reason.strip() else None}
            if new == old:  # a mark already there: an event would clear the redo waiting here (trial 10)
                return Edit(event_id=0, action="status", status=status, message=f"already {status.value}")
            why = f": {new['flag_reason']}" if new["flag_reason"] else ""
            if not why and old["flag_reason"] and current == status.value:  # cleared on purpose: said (a re-trial)
                why = f"; its reason {quoted(old['flag_reason'])} taken off (u puts it back)"
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
        unchecked: Sequence[str] = (),
        as_suggested: bool = False,
        origin: Mapping[str, object] | None = None,
    ) -> Edit:
        """Set an annotator's spans and status for an article wholesale, as one "import" event.

        `decisions` (suggestion id -> accepted or rejected), when given, replace the annotator's decisions on the
        article too (binary answers); `suggestion_of` links spans to the suggestion they accept, by (start, end,
        label); `flag_reason`, why a flagged article was flagged. Call inside `write()` to make several articles
        one transaction. Undo takes the import back whole (its event keeps the spans, status and decisions it
        replaced), then the edits before it. `unchecked`: the commands that alone wrote this work where the record
        came from (its `unchecked`): the event names them, and names `import` as its `command`, so the work stays
        no person's (`store.unchecked`) until someone edits it. `as_suggested`: the record says its work was the
        model's suggestions unchanged there (A then d too): the event says so, and `store.as_suggested` counts the
        work while its spans are still these. `origin`: where the file says the work came from (a Label Studio
        task's and annotation's ids), kept in the event (`origins.import_origin` and `work_origin` read it back).
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
                "updated_at": updated_at or None,  # the record's stamp, stored below: `explained` checks it
            }
            if decisions is not None:
                old["decisions"] = [
                    {"suggestion_id": key, "decision": value}
                    for key, value in self.decisions(article_id, annotator).items()
                ]
                new["decisions"] = [{"suggestion_id": key, "decision": value} for key, value in decisions.items()]
            if unchecked:
                new["unchecked"] = list(unchecked)
            if as_suggested:
                new["as_suggested"] = True
            if origin:
                new["origin"] = dict(origin)
            message = f"imported {counted(len(spans), 'span')}"
            edit = self._commit(
                article_id, annotator, "import", old, new, message=message, command="import" if unchecked else None
            )
            if updated_at:
                self.conn.execute(
                    "UPDATE annotations SET updated_at = ? WHERE article_id = ? AND annotator = ?",
                    [updated_at, article_id, annotator],
                )
            return edit


def _left(count: int, one: str, many: str) -> str:
    """ "; 1 other place left as it is (why)", in words that agree with the count; nothing for none."""
    if not count:
        return ""
    return (
        f"; 1 other place left as it is ({one})" if count == 1 else f"; {count} other places left as they are ({many})"
    )
