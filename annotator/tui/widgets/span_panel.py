"""The side panel: the article's spans and suggestions in reading order, following the current one.

A Line API widget: each row is a Strip built from Segments and cached per item, so a keystroke only builds
the rows of items that changed, whatever the article's length. Which rows show is worked out when they are
drawn, from the panel's size then (a size read earlier, before a neighbour above it grew or shrank, hid the
first rows and left blank ones below); the mouse wheel scrolls it, a click goes to the item.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from annotator.tui import styles
from annotator.tui.items import Item, ItemKey
from annotator.tui.layout import display
from annotator.tui.model import ArticleModel
from annotator.tui.widgets.lines import BaseStyle
from annotator.vocabulary import Label
from annotator.wording import elided

SNIPPET = 200
#: What the list says while the article has no span or suggestion.
EMPTY_HINT = "No spans yet: move with ← →, select with shift, press 1-4."
#: What it says on the annotator's done article, where the label keys write nothing (`annotator.locking`).
LOCKED_HINT = "No spans: this article is done; O reopens it to change it."


def row_segments(item: Item, model: ArticleModel, dark: bool = True, snippet: str | None = None) -> list[Segment]:
    """State, label, (for a quote) its speaker, and its text, as Segments; article text is never markup."""
    style = styles.label_style(item.label, item.kind, dark)
    segments = [Segment(f"{styles.STATE_MARK[item.kind]} {styles.SHORT[item.label]}", style), Segment(" ")]
    if item.label is Label.QUOTE:
        speaker = model.text[item.speaker[0] : item.speaker[1]] if item.speaker else None
        segments.append(Segment(f"{display(speaker)}: " if speaker else "(no speaker): ", styles.SPEAKER_TEXT))
    segments.append(Segment(display((snippet or item.text[:SNIPPET]).replace("\n", " "))))
    return segments


def describe(item: Item, model: ArticleModel, dark: bool = True) -> Text:
    """The same line as rich Text, for the status line: a long quote shortened in the middle (the article shows
    it whole), so that the line stays a line or two."""
    text = item.text if len(item.text) <= 90 else elided(item.text, 60, 24)
    return Text.assemble(*((s.text, s.style or "") for s in row_segments(item, model, dark, text)))


class SpanPanel(BaseStyle, Widget, can_focus=False):
    """Rows of spans around the current one; the current row is marked with ▶."""

    class Chosen(Message):
        """A row was clicked: its item."""

        def __init__(self, key: ItemKey) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: ArticleModel | None = None
        self.current: ItemKey | None = None
        self.anchor_offset = 0
        self.scrolled = 0  # rows the wheel moved the window since the last `point`
        self.locked = False  # the annotator's done article (`annotator.locking`): the hint says what works there
        self._rows: dict[tuple[ItemKey, Item, bool, int], Strip] = {}

    def point(self, model: ArticleModel, current: ItemKey | None, offset: int) -> None:
        if model is not self.model:
            self._rows.clear()
        self.model, self.current, self.anchor_offset = model, current, offset
        self.scrolled = 0
        if len(self._rows) > 4096:
            self._rows.clear()
        self.refresh()

    def show_locked(self, locked: bool) -> None:
        """Whether the article is the annotator's done work, as it is now (set with the title bar's "done")."""
        if locked != self.locked:
            self.locked = locked
            self.refresh()

    @property
    def _first(self) -> int:
        """The first row shown, for the size the panel has now."""
        model = self.model
        if model is None:
            return 0
        last = max(len(model.order) - max(self.size.height, 1), 0)
        return min(max(self._window_start() + self.scrolled, 0), last)

    def _window_start(self) -> int:
        model = self.model
        if model is None or not model.order:
            return 0
        height = max(self.size.height, 1)
        if self.current is not None and self.current in model.items:
            focus = model.index_of(self.current)
        else:
            nearest = model.next_item(None, self.anchor_offset, 1)
            focus = model.index_of(nearest.key) if nearest else 0
        return max(0, min(focus - height // 3, len(model.order) - height))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rows.clear()

    def _scroll(self, rows: int) -> None:
        self.scrolled += rows
        self.scrolled = self._first - self._window_start()  # not beyond either end
        self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._scroll(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._scroll(-3)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.y)
        if key is not None:
            self.post_message(self.Chosen(key))

    def key_at(self, y: int) -> ItemKey | None:
        """The item of the panel's row `y` (None below the last)."""
        model = self.model
        index = self._first + y
        return model.order[index][1] if model is not None and 0 <= index < len(model.order) else None

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.base_style
        model = self.model
        if model is None:
            return Strip.blank(width, base)
        if not model.order:  # the hint wraps: every word shows in the narrow panel of an 80-column screen
            rows = Text(LOCKED_HINT if self.locked else EMPTY_HINT).wrap(self.app.console, max(width, 1))
            hint = rows[y].plain if y < len(rows) else ""
            return Strip([Segment(hint, base + Style(dim=True))]).crop_extend(0, width, base)
        index = self._first + y  # worked out for each line: cheap, and right for the size drawn
        if index >= len(model.order):
            return Strip.blank(width, base)
        key = model.order[index][1]
        item = model.items[key]
        cache_key = (key, item, key == self.current, width)
        strip = self._rows.get(cache_key)
        if strip is None:
            marker = Segment("▶ " if key == self.current else "  ", base + Style(bold=True))
            segments = [
                marker,
                *(Segment(s.text, base + s.style if s.style else base) for s in row_segments(item, model, self.dark)),
            ]
            strip = Strip(segments)
            if strip.cell_length > width:  # cut text says so
                strip = Strip([*strip.crop(0, width - 1), Segment("…", base)])
            strip = strip.crop_extend(0, width, base)
            self._rows[cache_key] = strip
        return strip
