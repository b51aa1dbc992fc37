"""The keys of the screen model (`screen.Screen`): what each key does to the cursor, the selection, the current
item and the annotation, as `annotator/tui/screens/` (article.py, annotate.py, speaker.py, prompts.py) do it."""

from __future__ import annotations

from annotator import motion, phrases
from annotator.edges import EdgeRefused, move_edge
from annotator.figure_labels import label_misfit
from annotator.speaker_offers import offer_place
from keyplan.items import (
    ACTOR,
    FORWARDED,
    JUMP_KEYS,
    KEY_LABELS,
    NAVIGATION_KEYS,
    QUOTE,
    RANK,
    ItemKey,
    Refused,
    Span,
    SpeakerChoice,
    _order,
)


class Keys:
    """`press` and what it calls; a part of `screen.Screen` (its state and indexes live there)."""

    # -- keys ----------------------------------------------------------------------------------------------

    def press(self, key: str) -> str | None:
        """Do what the key does; the kind of work it did, or None if it did nothing."""
        if self.asking_done:
            return self._done_key(key)
        if self.choosing is not None:
            return self._speaker_key(key)
        if self.jumping is not None:
            return self._jump_key(key)
        if key in JUMP_KEYS:
            if not self.tokens:
                return None
            self.jumping = JUMP_KEYS[key]
            return "navigation"
        if key in NAVIGATION_KEYS:
            target = self.navigate(self.nav_state, key)  # any move also drops the selection
            if target is None or (target == self.nav_state and self.anchor is None):
                return None
            self.cursor, self.current, self.column = target
            self.anchor = self.phrase_origin = None
            return "navigation"
        if key in ("shift+right", "shift+left"):
            if not self.tokens:
                return None
            if self.anchor is None:
                self.anchor = self.cursor
            self.cursor = min(max(self.cursor + (1 if key == "shift+right" else -1), 0), len(self.tokens) - 1)
            self.current = self.column = self.phrase_origin = None
            return "select"
        if key == "v":
            return self._phrase()
        if key == "quotation_mark":
            return self._quotation()
        if key == "escape":
            if self.anchor is None:
                return None
            self.anchor = self.phrase_origin = None
            self.current = self.item_at(self.cursor)
            return "select"
        if key == "enter":
            return self._accept_key()
        if key in ("x", "delete"):
            return self._reject_key()
        if key in KEY_LABELS:
            return self._label_key(KEY_LABELS[key])
        if key in ("left_square_bracket", "right_square_bracket", "left_curly_bracket", "right_curly_bracket"):
            return self._boundary_key(key)
        if key == "s":
            return self._speaker_start()
        if key == "A":
            return self._edit(self._accept_all, "accept all", accept_all=True)
        if key == "asterisk":
            current = self.current
            if current is None or current[0] != "span" or self.anchor is not None:
                return None
            return self._edit(self._elsewhere, "elsewhere", current[1])
        if key == "d":  # `EditingScreen`: it asks while suggestions are pending or a quote has no speaker
            if self.asks_on_done:
                self.asking_done = True
                return "done"
            self.status = "done"
            return "done"
        return None

    def _jump_key(self, char: str) -> str | None:
        """The character after t or T: `CursorScreen._jumped` (any move drops the selection)."""
        step, self.jumping = self.jumping, None
        assert step is not None
        token = motion.next_starting(self.text, self.tokens, self.cursor, char, step)
        if token == self.cursor:
            return None
        self.cursor, self.current, self.column = token, self.item_at(token), None
        self.anchor = self.phrase_origin = None
        return "navigation"

    def _select(self, first: int, last: int) -> None:
        self.anchor, self.cursor = first, last
        self.current = self.column = None

    def _phrase(self) -> str | None:
        if not self.tokens:
            return None
        origin = self.phrase_origin if self.phrase_origin is not None else self.cursor
        selection = (self.anchor, self.cursor) if self.anchor is not None else None
        found = phrases.grow(self.text, self.tokens, selection, origin)
        if found is None:
            return None
        self._select(*found)
        self.phrase_origin = origin
        return "select"

    def _quotation(self) -> str | None:
        if not self.tokens:
            return None
        quote = self.quote_at[self.cursor]
        between = phrases.between_marks(self.text, self.tokens, self.cursor) if quote is None else None
        if between is not None:  # `CursorScreen.action_quotation`: on a mark, the quote between the marks
            quotes = [key for key, item in self.items.items() if item.is_quote and item.overlaps(*between)]
            quote = min(quotes, key=lambda k: (RANK[k[0]], self.items[k].start, k[1])) if quotes else None
        if quote is not None and self.anchor is None and self.current != quote:
            self.current = quote
            self.cursor = self.token_index(self.items[quote].start)
            self.anchor = self.column = self.phrase_origin = None
            return "navigation"
        found = phrases.quotation(self.text, self.tokens, self.cursor)
        if found is None:
            return None
        self._select(*found)
        self.phrase_origin = None
        return "select"

    def _done_key(self, key: str) -> str | None:
        if key == "l":
            self.asking_done = False
            self.status = "done"
            return "done"
        if key == "escape":
            self.asking_done = False
            return "done"
        if key == "a":  # accept all, then done; a plan never needs it when suggestions would stay pending after it
            trial = self.clone()
            trial.asking_done = False
            if trial._edit(trial._accept_all, "accept all") is None or trial.pending_count:
                return None
            self.asking_done = False
            self._edit(self._accept_all, "accept all", accept_all=True)
            self.status = "done"
            return "done"
        return None

    def _after(
        self, current: ItemKey | None, decided: tuple | None, removed: Span | None, made_quote: bool = False
    ) -> None:
        """The screen after a committed edit: `AnnotateScreen._after` (auto-advance on); `made_quote`: on a quote's
        first word what the cursor is on is current (`AnnotateScreen._onto_start`)."""
        self.just_added = None
        if self.speaker_check is not None and self.speaker_check[0] != current:
            self.speaker_check = None
        self.current = current if current in self.items else None
        self.anchor = self.phrase_origin = self.column = None
        if decided is not None:
            new = self.item(self.current)
            after = _order(self.current, new) if new is not None and self.current else decided[0]
            following = self._next_needing(after, decided[1], 1, inclusive=True)
            if following is not None:
                self.current = following
        item = self.item(self.current)
        if item is not None:
            self.cursor = self.token_index(item.start)
            if made_quote:
                self.current = self.item_at(self.cursor)
        elif removed is not None:
            self.cursor = self.token_index(removed.start)
        if item is None:
            self.current = self.item_at(self.cursor)

    def _edit(
        self, edit, kind: str, *args, decided=None, removed=None, accept_all=False, made_quote=False
    ) -> str | None:
        """Run an edit; on success reindex and place the current item as the screen does."""
        before = self.current
        self.made = []
        try:
            new_current = edit(*args)
        except Refused:
            return None
        self._reindex()
        if accept_all:
            first = self._next_needing(None, 0, 1)
            new_current = first if first is not None else (before if before in self.items else None)
        self._after(new_current, decided, removed, made_quote)
        return kind

    def _decided(self, key: ItemKey) -> tuple:
        item = self.items[key]
        return (_order(key, item), item.start)

    def _ask_speaker(self, kind: str | None) -> str | None:
        """`AnnotateScreen._ask_speaker_of_new_quote`: a quote just made without a speaker opens the choice."""
        made: ItemKey | None = ("span", self.made[0]) if kind is not None and self.made else None
        item = self.item(made)  # the edit's new span: the cursor may be on an entity at its start
        if made is not None and item is not None and item.is_quote and item.speaker is None:
            self._open_choice(made)
        return kind

    def _accept_key(self) -> str | None:
        key = self.current
        if self.anchor is None and key is not None and self.speaker_check is not None and key == self.speaker_check[0]:
            return self._speaker_kept(key)
        if self.anchor is not None or key is None or key[0] != "pending":
            return None
        kind = self._edit(self._accept_suggestion, "accept", key[1], decided=self._decided(key))
        return self._speaker_along(self._ask_speaker(kind))

    def _speaker_along(self, kind: str | None) -> str | None:
        """`AnnotateScreen._after_accepting`: a quote accepted with its suggested speaker ACTOR makes that ACTOR
        current (no going on), and enter there (`_speaker_kept`) goes on."""
        if kind is None or len(self.made) < 2:
            return kind
        quote, speaker = self.spans[self.made[0]], self.spans[self.made[1]]
        if quote.label != QUOTE or speaker.label != "ACTOR" or quote.speaker != (speaker.start, speaker.end):
            return kind
        key: ItemKey = ("span", self.made[1])
        self.current, self.cursor = key, self.token_index(speaker.start)
        self.speaker_check = (key, ("span", self.made[0]))
        return kind

    def _speaker_kept(self, key: ItemKey) -> str | None:
        """`AnnotateScreen._speaker_kept`: on to the next item still to decide after the quote (or after the speaker,
        when it stands before its quote), if any."""
        quote_key = self.speaker_check[1] if self.speaker_check is not None else None
        self.speaker_check = None
        item = self.items[key]
        quote = self.items.get(quote_key) if quote_key is not None else None
        origin_key, origin = (quote_key, quote) if quote is not None and quote.start < item.start else (key, item)
        following = self._next_needing(_order(origin_key, origin), origin.start, 1)
        if following is not None:
            self.current, self.cursor = following, self.token_index(self.items[following].start)
            self.anchor = self.phrase_origin = self.column = None
        return "navigation"

    def _reject_key(self) -> str | None:
        key = self.current
        if self.anchor is not None:
            self.anchor = self.phrase_origin = None
            self.current = self.item_at(self.cursor)
            return "select"
        if key is None or key not in self.items:
            return None
        if key[0] == "pending":
            return self._edit(self._reject_suggestion, "reject", key[1], decided=self._decided(key))
        return self._edit(self._remove_span, "remove", key[1], removed=self.spans[key[1]])

    def _label_key(self, label: str) -> str | None:
        key, item = self.current, self.item(self.current)
        same_layer = item is not None and item.is_quote == (label == QUOTE)
        if self.anchor is None and item is not None and same_layer and not item.is_quote and item.label != label:
            words = (self.token_index(item.start), self.token_index(max(item.end - 1, item.start)))
            if label_misfit(self.text, self.tokens, words[0], label, words):
                return None  # `preview.relabels`: a digit relabels only words it would add with that label
        if self.anchor is None and item is not None and key is not None and same_layer:
            if key[0] == "span":
                return self._edit(self._relabel, "relabel", key[1], label)
            decided = self._decided(key)
            if item.label == label:
                kind = self._edit(self._accept_suggestion, "accept", key[1], decided=decided)
                return self._speaker_along(self._ask_speaker(kind))
            kind = self._edit(self._accept_corrected, "relabel", key[1], label, item.start, item.end, decided=decided)
            return self._ask_speaker(kind)
        if not self.tokens:
            return None
        selection = self.selection()
        selected = selection is not None
        candidate = False
        if selection is None:
            if label != QUOTE and phrases.no_phrase(self.text, self.tokens, self.cursor):
                return None  # `AnnotateScreen.action_label`: a pronoun or a function word alone is refused
            candidate = label != QUOTE and self.candidates[self.cursor]
            found = phrases.at_cursor(self.text, self.tokens, self.cursor, label, self.covered.__getitem__)
            if found is None or (label != QUOTE and label_misfit(self.text, self.tokens, self.cursor, label, found)):
                return None  # `AnnotateScreen.action_label`: a QUOTE key with no quotation around or after is refused,
                # and (`refused_at_cursor`) a number alone for an ACTOR or a LOCATION, no number for a FIGURE
            first, last = found
            selection = (self.tokens[first][0], self.tokens[last][1])
        resized = self._resized(selection, label, selected)
        if resized is not None and self.spans[resized].label == label:  # `AnnotateScreen.action_label`: the words
            kind = self._edit(self._resize, "boundary", resized, *selection)  # take in one span of the label
        elif resized is not None:  # selected words over one span of another label: it takes them and the label
            kind = self._edit(self._resize, "relabel", resized, *selection, label)
        else:
            kind = self._edit(self._add, "add", *selection, label, made_quote=label == QUOTE)
        if kind is not None and candidate:  # `AnnotateScreen._next_candidate`: on to the next place ; stops at,
            self._go_on(selection)  # or to the item still to decide before it
        return self._ask_speaker(kind)

    def _resized(self, words: tuple[int, int], label: str, any_label: bool = False) -> int | None:
        """`ArticleModel.resized`: the id of the entity span a label key resizes to these words."""
        if label == QUOTE:
            return None
        held = [(i, span) for i, span in self.spans.items() if not span.is_quote and span.overlaps(*words)]
        found = phrases.grown(*words, label, [(span.start, span.end, span.label) for _, span in held], any_label)
        return next((i for i, span in held if (span.start, span.end) == found), None)

    def _go_on(self, added: tuple[int, int]) -> None:
        """`AnnotateScreen._next_candidate`: after a digit added the phrase where ; stops, the nearer of the next
        such place and the next item still to decide after the span added (its item current)."""
        last = self.token_index(max(added[1] - 1, added[0]))
        following = self.next_candidate[last]
        span_key, span = self.current, self.item(self.current)
        waiting = None
        if span_key is not None and span is not None:
            after = _order(span_key, span)
            waiting = self._next_needing(after, span.start, 1)
            if waiting is not None and _order(waiting, self.items[waiting]) <= after:
                waiting = None  # wrapped round to the article's start
        if waiting is not None:
            token = self.token_index(self.items[waiting].start)
            if following == last or token <= following:
                self.just_added = (span_key, token) if span_key is not None else None
                self.cursor, self.current = token, waiting
                return
        if following != last:
            self.just_added = (self.current, following) if self.current is not None else None
            self.cursor, self.current = following, self.entity_at[following]  # never the quote around it

    def _boundary_key(self, key: str) -> str | None:
        side = "start" if key in ("left_square_bracket", "right_square_bracket") else "end"
        step = -1 if key in ("left_square_bracket", "left_curly_bracket") else 1
        if self.anchor is not None:
            low, high = sorted((self.anchor, self.cursor))
            if side == "start":
                low += step
            else:
                high += step
            if low < 0 or high >= len(self.tokens) or low > high:
                return None
            self.anchor, self.cursor = low, high
            self.current = self.column = None
            return "select"
        current, item = self.current, self.item(self.current)
        if item is None or current is None:
            return None
        try:
            start, end = move_edge(self.text, self.tokens, item.start, item.end, item.label, side, step)
        except EdgeRefused:
            return None
        if current[0] == "pending":
            return self._edit(self._accept_corrected, "boundary", current[1], item.label, start, end)
        return self._edit(self._resize, "boundary", current[1], start, end)

    # -- the speaker choice ----------------------------------------------------------------------------------

    def speaker_candidates(self, quote: Span) -> list[ItemKey]:
        """`ArticleModel.speaker_candidates`: ACTOR spans and pending ACTOR suggestions, in the order
        `speaker_offers.offer_place` gives them, a span before an equally near suggestion."""
        place = offer_place(self.text, self.tokens, (quote.start, quote.end), quote.speaker)

        def offered(key: ItemKey) -> tuple[int, int, int, int]:
            actor = self.items[key]
            return (*place(actor.start, actor.end), RANK[key[0]], actor.start)

        actors = [key for key, item in self.items.items() if item.label == ACTOR]
        accepted = {(self.items[k].start, self.items[k].end) for k in actors if k[0] == "span"}
        actors = [k for k in actors if k[0] == "span" or (self.items[k].start, self.items[k].end) not in accepted]
        return sorted(actors, key=offered)

    def _speaker_start(self) -> str | None:
        key = self.current
        if key is not None and self.speaker_check is not None and key == self.speaker_check[0]:
            key = self.speaker_check[1]  # `AnnotateScreen.action_speaker`: on the speaker, its quote's
        if key is None or not self.items[key].is_quote:
            key = self.quote_at[self.cursor] if self.tokens else None
        if key is None:
            return None
        if key[0] == "pending":
            quote_key: ItemKey | None = None

            def accept() -> ItemKey:
                nonlocal quote_key
                quote_key = self._accept_suggestion(key[1])
                return quote_key

            if self._edit(accept, "speaker") is None or quote_key is None:
                return None
            key = quote_key
        self._open_choice(key)
        return "speaker"

    def _open_choice(self, key: ItemKey) -> None:
        quote = self.items[key]
        candidates = self.speaker_candidates(quote)
        index = next(
            (i for i, a in enumerate(candidates) if (self.items[a].start, self.items[a].end) == quote.speaker), 0
        )
        self.current, self.cursor = key, self.token_index(quote.start)
        self.anchor = self.column = self.phrase_origin = None
        self.choosing = SpeakerChoice(key[1], candidates, index, candidates[index] if candidates else None)

    def _speaker_key(self, key: str) -> str | None:
        choice = self.choosing
        assert choice is not None
        if key in ("tab", "shift+tab"):
            if not choice.candidates:
                return None
            if choice.candidate in choice.candidates:
                choice.index = (choice.index + (1 if key == "tab" else -1)) % len(choice.candidates)
            choice.candidate = choice.candidates[choice.index]
            self.anchor = None
            self.cursor = self.token_index(self.items[choice.candidate].start)
            return "speaker"
        if key in FORWARDED:
            saved = self.choosing
            self.choosing = None
            kind = self.press(key)
            self.choosing = saved
            if kind is None:
                return None
            if self.anchor is None:
                under = self.item_at(self.cursor)
                if under is not None and self.items[under].label == ACTOR:
                    choice.candidate = under
                    if under in choice.candidates:
                        choice.index = choice.candidates.index(under)
                else:
                    choice.candidate = None
            return "speaker"
        if key == "escape":
            if self.anchor is not None:
                self.anchor = self.phrase_origin = None
                self.current = self.item_at(self.cursor)
                return "speaker"
            self.choosing = None
            self.anchor = None
            self.cursor = self.token_index(self.spans[choice.quote].start)
            self.current = self.item_at(self.cursor)  # `AnnotateScreen._onto_start`
            return "speaker"
        target: object
        if key == "enter":
            selection = self.selection()
            target = selection if selection is not None else choice.candidate
            if target is None:
                return None
        elif key in ("x", "delete"):
            target = "none"
        elif key == "1":
            selection = self.selection()
            if selection is None and choice.candidate is not None and choice.candidate == self.item_at(self.cursor):
                target = choice.candidate
            elif selection is None:
                found = phrases.at_cursor(self.text, self.tokens, self.cursor, "ACTOR", self.covered.__getitem__)
                if phrases.no_phrase(self.text, self.tokens, self.cursor) or label_misfit(
                    self.text, self.tokens, self.cursor, "ACTOR", found
                ):
                    return None  # `SpeakerScreen._refused_at_cursor`: what 1 refuses outside the choice
                target = (self.tokens[found[0]][0], self.tokens[found[1]][1])
            else:
                target = selection
        else:
            return None
        self.choosing = None
        return self._edit(self._set_speaker, "speaker", choice.quote, target, made_quote=True)
