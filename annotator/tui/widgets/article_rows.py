"""The article list's rows, drawn with Textual's Line API: it holds the row keys of the filter (one int an
article) and fetches only the rows on screen, a page at a time, through a callback; 100,000 articles cost a
list of ints, not 100,000 rows of widgets or strings.

Columns fit 80 terminal columns: status, title (the rest of the width, cut with an ellipsis), characters,
spans and pending suggestions (the review list has no pending column: gold takes no suggestions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotator.rows import ArticleSummary
from annotator.tui.layout import display
from annotator.tui.widgets.lines import BaseStyle
from annotator.wording import counted, own_status_words

#: (heading, width, right-aligned) of the columns around the title.
STATUS_COLUMN = ("Status", 12, False)
NUMBER_COLUMNS = (("Chars", 7, True), ("Spans", 5, True), ("Pending", 7, True))
PAGE_MARGIN = 20  # rows fetched beyond the visible ones, so scrolling a little needs no query

#: Reads the rows of these row keys: row key -> row (a key whose article is gone is absent).
Fetch = Callable[[Sequence[int]], dict[int, ArticleSummary]]


class ArticleRows(BaseStyle, ScrollView, can_focus=True):
    """Rows of articles with a cursor; enter (or a click on the cursor's row) posts `Chosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(-1)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
    ]

    DEFAULT_CSS = """
    ArticleRows { background: $surface; }
    """

    class Resized(Message):
        """The rows' width changed: the column headings must follow."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    class Chosen(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, fetch: Fetch, *, pending_column: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fetch = fetch
        self.pending_column = pending_column
        self.keys: Sequence[int] = []
        self.cursor = 0
        self._rows: dict[int, ArticleSummary] = {}
        self.fetches = 0  # queries made (for tests and the benchmark)

    # -- content ----------------------------------------------------------------------------------------------

    def show(self, keys: Sequence[int], cursor_key: int | None = None) -> None:
        """Show these rows (row keys in order), the cursor on `cursor_key` if shown, else where it was."""
        self.keys = keys
        self._rows = {}
        if cursor_key is not None and cursor_key in keys:
            self.cursor = keys.index(cursor_key)
        self.cursor = max(0, min(self.cursor, len(keys) - 1))
        self.virtual_size = Size(self.size.width, len(keys))
        self._follow()
        self.refresh()

    def forget(self, key: int) -> None:
        """Read this row again when next drawn (its article changed)."""
        self._rows.pop(key, None)

    @property
    def current(self) -> ArticleSummary | None:
        if not self.keys:
            return None
        return self._row(self.cursor)

    def row_at(self, index: int) -> ArticleSummary | None:
        """The row at this place in the list (read from the database if it is not on screen)."""
        return self._row(index)

    def _row(self, index: int) -> ArticleSummary | None:
        key = self.keys[index]
        if key not in self._rows:
            top = int(self.scroll_offset.y)
            first = max(0, min(index, top) - PAGE_MARGIN)
            last = min(len(self.keys), max(index + 1, top + self.size.height) + PAGE_MARGIN)
            wanted = [k for k in self.keys[first:last] if k not in self._rows]
            if len(self._rows) > 10 * (last - first + 1):  # keep only a few pages
                self._rows = {}
                wanted = list(self.keys[first:last])
            self.fetches += 1
            self._rows.update(self.fetch(wanted))
        return self._rows.get(key)

    # -- drawing ----------------------------------------------------------------------------------------------

    def widths(self, width: int) -> tuple[int, int]:
        """(title width, total) for a widget this wide."""
        fixed = STATUS_COLUMN[1] + sum(w + 1 for _, w, _ in self._numbers()) + 2
        return max(width - fixed, 8), width

    def _numbers(self) -> tuple[tuple[str, int, bool], ...]:
        return NUMBER_COLUMNS if self.pending_column else NUMBER_COLUMNS[:2]

    def heading(self, width: int) -> Text:
        title_width, _ = self.widths(width)
        line = Text(f" {STATUS_COLUMN[0]:<{STATUS_COLUMN[1]}} {'Title':<{title_width}}", no_wrap=True)
        for name, size, _ in self._numbers():
            line.append(f" {name:>{size}}")
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        if index >= len(self.keys):
            return Strip.blank(width, self.base_style)
        style = self.base_style  # rich_style walks the ancestors on every call: about 0.3 ms a line
        if index == self.cursor:
            style += Style(reverse=True, bold=self.has_focus)
        return Strip([Segment(self.line(self._row(index), width), style)], width)

    def line(self, summary: ArticleSummary | None, width: int) -> str:
        """One row as plain text exactly `width` cells wide: columns padded, the title cut with an ellipsis."""
        title_width, _ = self.widths(width)
        if summary is None:
            return set_cell_size(" (gone)", width)
        title = display(summary.title) or summary.id
        notes = ""  # why it was flagged, and the comments, after the title (which is cut first to show them)
        if summary.flag_reason:
            notes += f"  [flagged: {display(summary.flag_reason)}]"
        if summary.comments:
            notes += f"  [{counted(summary.comments, 'comment')}]"
        room = max(title_width - cell_len(notes), min(title_width, 12))
        if cell_len(title) > room:
            title = set_cell_size(title, room - 1) + "…"
        title += notes
        if cell_len(title) > title_width:
            title = set_cell_size(title, title_width - 1) + "…"
        values = [summary.chars, summary.spans, summary.pending][: len(self._numbers())]
        numbers = "".join(f" {value:>{size}}" for (_, size, _), value in zip(self._numbers(), values, strict=True))
        status = own_status_words(summary.status.value, summary.others)
        return set_cell_size(f" {status:<{STATUS_COLUMN[1]}} {set_cell_size(title, title_width)}{numbers}", width)

    # -- moving -----------------------------------------------------------------------------------------------

    def _set_cursor(self, index: int) -> None:
        if not self.keys:
            return
        old, self.cursor = self.cursor, max(0, min(index, len(self.keys) - 1))
        top = int(self.scroll_offset.y)
        self.refresh(Region(0, old - top, self.size.width, 1))
        self.refresh(Region(0, self.cursor - top, self.size.width, 1))
        self._follow()

    def _follow(self) -> None:
        top, height = int(self.scroll_offset.y), max(self.size.height, 1)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self._set_cursor(self.cursor + step)

    def action_page(self, step: int) -> None:
        self._set_cursor(self.cursor + step * max(self.size.height - 1, 1))

    def action_edge(self, step: int) -> None:
        self._set_cursor(0 if step < 0 else len(self.keys) - 1)

    def choose(self) -> None:
        summary = self.current
        if summary is not None:
            self.post_message(self.Chosen(summary.id))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y
        if 0 <= index < len(self.keys):
            if index == self.cursor or event.chain > 1:
                self._set_cursor(index)
                self.choose()
            else:
                self._set_cursor(index)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.keys))
        self.post_message(self.Resized(self.scrollable_content_region.width))
