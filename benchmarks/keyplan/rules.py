"""The Store's rules in the screen model (`screen.Screen`): what `annotator/store/edits.py` and
`annotator/spans.py` allow and what an edit changes."""

from __future__ import annotations

from annotator import motion
from annotator.spans import edge_problem, fit
from keyplan.items import ACTOR, QUOTE, ItemKey, Refused, Span


class StoreRules:
    """The edits, checked as the Store checks them; a part of `screen.Screen`."""

    # -- the Store's rules (annotator/store/edits.py, annotator/spans.py) ----------------------------------

    def _check_free(self, label: str, start: int, end: int, ignore: int | None = None) -> None:
        quote = label == QUOTE
        for span_id, span in self.spans.items():
            if span_id != ignore and span.is_quote == quote and span.overlaps(start, end):
                raise Refused(f"it would overlap {span}")

    def _check_bounds(self, start: int, end: int, label: str) -> None:
        """`Changes._span_text`: the span rules, then token boundaries."""
        problem = edge_problem(self.text, start, end, label)
        if problem:
            raise Refused(problem)
        if self.tokens and (start not in self.starts_set or end not in self.token_ends):
            raise Refused("not on token boundaries")

    def _replace(self, *spans: Span) -> None:
        """`Changes._replaced`: undecided suggestions of a new (or grown, or relabelled) span's layer that it
        overlaps are rejected as replaced, but one with exactly its offsets and label."""
        for span in spans:
            for sid in list(self.undecided):
                suggestion = self.suggestions[sid]
                if (
                    suggestion.is_quote == span.is_quote
                    and suggestion.overlaps(span.start, span.end)
                    and suggestion.key != span.key
                ):
                    self.undecided.discard(sid)
                    self.replaced.add(sid)

    def _free(self) -> None:
        """`Store._freed`: a suggestion rejected as replaced that no span of its layer covers any more (the span
        removed, shrunk off it or relabelled into the other layer) is pending again."""
        for sid in list(self.replaced):
            suggestion = self.suggestions[sid]
            if not any(
                s.is_quote == suggestion.is_quote and s.overlaps(suggestion.start, suggestion.end)
                for s in self.spans.values()
            ):
                self.replaced.discard(sid)
                self.undecided.add(sid)

    def _take(self, span_id: int) -> None:
        """`Store._matched`: a span an edit (resize, relabel) leaves with exactly the words and label of a pending
        suggestion, or of one rejected as replaced, is that suggestion, accepted; one rejected by hand stays."""
        span = self.spans[span_id]
        if self.origin.get(span_id) is not None:
            return
        for sid in sorted(self.undecided | self.replaced):
            if self.suggestions[sid].key == span.key:
                self.undecided.discard(sid)
                self.replaced.discard(sid)
                self.origin[span_id] = sid
                return

    def _new_span(self, span: Span, suggestion: int | None) -> int:
        span_id = self.next_id
        self.next_id += 1
        self.made.append(span_id)
        self.spans[span_id] = span
        self.origin[span_id] = suggestion
        return span_id

    def _acceptance(self, sid: int) -> list[tuple[int, Span]]:
        """What accepting a suggestion writes: [(suggestion, span)], its speaker's suggestion included."""
        if sid not in self.undecided:
            raise Refused("already decided")
        suggestion = self.suggestions[sid]
        fitted = fit(self.text, suggestion.start, suggestion.end, suggestion.label)
        if fitted is None:
            raise Refused("bad edges")
        start, end = fitted
        self._check_free(suggestion.label, start, end)
        written = [(sid, Span(start, end, suggestion.label, suggestion.speaker))]
        if suggestion.speaker is not None and self.actor_at(suggestion.speaker) is None:
            s_start, s_end = suggestion.speaker
            candidates = sorted(
                i
                for i in self.undecided
                if self.suggestions[i].label == ACTOR
                and (self.suggestions[i].start, self.suggestions[i].end) == (s_start, s_end)
            )
            try:
                if candidates:
                    written += self._acceptance(candidates[0])
                elif len(replacing := self._replacing(s_start, s_end)) == 1:  # as `Store._replacing`: that span
                    written[0] = (sid, Span(start, end, suggestion.label, (replacing[0].start, replacing[0].end)))
                else:
                    raise Refused("speaker suggestion was rejected")
            except Refused:
                written[0] = (sid, Span(start, end, suggestion.label, None))
        return written

    def _replacing(self, start: int, end: int) -> list[Span]:
        """The ACTOR spans over any part of a suggested speaker's offsets."""
        return [span for span in self.spans.values() if span.label == ACTOR and span.start < end and start < span.end]

    def _accept_suggestion(self, sid: int) -> ItemKey:
        first = None
        for decided, span in self._acceptance(sid):
            self.undecided.discard(decided)
            span_id = self._new_span(span, decided)
            first = first or span_id
        return ("span", first)  # type: ignore[return-value]

    def _accept_corrected(self, sid: int, label: str, start: int, end: int) -> ItemKey:
        if sid not in self.undecided:
            raise Refused("already decided")
        suggestion = self.suggestions[sid]
        self._check_bounds(start, end, label)
        self._check_free(label, start, end)
        speaker = suggestion.speaker if label == QUOTE and self.actor_at(suggestion.speaker) is not None else None
        self.undecided.discard(sid)
        self._replace(Span(start, end, label))  # its new edges decide what they cover, as an add does
        return ("span", self._new_span(Span(start, end, label, speaker), sid))

    def _reject_suggestion(self, sid: int) -> None:
        if sid not in self.undecided:
            raise Refused("already decided")
        self.undecided.discard(sid)

    def _add(self, start: int, end: int, label: str) -> ItemKey:
        self._check_bounds(start, end, label)
        self._check_free(label, start, end)
        self._replace(Span(start, end, label))
        return ("span", self._new_span(Span(start, end, label), None))

    def _unlink_quotes_of(self, actor: Span, moved_to: tuple[int, int] | None = None) -> None:
        for span_id, span in self.spans.items():
            if span.is_quote and span.speaker == (actor.start, actor.end):
                self.spans[span_id] = Span(span.start, span.end, span.label, moved_to)

    def _remove_span(self, span_id: int) -> None:
        span = self.spans.pop(span_id)
        if span.label == ACTOR:
            self._unlink_quotes_of(span)
        self.origin.pop(span_id)  # a removed suggestion counts as rejected: it stays decided
        self._free()

    def _relabel(self, span_id: int, label: str) -> ItemKey:
        span = self.spans[span_id]
        if span.label == label:
            raise Refused(f"it is already {label}")
        self._check_free(label, span.start, span.end, ignore=span_id)
        self.spans[span_id] = Span(span.start, span.end, label, span.speaker if label == QUOTE else None)
        self._replace(self.spans[span_id])
        self._free()
        self._take(span_id)
        if span.label == ACTOR:
            self._unlink_quotes_of(span)
        return ("span", span_id)

    def _resize(self, span_id: int, start: int, end: int, label: str | None = None) -> ItemKey:
        """`Store.resize_span`, with `label` another entity label in the same edit."""
        span = self.spans[span_id]
        label = label or span.label
        self._check_bounds(start, end, label)
        self._check_free(label, start, end, ignore=span_id)
        self.spans[span_id] = Span(start, end, label, span.speaker if label == span.label else None)
        self._replace(self.spans[span_id])
        self._free()
        self._take(span_id)
        if span.label == ACTOR:
            self._unlink_quotes_of(span, moved_to=(start, end) if label == ACTOR else None)
        return ("span", span_id)

    def _set_speaker(self, quote: int, target: object) -> ItemKey:
        """`Store.set_speaker`: no speaker, an ACTOR span, a pending ACTOR suggestion (accepted), new offsets."""
        span = self.spans[quote]
        speaker: tuple[int, int] | None
        if target == "none":
            speaker = None
        elif isinstance(target, tuple) and isinstance(target[0], int):
            start, end = target
            self._check_bounds(start, end, ACTOR)
            self._check_free(ACTOR, start, end)
            self.spans[quote] = Span(span.start, span.end, span.label, (start, end))
            self._replace(Span(start, end, ACTOR))
            self._new_span(Span(start, end, ACTOR), None)
            return ("span", quote)
        elif target[0] == "pending":  # type: ignore[index]
            written = self._acceptance(target[1])  # type: ignore[index]
            for decided, actor in written:
                self.undecided.discard(decided)
                self._new_span(actor, decided)
            speaker = (written[0][1].start, written[0][1].end)
        else:
            actor = self.spans[target[1]]  # type: ignore[index]
            speaker = (actor.start, actor.end)
        self.spans[quote] = Span(span.start, span.end, span.label, speaker)
        return ("span", quote)

    def _elsewhere(self, span_id: int) -> ItemKey:
        """`Store.add_elsewhere`."""
        span = self.spans[span_id]
        if span.is_quote:
            raise Refused("quote")
        added: list[tuple[int, int]] = []
        have = {s.key for s in self.spans.values()}
        pending = [self.suggestions[s] for s in self.undecided if not self.suggestions[s].is_quote]
        pending = [g for g in pending if g.key not in have]
        for start, end in motion.occurrences(self.text, self.tokens, span.start, span.end):
            same = any(g.key == (start, end, span.label) for g in pending)
            if not same and any(g.start < end and start < g.end for g in pending):
                continue  # it would cut into a pending suggestion, which the person decides on its own
            try:
                self._check_bounds(start, end, span.label)
                self._check_free(span.label, start, end)
            except Refused:
                continue
            if any(s < end and start < e for s, e in added):
                continue
            added.append((start, end))
        if not added:
            raise Refused("nowhere else")
        self._replace(*(Span(start, end, span.label) for start, end in added))
        for start, end in added:
            self._new_span(Span(start, end, span.label), None)
        return ("span", span_id)

    def _accept_all(self) -> None:
        have = {span.key for span in self.spans.values()}
        pending = sorted(
            (s for s in self.undecided if self.suggestions[s].key not in have),
            key=lambda s: (self.suggestions[s].start, self.suggestions[s].end, s),
        )
        accepted = 0
        for sid in pending:
            if sid not in self.undecided:
                continue  # accepted above as the speaker of a quote
            try:
                written = self._acceptance(sid)
            except Refused:
                continue
            for decided, span in written:
                self.undecided.discard(decided)
                self._new_span(span, decided)
            accepted += len(written)
        if not accepted:
            raise Refused("no suggestion could be accepted")
