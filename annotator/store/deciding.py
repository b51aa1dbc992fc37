"""Deciding on the model's suggestions: accepting one (as it is, or corrected), rejecting one, accepting all.

Each is one transaction that writes the decision, the span it makes and its event together
(`Changes._commit`); the span edits that act on the annotator's own spans are `edits.Store`'s.
"""

from __future__ import annotations

from annotator.errors import Refused
from annotator.literal import quoted
from annotator.rows import Edit
from annotator.spans import edge_problem, fit
from annotator.store.aliases import refuse_alias
from annotator.store.changes import describe
from annotator.store.connection import SPAN_COLUMNS, Row
from annotator.store.current import undecided_ids
from annotator.store.held import Held
from annotator.store.history import History
from annotator.vocabulary import GOLD, Label, Status
from annotator.wording import counted


class Deciding(History):
    """The decisions on suggestions: accept, accept corrected, reject, accept all."""

    def accept_suggestion(self, article_id: str, annotator: str, suggestion_id: int, *, retake: bool = False) -> Edit:
        """Make a suggestion one of the annotator's spans; a quote brings its speaker along. `retake`: the
        suggestion may have been rejected before (the reject is taken back)."""
        with self._editing(article_id, annotator):
            old, new, message = self._accept(article_id, annotator, suggestion_id, retake=retake)
            return self._commit(article_id, annotator, "accept", old, new, message=message)

    def _decided_before(self, annotator: str, suggestion: Row, retake: bool, held: Held | None = None) -> list[Row]:
        """The decision a new one replaces: none, or (with `retake`) a reject; anything else is refused."""
        previous = held.decisions.get(suggestion["id"]) if held else self._decision(annotator, suggestion["id"])
        if previous is None:
            return []
        if retake and previous["decision"] == "rejected":
            return [previous]
        raise Refused(f"suggestion {describe(suggestion)} was already decided")

    def _accept(
        self,
        article_id: str,
        annotator: str,
        suggestion_id: int,
        next_id: int | None = None,
        retake: bool = False,
        held: Held | None = None,
    ) -> tuple[Row, Row, str]:
        """The rows accepting a suggestion writes, and its message. `held`: an accept all's, which answers what
        the queries would (`store.held`)."""
        suggestion = held.suggestions[suggestion_id] if held else self._suggestion(article_id, suggestion_id)
        replaced = self._decided_before(annotator, suggestion, retake, held)
        # A suggestion stored by an older suggester may have edges today's span rules trim (a no-break space).
        text = self.article_text(article_id)
        fitted = fit(text, suggestion["start"], suggestion["end"], suggestion["label"])
        if fitted is None:
            problem = edge_problem(text, suggestion["start"], suggestion["end"], suggestion["label"])
            raise Refused(f"suggestion {describe(suggestion)} cannot be accepted: {problem}")
        start, end = fitted
        if held is None:
            self._check_free(article_id, annotator, suggestion["label"], start, end)
        elif held.overlaps(suggestion["label"], start, end):  # never said: accept all counts it left pending
            raise Refused("it would overlap a span")
        span_id = next_id or self.next_span_id()
        old: Row = {"spans": [], "decisions": replaced}
        row = {c: suggestion.get(c) for c in SPAN_COLUMNS} | {"start": start, "end": end, "text": text[start:end]}
        new: Row = {
            "spans": [{**row, "id": span_id, "suggestion_id": suggestion_id}],
            "decisions": [{"suggestion_id": suggestion_id, "decision": "accepted"}],
        }
        message = f"accepted {describe(suggestion)}"
        if suggestion["speaker_start"] is not None:
            speaker = (suggestion["speaker_start"], suggestion["speaker_end"])
            linked = held.actors.get(speaker) if held else self._actor_text(article_id, annotator, speaker)
            if linked is not None:  # as it stands: said all the same (trial: "accepted QUOTE ..." named no speaker)
                message += f" with speaker {quoted(linked)}"
            else:
                candidates = (
                    held.speaker_suggestions(speaker)
                    if held
                    else self._speaker_suggestions(article_id, annotator, speaker)
                )
                try:
                    if candidates:
                        _, extra, _ = self._accept(article_id, annotator, candidates[0], span_id + 1, held=held)
                        new["spans"] += extra["spans"]
                        new["decisions"] += extra["decisions"]
                        message += f" and its speaker {quoted(extra['spans'][0]['text'])}"
                    elif len(replacing := self._replacing(article_id, annotator, speaker)) == 1:
                        actor = replacing[0]  # a span marked over the suggested speaker with other edges: that one
                        new["spans"][0].update(speaker_start=actor["start"], speaker_end=actor["end"])
                        message += f" and as its speaker {describe(actor)}, the span that replaced the suggested one"
                    else:
                        raise Refused("speaker suggestion was rejected")
                except Refused:
                    new["spans"][0].update(speaker_start=None, speaker_end=None)
                    message += " (its suggested speaker is not an accepted ACTOR, so it has none)"
        return old, new, message

    def _actor_text(self, article_id: str, annotator: str, speaker: tuple[int, int]) -> str | None:
        """The text of the annotator's ACTOR span at a quote's suggested speaker, if they have one."""
        where = "label = 'ACTOR' AND start = ? AND \"end\" = ?"
        actors = self._span_rows(article_id, annotator, where, list(speaker))
        return actors[0]["text"] if actors else None

    def _speaker_suggestions(self, article_id: str, annotator: str, speaker: tuple[int, int]) -> list[int]:
        """The ACTOR suggestions at a quote's suggested speaker the annotator has not decided on, of those offered:
        never an older version's, nor a speaker whose span and label they decided on before."""
        found = self._rows(
            "SELECT id FROM suggestions g WHERE article_id = ? AND label = 'ACTOR' AND start = ? AND \"end\" = ? "
            "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.suggestion_id = g.id AND d.annotator = ?)",
            [article_id, *speaker, annotator],
        )
        offered = undecided_ids(self.conn, article_id, annotator)
        return [row["id"] for row in found if row["id"] in offered]

    def _replacing(self, article_id: str, annotator: str, speaker: tuple[int, int]) -> list[Row]:
        """The annotator's ACTOR spans over any part of a suggested speaker's offsets."""
        where = "label = 'ACTOR' AND start < ? AND \"end\" > ?"
        return self._span_rows(article_id, annotator, where, [speaker[1], speaker[0]])

    def accept_corrected(
        self,
        article_id: str,
        annotator: str,
        suggestion_id: int,
        *,
        label: Label | str | None = None,
        start: int | None = None,
        end: int | None = None,
        retake: bool = False,
    ) -> Edit:
        """Accept a suggestion with another label or other boundaries, as one action (one undo).

        A quote keeps its suggested speaker only when that ACTOR is already one of the annotator's spans.
        """
        with self._editing(article_id, annotator):
            suggestion = self._suggestion(article_id, suggestion_id)
            replaced = self._decided_before(annotator, suggestion, retake)
            label = Label(label or suggestion["label"])
            start = suggestion["start"] if start is None else start
            end = suggestion["end"] if end is None else end
            text = self._span_text(article_id, start, end, label)
            self._check_free(article_id, annotator, label, start, end)
            speaker = (suggestion["speaker_start"], suggestion["speaker_end"])
            if label is not Label.QUOTE or not self._span_rows(
                article_id, annotator, "label = 'ACTOR' AND start = ? AND \"end\" = ?", list(speaker)
            ):
                speaker = (None, None)
            row = {"id": self.next_span_id(), "start": start, "end": end, "label": label.value, "text": text,
                   "speaker_start": speaker[0], "speaker_end": speaker[1], "suggestion_id": suggestion_id}  # fmt: skip
            # its new edges decide the pending suggestions they cover, as an add does
            covered, covered_note = self._replaced(article_id, annotator, [row], accepted=suggestion_id)
            accepted = {"suggestion_id": suggestion_id, "decision": "accepted"}
            new = {"spans": [row], "decisions": [accepted, *covered]}
            same_place = (start, end) == (suggestion["start"], suggestion["end"])
            message = f"accepted {describe(suggestion)}"
            if not same_place:
                message += f" as {describe(row)}"
            elif label.value != suggestion["label"]:  # what became of the suggestion, as undo and redo say it
                was = ", rejected before," if replaced else ""
                message = (
                    f"relabelled {describe(suggestion)}, now {label.value}; the suggestion{was} is accepted with the "
                    "new label"
                )
            if speaker[0] is not None:  # kept: said, as accepting it as it is says it
                message += f" with speaker {quoted(self.article_text(article_id)[speaker[0] : speaker[1]])}"
            message += covered_note
            return self._commit(
                article_id, annotator, "accept", {"spans": [], "decisions": replaced}, new, message=message
            )

    def reject_suggestion(self, article_id: str, annotator: str, suggestion_id: int) -> Edit:
        with self._editing(article_id, annotator):
            suggestion = self._suggestion(article_id, suggestion_id)
            if self._decision(annotator, suggestion_id):
                raise Refused(f"suggestion {describe(suggestion)} was already decided")
            new = {"decisions": [{"suggestion_id": suggestion_id, "decision": "rejected"}]}
            return self._commit(
                article_id, annotator, "reject", {"decisions": []}, new, message=f"rejected {describe(suggestion)}"
            )

    def accept_all(self, article_id: str, annotator: str, *, done: bool = False, done_settles: bool = True) -> Edit:
        """Accept every pending suggestion that fits; those that would overlap are left pending and counted.
        `done`: and mark the article done, in the same action (one undo), when none is left pending.
        `done_settles` False: on an article marked done too (`annotator accept` naming it), what would be pending
        were it not done; it stays done. Nothing accepted is `Refused`: nothing is written, no event, no restamp.
        A name renamed away is refused before the rows are written (`aliases`; re-trial s54 t9 S6: the decisions it
        wrote first made it no alias by the time `_commit` asked)."""
        with self._editing(article_id, annotator):
            if annotator != GOLD:
                refuse_alias(self.conn, annotator, article_id)
            old: Row = {"spans": [], "decisions": []}
            new: Row = {"spans": [], "decisions": []}
            next_id, accepted, refused = self.next_span_id(), 0, 0
            held = Held(self.conn, article_id, annotator, done_settles=done_settles)  # read once (G1)
            for suggestion in self.pending(article_id, annotator, done_settles=done_settles):
                if suggestion.id in held.decisions:
                    continue  # accepted above as the speaker of a quote
                try:
                    _, extra, _ = self._accept(article_id, annotator, suggestion.id, next_id, held=held)
                except Refused:  # pending no more when a span accepted here covers it (`store.current.is_pending`)
                    refused += held.pending(suggestion.id)
                    continue
                self._apply(article_id, annotator, {}, extra)
                held.record(extra)
                new["spans"] += extra["spans"]
                new["decisions"] += extra["decisions"]
                next_id += len(extra["spans"])
                accepted += len(extra["decisions"])
            message = f"accepted {counted(accepted, 'suggestion')}"
            if refused:
                message += f"; {refused} left pending because they overlap accepted spans"
            if not accepted:
                raise Refused("no suggestion could be accepted" if refused else "no pending suggestions")
            already_done = self._status_row(article_id, annotator) == Status.DONE.value
            if done and not refused and not already_done:  # as `set_status` marks it: a flag's reason goes with it
                old["status"], new["status"] = self._status_row(article_id, annotator), Status.DONE.value
                old["flag_reason"], new["flag_reason"] = self.flag_reason(article_id, annotator), None
                message += " and marked the article done"
            return self._commit(article_id, annotator, "accept_all", old, new, message=message, applied=True)
