"""Small one-purpose widgets: the legend with the article's progress, and the status line."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from annotator.tui import styles
from annotator.tui.layout import display
from annotator.tui.model import ArticleModel
from annotator.tui.widgets.lines import BaseStyle
from annotator.vocabulary import Label
from annotator.wording import counted, status_words


class Legend(BaseStyle, Widget, can_focus=False):
    """The four labels in their accepted and pending looks, and how far the article is (Line API)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: ArticleModel | None = None
        self._key: tuple[int, Style] | None = None
        self._lines: list[Strip] = []

    def show(self, model: ArticleModel) -> None:
        self.model = model
        if self._lines:
            self.refresh(Region(0, 4, self.size.width, 1))
        else:
            self.refresh()

    def _static_lines(self, width: int, base: Style) -> list[Strip]:
        if self._key != (width, base):
            short = width < 34
            lines = []
            for pending in (False, True):
                segments = []
                for label in Label:
                    name = styles.SHORT[label] if short else label.value
                    segments.append(
                        Segment(
                            f" {name.lower() if pending else name} ",
                            base + styles.label_style(label, "pending" if pending else "span", self.dark),
                        )
                    )
                lines.append(segments)
            dim = base + Style(dim=True)
            lines.append(
                [Segment("solid ✓ accepted  plain ? pending" if not short else "solid ✓  plain ? pending", dim)]
            )
            lines.append(
                [
                    Segment("┃ quote ┆ pending " if not short else "┃ ┆ quote ", dim),
                    Segment(" speaker ", base + styles.SPEAKER),
                ]
            )
            self._lines = [Strip(line).crop_extend(0, width, base) for line in lines]
            self._key = (width, base)
        return self._lines

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.base_style
        if y < 4:
            return self._static_lines(width, base)[y]
        model = self.model
        if y > 4 or model is None:
            return Strip.blank(width, base)
        status = status_words(model.status.value)  # "to do", as the article list says it
        counts = f"{model.pending_count} pending · {counted(model.span_count, 'span')} · "
        if width < 34:
            counts = f"{model.pending_count}? {model.span_count}✓ "
        segments = [
            Segment(counts, base),
            Segment(status, base + Style(bold=True)),
        ]
        return Strip(segments).crop_extend(0, width, base)


class StatusLine(Widget, can_focus=False):
    """The current span, or the outcome of the last action: one line, wrapped onto more (never cut) when long."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        #: what the next key does while a key waits for it (t's character), kept under every line said till then
        self.question: Text | None = None
        self._lines = 1  # lines the text takes: a new layout only when that changes
        self._width = 0  # its columns, told the screen when they change (`Resized`)

    class Resized(Message):
        """The status line's width changed: a line the screen fitted to the old one may be fitted again."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    def say(self, text: Text | str, style: str = "") -> None:
        """Show a message, wrapped onto more lines (never cut) when long; stored text in it (span texts, titles,
        errors quoting them) is shown literally, through the layout's glyphs."""
        if isinstance(text, str):
            text = Text(display(text), style=style)
        else:
            shown = display(text.plain)
            text = text.copy() if shown == text.plain else Text(shown, style=text.style)
        text.no_wrap, text.overflow = False, "fold"
        self.text = text
        self._shown_anew()

    def ask(self, question: str | None) -> None:
        """What the next key does (None: it came), on a line of its own under whatever is said meanwhile: a line
        said then (the article shown as stored, by the key itself or the screen's timer) took its place, and the
        key after was still taken as t's character."""
        self.question = None if question is None else Text(question, style="bold")
        self._shown_anew()

    def _shown_anew(self) -> None:
        lines = self._count_lines()
        self.refresh(layout=lines != self._lines)  # a layout of the whole screen costs more than the action
        self._lines = lines

    def _count_lines(self) -> int:
        width = self.content_region.width
        text = self.render()
        if width <= 0 or (self.question is None and text.cell_len <= width):
            return 1
        return len(text.wrap(self.app.console, width))

    def on_resize(self) -> None:
        width = self.content_region.width
        if width != self._width:
            self._width = width
            self.post_message(self.Resized(width))
        lines = self._count_lines()
        if lines != self._lines:
            self._lines = lines
            self.refresh(layout=True)

    def render(self) -> Text:
        if self.question is None:
            return self.text
        return Text.assemble(self.text, "\n", self.question, no_wrap=False, overflow="fold")
