"""The speakers of quotes on the annotate screen: a quote accepted with the ACTOR its suggestion names brings it
along, current to check (enter keeps it, and the cursor goes on from the quote, as after its own decision); a quote
made without one asks for one at once; `s` opens the speaker choice (`screens/speaker.py`), and the choice is
written only when confirmed (a pending quote accepted with it). Apart from `annotate.py`'s span keys because a
speaker is a decision of its own, with its own rules of where the cursor goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.literal import quoted
from annotator.tui.failures import said
from annotator.tui.items import Item, ItemKey
from annotator.tui.screens.editing import EditingScreen
from annotator.tui.screens.reloading import retried
from annotator.vocabulary import Label
from annotator.wording import clipped

if TYPE_CHECKING:
    from annotator.rows import Edit
    from annotator.tui.screens.speaker import Choice


class SpeakingScreen(EditingScreen):
    """An editing screen that links quotes to their speakers; `AnnotateScreen` adds the span keys on top."""

    def _after_accepting(self, edit: Edit | None, item: Item) -> None:
        """Show a suggestion just accepted. A quote whose suggested speaker ACTOR was accepted along makes that
        ACTOR current rather than going on past it (trial 22: a title word in "Executive Maria Fernandes" was never
        seen): a speaker is a decision too."""
        if not self._speaker_shown(edit):
            self._after(edit, self._new_span(edit), decided=item, name_next=self._speaker_marked_before(edit))
            self._ask_speaker_of_new_quote(edit)

    def _speaker_marked_before(self, edit: Edit | None) -> str:
        """What the status line adds when a quote is accepted with a speaker ACTOR marked before, seen then: it stays
        as it is, and the cursor going on as after any decision names what is current now (a newcomer's trial:
        enter, meant to keep the speaker, accepted the next suggestion unnamed); "" after any other edit."""
        quote = edit.spans[0] if edit is not None and edit.spans else None
        if quote is None or quote.label is not Label.QUOTE or quote.speaker is None:
            return ""
        return "" if self._speaker_taken_along(edit) else "; the speaker was marked before (s links another)"

    def _speaker_shown(self, edit: Edit | None, marks: str = "") -> bool:
        """Whether `edit` made a quote that brought its suggested speaker ACTOR along, which is now current and
        named (with auto-advance on: off, the cursor stays on what the key acted on, as after any edit); `marks`:
        what 4 says of the quotation marks it left out of the selection, said after that."""
        speaker = self._speaker_taken_along(edit)
        if speaker is None or edit is None or not self.annotator_app.settings.auto_advance:
            return False
        note = ", current now to check: [ ] { } change its words, x removes it, s links another speaker; enter keeps it"
        self._after(edit, speaker, note=note + marks)
        self.speaker_check = (speaker, ("span", edit.spans[0].id))
        return True

    def _speaker_taken_along(self, edit: Edit | None) -> ItemKey | None:
        """The ACTOR span an accepted quote suggestion brought along as its speaker (its own suggestion, accepted in
        the same edit); None when the quote had none, or its speaker was an ACTOR accepted before."""
        if edit is None or len(edit.spans) < 2 or edit.spans[0].label is not Label.QUOTE:
            return None
        quote = edit.spans[0]
        along = [s for s in edit.spans[1:] if s.label is Label.ACTOR and (s.start, s.end) == quote.speaker]
        return ("span", along[0].id) if along else None

    def _going_on(self, origin: Item, message: str) -> None:
        """Say `message` and go on to the next item still to decide after `origin`, or say none is left."""
        following = self.model.next_needing(origin.order, origin.start, 1)
        if following is None:
            self.say(f"{message}; nothing is left to decide: d marks the article done", "green")
            return
        self._go_to(following, keep_search=True)
        self.say(f"{message}; next: {self.still_to_decide(following)}", "green")

    def _speaker_kept(self, speaker: Item) -> None:
        """Enter on the speaker a quote brought along (`speaker_check`): it stays, and the cursor goes on to the
        next item still to decide after the quote, as after the quote's own decision: a speaker named after its
        quote stands past what the quote holds, which going on from the speaker would pass over (trial 24)."""
        quote = self.model.get(self.speaker_check[1]) if self.speaker_check is not None else None
        self.speaker_check = None
        message = f"kept the speaker {quoted(speaker.text)}"
        self._going_on(quote if quote is not None and quote.start < speaker.start else speaker, message)

    def _ask_speaker_of_new_quote(self, edit: Edit | None, note: str = "") -> None:
        """With auto-advance on, a quote just made without a speaker asks for one at once (escape leaves it), after
        `note` (what the key did beyond adding it)."""
        if edit is None or not self.annotator_app.settings.auto_advance:
            return
        item = self.model.get(self._new_span(edit))  # current, or the entity at its start (`_onto_start`)
        if item is not None and item.is_quote and item.speaker is None:
            self.open_speaker_choice(item, note)

    @retried("current")
    def action_speaker(self) -> None:
        item = self.model.get(self.current)
        if item is not None and self.speaker_check is not None and item.key == self.speaker_check[0]:
            item = self.model.get(self.speaker_check[1])  # the speaker a quote brought along: that quote's
        if item is None or not item.is_quote:
            item = self.model.quote_at(self._offset()) if self.model.tokens else None
        if item is None:
            self.say("No quote under the cursor: s links a QUOTE to its speaker", "yellow")
            return
        self.open_speaker_choice(item)  # a pending quote stays pending until a speaker is confirmed

    def open_speaker_choice(self, quote: Item, note: str = "") -> None:
        """The speaker choice for `quote`. Nothing is written before a choice is confirmed: a pending quote is
        accepted with its speaker then (`Store.accept_quote_speaking`), so escape, q or a closed window leave it
        pending (newcomer 42k: `s` had accepted it and its suggested speaker at once)."""
        from annotator.tui.screens.speaker import SpeakerScreen

        candidates = self.model.speaker_candidates(quote)
        index = next((i for i, a in enumerate(candidates) if (a.start, a.end) == quote.speaker), 0)
        self.current, self.cursor = quote.key, self.model.token_index(quote.start)
        self.selection_start, self.goal_column, self.phrase_origin = None, None, None
        self.app.push_screen(SpeakerScreen(quote, candidates, index, self, note),
                             lambda choice: self._speaker_chosen(quote.key, choice))  # fmt: skip

    @said
    @retried("current")
    def _speaker_chosen(self, quote: ItemKey, choice: Choice | None) -> None:
        self.speaker_candidate = None
        store = self.annotator_app.store
        if choice == "quit":
            self.save_cursor()
            self.app.exit()
            return
        item = self.model.get(quote)
        if choice == "cancel" or choice is None:
            self.current, self.selection_start = quote, None
            if item is not None:
                self._onto_start(item)
            pending = item is not None and item.kind != "span"
            self._redraw()
            if pending and item is not None:
                words = clipped(item.text, 40)  # as the speaker choice named it
                self.say(f"Speaker unchanged: the quote {quoted(words)} is still pending (nothing was stored)", "dim")
            else:
                self.say("Speaker unchanged", "dim")
            return
        chosen = None if choice == "none" else choice if isinstance(choice, tuple) else (choice.start, choice.end)
        if item is not None and item.kind != "span":  # a pending quote: accepted now, with the speaker chosen
            actor, arguments = self._speaker_arguments(choice)
            edit = self._commit(store.accept_quote_speaking, item.id, actor, retake=item.rejected, **arguments)
            self._after(edit, self._new_span(edit) if edit else quote, made_quote=True)
            return
        if (
            item is not None
            and chosen == item.speaker
            and (choice == "none" or isinstance(choice, tuple) or choice.kind == "span")
        ):
            self._onto_start(item)  # the speaker as it is: no edit, no undo step (trial 31: "undid speaker")
            words = clipped(item.text, 40)
            who = quoted(self.model.text[chosen[0] : chosen[1]]) if chosen else "none"
            self._redraw()  # first: a redraw shows the current item on the status line
            self.say(f"Speaker unchanged: {who} for the quote {quoted(words)}", "dim")
            return
        actor, arguments = self._speaker_arguments(choice)
        edit = self._commit(store.set_speaker, quote[1], actor, **arguments)
        self._after(edit, quote, made_quote=True)

    @staticmethod
    def _speaker_arguments(choice: Choice) -> tuple[int | None, dict[str, Any]]:
        """The speaker chosen as `Store.set_speaker` names it: an ACTOR span's id, or a pending ACTOR suggestion,
        or words (a new ACTOR, or the one they take in); all None: none."""
        if choice == "none":
            return None, {}
        if isinstance(choice, tuple):
            return None, {"offsets": choice}
        if not isinstance(choice, str) and choice.kind == "pending":
            return None, {"suggestion_id": choice.id}
        return (None if isinstance(choice, str) else choice.id), {}
