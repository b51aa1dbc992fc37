"""The review panel: the current disagreement with every annotator's version and the key that picks it.

Its hints (progress, what d and g do) wrap onto as many rows as they need, so every word shows in the narrow side
panel of an 80-column screen; a version's span text, which the article shows in full, is cut to one row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from annotator.tui import styles
from annotator.tui.layout import display
from annotator.vocabulary import Label
from annotator.wording import counted

if TYPE_CHECKING:
    from annotator.gold import ReviewState
    from annotator.metrics.consensus import Disagreement
    from annotator.rows import SpanLike, SpanRow

SNIPPET = 60


def _span_text(span: SpanLike, text: str, dark: bool) -> Text:
    """One span of a version: short label (in its look) and its text; article text is never markup."""
    line = Text()
    line.append(styles.SHORT[span.label], styles.label_style(span.label, "span", dark))
    words = display(span.text[:SNIPPET].replace("\n", " "))
    if span.label is Label.QUOTE:
        speaker = display(text[span.speaker.start : span.speaker.end]) if span.speaker else "no speaker"
        line.append(f" {speaker}:", "bold")
    line.append(f" {words}")
    return line


class DisagreementPanel(Widget, can_focus=False):
    """Progress through the article's disagreements, then the current one: who has what, and pick keys."""

    DEFAULT_CSS = """
    DisagreementPanel {
        height: auto;
        max-height: 14;
        margin-bottom: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = Group()

    def show(
        self, state: ReviewState, index: int | None, annotators: Sequence[str], keys: str, text: str, done: bool
    ) -> None:
        lines: list[Text | _Heading] = []
        total, left = len(state.disagreements), len(state.open)
        agreed = "in gold" if state.agreed_event is not None else "not in gold (g puts them back)"
        lines.append(Text(f"{counted(len(state.agreed), 'agreed span')} {agreed}" if state.agreed else "No span agreed by all",
                          "dim"))  # fmt: skip
        if not total:
            lines.append(Text("No disagreements: d marks gold done", "bold green" if not done else "green"))
        else:
            look = styles.DISPUTED + Style(bold=True)  # the look of its words in the article
            lines.append(
                _Heading(f"Disagreement {index + 1 if index is not None else '-'}/{total}", f"{left} open", look)
            )
            if left == 0 and not done:  # under its heading: the versions below may run past the panel (trial 31)
                lines.append(Text("All settled: d marks gold done", "bold green"))
        if index is not None and total:
            disagreement: Disagreement[SpanRow] = state.disagreements[index]
            settled = state.settled_by[index]
            lines.append(Text(f"{disagreement.kind.value} · " + (f"settled: {settled}" if settled else "open"),
                              "green" if settled else "yellow"))  # fmt: skip
            for key, name in zip(keys, annotators, strict=False):
                spans = disagreement.versions.get(name, [])
                head = Text(f"{key} ", "bold reverse" if settled == name else "bold")
                head.append(display(name))
                if not spans:
                    head.append(" (nothing)", "dim")
                lines.append(head)
                dark = self.app.current_theme.dark
                lines.extend(_one_row(Text("  ").append_text(_span_text(span, text, dark))) for span in spans)
        self.content = Group(*lines)
        self.refresh(layout=True)

    def render(self) -> Group:
        return self.content


class _Heading:
    """The progress line, "Disagreement 2/11 · 10 open" on one row where it fits, else the count of open ones on
    a row of its own: never "open" alone under the number it counts (trial 24)."""

    def __init__(self, position: str, left: str, style: Style) -> None:
        self.position, self.left, self.style = position, left, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = f"{self.position} · {self.left}"
        yield from [Text(line, self.style)] if len(line) <= options.max_width else [
            Text(self.position, self.style), Text(self.left, self.style)
        ]  # fmt: skip


def _one_row(line: Text) -> Text:
    """A line cut to the panel's width with an ellipsis (the others wrap)."""
    line.no_wrap, line.overflow = True, "ellipsis"
    return line
