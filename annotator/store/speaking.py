"""Linking a quote to its speaker (`Store.set_speaker`), and what words may become that speaker
(`speaker_words`), which the speaker choice asks before it closes: a refusal after it closed left the speaker the
user meant to change (a newcomer's trial, "station manager Paul Hughes" around the ACTOR "Paul Hughes")."""

from __future__ import annotations

import dataclasses

from annotator.errors import Refused
from annotator.literal import quoted
from annotator.phrases import grown
from annotator.rows import Edit
from annotator.store.changes import describe
from annotator.store.connection import Row
from annotator.store.covered import Covered
from annotator.vocabulary import Label


class Speaking(Covered):
    """Quotes' speakers: an ACTOR span, a pending ACTOR suggestion accepted, or words made an ACTOR."""

    def speaker_words(
        self, article_id: str, annotator: str, start: int, end: int, along: tuple[int, int] | None = None
    ) -> Row | None:
        """The ACTOR span that words become as a speaker: one with exactly these offsets, or the one ACTOR span
        they take in, adding words at its edges (grown to them, as a label key grows it: `phrases.grown`); None
        when they make a new ACTOR span. Refused, saying why, when they cannot be an ACTOR (the span rules, or an
        overlap with any other entity span). Writes nothing. `along`: the ACTOR suggestion that accepting a pending
        quote brings along (`accept_quote_speaking`, on enter in the speaker choice), counted as a span already."""
        self._span_text(article_id, start, end, Label.ACTOR)
        rows = self._span_rows(article_id, annotator, "label != 'QUOTE' AND start < ? AND \"end\" > ?", [end, start])
        if along is not None and along[0] < end and start < along[1]:
            text = self.article_text(article_id)
            coming = {"id": None, "start": along[0], "end": along[1], "label": Label.ACTOR.value}
            rows.append({**coming, "text": text[along[0] : along[1]], "speaker_start": None, "speaker_end": None})
        same = [r for r in rows if (r["start"], r["end"], r["label"]) == (start, end, Label.ACTOR.value)]
        if same:
            return same[0]
        found = grown(start, end, Label.ACTOR, [(r["start"], r["end"], r["label"]) for r in rows])
        grows = next((r for r in rows if (r["start"], r["end"]) == found), None)
        clash = [r for r in rows if r["id"] is None and r is not grows]  # the one coming along, not grown
        if clash:
            raise Refused(f"it would overlap {describe(clash[0])}")
        self._check_free(article_id, annotator, Label.ACTOR, start, end, ignore=grows["id"] if grows else None)
        return grows

    def set_speaker(
        self,
        article_id: str,
        annotator: str,
        quote_id: int,
        actor_id: int | None,
        *,
        suggestion_id: int | None = None,
        offsets: tuple[int, int] | None = None,
        release: int | None = None,
        release_said: bool = True,
    ) -> Edit:
        """Link a QUOTE to the ACTOR span that said it, or clear the link with None; or, as one action (one undo),
        accept a pending ACTOR suggestion (`suggestion_id`) or make words an ACTOR (`offsets`: a new span, or the
        ACTOR span they take in grown to them, `speaker_words`) and link it. `release`: the ACTOR span accepted
        along with the quote by the same key (the screen's `s` on a pending quote); a speaker other than it sends
        it back to pending in this action, unless another quote has it as speaker (team trial 39b: it stayed
        accepted, a span nobody chose)."""
        with self._editing(article_id, annotator):
            quote = self._span(article_id, annotator, quote_id)
            if quote["label"] != Label.QUOTE:
                raise Refused(f"only a QUOTE has a speaker, not {describe(quote)}")
            old: Row = {"spans": [quote], "decisions": []}
            new: Row = {"spans": [], "decisions": []}
            added = ""
            if suggestion_id is not None:
                if self._suggestion(article_id, suggestion_id)["label"] != Label.ACTOR:
                    raise Refused("a speaker must be an ACTOR")
                old_rows, new_rows, _ = self._accept(article_id, annotator, suggestion_id)
                old["decisions"] += old_rows["decisions"]
                new["spans"] += new_rows["spans"]
                new["decisions"] += new_rows["decisions"]
                actor: Row | None = new_rows["spans"][0]
                added = " (accepted as an ACTOR)"
            elif offsets is not None:
                actor, added = self._speaker_span(article_id, annotator, quote_id, offsets, old, new)
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
                message = f"speaker of {describe(quote)}: {quoted(actor['text'])}{added}"
            new["spans"].insert(0, changed)
            if release is not None and (actor is None or actor["id"] != release):
                released = self._released(article_id, annotator, quote_id, release, old)
                message += released if release_said else ""
            return self._commit(article_id, annotator, "speaker", old, new, message=message)

    def accept_quote_speaking(
        self,
        article_id: str,
        annotator: str,
        quote_suggestion: int,
        actor_id: int | None,
        *,
        retake: bool = False,
        suggestion_id: int | None = None,
        offsets: tuple[int, int] | None = None,
    ) -> Edit:
        """`s` on a pending quote, its speaker confirmed: accept the quote (a suggested speaker comes along, as with
        `accept_suggestion`) and, when another speaker was chosen (`set_speaker`'s arguments; all None: none), link
        that one instead, the one that came along pending again; in one transaction, so that both are stored or
        neither. Until then nothing is: the speaker choice writes nothing (newcomer 42k: `s` had accepted the quote
        and its speaker at once, and a window closed during the choice kept them)."""
        with self._editing(article_id, annotator), self._one_event(article_id, annotator) as logged:
            edit = self._quote_speaking(
                article_id, annotator, quote_suggestion, actor_id, retake, suggestion_id, offsets
            )
        return dataclasses.replace(edit, event_id=logged[0])  # one event: one undo takes the choice back whole

    def _quote_speaking(
        self,
        article_id: str,
        annotator: str,
        quote_suggestion: int,
        actor_id: int | None,
        retake: bool,
        suggestion_id: int | None,
        offsets: tuple[int, int] | None,
    ) -> Edit:
        """`accept_quote_speaking`'s two changes (re-trial 42s: logged as two events, one `u` left the quote accepted
        with its suggested speaker, a state nobody had seen)."""
        accepted = self.accept_suggestion(article_id, annotator, quote_suggestion, retake=retake)
        quote = accepted.spans[0]
        if suggestion_id is not None:
            row = self._suggestion(article_id, suggestion_id)
            chosen: tuple[int, int] | None = (row["start"], row["end"])
        elif actor_id is not None:
            row = self._span(article_id, annotator, actor_id)
            chosen = (row["start"], row["end"])
        else:
            chosen = offsets
        if chosen == quote.speaker:
            return accepted
        came = next((span.id for span in accepted.spans[1:] if span.label is Label.ACTOR), None)
        spoke = self.set_speaker(
            article_id,
            annotator,
            quote.id,
            actor_id,
            suggestion_id=suggestion_id,
            offsets=offsets,
            release=came,
            release_said=False,  # never shown accepted: it stays pending
        )
        quote_row = {"label": quote.label.value, "text": quote.text, "start": quote.start, "end": quote.end}
        linked = spoke.message.removeprefix(f"speaker of {describe(quote_row)}: ")
        who = "with no speaker" if chosen is None else f"with speaker {linked}"
        return accepted.then(spoke, f"accepted {describe(quote_row)} {who}")

    def _released(self, article_id: str, annotator: str, quote_id: int, span_id: int, old: Row) -> str:
        """Put the ACTOR span accepted along with a quote, and its accept, into `old` only (taken away, its
        suggestion pending again), unless another quote cites it; what the message adds."""
        span = self._span(article_id, annotator, span_id)
        if span["label"] != Label.ACTOR or span["suggestion_id"] is None:
            return ""
        if any(q["id"] != quote_id for q in self._quotes_citing(article_id, annotator, span)):
            return ""
        old["spans"].append(span)
        decision = self._decision(annotator, span["suggestion_id"])
        if decision is not None:
            old["decisions"].append(decision)
        return f"; {describe(span)}, accepted with the quote, is pending again"

    def _speaker_span(
        self, article_id: str, annotator: str, quote_id: int, offsets: tuple[int, int], old: Row, new: Row
    ) -> tuple[Row, str]:
        """The ACTOR span words become as a speaker (`speaker_words`), its rows put into `old` and `new`: a new one
        (replacing the suggestions it covers), the one there already, or the one they take in, grown to them (the
        other quotes it spoke follow it, as after a resize). It, and what the message adds: the suggestions it
        rejects as replaced too, as a label key says them (a trial from a fresh clone: they went without a word)."""
        start, end = offsets
        text = self._span_text(article_id, start, end, Label.ACTOR)
        grows = self.speaker_words(article_id, annotator, start, end)
        if grows is not None and (grows["start"], grows["end"]) == offsets:
            return grows, ""
        if grows is None:
            actor = {"id": self.next_span_id(), "start": start, "end": end, "label": Label.ACTOR.value,
                     "text": text, "speaker_start": None, "speaker_end": None, "suggestion_id": None}  # fmt: skip
            new["spans"].append(actor)
            decided, replaced = self._replaced(article_id, annotator, [actor])
            new["decisions"] += decided
            return actor, f" (added as an ACTOR){replaced}"
        actor = {**grows, "start": start, "end": end, "text": text}
        old["spans"].append(grows)
        new["spans"].append(actor)
        decided, replaced = self._replaced(article_id, annotator, [actor])
        new["decisions"] += decided
        self._matched(article_id, annotator, grows, actor, old, new)
        for other in self._quotes_citing(article_id, annotator, grows):
            if other["id"] != quote_id:
                old["spans"].append(other)
                new["spans"].append({**other, "speaker_start": start, "speaker_end": end})
        return actor, f" ({describe(grows)} grown to it){replaced}"
