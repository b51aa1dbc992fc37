"""Undo, redo and replay, all from the event log: an undo applies an event's `before` again and a redo its
`after`; both are events themselves, so the log stays append-only, the stacks survive restarts, and replaying
the log from the start rebuilds the current state (`replay`, which `annotator check` compares with the tables).
On a screen, the last change (undo) must be the screen's own or from before it opened (`screen_events`).
"""

from __future__ import annotations

import shlex

from annotator.errors import NotFound, Refused
from annotator.literal import quoted
from annotator.rows import Edit, Event
from annotator.store.changes import again, describe
from annotator.store.connection import SPAN_COLUMNS, Row
from annotator.store.event_fit import damaged, fitting_change
from annotator.store.event_shapes import stray_problem
from annotator.store.names import WORKING_HERE, look_alike_problem, renamed_away, stored_names
from annotator.store.nothing_to import NothingExplained
from annotator.store.reads import NOT_EDITS
from annotator.store.screen_events import ElsewhereSince
from annotator.store.stacks import stacked
from annotator.store.undo_words import (
    accepted_as,
    action_words,
    as_changed,
    by_id,
    first,
    joined,
    others,
    quote_and_speaker,
    relabel_words,
    some,
    span_changes,
    speaker_followed,
    speakers_relinked,
)
from annotator.vocabulary import Status
from annotator.wording import counted, status_words


class History(NothingExplained):
    """Undo and redo of one annotator's edits on one article (on a screen, its own: `screen_events`)."""

    def _stacks(self, article_id: str, annotator: str, redo: bool = False) -> tuple[list[int], list[int]]:
        """(undoable event ids, redoable event ids), rebuilt from the log so they survive restarts; refused
        (`DamagedEvent`) when the log holds an undo or redo with nothing to act on, which no command writes."""
        done, undone, stray = stacked(
            self.conn.execute(
                "SELECT id, action FROM events WHERE article_id = ? AND annotator = ? ORDER BY id",
                [article_id, annotator],
            )
        )
        if stray is not None:
            raise damaged(self.path, stray[0], stray[1], stray_problem(stray[1]), redo)
        return done, undone

    def _event_change(self, event_id: int, article_id: str, annotator: str, redo: bool) -> tuple[str, Row, Row]:
        """The event's (action, before, after), refused (`DamagedEvent`) when it does not fit this database."""
        text = self.article_text(article_id)
        return fitting_change(self.conn, self.path, event_id, (article_id, annotator), text, redo)

    def _without_gone_suggestions(self, change: Row) -> tuple[Row, str]:
        """The rows an undo or redo puts back, less their links to suggestions that no longer exist (`annotator
        suggest` replaces those nobody decided on, and an undone accept no longer decides one): spans stay, as
        the annotator's own, and decisions on a vanished suggestion are skipped. Also a note saying so."""
        named = {s["suggestion_id"] for s in change.get("spans", []) if s.get("suggestion_id") is not None}
        named |= {d["suggestion_id"] for d in change.get("decisions", [])}
        if not named:
            return change, ""
        marks = ",".join("?" * len(named))
        present = {
            row[0] for row in self.conn.execute(f"SELECT id FROM suggestions WHERE id IN ({marks})", list(named))
        }
        gone = named - present
        if not gone:
            return change, ""
        kept = dict(change)
        if "spans" in change:
            kept["spans"] = [
                {**s, "suggestion_id": None} if s.get("suggestion_id") in gone else s for s in change["spans"]
            ]
        if "decisions" in change:
            kept["decisions"] = [d for d in change["decisions"] if d["suggestion_id"] not in gone]
        return kept, "; the suggestion it named was replaced by a later `annotator suggest`, so that link was skipped"

    def undo(self, article_id: str, annotator: str, *, only: int | None = None) -> Edit:
        """Undo the annotator's last edit on the article (on a screen, `ElsewhereSince` when another window made it
        since). `only`: the event id that edit must be, else nothing is undone (a screen taking back the edit it just
        made, as escape after `s` on a pending quote: trial 25)."""
        with self._editing(article_id, annotator):
            done, undone = self._stacks(article_id, annotator)
            if not done:
                raise self._nothing_to(article_id, annotator, redo=False, undone_here=bool(undone))
            if only is not None and done[-1] != only:
                raise Refused(f"event {only} is no longer the last edit here: u undoes the last one")
            action, before, after = self._event_change(done[-1], article_id, annotator, redo=False)
            since = self._screens_own(article_id, annotator, done[-1], False, (action, before, after))
            what = self._words(article_id, after, before, action)  # the change the undo makes: back to `before`
            before, note = self._without_gone_suggestions(before)
            message = f"undid{what}{since}{note}{self._other_side(article_id, annotator, after, done[-1], False)}"
            return self._commit(article_id, annotator, "undo", after, before, target=done[-1], message=message)

    def undo_goes_back(self, article_id: str, annotator: str, left: str | None) -> str:
        """The article `u` undoes on: `left`, the one marked done (skipped, flagged) just before this one opened in
        its place, while that mark is the last change made on either of the two here or before this screen opened
        (a Prodigy or doccano user's undo: a newcomer's trial, whose `u` undid an older change here and left the
        done mark); else this one, as undo goes per article. Another window's changes do not count, on any article
        (trial 10: its `O` on a third article sent `u` to this one, refused as that window's)."""
        if left is None or left == article_id:
            return article_id
        marks = ", ".join("?" * len(NOT_EDITS))
        latest = self.conn.execute(
            f"SELECT id, article_id FROM events WHERE annotator = ? AND article_id IN (?, ?) "
            f"AND action NOT IN ({marks}) ORDER BY id DESC",
            [annotator, left, article_id, *NOT_EDITS],
        )
        last = next((article for event_id, article in latest if self.whose(event_id) is None), None)
        return left if last == left else article_id

    def redo(self, article_id: str, annotator: str) -> Edit:
        with self._editing(article_id, annotator):
            _, undone = self._stacks(article_id, annotator, redo=True)
            if not undone:
                raise self._nothing_to(article_id, annotator, redo=True)
            action, before, after = self._event_change(undone[-1], article_id, annotator, redo=True)
            since = self._screens_own(article_id, annotator, undone[-1], True, (action, before, after))
            what = self._words(article_id, before, after, action)
            after, note = self._without_gone_suggestions(after)
            message = f"redid{what}{since}{note}{self._other_side(article_id, annotator, after, undone[-1], True)}"
            return self._commit(article_id, annotator, "redo", before, after, target=undone[-1], message=message)

    def _other_side(self, article_id: str, annotator: str, change: Row, event_id: int, redo: bool) -> str:
        """A rename's other side (`store.renaming`: one event empties the old name's work, the next fills the new
        name's) undone (`redo`: redone) with this side, so one u takes the whole move back (undone alone, one side left
        the work under neither name): when the other name's next event to undo (redo) is the rename's event beside
        this one. What the message adds ("" when this is no rename, or the other side changed since)."""
        renamed = change.get("renamed")
        given = (renamed.get("from"), renamed.get("to")) if isinstance(renamed, dict) else ()
        names = [name for name in given if isinstance(name, str)]
        if len(names) != 2 or annotator not in names:
            return ""
        other = names[1] if names[0] == annotator else names[0]
        if other == annotator:
            return ""
        self._refuse_look_alike(names, redo)
        done, undone = self._stacks(article_id, other, redo)
        stack = undone if redo else done
        if not stack or abs(stack[-1] - event_id) != 1:
            self._refuse_moved_on(article_id, other, event_id, names, done, redo)
            return ""
        _, before, after = self._event_change(stack[-1], article_id, other, redo)
        if after.get("renamed") != renamed:
            return ""
        old, new = (before, after) if redo else (after, before)
        new, _ = self._without_gone_suggestions(new)
        self._commit(article_id, other, "redo" if redo else "undo", old, new, target=stack[-1])
        back = names[1] if redo else names[0]
        return (
            f"; the rename of {quoted(names[0])} to {quoted(names[1])} with it: the work is under {quoted(back)} again"
        )

    def _refuse_look_alike(self, names: list[str], redo: bool) -> None:
        """`Refused` when the name the rename's undo (`redo`: redo) gives the work back to looks like a name that took
        work while it was renamed away (compared with none then): both would stand, which `check` and `merge` refuse
        (re-trial s54 t9 S2: alice renamed bea, Alice took work, u as bea)."""
        back, kept = (names[1], names[0]) if redo else names
        away = renamed_away(self.conn) - {back}
        present = [name for _, name, _, problem in stored_names(self.conn) if problem is None and name not in away]
        if problem := look_alike_problem(back, present, WORKING_HERE):
            rename = f"the rename of {quoted(names[0])} to {quoted(names[1])}"
            whole = (  # `Ana` renamed `ana`, undone on one article: both would stand; a rename back moves them all
                f"; `annotator rename-annotator {shlex.quote(kept)} {shlex.quote(back)}` takes it back everywhere"
                if look_alike_problem(back, [kept], WORKING_HERE)
                else ""
            )
            raise Refused(f"{rename} cannot be {'redone' if redo else 'undone'}: {problem}{whole}")

    def _refuse_moved_on(
        self, article_id: str, other: str, event_id: int, names: list[str], done: list[int], redo: bool
    ) -> None:
        """`Refused` when the rename's other side, its event beside `event_id` here, is no longer in effect as it was:
        the other name changed or renamed the work since (undo), or worked on the article since the undo (redo); one
        side alone would leave the work under two names (a trial: A->B, B->C, then u as A) or under none."""
        pair = event_id + 1 if other == names[1] else event_id - 1
        row = self.conn.execute("SELECT article_id, annotator FROM events WHERE id = ?", [pair]).fetchone()
        if row is None or tuple(row) != (article_id, other):
            return  # no side of this rename here (a database it was merged into: each side goes alone)
        if (pair in done) if redo else (pair not in done):
            return  # the other side is where this undo (redo) leaves it already
        rename = f"the rename of {quoted(names[0])} to {quoted(names[1])}"
        if redo:
            raise Refused(
                f"{rename} cannot be redone: the work of {quoted(other)} on this article changed since it was undone"
            )
        _, _, after = self._event_change(done[-1], article_id, other, redo=False)
        onward = after.get("renamed")
        to = onward.get("to") if isinstance(onward, dict) and onward.get("from") == other else None
        if isinstance(to, str):
            raise Refused(
                f"{rename} was moved on since ({quoted(other)} renamed {quoted(to)}): undo that first, as {quoted(to)}"
            )
        raise Refused(
            f"{rename} was moved on since ({quoted(other)} changed the work there): undo that first, as {quoted(other)}"
        )

    def _screens_own(
        self, article_id: str, annotator: str, event_id: int, redo: bool, change: tuple[str, Row, Row]
    ) -> str:
        """On a screen (`screen_events`): `ElsewhereSince` when the change `event_id` (`redo`: the undo of it) was last
        put in effect in another window since the screen opened; else what its message adds ("" for its own)."""
        applying = self.last_applying(article_id, annotator, event_id, redo)
        where = self.whose(applying)
        if where is None and self.before_opened(applying):
            return ", undone before this window opened" if redo else ", a change made before this window opened"
        if where is None:
            return ""
        action, before, after = change
        what = self._words(article_id, before, after, action, made=True).lstrip(": ").strip()
        last = f"undo here, of {what}" if redo else f"change here, {what}"
        full, bare = f"the last {last}, was made", f"the last {'undo' if redo else 'change'} here was made"
        if where.startswith("by "):  # a command's: from before this window opened once it is opened again
            again = f"{where} since this window opened: quit and open it again to {'redo' if redo else 'undo'} it"
            forms = [f"{full} {again}", f"{bare} {again}"]
        else:  # "by lead in another window": the reviewer who pressed the key there, when its event names them
            keys = "ctrl+r redoes" if redo else "u takes back"
            made, short, since = self.made_by(applying), self.made_by(applying, clip=20), " since this one opened"
            ways = ((full, made, since), (full, made, ""), (bare, made, since), (bare, short, since), (bare, short, ""))
            forms = [f"{head} {by}{when}: {keys} only its own" for head, by, when in ways]
        # fullest first, for a screen to say the fullest that fits its status line (the review screen's: 2 rows)
        raise ElsewhereSince(tuple(dict.fromkeys(forms)), redo=redo)

    def _words(self, article_id: str, before: Row, after: Row, action: str, made: bool = False) -> str:
        """What follows "undid" or "redid": the action and what it changes (`action_words`), an accept of a
        suggestion with another label as the relabel its label key said it was (`relabel_words`)."""
        back, gone, changed = span_changes(before, after)
        spans = back + gone
        if action == "accept" and len(spans) == 1 and not changed and spans[0].get("suggestion_id") is not None:
            suggestion_id = spans[0]["suggestion_id"]
            decision = by_id(after, "decisions", "suggestion_id").get(suggestion_id, {}).get("decision")
            try:
                relabelled = relabel_words(self._suggestion(article_id, suggestion_id), spans[0], decision)
            except NotFound:  # replaced by a later `annotator suggest`: named as the accept it is
                relabelled = ""
            if relabelled:
                return relabelled + self._decided(article_id, before, after, besides=suggestion_id, made=made)
        return action_words(action, self._what(article_id, before, after, action, made))

    def _what(self, article_id: str, before: Row, after: Row, action: str = "", made: bool = False) -> str:
        """What an undo or redo changes, from `before` to `after`, for its message: the span (or suggestion), how
        many, or the status as it was -> as it is now; for a speaker change, whose the quote is now."""
        if action == "speaker":
            return self._speaker_change(article_id, before, after, made)
        spans = self._what_spans(article_id, before, after, made)
        was, now = before.get("status", "todo"), after.get("status", "todo")
        # a first edit moves the article to in progress: not news beside the span it changed
        started = {was, now} == {"todo", "in_progress"} and bool(spans)
        status = f"{status_words(was)} -> {status_words(now)}" if was != now and not started else ""
        return joined(spans, status)

    def _speaker_change(self, article_id: str, before: Row, after: Row, made: bool = False) -> str:
        """A speaker change undone or redone, the quote first with the speaker it has now, then the ACTOR spans the
        change took away, put back or resized (team trial 39b: undo and redo both said "speaker of ACTOR 'Casicas'
        ...; QUOTE ... has its speaker again", naming neither speaker). `made`: as the person made it, for a refused
        undo (trial 10: "has its speaker ... again; ACTOR ... back, was made in another window")."""
        text = self.article_text(article_id)
        back, gone, changed = span_changes(before, after)
        parts = []
        for _, quote in (pair for pair in changed if pair[1]["label"] == "QUOTE"):
            start, end = quote.get("speaker_start"), quote.get("speaker_end")
            who = "no speaker" if start is None else f"{'the' if made else 'its'} speaker {quoted(text[start:end])}"
            parts.append(f"{describe(quote)} given {who}" if made else f"{describe(quote)} has {who} again")
        parts += [as_changed(was, now) for was, now in changed if now["label"] != "QUOTE"]
        added, removed = ("added", "removed") if made else ("back", "taken away")  # `made`: as the person made it
        parts += [f"{describe(row)} {removed}" for row in gone] + [f"{describe(row)} {added}" for row in back]
        return ": " + "; ".join(parts) + self._decided(article_id, before, after, made=made) if parts else ""

    def _what_spans(self, article_id: str, before: Row, after: Row, made: bool = False) -> str:
        """The spans the change takes away, puts back or changes (`span_changes`), and the suggestions it decides
        again (`made`: as the change decided them): what it did, not every row its event names."""
        back, gone, changed = span_changes(before, after)
        decided = {row["suggestion_id"] for row in [*before.get("decisions", []), *after.get("decisions", [])]}
        if not (back or gone or changed):
            if len(decided) > 1:
                return f" of {counted(len(decided), 'suggestion')}"
            if decided:
                try:
                    return f" of {describe(self._suggestion(article_id, next(iter(decided))))}"
                except NotFound:  # replaced by a later `annotator suggest`
                    return " of a suggestion since replaced"
            return ""
        also = self._decided(article_id, before, after, made=made)
        if len(back) + len(gone) + len(changed) == 1:
            was, now = (None, back[0]) if back else (gone[0], gone[0]) if gone else changed[0]
            return f" of {as_changed(was, now, made)}{also}"
        entities = [(was, now) for was, now in changed if was["label"] != "QUOTE"]
        quotes = [(was, now) for was, now in changed if was["label"] == "QUOTE"]
        relinked = speakers_relinked(quotes)
        if len(entities) == 1 and relinked and not (back or gone):  # a speaker ACTOR resized, its quotes following
            following = speaker_followed(*entities[0], quotes)  # they kept it: not "have their speaker again"
            return f" of {as_changed(*entities[0])}{also}; {following or relinked}"
        quote = (
            quote_and_speaker(back, made) or quote_and_speaker(gone, made)
            if not changed and not (back and gone)
            else ""
        )
        if quote:
            return quote
        speakers = speakers_relinked(changed)
        if len(back) + len(gone) == 1 and speakers:  # a speaker ACTOR taken away or back, its quotes relinked
            return f" of {describe((back or gone)[0])}{also}; {speakers}"
        if not changed and not (back and gone):  # spans added, or taken away, together
            rows = back or gone
            return f" of {describe(first(rows))} and {others(len(rows) - 1)}"
        parts = [f"{some(rows)} {what}" for rows, what in ((back, "back"), (gone, "taken away")) if rows]
        parts += [f"{some([now for _, now in changed])} changed"] if changed else []
        return " of " + " and ".join(parts)

    def _decided(self, article_id: str, before: Row, after: Row, besides: int | None = None, made: bool = False) -> str:
        """The suggestions an undo or redo decides again or makes pending again beside its span (an added span's
        replaced suggestion): "; LOCATION 'Harbour' at 4:11 is pending again"; `made`, as the change made it, for a
        refused undo: ", rejecting LOCATION 'Harbour' at 4:11" (a re-trial: "is rejected again, was made in another
        window"). Not a span's own suggestion, nor `besides`, which the message names already."""
        spans_was, spans_now = by_id(before, "spans"), by_id(after, "spans")
        # a span added or taken away with exactly its suggestion's words is that suggestion: the span says it all
        itself = {
            (row["suggestion_id"], row["start"], row["end"], row["label"])
            for rows, other in ((spans_was, spans_now), (spans_now, spans_was))
            for span_id, row in rows.items()
            if span_id not in other and row.get("suggestion_id") is not None
        }
        was, now = by_id(before, "decisions", "suggestion_id"), by_id(after, "decisions", "suggestion_id")
        notes = []
        for suggestion_id in sorted(set(was) | set(now)):
            if was.get(suggestion_id) == now.get(suggestion_id) or suggestion_id == besides:
                continue
            try:
                suggestion = self._suggestion(article_id, suggestion_id)
            except NotFound:  # replaced by a later `annotator suggest`
                continue
            if (suggestion_id, suggestion["start"], suggestion["end"], suggestion["label"]) in itself:
                continue
            decision = now.get(suggestion_id)
            notes.append((as_made if made else again)(suggestion, None if decision is None else decision["decision"]))
            if decision is not None and decision["decision"] == "accepted":
                linked = [row for row in spans_now.values() if row.get("suggestion_id") == suggestion_id]
                notes[-1] += accepted_as(suggestion, linked)
        return "".join(notes)

    def applied_events(self, article_id: str, annotator: str) -> list[int]:
        """Ids of the events whose change is in effect now (not undone), oldest first."""
        return self._stacks(article_id, annotator)[0]


def as_made(suggestion: Row, decision: str | None) -> str:
    """A suggestion a change decided, as the person made the change (`History._decided`)."""
    doing = {"accepted": "accepting", "rejected": "rejecting"}.get(decision or "")
    return f", {doing} {describe(suggestion)}" if doing else f", making {describe(suggestion)} pending again"


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
