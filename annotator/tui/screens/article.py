"""The article screen: one article for one annotator, a token cursor, a selection and the current span, moved
by keys and the mouse, and the article list, help and quit. It changes nothing: `AnnotateScreen` adds the edits
(and the key bindings of both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from annotator.tui.layout import display
from annotator.tui.model import ArticleModel, Item, ItemKey
from annotator.tui.screens import app_as
from annotator.tui.widgets.article_view import ArticleView, Marks
from annotator.tui.widgets.bars import KeyBar, TitleBar
from annotator.tui.widgets.info import Legend, StatusLine
from annotator.tui.widgets.span_panel import SpanPanel, describe

if TYPE_CHECKING:
    from annotator.rows import ArticleRows
    from annotator.tui.app import AnnotatorApp

CURSOR_SAVE_SECONDS = 2.0
WIDE_SCREEN = 110  # columns from which the side panel is wide
SIDE_WIDTHS = (28, 40)  # narrow, wide


class ArticleScreen(Screen[None]):
    """Read one article: where the cursor, the selection and the current span are, and what they show."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.model: ArticleModel
        self.cursor = 0  # token index
        self.selection_start: int | None = None  # token index where a selection started (not `anchor`: a Widget method)
        self.current: ItemKey | None = None
        self.speaker_candidate: Item | None = None  # highlighted while the speaker screen is up
        self._cursor_saved = -1

    @property
    def annotator_app(self) -> AnnotatorApp:
        from annotator.tui.app import AnnotatorApp  # loaded by now: that module imports this screen

        return app_as(self, AnnotatorApp)

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

    def load(self, article_id: str) -> None:
        """Show an article where this annotator left it; remember it as the one opened last."""
        store, who = self.annotator_app.store, self.annotator_app.annotator
        if hasattr(self, "model"):
            self.save_cursor()
        rows = store.view(article_id, who)
        self.article_id = article_id
        self.model = self.article_model(rows)
        self.cursor = self.model.token_index(rows.cursor) if self.model.tokens else 0
        self.selection_start, self.current = None, None
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
        if self.speaker_candidate is not None:
            marks.speakers = [(self.speaker_candidate.start, self.speaker_candidate.end)]
        return marks

    def _update_side(self) -> None:
        self.panel.point(self.model, self.current, self._offset())
        if self.speaker_candidate is not None:
            self.status_line.say(
                f"Speaker? {self.speaker_candidate.text!r}: tab/shift+tab choose, enter confirm, x none, escape cancel",
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

    # -- moving ---------------------------------------------------------------------------------------------

    def action_next_span(self, step: int = 1) -> None:
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
        if self.selection_start is not None:
            self.selection_start = None
            self._redraw()

    # -- leaving the article ------------------------------------------------------------------------------

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
        if not self.model.tokens:
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
