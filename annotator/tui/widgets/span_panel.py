"""The side panel: the article's spans and suggestions in reading order, following the current one.

Only the rows that fit are built on each refresh, so its cost does not grow with the article.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from annotator.models import Label
from annotator.tui import styles
from annotator.tui.layout import display
from annotator.tui.model import ArticleModel, Item, ItemKey


def describe(item: Item, model: ArticleModel, width: int = 60) -> Text:
    """One line about an item: state, label, (for a quote) its speaker, and its text; never markup."""
    row = Text(no_wrap=True, overflow="ellipsis")
    style = styles.label_style(item.label, item.pending)
    row.append(f"{styles.STATE_MARK[item.kind]} {styles.SHORT[item.label]}", style)
    row.append(" ")
    if item.label is Label.QUOTE:
        speaker = model.text[item.speaker[0] : item.speaker[1]] if item.speaker else None
        row.append(f"{display(speaker)}: " if speaker else "(no speaker): ", styles.SPEAKER_TEXT)
    snippet = display(item.text.replace("\n", " "))
    row.append(snippet if len(snippet) <= width else snippet[: width - 1] + "…")
    return row


class SpanPanel(Widget, can_focus=False):
    """Rows of spans around the current one; the current row is marked with ▶."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: ArticleModel | None = None
        self.current: ItemKey | None = None
        self.anchor_offset = 0

    def point(self, model: ArticleModel, current: ItemKey | None, offset: int) -> None:
        self.model, self.current, self.anchor_offset = model, current, offset
        self.refresh()

    def render(self) -> Text:
        model = self.model
        if model is None:
            return Text()
        if not model.order:
            return Text("No spans yet: move with ← →, select with shift, press 1-4.", style="dim")
        height = max(self.size.height, 1)
        if self.current is not None and self.current in model.items:
            focus = model.index_of(self.current)
        else:
            nearest = model.next_item(None, self.anchor_offset, 1)
            focus = model.index_of(nearest.key) if nearest else 0
        first = max(0, min(focus - height // 3, len(model.order) - height))
        rows = Text(no_wrap=True, overflow="ellipsis")
        for index in range(first, min(first + height, len(model.order))):
            key = model.order[index][1]
            item = model.items[key]
            row = Text("▶ " if key == self.current else "  ", style="bold", no_wrap=True)
            row.append_text(describe(item, model, width=self.size.width))
            row.truncate(self.size.width, overflow="ellipsis")
            rows.append_text(row)
            rows.append("\n")
        rows.rstrip()
        return rows
