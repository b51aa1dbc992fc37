"""The article screen: one article for one annotator, a token cursor, a selection and the current item, moved
by keys and the mouse, and the article list, help and quit. It changes nothing: `AnnotateScreen` adds the edits
(and the key bindings of both).

There is exactly one current thing: the selection when there is one, else the item the cursor is on (an entity
before the quote around it; tab, the span keys and a click may pick a quote or another item starting there),
else nothing, and then the cursor's token is drawn. Every key that acts acts on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from annotator import motion, phrases
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
    """Read one article: where the cursor, the selection and the current item are, and what they show."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.model: ArticleModel
        self.cursor = 0  # token index
        self.selection_start: int | None = None  # token index where a selection started (not `anchor`: a Widget method)
        self.current: ItemKey | None = None
        self.goal_column: int | None = None  # up and down keep the column they started from
        self.phrase_origin: int | None = None  # the token a phrase selection (v) grows around
        self.speaker_candidate: Item | None = None  # highlighted while the speaker screen is up
        self.search_query = ""  # the last search
        self.header: tuple[str, str, str] | None = None  # the title bar's (left, middle, right)
        self._where_removed: list[tuple[int, int]] = []  # where the spans the last edit removed were
        self._cursor_saved = -1
        self._place, self._placed = "", ""  # the title bar's place in the order, and for which article

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
        """Show an article where this annotator left it, or, opened for the first time, on the first item that
        needs a decision; remember it as the one opened last."""
        store, who = self.annotator_app.store, self.annotator_app.annotator
        if hasattr(self, "model"):
            self.save_cursor()
        rows = store.view(article_id, who)
        self.article_id = article_id
        self.model = self.article_model(rows)
        self.model.show_rejected(self.annotator_app.showing_rejected)
        self.cursor = self.model.token_index(rows.cursor) if self.model.tokens else 0
        self.selection_start, self.current, self.goal_column, self.phrase_origin = None, None, None, None
        first = self.model.next_needing(None, 0, 1) if rows.opened_at is None else None
        if first is not None:
            self.cursor, self.current = self.model.token_index(first.start), first.key
        else:
            self.current = self._under_cursor()
        self.sub_title = f"{who} · {display(rows.title)}"  # the header must not send its escapes
        self.view.show(self.model, self._marks())
        self.view.follow(self._offset())
        self.legend.show(self.model)
        store.save_cursor(article_id, who, self._offset())
        self._cursor_saved = self._offset()
        self._update_side()
        self.refresh_header()

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
        self.refresh_header()

    def refresh_header(self) -> None:
        """The title bar: database file, this article's place in the order, what is left to decide."""
        app = self.annotator_app
        if self._placed != self.article_id:  # read once per article opened, not on every edit
            self._place, self._placed = app.article_place(self.article_id), self.article_id
        place = self._place
        pending = self.model.pending_count
        self.header = (f"{app.who} · {app.db_name}", display(self.model.title) or self.article_id,
                       " · ".join(p for p in (place, f"{pending} pending" if pending else "") if p))  # fmt: skip
        self.query_one(TitleBar).refresh()

    def say(self, message: str | Text, style: str = "") -> None:
        """An outcome on the status line (wrapped, never cut), kept in the message log (M)."""
        self.annotator_app.log_message(str(message))
        self.status_line.say(message if isinstance(message, Text) else Text(message, style=style))

    # -- the cursor, the selection and the current item ------------------------------------------------------

    def _offset(self) -> int:
        tokens = self.model.tokens
        return tokens[min(self.cursor, len(tokens) - 1)].start if tokens else 0

    def _selection(self) -> tuple[int, int] | None:
        if self.selection_start is None or not self.model.tokens:
            return None
        return self.model.token_range(self.selection_start, self.cursor)

    def _under_cursor(self) -> ItemKey | None:
        item = self.model.item_at(self._offset()) if self.model.tokens else None
        return item.key if item else None

    def _marks(self) -> Marks:
        model, item = self.model, self.model.get(self.current)
        marks = Marks(selection=self._selection())
        if model.tokens:
            token = model.tokens[min(self.cursor, len(model.tokens) - 1)]
            marks.cursor = (token.start, token.end)
            marks.show_cursor = item is None and marks.selection is None
        if item is not None and marks.selection is None:
            marks.current = (item.start, item.end)
            if item.is_quote and item.speaker:
                marks.speakers.append(item.speaker)
        if self.speaker_candidate is not None:
            marks.speakers = [(self.speaker_candidate.start, self.speaker_candidate.end)]
        return marks

    def _update_side(self) -> None:
        self.panel.point(self.model, self.current, self._offset())
        if self.speaker_candidate is not None:
            return
        item = self.model.get(self.current)
        if self.selection_start is not None:
            start, end = self._selection() or (0, 0)
            words = display(self.model.text[start:end].replace("\n", " "))
            words = words if len(words) <= 60 else words[:40] + " … " + words[-16:]
            self.status_line.say(f"Selected {words!r}: 1-4 add it with that label, escape clears", "dim")
        elif item is not None:
            line = describe(item, self.model, self.app.current_theme.dark)
            hints = {
                "pending": "  (enter accept, x reject, 1-4 label)",
                "rejected": "  (rejected: enter takes it back)",
            }
            line.append(hints.get(item.kind, ""), "dim")
            self.status_line.say(line)
        else:
            self.status_line.say('tab: next to decide · arrows move · v, ": select · 1-4: add · ?: help', "dim")

    def _redraw(self, follow: bool = True) -> None:
        self.view.set_marks(self._marks())
        if follow:
            self.view.follow(self._offset())
        self._update_side()

    def _go_to(self, item: Item | None) -> None:
        """Make an item current, the cursor on its first token."""
        if item is None:
            self.say("Nothing there", "yellow")
            return
        self.current = item.key
        self.cursor = self.model.token_index(item.start)
        self.selection_start, self.goal_column, self.phrase_origin = None, None, None
        self._redraw()

    def _move_to(self, token: int, *, keep_column: bool = False) -> None:
        """Put the cursor on a token, dropping the selection; what is under it becomes current."""
        if not self.model.tokens:
            return
        self.cursor = min(max(token, 0), len(self.model.tokens) - 1)
        self.selection_start, self.phrase_origin = None, None
        if not keep_column:
            self.goal_column = None
        self.current = self._under_cursor()
        self._redraw()

    # -- moving ---------------------------------------------------------------------------------------------

    def action_next_needing(self, step: int) -> None:
        item = self.model.get(self.current)
        found = self.model.next_needing(item.order if item else None, self._offset(), step)
        if found is None:
            self.say("Nothing is left to decide here: d marks the article done", "green")
            return
        self._go_to(found)

    def action_next_item(self, step: int) -> None:
        self._go_to(self.model.next_item(self.current if self.selection_start is None else None, self._offset(), step))

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_word(self, step: int) -> None:
        self._move_to(motion.next_word(self.model.text, self.model.tokens, self.cursor, step))

    def _line_and_column(self) -> tuple[int, int] | None:
        layout = self.view.layout_
        if layout is None or not self.model.tokens:
            return None
        offset = self._offset()
        line = layout.line_of(offset)
        return line, layout.lines[line].column(offset)

    def _to_line(self, target: int) -> None:
        layout = self.view.layout_
        found = self._line_and_column()
        if layout is None or found is None:
            return
        if self.goal_column is None:
            self.goal_column = found[1]
        target = min(max(target, 0), len(layout) - 1)
        self._move_to(self.model.token_index(layout.lines[target].offset_at(self.goal_column)), keep_column=True)

    def action_move_line(self, step: int) -> None:
        found = self._line_and_column()
        if found is not None:
            self._to_line(found[0] + step)

    def action_page(self, step: int) -> None:
        found = self._line_and_column()
        if found is not None:
            self._to_line(found[0] + step * max(self.view.size.height - 1, 1))

    def action_line_end(self, step: int) -> None:
        layout = self.view.layout_
        found = self._line_and_column()
        if layout is None or found is None:
            return
        line = layout.lines[found[0]]
        if step < 0:
            self._move_to(self.model.token_index(line.start))
            return
        last = self.model.token_index(max(line.end - 1, line.start))
        while last > 0 and self.model.tokens[last].start >= line.end:
            last -= 1
        self._move_to(last)

    def action_paragraph(self, step: int) -> None:
        self._move_to(motion.paragraph(self.model.text, self.model.tokens, self.cursor, step))

    def action_search(self) -> None:
        from annotator.tui.screens.search import SearchScreen

        origin = (self.cursor, self.current)
        self.app.push_screen(SearchScreen(self.search_query, self._preview_search, self.cursor),
                             lambda query: self._searched(query, origin))  # fmt: skip

    def _preview_search(self, query: str, step: int, origin: int | None) -> str:
        """Move to the next match of `query` after the token `origin` (None: the cursor), as the search line is
        typed; what to say about it."""
        index = self.cursor if origin is None else origin
        found = motion.search(self.model.text, self.model.tokens, query, index, step) if query else None
        if found is None:
            if origin is not None and self.cursor != origin:
                self._move_to(origin)  # typed past the last match: back where the search started
            return "no match" if query else ""
        self._move_to(found)
        count = len(motion.match_starts(self.model.text, query))
        return f"{count} match{'es' * (count != 1)}"

    def _searched(self, query: str | None, origin: tuple[int, ItemKey | None]) -> None:
        if query is None:  # escape: back where the search started
            self.cursor, self.current = origin
            self.selection_start = None
            self._redraw()
            return
        self.search_query = query

    def action_search_again(self, step: int) -> None:
        if not self.search_query:
            self.say("No search yet: / searches", "yellow")
            return
        said = self._preview_search(self.search_query, step, None)
        if said == "no match":
            self.say(f"{self.search_query!r} is not in this article", "yellow")

    # -- selecting ---------------------------------------------------------------------------------------------

    def action_extend(self, step: int) -> None:
        if not self.model.tokens:
            return
        if self.selection_start is None:
            self.selection_start = self.cursor
        self.cursor = min(max(self.cursor + step, 0), len(self.model.tokens) - 1)
        self.current, self.goal_column, self.phrase_origin = None, None, None
        self._redraw()

    def _select(self, first: int, last: int) -> None:
        self.selection_start, self.cursor = first, last
        self.current, self.goal_column = None, None
        self._redraw()

    def action_phrase(self) -> None:
        """Select the phrase under the cursor; again: a larger one (the name with its title, ...)."""
        if not self.model.tokens:
            return
        origin = self.phrase_origin if self.phrase_origin is not None else self.cursor
        selection = (self.selection_start, self.cursor) if self.selection_start is not None else None
        found = phrases.grow(self.model.text, self.model.tokens, selection, origin)
        if found is None:
            self.say("No larger phrase here: shift+arrows or [ ] { } change the selection", "yellow")
            return
        self._select(*found)
        self.phrase_origin = origin

    def action_quotation(self) -> None:
        """Make the quote the cursor is in current; with none, select the quotation around the cursor (or the next
        one in its paragraph), without its quotation marks."""
        if not self.model.tokens:
            return
        quote = self.model.quote_at(self._offset())
        if quote is not None and self.selection_start is None and self.current != quote.key:
            self._go_to(quote)
            return
        found = phrases.quotation(self.model.text, self.model.tokens, self.cursor)
        if found is None:
            self.say("No quotation marks around the cursor or after it in this paragraph", "yellow")
            return
        self._select(*found)
        self.phrase_origin = None

    def action_cancel(self) -> None:
        if self.selection_start is not None:
            self.selection_start, self.phrase_origin = None, None
            self.current = self._under_cursor()
            self._redraw()

    # -- what is shown -----------------------------------------------------------------------------------------

    def action_toggle_rejected(self) -> None:
        app = self.annotator_app
        app.showing_rejected = not app.showing_rejected
        changed = self.model.show_rejected(app.showing_rejected)
        self.view.refresh_ranges(changed)
        if self.model.get(self.current) is None:
            self.current = self._under_cursor() if self.selection_start is None else None
        count = len([i for i in self.model.items.values() if i.rejected])
        shown = f"Rejected suggestions shown, dimmed and struck through ({count}): enter on one takes it back"
        self.say(shown if app.showing_rejected else "Rejected suggestions hidden", "green")
        self.view.set_marks(self._marks())
        self.panel.point(self.model, self.current, self._offset())

    def action_messages(self) -> None:
        from annotator.tui.screens.messages import MessagesScreen

        self.app.push_screen(MessagesScreen(self.annotator_app.messages))

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

    def on_span_panel_chosen(self, message: SpanPanel.Chosen) -> None:
        self._go_to(self.model.get(message.key))

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
        self.goal_column, self.phrase_origin = None, None
        self._redraw(follow=False)
