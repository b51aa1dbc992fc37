"""Committing one change to an annotation: the rows it replaces and writes, checked against the annotation
rules, applied and logged as one event in one transaction.

Every event stores the rows it replaced (`before`) and the rows it wrote (`after`), so undo, redo and replay
(`annotator.store.history`) need nothing else. The edit operations themselves are `Store`'s
(`annotator.store.edits`); gold and merges work out their changes elsewhere and commit them with `change()`.
Whether the annotation is still as this Store showed it, before any edit, is `shown`'s.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from annotator.errors import NotFound, Refused
from annotator.literal import quoted
from annotator.rows import Edit
from annotator.spans import edge_problem
from annotator.store.aliases import refuse_alias
from annotator.store.connection import SPAN_SELECT, Row, Seen, _json, annotation_span
from annotator.store.current import undecided_ids
from annotator.store.joined import composed
from annotator.store.shown import Shown
from annotator.vocabulary import GOLD, Label, Status, utc_now
from annotator.wording import counted, elided

#: Works out a change from the annotation's current span rows and the next free span id: (before, after,
#: message), or None for no change.
Compute = Callable[[list[Row], int], tuple[Row, Row, str] | None]
#: Gold's speakerless quotes an edit's new ACTOR speaks (`annotator.gold_links.speakers_for`): from the article, gold's
#: span rows as the edit leaves them and the ACTOR rows it writes, the (quote, ACTOR) pairs to link.
GoldSpeakers = Callable[[str, list[Row], list[Row]], list[tuple[Row, Row]]]


def describe(row: Row, label: bool = True, short: bool = False) -> str:
    """A span or suggestion in a message: its label (unless `label` is False), text (a long quote shortened in the
    middle; `short`, to a few words, where the article beside it shows them: a refused undo's line) and offsets."""
    head, tail = (14, 10) if short else (40, 16)
    text = row["text"] if len(row["text"]) <= head + tail + 4 else elided(row["text"], head, tail)  # trial 38c
    words = f"{quoted(text)} at {row['start']}:{row['end']}"
    return f"{row['label']} {words}" if label else words


def again(suggestion: Row, decision: str | None) -> str:
    """What an edit or an undo says of a suggestion it decides again or makes pending again: "; LOCATION 'Harbour'
    at 4:11 is pending again" (`decision` None)."""
    return f"; {describe(suggestion)} is {decision or 'pending'} again"


@lru_cache(maxsize=64)
def _boundaries(tokens_json: str | None) -> tuple[frozenset[int], frozenset[int]] | None:
    if not tokens_json:
        return None
    pairs = json.loads(tokens_json)
    return frozenset(p[0] for p in pairs), frozenset(p[1] for p in pairs)


class Changes(Shown):
    """The plumbing of every edit: reading the rows an edit replaces, checking it, committing it with its event."""

    #: Who is editing through this store on someone's behalf (the review app sets it for gold): every event it
    #: writes then names them as `reviewer`, as adjudication events always do.
    reviewer: str | None = None
    #: Set with `reviewer` (the review app): an ACTOR gold gets by hand (added, resized, relabelled) links gold's
    #: quotes without a speaker whose annotators' versions it speaks, in the same event, by the rule a pick links
    #: by (trial 39c: an ACTOR added with a label key at a speaker's boundary left the agreed quote speakerless).
    gold_speakers: GoldSpeakers | None = None
    #: The command writing through this store without a screen (`annotator accept`): every event it writes names
    #: it as `command`, so time spent (`metrics.activity.on_screen`) leaves those events out.
    command: str | None = None
    #: The changes of a `_one_event` block, logged together at its end (None outside one).
    _joining: list[tuple[str, Row, Row]] | None = None

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

    def _span_text(self, article_id: str, start: int, end: int, label: Label | str) -> str:
        """The text a span at these offsets would have: the one check of new offsets (on token boundaries, and
        the span rules of `annotator.spans`: inside the article, no line break, clean edges). Sliced in
        Python: SQLite's substr() stops at a NUL."""
        text = self.article_text(article_id)
        problem = edge_problem(text, start, end, label)
        if problem:
            raise Refused(problem)
        row = self.conn.execute("SELECT tokens FROM articles WHERE id = ?", [article_id]).fetchone()
        bounds = _boundaries(row[0] if row else None)
        if bounds is not None and (start not in bounds[0] or end not in bounds[1]):
            raise Refused(f"{start}:{end} does not fall on token boundaries")
        return text[start:end]

    def _check_free(
        self, article_id: str, annotator: str, label: str, start: int, end: int, ignore: int | None = None
    ) -> None:
        """Entity spans may not overlap each other, nor quotes each other."""
        layer = "label = 'QUOTE'" if label == Label.QUOTE else "label != 'QUOTE'"
        clash = self._span_rows(
            article_id, annotator, f'{layer} AND start < ? AND "end" > ? AND id IS NOT ?', [end, start, ignore]
        )
        if clash:  # "the quote QUOTE '...'" said the layer twice: the label names it
            raise Refused(f"it would overlap {describe(clash[0])}")

    def _replaced(
        self, article_id: str, annotator: str, rows: list[Row], accepted: int | None = None
    ) -> tuple[list[Row], str]:
        """The decisions new spans make on the undecided suggestions they cover on their own layer: rejected, as
        replaced (written in the add's own event, so one undo takes both back). Left pending, such a suggestion
        could never be accepted any more: it overlaps the span. One with exactly a new span's offsets and label is
        that span (it repeats it) and stays as it is (`add_span` accepts it instead of adding a twin); so does
        the suggestion `accepted` with new edges. Also what to tell the user. Gold takes no suggestions (the
        review screen shows none), so nothing is pending for it to decide."""
        found: dict[int, Row] = {}
        covered: set[int] = set()  # wholly inside a new span; the others it only overlaps
        if annotator == GOLD:
            return [], ""
        # an older version's, decided by others, was never offered; nor one alike a suggestion they decided on
        offered = undecided_ids(self.conn, article_id, annotator)
        for row in rows:
            layer = "g.label = 'QUOTE'" if row["label"] == Label.QUOTE else "g.label != 'QUOTE'"
            sql = (
                f'SELECT g.* FROM suggestions g WHERE g.article_id = ? AND {layer} AND g.start < ? AND g."end" > ? '
                'AND NOT (g.start = ? AND g."end" = ? AND g.label = ?) AND NOT EXISTS '
                "(SELECT 1 FROM decisions d WHERE d.suggestion_id = g.id AND d.annotator = ?) ORDER BY g.start, g.id"
            )
            params = [article_id, row["end"], row["start"], row["start"], row["end"], row["label"], annotator]
            for g in self._rows(sql, params):
                if g["id"] != accepted and g["id"] in offered:
                    found[g["id"]] = g
                    if row["start"] <= g["start"] and g["end"] <= row["end"]:
                        covered.add(g["id"])
        decisions = [{"suggestion_id": key, "decision": "rejected"} for key in found]
        if not found:
            return decisions, ""
        how = "covers" if covered == set(found) else "overlaps" if not covered else "covers or overlaps"
        if len(found) == 1:
            return (
                decisions,
                f"; the suggestion it {how}, {describe(next(iter(found.values())))}, is rejected as replaced",
            )
        return decisions, f"; the {counted(len(found), 'suggestion')} it {how} are rejected as replaced"

    def next_span_id(self) -> int:
        """The id the next new span gets (never one an event mentions, as AUTOINCREMENT guarantees)."""
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

    def _log(
        self, article_id: str, annotator: str, action: str, old: Row, new: Row, target: int | None, now: str
    ) -> int:
        """Write one event; its id."""
        cursor = self.conn.execute(
            "INSERT INTO events (article_id, annotator, action, before, after, target, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [article_id, annotator, action, _json(old), _json(new), target, now],
        )
        event_id = int(cursor.lastrowid or 0)
        self._seen_pending[(article_id, annotator)] = Seen(event_id, self.suggestions_version(article_id))
        return event_id

    @contextmanager
    def _one_event(self, article_id: str, annotator: str) -> Iterator[list[int]]:
        """Inside `_editing()`: the changes committed in this block are logged as one event, with the first one's
        action, composed by `joined.composed` (the event log is append-only: events cannot be joined after the
        fact); its id is put in the list given. Undo and redo then take the whole action back or repeat it."""
        self._joining = []
        logged: list[int] = []
        try:
            yield logged
            if self._joining:
                action, before, after = self._joining[0]
                for _, old, new in self._joining[1:]:
                    before, after = composed((before, after), (old, new))
                logged.append(self._log(article_id, annotator, action, before, after, None, utc_now()))
        finally:
            self._joining = None

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
        if "flag_reason" in new:
            self.conn.execute(
                "UPDATE annotations SET flag_reason = ? WHERE article_id = ? AND annotator = ?",
                [new["flag_reason"], article_id, annotator],
            )

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
        applied: bool = False,
        command: str | None = None,
    ) -> Edit:
        """Apply and log one change; called inside `write()` (`_editing()` for an edit, which checks that no other
        window changed the annotation). A first edit moves the article to in progress. `applied`: the rows are
        written already (`accept_all` writes them as it goes), so only a status change (and a flag reason) is left to write.
        `command`: the command this one change names (an import of work commands alone wrote), else `self.command`.
        A name a rename moved all work from is refused (`aliases`), but in the rename's own events and their undo and
        redo (which name it: `renamed`).
        """
        if annotator != GOLD and "renamed" not in old and "renamed" not in new:
            refuse_alias(self.conn, annotator, article_id)
        if annotator == GOLD and self.gold_speakers is not None and action in ("add", "resize", "relabel"):
            old, new, message = self._speakers_linked(article_id, old, new, message, self.gold_speakers)
        if "status" not in new and self._status_row(article_id, annotator) == Status.TODO.value:
            old, new = {**old, "status": Status.TODO.value}, {**new, "status": Status.IN_PROGRESS.value}
        if self.reviewer:  # also on an undo or redo: who pressed it, not who made the edit it repeats
            new = {**new, "reviewer": self.reviewer}
        elif action in ("undo", "redo") and "reviewer" in new:  # nobody named pressed it: not the edit's reviewer
            new = {key: value for key, value in new.items() if key != "reviewer"}
        if command := command or self.command:
            new = {**new, "command": command}
        elif "command" in new:  # a screen's redo of what a command did (an import's `unchecked` too): the screen's
            new = {key: value for key, value in new.items() if key not in ("command", "unchecked")}
        if applied:
            self._apply(article_id, annotator, {}, {key: new[key] for key in ("status", "flag_reason") if key in new})
        else:
            self._apply(article_id, annotator, old, new)
        now = utc_now()
        self.conn.execute(
            "UPDATE annotations SET updated_at = ? WHERE article_id = ? AND annotator = ?", [now, article_id, annotator]
        )
        if self._joining is not None:  # logged with the others of `_one_event`, as one event
            self._joining.append((action, old, new))
            event_id = 0
        else:
            event_id = self._log(article_id, annotator, action, old, new, target, now)
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

    def _speakers_linked(
        self, article_id: str, old: Row, new: Row, message: str, speakers: GoldSpeakers
    ) -> tuple[Row, Row, str]:
        """`old`, `new` and `message` with gold's quotes the edit's new ACTOR speaks linked to it (`gold_speakers`)."""
        actors = [r for r in new.get("spans", []) if r["label"] == Label.ACTOR]
        if not actors:
            return old, new, message
        written = {r["id"] for r in old.get("spans", []) + new.get("spans", [])}
        rows = [r for r in self._span_rows(article_id, GOLD) if r["id"] not in written] + new.get("spans", [])
        links = speakers(article_id, rows, actors)
        if not links:
            return old, new, message
        old = {**old, "spans": old.get("spans", []) + [quote for quote, _ in links]}
        linked = [{**quote, "speaker_start": actor["start"], "speaker_end": actor["end"]} for quote, actor in links]
        new = {**new, "spans": new.get("spans", []) + linked}
        said = "".join(
            f"; {describe(quote)} linked to {describe(actor)}, gold's ACTOR overlapping its speaker"
            for quote, actor in links
        )
        return old, new, message + said

    def _quotes_citing(self, article_id: str, annotator: str, actor: Row) -> list[Row]:
        return self._span_rows(
            article_id,
            annotator,
            "label = 'QUOTE' AND speaker_start = ? AND speaker_end = ?",
            [actor["start"], actor["end"]],
        )

    def change(
        self, article_id: str, annotator: str, action: str, compute: Compute, command: str | None = None
    ) -> Edit | None:
        """Commit a change that another module works out (gold's adjudication, a merge), as one event (`command`:
        the command it names, as `_commit` takes it).

        `compute(current span rows, next free span id)` runs inside the transaction and returns (before, after,
        message), or None when there is nothing to change.
        """
        with self._editing(article_id, annotator):
            self.article(article_id)
            found = compute(self._span_rows(article_id, annotator), self.next_span_id())
            if found is None:
                return None
            old, new, message = found
            return self._commit(article_id, annotator, action, old, new, message=message, command=command)
