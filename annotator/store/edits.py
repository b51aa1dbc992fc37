"""Annotation edits: each one transaction that writes the new state and its event together.

Every event stores the rows it replaced (`before`) and the rows it wrote (`after`). Undo applies an event's
`before` again and redo its `after`; both are events themselves, so the log stays append-only and replaying
it from the start rebuilds the current state (`replay`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from annotator.errors import Conflict, NotFound, Refused
from annotator.rows import Edit, Event, SpanLike
from annotator.store.database import Reader, _json, annotation_span, span_row
from annotator.vocabulary import Label, Status, utc_now

Row = dict[str, Any]
SPAN_COLUMNS = ("id", "start", "end", "label", "text", "speaker_start", "speaker_end", "suggestion_id")
SPAN_SELECT = "SELECT " + ", ".join(f'"{column}"' for column in SPAN_COLUMNS) + " FROM spans"


def _describe(row: Row) -> str:
    return f"{row['label']} {row['text']!r} at {row['start']}:{row['end']}"


@lru_cache(maxsize=64)
def _boundaries(tokens_json: str | None) -> tuple[frozenset[int], frozenset[int]] | None:
    if not tokens_json:
        return None
    pairs = json.loads(tokens_json)
    return frozenset(p[0] for p in pairs), frozenset(p[1] for p in pairs)


class Store(Reader):
    """The annotation database: reads (from `Reader`) and every editing operation the TUI offers."""

    #: Who is editing through this store on someone's behalf (the review app sets it for gold): every event it
    #: writes then names them as `reviewer`, as adjudication events always do.
    reviewer: str | None = None

    # -- plumbing -------------------------------------------------------------------------------------------

    def _span_rows(
        self, article_id: str, annotator: str, where: str = "1", params: list[Any] | None = None
    ) -> list[Row]:
        sql = f"{SPAN_SELECT} WHERE article_id = ? AND annotator = ? AND {where}"
        return list(self._rows(sql, [article_id, annotator, *(params or [])]))

    def _span(self, article_id: str, annotator: str, span_id: int) -> Row:
        rows = self._span_rows(article_id, annotator, "id = ?", [span_id])
        if not rows:
            raise NotFound(f"no span {span_id} for {annotator} in article {article_id}")
        return rows[0]

    def _suggestion(self, article_id: str, suggestion_id: int) -> Row:
        rows = list(
            self._rows("SELECT * FROM suggestions WHERE id = ? AND article_id = ?", [suggestion_id, article_id])
        )
        if not rows:
            raise NotFound(f"no suggestion {suggestion_id} in article {article_id}")
        return rows[0]

    def _decision(self, annotator: str, suggestion_id: int) -> Row | None:
        rows = list(
            self._rows(
                "SELECT suggestion_id, decision FROM decisions WHERE annotator = ? AND suggestion_id = ?",
                [annotator, suggestion_id],
            )
        )
        return rows[0] if rows else None

    def _text(self, article_id: str, start: int, end: int) -> str:
        """The article's text at these offsets, sliced in Python: SQLite's substr() stops at a NUL."""
        text = self.article_text(article_id)
        if end > len(text):
            raise Refused(f"{start}:{end} is beyond the article's {len(text)} characters")
        return text[start:end]

    def _check_tokens(self, article_id: str, start: int, end: int) -> None:
        row = self.conn.execute("SELECT tokens FROM articles WHERE id = ?", [article_id]).fetchone()
        bounds = _boundaries(row[0] if row else None)
        if bounds is None:
            return
        starts, ends = bounds
        if start not in starts or end not in ends:
            raise Refused(f"{start}:{end} does not fall on token boundaries")

    def _check_free(
        self, article_id: str, annotator: str, label: str, start: int, end: int, ignore: int | None = None
    ) -> None:
        """Entity spans may not overlap each other, nor quotes each other."""
        layer = "label = 'QUOTE'" if label == Label.QUOTE else "label != 'QUOTE'"
        clash = self._span_rows(
            article_id, annotator, f'{layer} AND start < ? AND "end" > ? AND id IS NOT ?', [end, start, ignore]
        )
        if clash:
            what = "quote" if label == Label.QUOTE else "entity span"
            raise Refused(f"it would overlap the {what} {_describe(clash[0])}")

    def _next_span_id(self) -> int:
        row = self.conn.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'spans'), 0), "
            "COALESCE((SELECT MAX(id) FROM spans), 0))"
        ).fetchone()
        return int(row[0]) + 1

    def _status_row(self, article_id: str, annotator: str) -> str:
        row = self.conn.execute(
            "SELECT status FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        ).fetchone()
        return row[0] if row else Status.TODO.value

    @contextmanager
    def _editing(self, article_id: str, annotator: str) -> Iterator[None]:
        """`write()` for an edit of one annotation, refused at once if another window changed it meanwhile."""
        with self.write():
            self._check_unchanged(article_id, annotator)
            yield

    def _check_unchanged(self, article_id: str, annotator: str) -> None:
        """Raise `Conflict` if the annotation changed since this Store last showed (`view`) or wrote it."""
        key = (article_id, annotator)
        seen = self._seen_pending.get(key, self._seen.get(key))
        if seen is not None and self.version(article_id, annotator) != seen:
            raise Conflict(
                f"{annotator}'s annotation of this article was changed in another window since it was shown here, "
                "so nothing was written"
            )

    # -- applying changes -----------------------------------------------------------------------------------

    def _apply(self, article_id: str, annotator: str, old: Row, new: Row) -> None:
        """Turn the rows in `old` into the rows in `new`: delete what `new` lacks, upsert the rest."""
        keep = {r["id"] for r in new.get("spans", [])}
        for row in old.get("spans", []):
            if row["id"] not in keep:
                self.conn.execute("DELETE FROM spans WHERE id = ?", [row["id"]])
        for row in new.get("spans", []):
            self.conn.execute(
                'INSERT OR REPLACE INTO spans (id, article_id, annotator, start, "end", label, text, speaker_start, '
                "speaker_end, suggestion_id) VALUES (:id, :article_id, :annotator, :start, :end, :label, :text, "
                ":speaker_start, :speaker_end, :suggestion_id)",
                {**row, "article_id": article_id, "annotator": annotator},
            )
        decided = {d["suggestion_id"] for d in new.get("decisions", [])}
        for row in old.get("decisions", []):
            if row["suggestion_id"] not in decided:
                self.conn.execute(
                    "DELETE FROM decisions WHERE suggestion_id = ? AND annotator = ?", [row["suggestion_id"], annotator]
                )
        for row in new.get("decisions", []):
            self.conn.execute(
                "INSERT OR REPLACE INTO decisions (suggestion_id, annotator, article_id, decision) VALUES (?, ?, ?, ?)",
                [row["suggestion_id"], annotator, article_id, row["decision"]],
            )
        if "status" in new:
            self._set_status_row(article_id, annotator, new["status"])

    def _set_status_row(self, article_id: str, annotator: str, status: str) -> None:
        now = utc_now()
        self.conn.execute(
            "INSERT INTO annotations (article_id, annotator, status, started_at, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (article_id, annotator) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
            [article_id, annotator, status, now, now],
        )

    def _commit(
        self,
        article_id: str,
        annotator: str,
        action: str,
        old: Row,
        new: Row,
        target: int | None = None,
        message: str = "",
    ) -> Edit:
        """Apply and log one change; called inside `write()`. A first edit moves the article to in progress.

        Refused with `Conflict` when another writer changed this annotation since this Store last read it.
        """
        if action != "import":
            self._check_unchanged(article_id, annotator)
        if "status" not in new and self._status_row(article_id, annotator) == Status.TODO.value:
            old, new = {**old, "status": Status.TODO.value}, {**new, "status": Status.IN_PROGRESS.value}
        if self.reviewer:  # also on an undo or redo: who pressed it, not who made the edit it repeats
            new = {**new, "reviewer": self.reviewer}
        self._apply(article_id, annotator, old, new)
        now = utc_now()
        self.conn.execute(
            "UPDATE annotations SET updated_at = ? WHERE article_id = ? AND annotator = ?", [now, article_id, annotator]
        )
        cursor = self.conn.execute(
            "INSERT INTO events (article_id, annotator, action, before, after, target, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [article_id, annotator, action, _json(old), _json(new), target, now],
        )
        event_id = int(cursor.lastrowid or 0)
        self._seen_pending[(article_id, annotator)] = event_id
        kept = {r["id"] for r in new.get("spans", [])}
        return Edit(
            event_id=event_id,
            action=action,
            spans=[annotation_span(r) for r in new.get("spans", [])],
            removed=[r["id"] for r in old.get("spans", []) if r["id"] not in kept],
            decided={
                **{d["suggestion_id"]: None for d in old.get("decisions", [])},
                **{d["suggestion_id"]: d["decision"] for d in new.get("decisions", [])},
            },
            status=Status(new["status"]) if "status" in new else None,
            message=message,
        )

    def _quotes_citing(self, article_id: str, annotator: str, actor: Row) -> list[Row]:
        return self._span_rows(
            article_id,
            annotator,
            "label = 'QUOTE' AND speaker_start = ? AND speaker_end = ?",
            [actor["start"], actor["end"]],
        )

    # -- the operations -------------------------------------------------------------------------------------

    def accept_suggestion(self, article_id: str, annotator: str, suggestion_id: int) -> Edit:
        """Make a suggestion one of the annotator's spans; a quote brings its speaker along."""
        with self._editing(article_id, annotator):
            old, new, message = self._accept(article_id, annotator, suggestion_id)
            return self._commit(article_id, annotator, "accept", old, new, message=message)

    def _accept(
        self, article_id: str, annotator: str, suggestion_id: int, next_id: int | None = None
    ) -> tuple[Row, Row, str]:
        suggestion = self._suggestion(article_id, suggestion_id)
        if self._decision(annotator, suggestion_id):
            raise Refused(f"suggestion {_describe(suggestion)} was already decided")
        self._check_free(article_id, annotator, suggestion["label"], suggestion["start"], suggestion["end"])
        span_id = next_id or self._next_span_id()
        old: Row = {"spans": [], "decisions": []}
        new: Row = {
            "spans": [{**{c: suggestion.get(c) for c in SPAN_COLUMNS}, "id": span_id, "suggestion_id": suggestion_id}],
            "decisions": [{"suggestion_id": suggestion_id, "decision": "accepted"}],
        }
        message = f"accepted {_describe(suggestion)}"
        if suggestion["speaker_start"] is not None:
            speaker = (suggestion["speaker_start"], suggestion["speaker_end"])
            actors = self._span_rows(
                article_id, annotator, "label = 'ACTOR' AND start = ? AND \"end\" = ?", list(speaker)
            )
            if not actors:
                candidates = list(
                    self._rows(
                        "SELECT id FROM suggestions g WHERE article_id = ? AND label = 'ACTOR' AND start = ? AND \"end\" = ? "
                        "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.suggestion_id = g.id AND d.annotator = ?)",
                        [article_id, *speaker, annotator],
                    )
                )
                try:
                    if not candidates:
                        raise Refused("speaker suggestion was rejected")
                    _, extra, _ = self._accept(article_id, annotator, candidates[0]["id"], span_id + 1)
                    new["spans"] += extra["spans"]
                    new["decisions"] += extra["decisions"]
                    message += " and its speaker"
                except Refused:
                    new["spans"][0].update(speaker_start=None, speaker_end=None)
                    message += " (its suggested speaker is not an accepted ACTOR, so it has none)"
        return old, new, message

    def accept_corrected(
        self,
        article_id: str,
        annotator: str,
        suggestion_id: int,
        *,
        label: Label | str | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> Edit:
        """Accept a suggestion with another label or other boundaries, as one action (one undo).

        A quote keeps its suggested speaker only when that ACTOR is already one of the annotator's spans.
        """
        with self._editing(article_id, annotator):
            suggestion = self._suggestion(article_id, suggestion_id)
            if self._decision(annotator, suggestion_id):
                raise Refused(f"suggestion {_describe(suggestion)} was already decided")
            label = Label(label or suggestion["label"])
            start = suggestion["start"] if start is None else start
            end = suggestion["end"] if end is None else end
            if end <= start:
                raise Refused("a span needs at least one character")
            text = self._text(article_id, start, end)
            self._check_tokens(article_id, start, end)
            if text != text.strip():
                raise Refused("a span may not start or end with white space")
            self._check_free(article_id, annotator, label, start, end)
            speaker = (suggestion["speaker_start"], suggestion["speaker_end"])
            if label is not Label.QUOTE or not self._span_rows(
                article_id, annotator, "label = 'ACTOR' AND start = ? AND \"end\" = ?", list(speaker)
            ):
                speaker = (None, None)
            row = {"id": self._next_span_id(), "start": start, "end": end, "label": label.value, "text": text,
                   "speaker_start": speaker[0], "speaker_end": speaker[1], "suggestion_id": suggestion_id}  # fmt: skip
            new = {"spans": [row], "decisions": [{"suggestion_id": suggestion_id, "decision": "accepted"}]}
            message = f"accepted {_describe(suggestion)} as {_describe(row)}"
            return self._commit(article_id, annotator, "accept", {"spans": [], "decisions": []}, new, message=message)

    def reject_suggestion(self, article_id: str, annotator: str, suggestion_id: int) -> Edit:
        with self._editing(article_id, annotator):
            suggestion = self._suggestion(article_id, suggestion_id)
            if self._decision(annotator, suggestion_id):
                raise Refused(f"suggestion {_describe(suggestion)} was already decided")
            new = {"decisions": [{"suggestion_id": suggestion_id, "decision": "rejected"}]}
            return self._commit(
                article_id, annotator, "reject", {"decisions": []}, new, message=f"rejected {_describe(suggestion)}"
            )

    def add_span(self, article_id: str, annotator: str, start: int, end: int, label: Label | str) -> Edit:
        """A span the annotator marked: on token boundaries, and not overlapping its own layer."""
        label = Label(label)
        if end <= start:
            raise Refused("a span needs at least one character")
        with self._editing(article_id, annotator):
            text = self._text(article_id, start, end)
            self._check_tokens(article_id, start, end)
            if text != text.strip():
                raise Refused("a span may not start or end with white space")
            self._check_free(article_id, annotator, label, start, end)
            row = {"id": self._next_span_id(), "start": start, "end": end, "label": label.value, "text": text,
                   "speaker_start": None, "speaker_end": None, "suggestion_id": None}  # fmt: skip
            return self._commit(
                article_id, annotator, "add", {"spans": []}, {"spans": [row]}, message=f"added {_describe(row)}"
            )

    def remove_span(self, article_id: str, annotator: str, span_id: int) -> Edit:
        """Remove a span; a removed suggestion counts as rejected, and quotes it spoke lose their speaker."""
        with self._editing(article_id, annotator):
            span = self._span(article_id, annotator, span_id)
            old: Row = {"spans": [span], "decisions": []}
            new: Row = {"spans": [], "decisions": []}
            if span["label"] == Label.ACTOR:
                for quote in self._quotes_citing(article_id, annotator, span):
                    old["spans"].append(quote)
                    new["spans"].append({**quote, "speaker_start": None, "speaker_end": None})
            if span["suggestion_id"] is not None:
                previous = self._decision(annotator, span["suggestion_id"])
                if previous:
                    old["decisions"].append(previous)
                new["decisions"].append({"suggestion_id": span["suggestion_id"], "decision": "rejected"})
            return self._commit(article_id, annotator, "remove", old, new, message=f"removed {_describe(span)}")

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
            if span["label"] == Label.ACTOR:
                for quote in self._quotes_citing(article_id, annotator, span):
                    old["spans"].append(quote)
                    new["spans"].append({**quote, "speaker_start": None, "speaker_end": None})
            return self._commit(
                article_id, annotator, "relabel", old, new, message=f"{_describe(span)} is now {label.value}"
            )

    def resize_span(self, article_id: str, annotator: str, span_id: int, start: int, end: int) -> Edit:
        """Move either boundary; quotes that this ACTOR speaks follow it."""
        if end <= start:
            raise Refused("a span needs at least one character")
        with self._editing(article_id, annotator):
            span = self._span(article_id, annotator, span_id)
            text = self._text(article_id, start, end)
            self._check_tokens(article_id, start, end)
            if text != text.strip():
                raise Refused("a span may not start or end with white space")
            self._check_free(article_id, annotator, span["label"], start, end, ignore=span_id)
            old, new = {"spans": [span]}, {"spans": [{**span, "start": start, "end": end, "text": text}]}
            if span["label"] == Label.ACTOR:
                for quote in self._quotes_citing(article_id, annotator, span):
                    old["spans"].append(quote)
                    new["spans"].append({**quote, "speaker_start": start, "speaker_end": end})
            return self._commit(
                article_id, annotator, "resize", old, new, message=f"{span['label']} {text!r} at {start}:{end}"
            )

    def set_speaker(self, article_id: str, annotator: str, quote_id: int, actor_id: int | None) -> Edit:
        """Link a QUOTE to the ACTOR span that said it, or clear the link with None."""
        with self._editing(article_id, annotator):
            quote = self._span(article_id, annotator, quote_id)
            if quote["label"] != Label.QUOTE:
                raise Refused(f"only a QUOTE has a speaker, not {_describe(quote)}")
            if actor_id is None:
                changed, message = {**quote, "speaker_start": None, "speaker_end": None}, "speaker cleared"
            else:
                actor = self._span(article_id, annotator, actor_id)
                if actor["label"] != Label.ACTOR:
                    raise Refused(f"a speaker must be an ACTOR span, not {_describe(actor)}")
                changed = {**quote, "speaker_start": actor["start"], "speaker_end": actor["end"]}
                message = f"speaker: {actor['text']!r}"
            return self._commit(
                article_id, annotator, "speaker", {"spans": [quote]}, {"spans": [changed]}, message=message
            )

    def accept_all(self, article_id: str, annotator: str) -> Edit:
        """Accept every pending suggestion that fits; those that would overlap are left pending and counted."""
        with self._editing(article_id, annotator):
            old: Row = {"spans": [], "decisions": []}
            new: Row = {"spans": [], "decisions": []}
            next_id, accepted, refused = self._next_span_id(), 0, 0
            for suggestion in self.pending(article_id, annotator):
                if self._decision(annotator, suggestion.id):
                    continue  # accepted above as the speaker of a quote
                try:
                    _, extra, _ = self._accept(article_id, annotator, suggestion.id, next_id)
                except Refused:
                    refused += 1
                    continue
                self._apply(article_id, annotator, {}, extra)
                new["spans"] += extra["spans"]
                new["decisions"] += extra["decisions"]
                next_id += len(extra["spans"])
                accepted += len(extra["decisions"])
            message = f"accepted {accepted} suggestion{'s' * (accepted != 1)}"
            if refused:
                message += f"; {refused} left pending because they overlap accepted spans"
            if not accepted:
                raise Refused("no suggestion could be accepted" if refused else "no pending suggestions")
            return self._commit(article_id, annotator, "accept_all", old, new, message=message)

    def set_status(self, article_id: str, annotator: str, status: Status | str) -> Edit:
        status = Status(status)
        with self._editing(article_id, annotator):
            self.article(article_id)
            current = self._status_row(article_id, annotator)
            return self._commit(
                article_id,
                annotator,
                "status",
                {"status": current},
                {"status": status.value},
                message=f"marked {status.value}",
            )

    # -- undo and redo --------------------------------------------------------------------------------------

    def _stacks(self, article_id: str, annotator: str) -> tuple[list[int], list[int]]:
        """(undoable event ids, redoable event ids), rebuilt from the log so they survive restarts."""
        done: list[int] = []
        undone: list[int] = []
        for event_id, action, _target in self.conn.execute(
            "SELECT id, action, target FROM events WHERE article_id = ? AND annotator = ? ORDER BY id",
            [article_id, annotator],
        ):
            if action == "undo":
                undone.append(done.pop())
            elif action == "redo":
                done.append(undone.pop())
            elif action != "import":
                done.append(event_id)
                undone.clear()
            else:
                done.clear()
                undone.clear()
        return done, undone

    def _event_change(self, event_id: int) -> tuple[str, Row, Row]:
        action, before, after = self.conn.execute(
            "SELECT action, before, after FROM events WHERE id = ?", [event_id]
        ).fetchone()
        return action, json.loads(before), json.loads(after)

    def undo(self, article_id: str, annotator: str) -> Edit:
        with self._editing(article_id, annotator):
            done, _ = self._stacks(article_id, annotator)
            if not done:
                raise Refused("nothing to undo")
            action, before, after = self._event_change(done[-1])
            message = f"undid {action.replace('_', ' ')}"  # "undid accept all"
            return self._commit(article_id, annotator, "undo", after, before, target=done[-1], message=message)

    def redo(self, article_id: str, annotator: str) -> Edit:
        with self._editing(article_id, annotator):
            _, undone = self._stacks(article_id, annotator)
            if not undone:
                raise Refused("nothing to redo")
            action, before, after = self._event_change(undone[-1])
            message = f"redid {action.replace('_', ' ')}"
            return self._commit(article_id, annotator, "redo", before, after, target=undone[-1], message=message)

    def applied_events(self, article_id: str, annotator: str) -> list[int]:
        """Ids of the events whose change is in effect now (not undone), oldest first, since the last import."""
        return self._stacks(article_id, annotator)[0]

    def can_undo(self, article_id: str, annotator: str) -> tuple[bool, bool]:
        done, undone = self._stacks(article_id, annotator)
        return bool(done), bool(undone)

    # -- whole annotations (import, adjudication) -----------------------------------------------------------

    def replace_annotation(
        self,
        article_id: str,
        annotator: str,
        spans: Sequence[SpanLike],
        status: Status | str,
        updated_at: str | None = None,
    ) -> Edit:
        """Set an annotator's spans and status for an article wholesale, as one "import" event.

        Call inside `write()` to make several articles one transaction. Undo does not cross an import.
        """
        with self.write():
            old: Row = {
                "spans": self._span_rows(article_id, annotator),
                "status": self._status_row(article_id, annotator),
            }
            next_id = self._next_span_id()
            new: Row = {
                "spans": [{**span_row(s), "id": next_id + i, "suggestion_id": None} for i, s in enumerate(spans)],
                "status": Status(status).value,
            }
            edit = self._commit(article_id, annotator, "import", old, new, message=f"imported {len(spans)} spans")
            if updated_at:
                self.conn.execute(
                    "UPDATE annotations SET updated_at = ? WHERE article_id = ? AND annotator = ?",
                    [updated_at, article_id, annotator],
                )
            return edit

    # -- adjudication -----------------------------------------------------------------------------------------

    def adjudicate(
        self,
        article_id: str,
        annotator: str,
        spans: Sequence[SpanLike],
        *,
        source: str,
        reviewer: str,
        region: tuple[str, int, int] | None = None,
    ) -> Edit | None:
        """Write decided spans into an adjudicated annotation (gold) as one "adjudicate" event.

        The event's `after` names `source` (whose version was taken: an annotator, or "all" for spans everyone
        agreed on) and `reviewer`. `region` (layer, start, end) replaces the spans of that layer overlapping it
        (picking a version, or changing one's mind; an empty `spans` clears it). Spans already there are left
        alone; a quote keeps its speaker only if that ACTOR span is in the result. None when nothing changes and no
        region was decided; a decided region is recorded in the event's `after` even when it changes nothing.
        """
        with self.write():
            self.article(article_id)
            current = self._span_rows(article_id, annotator)
            replaced = []
            if region is not None:
                layer, start, end = region
                replaced = [
                    r for r in current
                    if Label(r["label"]).layer == layer and r["start"] < end and start < r["end"]
                ]  # fmt: skip
            kept = [r for r in current if r not in replaced]
            have = {(r["start"], r["end"], r["label"], r["speaker_start"], r["speaker_end"]) for r in kept}
            next_id = self._next_span_id()
            added: list[Row] = []
            for span in spans:
                row = span_row(span)
                if (row["start"], row["end"], row["label"], row["speaker_start"], row["speaker_end"]) in have:
                    continue
                for other in kept + added:
                    if (
                        Label(other["label"]).layer == span.label.layer
                        and other["start"] < span.end
                        and span.start < other["end"]
                    ):
                        raise Refused(f"{_describe(row)} would overlap {_describe(other)} in {annotator}")
                added.append({**row, "id": next_id + len(added), "suggestion_id": None})
            actors = {(r["start"], r["end"]) for r in kept + added if r["label"] == Label.ACTOR}
            orphans = [
                r for r in kept
                if r["speaker_start"] is not None and (r["speaker_start"], r["speaker_end"]) not in actors
            ]  # fmt: skip
            dropped = len(orphans)
            for row in added:
                if row["speaker_start"] is not None and (row["speaker_start"], row["speaker_end"]) not in actors:
                    row.update(speaker_start=None, speaker_end=None)
                    dropped += 1
            if not added and not replaced and region is None:
                return None
            message = f"{len(added)} span(s) from {source}" + (f", {len(replaced)} replaced" if replaced else "")
            if dropped:
                message += f"; {dropped} quote(s) without their speaker, who is not decided yet"
            old: Row = {"spans": replaced + orphans}
            unlinked = [{**r, "speaker_start": None, "speaker_end": None} for r in orphans]
            new: Row = {"spans": added + unlinked, "source": source, "reviewer": reviewer}
            if region is not None:  # the decision is recorded even when it changes nothing (picking "none")
                new["region"] = list(region)
            return self._commit(article_id, annotator, "adjudicate", old, new, message=message)


def replay(events: list[Event]) -> tuple[dict[int, Row], dict[int, str], str]:
    """Rebuild one annotator's state for one article from its events alone: (spans by id, decisions, status).

    It must always equal what the tables hold; the reliability tests check that after crashes. Only a span's
    `SPAN_COLUMNS` count: `merge --prefer other` events of earlier versions also named its article and annotator.
    """
    spans: dict[int, Row] = {}
    decisions: dict[int, str] = {}
    status = Status.TODO.value
    for event in events:
        for row in event.before.get("spans", []):
            spans.pop(row["id"], None)
        spans.update({row["id"]: {c: row.get(c) for c in SPAN_COLUMNS} for row in event.after.get("spans", [])})
        for row in event.before.get("decisions", []):
            decisions.pop(row["suggestion_id"], None)
        decisions.update({row["suggestion_id"]: row["decision"] for row in event.after.get("decisions", [])})
        status = event.after.get("status", status)
    return spans, decisions, status
