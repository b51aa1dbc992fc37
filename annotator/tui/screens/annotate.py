"""The annotate screen: the article screen with every editing key.

Every edit goes through the Store, which commits it with its event before returning; only then does the
screen mirror the returned `Edit` in its model, redraw the lines it touched and move the view to what
changed (`screens.editing`, with the keys that end work on the article). A refused edit changes nothing and says
why. After a decision on a suggestion (accept, reject, relabel) the cursor goes on to the next item still needing
a decision, and after a label key added the phrase where `;` stops, to the next such place, unless the keymap file
turns `auto_advance` off. A quote's speaker (`s`, the ACTOR an accepted quote brings along) is `screens.speaking`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType

from annotator import phrases, stops
from annotator.edges import EdgeRefused, move_edge
from annotator.literal import quoted
from annotator.tui.bindings import ARTICLE, EDITING, MOVING, SELECTING
from annotator.tui.items import ItemKey
from annotator.tui.layout import display
from annotator.tui.preview import refused, refused_at_cursor, relabels
from annotator.tui.screens.reloading import retried
from annotator.tui.screens.speaking import SpeakingScreen
from annotator.vocabulary import Label
from annotator.wording import clipped, status_words

if TYPE_CHECKING:
    from annotator.rows import Edit

#: What the line of an undo or redo says, from its edit (`AnnotateScreen._undo_redo`).
Worded = Callable[["Edit"], str]


class AnnotateScreen(SpeakingScreen):
    """Read one article and accept or correct every highlight by keyboard (or mouse)."""

    BINDINGS: ClassVar[list[BindingType]] = [*MOVING, *SELECTING, *EDITING, *ARTICLE]

    # -- the edits --------------------------------------------------------------------------------------------

    @retried("current")
    def action_accept(self) -> None:
        item = self.model.get(self.current)
        if self.selection_start is not None:
            self.say("A selection has no label yet: 1-4 add it as ACTOR, LOCATION, FIGURE or QUOTE", "yellow")
            return
        if item is not None and self.speaker_check is not None and item.key == self.speaker_check[0]:
            self._speaker_kept(item)
            return
        kept = item is not None and item.kind == "span" and not (item.is_quote and item.speaker is None)
        if item is not None and kept and self.annotator_app.settings.auto_advance:  # on, as after any decision
            self._going_on(item, f"kept {item.label.value} {quoted(item.text)} at {item.start}:{item.end}")
            return  # (trial s55 t10 T7: after a resize it said "Nothing to accept: it is accepted already", stayed)
        if item is None or item.kind == "span":
            hint = "it is accepted already" if item else "nothing is under the cursor"
            if item is not None and item.is_quote and item.speaker is None:
                hint += " (it has no speaker: s chooses one)"
            self.say(f"Nothing to accept: {hint}; tab goes to the next suggestion", "yellow")
            return
        edit = self._commit(self.annotator_app.store.accept_suggestion, item.id, retake=item.rejected)
        self._after_accepting(edit, item)

    @retried("current")
    def action_reject(self) -> None:
        store = self.annotator_app.store
        item = self.model.get(self.current)
        if self.selection_start is not None:  # x acts on an item, never on a selection's words: say so
            self.action_cancel()
            self.say(self._selection_cleared(), "yellow")
            return
        if item is None or item.rejected:
            self.say("Rejected already" if item else "No span or suggestion under the cursor to reject", "yellow")
            return
        operation = store.reject_suggestion if item.pending else store.remove_span
        self._after(self._commit(operation, item.id), None, decided=item if item.pending else None)

    def _selection_cleared(self) -> str:
        """What x with a selection did (cleared it) and what x pressed again acts on: the item under the cursor."""
        item = self.model.get(self.current)
        if item is None or item.rejected:
            return (
                "Selection cleared, nothing removed: x rejects the suggestion or removes the span under the cursor, "
                "and there is none here"
            )
        what = f"{item.label.value} {quoted(item.text)} at {item.start}:{item.end}"
        if item.pending:
            return f"Selection cleared, nothing rejected: x again rejects the suggestion {what} under the cursor"
        return f"Selection cleared, nothing removed: x again removes the span {what} under the cursor"

    @retried("current")
    def action_label(self, label: str) -> None:
        store, new = self.annotator_app.store, Label(label)
        item = self.model.get(self.current)
        same_layer = item is not None and item.is_quote == (new is Label.QUOTE) and relabels(self.model, item, new)
        if self.selection_start is None and item is not None and same_layer:  # else: add one inside or around it
            if item.kind == "span":
                self._after(self._commit(store.relabel_span, item.id, new), item.key)
                return
            if item.label is new:
                edit = self._commit(store.accept_suggestion, item.id, retake=item.rejected)
            else:
                edit = self._commit(store.accept_corrected, item.id, label=new, retake=item.rejected)
            self._after_accepting(edit, item)
            return
        if not self.model.tokens:
            return
        selection, note = self._selection(), ""
        selected = selection is not None  # words the user chose: a span they take in may change its label too
        if selection is not None and new is Label.QUOTE:  # the words between the marks (the guide, the gold)
            selection, note = self._quote_selection()
            if selection is None:
                self.say(
                    "Not added: the selection is quotation marks alone; a quote is the words between them", "yellow"
                )
                return
        candidate = False  # where ; stops: a pass over missed names goes on to the next one
        if selection is None:  # the phrase (or, for a QUOTE, the quotation) under the cursor
            model = self.model
            keymap = self.annotator_app.keymap
            misfit = refused_at_cursor(model, self.cursor, new, keymap, item) if new is not Label.QUOTE else None
            if misfit is not None:  # a word alone that is no mention, a number alone, a FIGURE with no number
                self.say(misfit, "yellow")
                return
            candidate = new is not Label.QUOTE and stops.is_candidate(
                model.text, model.tokens, self.cursor, lambda index: model.marked(*model.tokens[index])
            )
            found = phrases.at_cursor(
                model.text, model.tokens, self.cursor, new, lambda index: model.spanned(*model.tokens[index])
            )
            if found is None:  # only a QUOTE: no quotation around the cursor or after it (trial 25)
                self.say("Not added: no quotation marks around the cursor or after it in this paragraph; 4 adds a "
                         "quote over the quotation around the cursor, or v selects words and 4 marks them", "yellow")  # fmt: skip
                return
            selection = model.token_range(*found)
        resized = self.model.resized(*selection, new, any_label=selected)
        refusal = refused(self.model, *selection, new, resized) if selected else None
        if refusal is not None:  # as the "Selected ..." line said (`preview.refused`)
            self.say(f"Not {'resized' if resized is not None else 'added'}: {refusal.reason}", "yellow")
            return
        if resized is not None and resized.label is new:  # the words take in one span of this label: it grows to
            edit = self._commit(store.resize_span, resized.id, *selection)  # them (trial 21)
        elif resized is not None:  # selected words over one span of another label: it takes them and the label
            edit = self._commit(store.resize_span, resized.id, *selection, label=new)  # (trial 23)
        else:
            edit = self._commit(store.add_span, *selection, new)
        if self._speaker_shown(edit, note):  # words of a pending quote: it is accepted, and its speaker with it
            return
        advance = self._next_candidate(edit) if candidate and self.annotator_app.settings.auto_advance else None
        self._after(edit, self._new_span(edit), advance_to=advance, made_quote=new is Label.QUOTE, note=note)
        self._ask_speaker_of_new_quote(edit, note.removeprefix("; ").capitalize())

    def _next_candidate(self, edit: Edit | None) -> tuple[int, ItemKey | None] | None:
        """After a label key added the phrase at a place `;` stops at, where the pass goes on (as a decision goes on
        to the next suggestion), so that each mention costs one key: the next such place, or the next item still to
        decide when it comes first (`ArticleModel.going_on`). `,` goes back to the span just added."""
        if edit is None or not edit.spans:
            return None
        model, added = self.model, edit.spans[0]
        last = model.token_index(max(added.end - 1, added.start))
        found = stops.next_candidate(
            model.text, model.tokens, last, 1, lambda index: model.marked(*model.tokens[index])
        )
        return model.going_on(("span", added.id), None if found == last else found)

    @retried("current")
    def action_boundary(self, side: str, step: int) -> None:
        if self.selection_start is not None:
            self._move_selection_edge(side, step)
            return
        item = self.model.get(self.current)
        if item is None:
            self.say("Nothing under the cursor: [ ] move a span's start and { } its end", "yellow")
            return
        try:
            start, end = move_edge(self.model.text, self.model.tokens, item.start, item.end, item.label, side, step)
        except EdgeRefused as refused:
            self.say(f"Not moved: {refused}", "yellow")
            return
        store = self.annotator_app.store
        if item.kind == "span":  # refused, it says what the span is (trial 40b: a second [ hid what the first did)
            stands = f"{item.label.value} {quoted(item.text)} at {item.start}:{item.end} is as it was"
            self._after(self._commit(store.resize_span, item.id, start, end, as_it_stands=stands), item.key)
        else:
            edit = self._commit(store.accept_corrected, item.id, start=start, end=end, retake=item.rejected)
            self._after(edit, self._new_span(edit))

    def _move_selection_edge(self, side: str, step: int) -> None:
        low, high = sorted((self.selection_start or 0, self.cursor))
        if side == "start":
            low += step
        else:
            high += step
        if low < 0 or high >= len(self.model.tokens) or low > high:
            self.say("The selection cannot shrink below one token or leave the article", "yellow")
            return
        self._select(low, high)

    @retried("current")
    def action_elsewhere(self) -> None:
        item = self.model.get(self.current)
        if item is None or item.kind != "span":
            item = self.added_behind()  # the span a label key added before moving on
        if item is None or item.kind != "span":
            self.say("Go to an accepted span first: * marks its words everywhere else with its label", "yellow")
            return
        self._after(self._commit(self.annotator_app.store.add_elsewhere, item.id), item.key)

    @retried("pending")
    def action_accept_all(self) -> None:
        edit = self._commit(self.annotator_app.store.accept_all)
        if edit is None:
            return
        first = self.model.next_needing(None, 0, 1) if self.annotator_app.settings.auto_advance else None
        self._after(edit, first.key if first else self.current if self.current in self.model.items else None)

    @retried("history")
    def action_undo(self) -> None:
        """Undo here; right after `d` (`S`, `F`) opened this article, on the one it marked, which opens again
        (trial: `u` undid an older change here and left the done mark)."""
        app, left = self.annotator_app, self.left_done
        marked = left[0] if left is not None and left[1] == self.article_id else None
        back = app.store.undo_goes_back(self.article_id, app.annotator, marked)
        if back == self.article_id or left is None:
            self._undo_redo(app.store.undo)
            return
        self.load(back)
        self.went_back = (back, left[2])
        title = display(clipped(self.model.title or back, 40))
        words = status_words(left[2])
        note = f", on {quoted(title)}, the article just marked {words} (ctrl+r marks it {words} again and goes on)"
        self._undo_redo(app.store.undo, note)

    @retried("history")
    def action_redo(self) -> None:
        self._undo_redo(self.annotator_app.store.redo)

    def _undo_redo(self, operation: Callable[..., Edit], note: str = "", words: Worded | None = None) -> None:
        """Undo or redo, and go to what it changed: the span it put back, the suggestion pending again, or the
        place of the span it took away. On the article the first `u` after `d` went back to, a redo that marks it
        done again goes on to the next one to do, as `d` did. `words`: what its line says of it (else its message)."""
        edit = self._commit(operation)
        if edit is None:
            return
        back = self.went_back
        redone = back is not None and back[0] == self.article_id and operation == self.annotator_app.store.redo
        if redone and back is not None and edit.status is back[1]:
            self._finished(back[1], redone=edit.message)
            return
        edit = replace(edit, message=(words(edit) if words else edit.message) + note)
        if edit.spans:
            self._after(edit, ("span", min(edit.spans, key=lambda s: s.start).id))
            return
        again = (self.model.pending_for(i) for i, decision in edit.decided.items() if decision is None)
        shown = [key for key in again if key is not None]
        self._after(edit, min(shown, key=lambda k: self.model.items[k].start) if shown else None)
