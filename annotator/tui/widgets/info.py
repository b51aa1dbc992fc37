"""Small one-purpose widgets: the legend with the article's progress, and the status line."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from annotator.models import Label
from annotator.tui import styles
from annotator.tui.model import ArticleModel


class Legend(Widget, can_focus=False):
    """The four labels in their accepted and pending looks, and how far the article is."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: ArticleModel | None = None

    def show(self, model: ArticleModel) -> None:
        self.model = model
        self.refresh()

    def render(self) -> Text:
        legend = Text(no_wrap=True, overflow="ellipsis")
        short = self.size.width < 34
        for pending in (False, True):
            for label in Label:
                name = styles.SHORT[label] if short else label.value
                legend.append(f" {name.lower() if pending else name} ", styles.label_style(label, pending))
            legend.append("\n")
        legend.append("solid: accepted  plain: pending\n", "dim")
        legend.append("┃ quote ┆ pending ", "dim")
        legend.append(" speaker ", styles.SPEAKER)
        model = self.model
        if model is not None:
            legend.append(f"\n{model.pending_count} pending · {model.span_count} spans · ")
            legend.append(model.status.value.replace("_", " "), "bold")
        return legend


class StatusLine(Widget, can_focus=False):
    """One line: the current span, or the outcome of the last action."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def say(self, text: Text | str, style: str = "") -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style, no_wrap=True)
        self.refresh()

    def render(self) -> Text:
        return self.text
