"""The annotate screen: one article, a token cursor, the current span, and every editing key.

Every edit goes through the Store, which commits it with its event before returning; only then does the
screen mirror the returned `Edit` in its model and redraw the lines it touched. A refused edit changes
nothing and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from annotator.errors import AnnotatorError, Conflict
from annotator.tui.layout import display
from annotator.tui.model import ArticleModel, Item, ItemKey
from annotator.tui.widgets.article_view import ArticleView, Marks
from annotator.tui.widgets.bars import KeyBar, TitleBar
from annotator.tui.widgets.info import Legend, StatusLine
from annotator.tui.widgets.span_panel import SpanPanel, describe
from annotator.vocabulary import Label, Status

if TYPE_CHECKING:
    from annotator.rows import ArticleRows, Edit
    from annotator.tui.app import AnnotatorApp

LABEL_KEYS = {"1": Label.ACTOR, "2": Label.LOCATION, "3": Label.FIGURE, "4": Label.QUOTE}
SPEAKER_ACTIONS = {"next_span", "previous_span", "accept", "reject", "cancel", "help", "quit"}
CURSOR_SAVE_SECONDS = 2.0
WIDE_SCREEN = 110  # columns from which the side panel is wide
SIDE_WIDTHS = (28, 40)  # narrow, wide


@dataclass
class SpeakerChoice:
    """Choosing the speaker of a quote: the ACTOR candidates and which one is highlighted."""

    quote: ItemKey
    candidates: list[Item]
    index: int


class AnnotateScreen(Screen[None]):
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

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.model: ArticleModel
        self.cursor = 0  # token index
        self.selection_start: int | None = None  # token index where a selection started (not `anchor`: a Widget method)
        self.current: ItemKey | None = None
        self.choosing: SpeakerChoice | None = None
        self._cursor_saved = -1

    @property
    def annotator_app(self) -> AnnotatorApp:
        from annotator.tui.app import AnnotatorApp  # imported by now: the app module imports this screen

        app = self.app
        assert isinstance(app, AnnotatorApp)
        return app

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield from self.side_widgets()
        yield StatusLine(id="status")
        yield KeyBar()

    def side_widgets(self) -> ComposeResult:
        """What the side panel holds; the review screen adds its disagreements."""
        yield Legend(id="legend")
        yield SpanPanel(id="spans")

    def _fit_side(self, width: int) -> None:
        """The side panel's width for this screen width (set directly: a breakpoint class restyles every widget)."""
        self.side.styles.width = SIDE_WIDTHS[width >= WIDE_SCREEN]

    def on_resize(self, event: events.Resize) -> None:
        self._fit_side(event.size.width)

    def on_mount(self) -> None:
        self.side = self.query_one("#side")
        self._fit_side(self.app.size.width)
        self.view = self.query_one(ArticleView)
        self.panel = self.query_one(SpanPanel)
        self.legend = self.query_one(Legend)
        self.status_line = self.query_one(StatusLine)
        self.load(self.article_id)
        self.set_interval(CURSOR_SAVE_SECONDS, self.save_cursor)

    # -- loading and leaving ------------------------------------------------------------------------------------

    def load(self, article_id: str) -> None:
        """Show an article where this annotator left it; remember it as the one opened last."""
        store, who = self.annotator_app.store, self.annotator_app.annotator
        if hasattr(self, "model"):
            self.save_cursor()
        rows = store.view(article_id, who)
        self.article_id = article_id
        self.model = self.article_model(rows)
        self.cursor = self.model.token_index(rows.cursor) if self.model.tokens else 0
        self.selection_start, self.current, self.choosing = None, None, None
        self.sub_title = f"{who} · {display(rows.title)}"  # the header must not send its escapes
        self.view.show(self.model, self._marks())
        self.view.follow(self._offset())
        self.legend.show(self.model)
        store.save_cursor(article_id, who, self._offset())
        self._cursor_saved = self._offset()
        self._update_side()

    def article_model(self, rows: ArticleRows) -> ArticleModel:
        """The model of the article being opened: spans and suggestions (the review screen shows no suggestions)."""
        return ArticleModel(rows)

    def save_cursor(self) -> None:
        offset = self._offset()
        if offset != self._cursor_saved:
            self.annotator_app.store.save_cursor(self.article_id, self.annotator_app.annotator, offset)
            self._cursor_saved = offset

    def on_screen_resume(self) -> None:
        self.app.sub_title = self.sub_title or ""

    # -- the cursor, the selection and the current span ------------------------------------------------------

    def _offset(self) -> int:
        tokens = self.model.tokens
        return tokens[min(self.cursor, len(tokens) - 1)].start if tokens else 0

    def _selection(self) -> tuple[int, int] | None:
        if self.selection_start is None or not self.model.tokens:
            return None
        return self.model.token_range(self.selection_start, self.cursor)

    def _marks(self) -> Marks:
        model, item = self.model, self.model.get(self.current)
        marks = Marks(selection=self._selection())
        if model.tokens:
            token = model.tokens[min(self.cursor, len(model.tokens) - 1)]
            marks.cursor = (token.start, token.end)
        if item is not None:
            marks.current = (item.start, item.end)
            if item.is_quote and item.speaker:
                marks.speakers.append(item.speaker)
        if self.choosing is not None:
            candidate = self.choosing.candidates[self.choosing.index]
            marks.speakers = [(candidate.start, candidate.end)]
        return marks

    def _update_side(self) -> None:
        self.panel.point(self.model, self.current, self._offset())
        if self.choosing is not None:
            candidate = self.choosing.candidates[self.choosing.index]
            self.status_line.say(
                f"Speaker? {candidate.text!r}: tab/shift+tab choose, enter confirm, x none, escape cancel",
                "bold",
            )
            return
        item = self.model.get(self.current)
        if item is not None:
            line = describe(item, self.model)
            line.append("  (pending: enter accept, x reject)" if item.pending else "", "dim")
            self.status_line.say(line)
        elif self.selection_start is not None:
            self.status_line.say("Selection: press 1-4 to add a span with that label, escape to clear", "dim")
        else:
            self.status_line.say("tab: next span · ← →: move · shift+← →: select · ?: help", "dim")

    def _redraw(self, follow: bool = True) -> None:
        self.view.set_marks(self._marks())
        if follow:
            self.view.follow(self._offset())
        self._update_side()

    def _go_to(self, item: Item | None) -> None:
        if item is None:
            return
        self.current = item.key
        self.cursor = self.model.token_index(item.start)
        self.selection_start = None
        self._redraw()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.choosing is None or action in SPEAKER_ACTIONS

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

    # -- actions --------------------------------------------------------------------------------------------

    def action_next_span(self, step: int = 1) -> None:
        if self.choosing is not None:
            choice = self.choosing
            choice.index = (choice.index + step) % len(choice.candidates)
            self._redraw(follow=False)
            self.view.follow(choice.candidates[choice.index].start)
            return
        self._go_to(self.model.next_item(self.current, self._offset(), step))

    def action_previous_span(self) -> None:
        self.action_next_span(-1)

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_move_line(self, step: int) -> None:
        layout = self.view.layout_
        if layout is None or not self.model.tokens:
            return
        offset = self._offset()
        line = layout.line_of(offset)
        target = min(max(line + step, 0), len(layout) - 1)
        column = layout.lines[line].column(offset)
        self._move_to(self.model.token_index(layout.lines[target].offset_at(column)))

    def _move_to(self, token: int) -> None:
        if not self.model.tokens:
            return
        self.cursor = min(max(token, 0), len(self.model.tokens) - 1)
        self.selection_start = None
        item = self.model.item_at(self._offset(), quotes=False)
        self.current = item.key if item else None
        self._redraw()

    def action_extend(self, step: int) -> None:
        if not self.model.tokens:
            return
        if self.selection_start is None:
            self.selection_start = self.cursor
        self.cursor = min(max(self.cursor + step, 0), len(self.model.tokens) - 1)
        self.current = None
        self._redraw()

    def action_cancel(self) -> None:
        if self.choosing is not None:
            self.choosing = None
            self.status_line.say("Speaker unchanged", "dim")
            self._redraw()
        elif self.selection_start is not None:
            self.selection_start = None
            self._redraw()

    def action_accept(self) -> None:
        if self.choosing is not None:
            choice, self.choosing = self.choosing, None
            candidate = choice.candidates[choice.index]
            edit = self._commit(self.annotator_app.store.set_speaker, choice.quote[1], candidate.id)
            self._after(edit, choice.quote)
            return
        item = self.model.get(self.current)
        if item is None or not item.pending:
            self.status_line.say("Nothing to accept here: tab goes to the next suggestion", "yellow")
            return
        edit = self._commit(self.annotator_app.store.accept_suggestion, item.id)
        self._after(edit, ("span", edit.spans[0].id) if edit and edit.spans else None)

    def action_reject(self) -> None:
        store = self.annotator_app.store
        if self.choosing is not None:
            choice, self.choosing = self.choosing, None
            self._after(self._commit(store.set_speaker, choice.quote[1], None), choice.quote)
            return
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
        self.choosing = SpeakerChoice(item.key, actors, index)
        self._redraw(follow=False)
        self.view.follow(actors[index].start)

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

    def action_article(self, step: int) -> None:
        next_id = self.annotator_app.next_article(self.article_id, step)
        if next_id is not None and next_id != self.article_id:
            self.load(next_id)

    def action_articles(self) -> None:
        self.save_cursor()
        self.annotator_app.show_articles()

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.save_cursor()
        self.app.exit()

    # -- mouse ------------------------------------------------------------------------------------------------

    def on_article_view_pointed(self, message: ArticleView.Pointed) -> None:
        if self.choosing is not None or not self.model.tokens:
            return
        token = self.model.token_index(message.offset)
        if message.drag:
            if token == self.cursor and self.selection_start is None:
                return
            if self.selection_start is None:
                self.selection_start = self.cursor
            self.cursor, self.current = token, None
        else:
            self.cursor, self.selection_start = token, None
            item = self.model.item_at(message.offset)
            self.current = item.key if item else None
        self._redraw(follow=False)
