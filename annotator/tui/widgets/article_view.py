"""The article, drawn with Textual's Line API: only visible lines are rendered, each one cached.

The wrapped layout is computed once per width (`Layout`); an edit or a cursor move re-styles only the lines
its character ranges touch (`refresh_ranges`). Text is turned into Segments directly from the stored
characters (through `layout.display`), so nothing in an article is ever read as markup or escape codes.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.errors import NoWidget
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotator.tui import styles
from annotator.tui.items import RANK, Item
from annotator.tui.layout import Layout, Line, display
from annotator.tui.model import ArticleModel
from annotator.tui.widgets.lines import BaseStyle

GUTTER = 2


@dataclass
class Marks:
    """What is highlighted beyond the spans themselves: all character ranges, end exclusive."""

    current: tuple[int, int] | None = None
    cursor: tuple[int, int] | None = None
    selection: tuple[int, int] | None = None
    speakers: list[tuple[int, int]] = field(default_factory=list)
    show_cursor: bool = True  # the cursor's token is drawn only when nothing else is current
    #: ... or over the current span: a quote, inside which the label keys act on the cursor's word
    cursor_over_current: bool = False
    #: the review screen's current disagreement: words to settle, drawn in a look of their own under the spans
    #: (not the current item's: a key acts on the current item, the pick keys on the disagreement)
    disputed: tuple[int, int] | None = None

    def ranges(self) -> list[tuple[int, int]]:
        marked = (self.current, self.cursor, self.selection, self.disputed, *self.speakers)
        return [r for r in marked if r is not None]


class ArticleView(BaseStyle, ScrollView, can_focus=False):
    """The article text with its spans; keys are handled by the screen, mouse here."""

    ALLOW_SELECT = False

    class Pointed(Message):
        """The mouse pressed (`drag` False) or dragged over (`drag` True) character `offset`."""

        def __init__(self, offset: int, drag: bool) -> None:
            super().__init__()
            self.offset = offset
            self.drag = drag

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: ArticleModel | None = None
        self.layout_: Layout | None = None
        self.marks = Marks()
        self._strips: dict[int, Strip] = {}
        self._dragging = False
        self._pending_follow: int | None = None
        self.renders = 0  # lines rendered (not served from the cache): for the benchmark

    # -- content ----------------------------------------------------------------------------------------------

    def show(self, model: ArticleModel, marks: Marks) -> None:
        """Show another article (or the same one afresh)."""
        self.model = model
        self.marks = marks
        self.layout_ = None
        self._strips.clear()
        self._relayout()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER - 1, 8)

    def _relayout(self) -> None:
        """Wrap the text at the current width; before the widget has a size there is nothing to wrap it to
        (the first frame wraps it, in `render_line`, so that it never shows the text wrapped at a guess)."""
        if self.model is None or not self.size.width:
            return
        width = self._text_width()
        if self.layout_ is None or self.layout_.width != width:
            self.layout_ = Layout(self.model.text, width)
        self._strips.clear()
        self.virtual_size = Size(width + GUTTER + 1, len(self.layout_))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.model is None:
            return
        if self.layout_ is None or self.layout_.width != self._text_width():
            self._relayout()
        # also when only the height changed (the status line took more lines): the cursor stays in view
        self._pending_follow = self._pending_follow if self._pending_follow is not None else self._cursor()
        if self._pending_follow is not None and self.layout_ is not None:
            offset, self._pending_follow = self._pending_follow, None
            self.follow(offset)

    def _cursor(self) -> int | None:
        return self.marks.cursor[0] if self.marks.cursor else None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def set_marks(self, marks: Marks) -> None:
        """Change the highlights; only lines showing the old or new ones are redrawn."""
        old = self.marks.ranges()
        self.marks = marks
        self.refresh_ranges(old + marks.ranges())

    def refresh_ranges(self, ranges: list[tuple[int, int]]) -> None:
        layout = self.layout_
        if layout is None:
            return
        lines: set[int] = set()
        for start, end in ranges:
            lines.update(layout.lines_between(start, end))
        scroll_y = int(self.scroll_offset.y)
        height = self.size.height
        for y in lines:
            self._strips.pop(y, None)
            if scroll_y <= y < scroll_y + height:
                self.refresh_line(y)

    def follow(self, offset: int) -> None:
        """Scroll (without animation) so that character `offset` is in view, with a little context."""
        if self.layout_ is None:  # not wrapped yet: follow once it is
            self._pending_follow = offset
            return
        y = self.layout_.line_of(offset)
        top = int(self.scroll_offset.y)
        height = max(self.size.height, 1)
        margin = min(2, height // 4)
        wanted = top
        if y < top + margin or y >= top + height - margin:
            wanted = max(y - height // 3, 0)
        current = self.marks.current  # the current span's end too, where it fits below its start: a long quote
        if current is not None and current[0] <= offset < current[1]:
            last = self.layout_.line_of(max(current[1] - 1, current[0]))
            if last >= wanted + height and last - y < height - margin:
                wanted = max(last - height + 1, 0)
        if wanted != top:
            self.scroll_to(y=wanted, animate=False, immediate=True)

    def lacking(self) -> tuple[int, int]:
        """The columns and rows the view lacks to show its text: lines wrap at no fewer than 8 columns (`_text_width`),
        so a narrower view cuts every one (a trial at 30x8: the text was 0 columns wide, and x removed a span nobody
        could see); and a row lacks where no row of the view is on top, a docked bar drawn over it (at 80x2 the key bar
        covered the view's one row, and x removed a span nobody could see). Nothing is lacking before the text is laid
        out."""
        if self.layout_ is None or not len(self.layout_):
            return 0, 0
        columns = self.layout_.width + GUTTER + 1 - self.scrollable_content_region.width
        return max(columns, 0), 0 if self._row_on_top() else 1

    def _row_on_top(self) -> bool:
        """Whether some row of the view is drawn on top, not covered by a docked bar."""
        region = self.region
        for y in range(region.y, region.bottom):
            try:
                if self.screen.get_widget_at(region.x, y)[0] is self:
                    return True
            except NoWidget:
                continue
        return False

    def shows(self, start: int, end: int) -> bool:
        """Whether some of the characters start..end are on a row in view (always, before the text is laid out), and
        stay there while the view scrolls on to where it is going (a click on the scrollbar's track scrolls a page,
        animated: an x read with it acted on a span it was scrolling away; re-trial s51 t5r N1)."""
        if self.layout_ is None or not len(self.layout_) or self.size.height < 1:
            return True
        first, last = self.layout_.line_of(start), self.layout_.line_of(max(end - 1, start))
        tops = [int(self.scroll_offset.y)]
        if self.app.animator.is_being_animated(self, "scroll_y"):
            tops.append(int(self.scroll_target_y))
        return all(last >= top and first < top + self.size.height for top in tops)

    # -- drawing ----------------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.base_style
        strip = self._strips.get(index)
        if strip is None:
            if self.layout_ is None:
                self._relayout()
            if self.layout_ is None or index >= len(self.layout_):
                return Strip.blank(width, base)
            strip = self._draw_line(index, base)
            self._strips[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _draw_line(self, index: int, base: Style) -> Strip:
        """One screen line as a Strip (not `_render`: that name is Textual's own, on every Widget)."""
        assert self.layout_ is not None and self.model is not None
        self.renders += 1
        line = self.layout_.lines[index]
        entities, quotes = self.model.overlapping(line.start, max(line.end, line.start + 1))
        marks = self.marks
        cuts = {line.start, line.end}
        for start, end in [(i.start, i.end) for i in entities + quotes] + marks.ranges():
            if start > line.start and start < line.end:
                cuts.add(start)
            if end > line.start and end < line.end:
                cuts.add(end)
        points = sorted(cuts)
        segments = [self._gutter(index, line, quotes, base)]
        text = self.model.text
        for a, b in itertools.pairwise(points):
            style = base + self._style_at(a, entities, quotes)
            segments.append(Segment(display(text[a:b]), style))
        return Strip(segments, GUTTER + line.cells)

    def _gutter(self, index: int, line: Line, quotes: list[Item], base: Style) -> Segment:
        """The margin: `›` on the cursor's line, a quote's bar on each line holding some of its words (one it starts
        or ends inside too, else a quote within one line would have none: its italic words tell where it is)."""
        cursor = self.marks.cursor
        here = cursor is not None and self.layout_ is not None and self.layout_.line_of(cursor[0]) == index
        bar = " "
        if quotes:
            quote = min(quotes, key=lambda q: RANK[q.kind])
            bar = styles.QUOTE_BAR[quote.kind]
            return Segment(("›" if here else " ") + bar, base + styles.quote_style(quote.kind, self.dark))
        return Segment(("›" if here else " ") + bar, base)

    def _style_at(self, offset: int, entities: list[Item], quotes: list[Item]) -> Style:
        """The style of the character at `offset`: quote layer, then entity layer, then marks on top."""
        style = Style()
        quote = _covering(quotes, offset)
        if quote is not None:
            style += styles.quote_style(quote.kind, self.dark)
        marks = self.marks
        if marks.disputed and marks.disputed[0] <= offset < marks.disputed[1]:
            style += styles.DISPUTED
        entity = _covering(entities, offset)
        if entity is not None:
            style += styles.entity_style(entity.label, entity.kind, self.dark)
        if marks.selection and marks.selection[0] <= offset < marks.selection[1]:
            return style + styles.SELECTION
        if any(s <= offset < e for s, e in marks.speakers):
            style += styles.SPEAKER
        current = marks.current is not None and marks.current[0] <= offset < marks.current[1]
        if current:
            style += styles.current_style(self.dark)
        if (not current or marks.cursor_over_current) and (
            marks.show_cursor and marks.cursor and marks.cursor[0] <= offset < marks.cursor[1]
        ):
            style += styles.CURSOR
        return style

    # -- mouse ------------------------------------------------------------------------------------------------

    def _offset_at(self, event: events.MouseEvent) -> int | None:
        return self.offset_at(event.x, event.y)

    def offset_at(self, x: int, y: int) -> int | None:
        """The character drawn at column `x`, row `y` of the view (None past the text's last line)."""
        if self.layout_ is None or not len(self.layout_):
            return None
        y += int(self.scroll_offset.y)
        if y >= len(self.layout_):
            return None
        return self.layout_.lines[y].offset_at(x + int(self.scroll_offset.x) - GUTTER)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self._offset_at(event)
        if offset is not None:
            self._dragging = True
            self.capture_mouse()
            self.post_message(self.Pointed(offset, drag=False))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            offset = self._offset_at(event)
            if offset is not None:
                self.post_message(self.Pointed(offset, drag=True))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()


def _covering(items: list[Item], offset: int) -> Item | None:
    """The item covering `offset`: an accepted span before a pending suggestion before a rejected one."""
    found = None
    for item in items:
        if item.start <= offset < item.end:
            if item.kind == "span":
                return item
            if found is None or RANK[item.kind] < RANK[found.kind]:
                found = item
    return found
