"""The annotate screen: the article screen with every editing key.

Every edit goes through the Store, which commits it with its event before returning; only then does the
screen mirror the returned `Edit` in its model and redraw the lines it touched. A refused edit changes
nothing and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from annotator.errors import AnnotatorError, Conflict
from annotator.tui.layout import display
from annotator.tui.model import Item, ItemKey
from annotator.tui.screens.article import ArticleScreen
from annotator.vocabulary import Label, Status

if TYPE_CHECKING:
    from annotator.rows import Edit
    from annotator.tui.screens.speaker import Choice

LABEL_KEYS = {"1": Label.ACTOR, "2": Label.LOCATION, "3": Label.FIGURE, "4": Label.QUOTE}


class AnnotateScreen(ArticleScreen):
    """Read one article and accept or correct every highlight by keyboard (or mouse)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_span", "Next", id="next_span"),
        Binding("shift+tab", "previous_span", "Previous", show=False, id="previous_span"),
        Binding("enter", "accept", "Accept", id="accept"),
        Binding("x,delete", "reject", "Reject", id="reject"),
        *(
            Binding(key, f"label('{label.value}')", label.value.title(), show=False, id=f"label_{label.value.lower()}")
            for key, label in LABEL_KEYS.items()
        ),
        Binding("left", "move(-1)", "Token left", show=False, id="cursor_left"),
        Binding("right", "move(1)", "Token right", show=False, id="cursor_right"),
        Binding("up", "move_line(-1)", "Line up", show=False, id="cursor_up"),
        Binding("down", "move_line(1)", "Line down", show=False, id="cursor_down"),
        Binding("shift+left", "extend(-1)", "Select left", show=False, id="select_left"),
        Binding("shift+right", "extend(1)", "Select right", show=False, id="select_right"),
        Binding("left_square_bracket", "boundary('start', -1)", "Start left", show=False, id="start_left"),
        Binding("right_square_bracket", "boundary('start', 1)", "Start right", show=False, id="start_right"),
        Binding("left_curly_bracket", "boundary('end', -1)", "End left", show=False, id="end_left"),
        Binding("right_curly_bracket", "boundary('end', 1)", "End right", show=False, id="end_right"),
        Binding("s", "speaker", "Speaker", id="speaker"),
        Binding("A", "accept_all", "Accept all", show=False, id="accept_all"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("ctrl+r,U", "redo", "Redo", show=False, id="redo"),
        Binding("d", "finish('done')", "Done", id="done"),
        Binding("S", "finish('skipped')", "Skip article", show=False, id="skip"),
        Binding("F", "finish('flagged')", "Flag article", show=False, id="flag"),
        Binding("n", "article(1)", "Next article", show=False, id="next_article"),
        Binding("p", "article(-1)", "Previous article", show=False, id="previous_article"),
        Binding("l", "articles", "Article list", show=False, id="articles"),
        Binding("escape", "cancel", "Cancel", show=False, id="cancel"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    # -- committing through the Store ------------------------------------------------------------------------

    def _commit(self, operation: Callable[..., Edit], *args: object, **kwargs: object) -> Edit | None:
        """Run one Store edit; mirror it only once it is committed, or explain why it was refused."""
        try:
            edit = operation(self.article_id, self.annotator_app.annotator, *args, **kwargs)
        except AnnotatorError as error:
            reloaded = ""
            if isinstance(error, Conflict):  # another window changed this annotation: show its changes now
                self.load(self.article_id)
                reloaded = "; it is reloaded with those changes: try again"
            self.notify(str(error), title="Not done", severity="warning", timeout=4)
            self.status_line.say(Text(f"Not done: {error}{reloaded}", style="bold red", no_wrap=True))
            return None
        changed = self.model.apply(edit)
        self.view.refresh_ranges(changed)
        self.legend.show(self.model)
        return edit

    def _after(self, edit: Edit | None, current: ItemKey | None) -> None:
        if edit is None:
            return
        self.current = current if current in self.model.items else None
        self.selection_start = None
        item = self.model.get(self.current)
        if item is not None:
            self.cursor = self.model.token_index(item.start)
        self.view.set_marks(self._marks())
        self.view.follow(self._offset())
        self.panel.point(self.model, self.current, self._offset())
        self.status_line.say(Text(edit.message, style="green", no_wrap=True))

    # -- the edits --------------------------------------------------------------------------------------------

    def action_accept(self) -> None:
        item = self.model.get(self.current)
        if item is None or not item.pending:
            self.status_line.say("Nothing to accept here: tab goes to the next suggestion", "yellow")
            return
        edit = self._commit(self.annotator_app.store.accept_suggestion, item.id)
        self._after(edit, ("span", edit.spans[0].id) if edit and edit.spans else None)

    def action_reject(self) -> None:
        store = self.annotator_app.store
        item = self.model.get(self.current)
        if item is None:
            self.status_line.say("No span here to reject or remove", "yellow")
            return
        operation = store.reject_suggestion if item.pending else store.remove_span
        self._after(self._commit(operation, item.id), None)

    def action_label(self, label: str) -> None:
        store, new = self.annotator_app.store, Label(label)
        item = self.model.get(self.current)
        if self.selection_start is None and item is not None:
            if item.pending and item.label is new:
                edit = self._commit(store.accept_suggestion, item.id)
            elif item.pending:
                edit = self._commit(store.accept_corrected, item.id, label=new)
            else:
                edit = self._commit(store.relabel_span, item.id, new)
                self._after(edit, item.key)
                return
            self._after(edit, ("span", edit.spans[0].id) if edit and edit.spans else None)
            return
        if not self.model.tokens:
            return
        start, end = self._selection() or self.model.token_range(self.cursor, self.cursor)
        edit = self._commit(store.add_span, start, end, new)
        self._after(edit, ("span", edit.spans[0].id) if edit and edit.spans else None)

    def action_boundary(self, side: str, step: int) -> None:
        item = self.model.get(self.current)
        if item is None:
            self.status_line.say("Go to a span first (tab), then [ ] move its start and { } its end", "yellow")
            return
        tokens, model = self.model.tokens, self.model
        first, last = model.token_index(item.start), model.token_index(item.end - 1)
        if side == "start":
            first += step
        else:
            last += step
        if first < 0 or last >= len(tokens) or first > last:
            self.status_line.say("A span needs at least one token inside the article", "yellow")
            return
        start, end = tokens[first].start, tokens[last].end
        store = self.annotator_app.store
        if item.pending:
            edit = self._commit(store.accept_corrected, item.id, start=start, end=end)
            self._after(edit, ("span", edit.spans[0].id) if edit and edit.spans else None)
        else:
            self._after(self._commit(store.resize_span, item.id, start, end), item.key)

    def action_speaker(self) -> None:
        item = self.model.get(self.current)
        if item is None or not item.is_quote or item.pending:
            message = "Accept the quote first (enter)" if item and item.is_quote else "Go to a QUOTE first (tab)"
            self.status_line.say(message, "yellow")
            return
        actors = self.model.actors()
        if not actors:
            self.notify("Mark the speaker as an ACTOR first (1)", title="No ACTOR spans", severity="warning")
            return
        index = next((i for i, a in enumerate(actors) if (a.start, a.end) == item.speaker), None)
        if index is None:
            before = [i for i, a in enumerate(actors) if a.end <= item.start]
            index = before[-1] if before else 0
        from annotator.tui.screens.speaker import SpeakerScreen

        quote = item.key
        self.app.push_screen(
            SpeakerScreen(actors, index, self._point_at_speaker), lambda choice: self._speaker_chosen(quote, choice)
        )

    def _point_at_speaker(self, candidate: Item) -> None:
        """The speaker screen's candidate: highlighted in the text, in view, and named in the status line."""
        self.speaker_candidate = candidate
        self._redraw(follow=False)
        self.view.follow(candidate.start)

    def _speaker_chosen(self, quote: ItemKey, choice: Choice | None) -> None:
        self.speaker_candidate = None
        if choice == "quit":
            self.save_cursor()
            self.app.exit()
        elif choice == "cancel" or choice is None:
            self.status_line.say("Speaker unchanged", "dim")
            self._redraw()
        else:
            actor = None if choice == "none" else choice
            self._after(self._commit(self.annotator_app.store.set_speaker, quote[1], actor), quote)

    def action_accept_all(self) -> None:
        self._after(self._commit(self.annotator_app.store.accept_all), self.current)

    def action_undo(self) -> None:
        self._undo_redo(self.annotator_app.store.undo)

    def action_redo(self) -> None:
        self._undo_redo(self.annotator_app.store.redo)

    def _undo_redo(self, operation: Callable[..., Edit]) -> None:
        edit = self._commit(operation)
        if edit is None:
            return
        if edit.spans:
            self._after(edit, ("span", edit.spans[0].id))
        else:
            pending: list[ItemKey] = [("pending", i) for i, decision in edit.decided.items() if decision is None]
            self._after(edit, pending[0] if pending else None)

    def action_finish(self, status: str) -> None:
        """Mark the article done, skipped or flagged, and open the next one still to do."""
        title = display(self.model.title) or self.article_id
        if self._commit(self.annotator_app.store.set_status, Status(status)) is None:
            return
        self.notify(f"{title}: {status}", title="Marked", timeout=3)
        next_id = self.annotator_app.next_article(self.article_id, 1, to_do=True)
        if next_id is None:
            self.notify("No article is left to do (see the list's statuses).", title="Nothing left")
            self.action_articles()
            return
        self.load(next_id)
