"""The review panel: the current disagreement with every annotator's version and the key that picks it.

Its hints (progress, what d and g do) wrap onto as many rows as they need, so every word shows in the narrow side
panel of an 80-column screen; a version's span text, which the article shows in full, is cut to one row. The panel
grows to most of the side panel's height (at 200x50 three annotators' versions of five spans each show whole);
where the versions do not fit (80x24), its last row says how many rows are left and whose, and V (`page`) shows the
next annotator's, then goes back to the top (trial 31: a 14-row panel cut the third annotator's version off).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from annotator.tui import styles
from annotator.tui.layout import display
from annotator.versions import version_words
from annotator.wording import counted

if TYPE_CHECKING:
    from annotator.gold import ReviewState
    from annotator.metrics.consensus import Disagreement
    from annotator.rows import SpanLike, SpanRow


class _VersionRow:
    """One span of a version on one row: short label (in its look) and what tells it apart, fitted to the row's
    width (`versions.version_words`: at 80 columns the offsets and the differing edge's words, not the words from
    the start cut anywhere); article text is never markup."""

    def __init__(self, span: SpanLike, spans: list[SpanLike], text: str, dark: bool) -> None:
        self.span, self.spans, self.text, self.dark = span, spans, text, dark

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Text("  ")
        line.append(styles.SHORT[self.span.label], styles.label_style(self.span.label, "span", self.dark))
        room = options.max_width - line.cell_len - 1

        def cells(words: str) -> int:
            return cell_len(display(words))

        speaker, words = version_words(self.span, self.spans, self.text, room, cells)
        if speaker:
            line.append(f" {display(speaker)}:", "bold")
        line.append(f" {display(words)}")
        yield _one_row(line)


class _Whose:
    """An annotator's row: the pick key, the name and, for an empty version, "(nothing)", which the name is cut
    shorter for (a re-trial at 80 columns: "b bartholomew-feathersto…" with nothing under it read as a missing line)."""

    def __init__(self, key: str, name: str, picked: bool, nothing: bool) -> None:
        self.key, self.name, self.picked, self.nothing = key, name, picked, nothing

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Text(f"{self.key} ", "bold reverse" if self.picked else "bold")
        tail = " (nothing)" if self.nothing else ""
        name = Text(display(self.name))
        name.truncate(max(options.max_width - line.cell_len - len(tail), 1), overflow="ellipsis")
        line.append_text(name)
        line.append(tail, "dim")
        yield _one_row(line)


class DisagreementPanel(Widget, can_focus=False):
    """Progress through the article's disagreements, then the current one: who has what, and pick keys."""

    DEFAULT_CSS = """
    DisagreementPanel {
        height: auto;
        max-height: 70%;
        margin-bottom: 1;
    }
    """

    class Cut(Message):
        """Whether the versions shown are cut (V then shows the rest) changed: the key line follows it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.head: list[RenderableType] = []  # progress and hints: always shown, wrapped
        self.rows: list[tuple[str, RenderableType]] = []  # one row each: (whose, the row) for every version's rows
        self.first = 0  # the first version row shown, where they do not all fit
        self.cut = False
        self.more_key = "V"  # the key that shows the rest (the keymap file's, if it remaps more_versions)
        self._shown: tuple[int | None, int] = (None, 0)  # the disagreement shown: (index, its start)

    def show(
        self, state: ReviewState, agreed: str, index: int | None, annotators: Sequence[str], keys: str, text: str,
        done: bool,
    ) -> None:  # fmt: skip
        """`agreed` is the first line, what gold holds of the spans all agree on (`review_agreed.agreed_line`)."""
        lines: list[RenderableType] = []
        total, left = len(state.disagreements), len(state.open)
        lines.append(_Clauses(agreed.split(", "), Style(dim=True)))
        if not total:  # with gold done, say so, not what d would do (a re-trial, 38c)
            lines.append(Text("No disagreements: gold done", "green") if done
                         else Text("No disagreements: d marks gold done", "bold green"))  # fmt: skip
        else:
            look = styles.DISPUTED + Style(bold=True)  # the look of its words in the article
            lines.append(
                _Heading(f"Disagreement {index + 1 if index is not None else '-'}/{total}", f"{left} open", look)
            )
            if left == 0:  # under its heading: the versions below may run past the panel (trial 31)
                lines.append(Text("All settled, gold done", "green") if done
                             else Text("All settled: d marks gold done", "bold green"))  # fmt: skip
        rows: list[tuple[str, RenderableType]] = []
        if index is not None and total:
            disagreement: Disagreement[SpanRow] = state.disagreements[index]
            settled = state.settled_by[index]
            lines.append(Text(f"{state.kind(index)} · " + (f"settled: {settled}" if settled else "open"),
                              "green" if settled else "yellow"))  # fmt: skip
            dark = self.app.current_theme.dark
            every: list[SpanLike] = [span for spans in disagreement.versions.values() for span in spans]
            for key, name in zip(keys, annotators, strict=False):
                spans = disagreement.versions.get(name, [])
                rows.append((name, _Whose(key, name, settled == name, nothing=not spans)))
                rows.extend((name, _VersionRow(span, every, text, dark)) for span in spans)
        shown = (index, state.disagreements[index].start if index is not None and total else 0)
        if shown != self._shown:  # another disagreement: its versions from the top
            self._shown, self.first = shown, 0
        self.head, self.rows = lines, rows
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Every row, the versions' too: the panel's height (`max-height`) decides how many show."""
        return self._head_height(width) + len(self.rows)

    def _head_height(self, width: int) -> int:
        console = self.app.console
        return len(console.render_lines(Group(*self.head), console.options.update_width(max(width, 1)), pad=False))

    def render(self) -> Group:
        room = self.size.height - self._head_height(self.size.width)
        if len(self.rows) <= room or room < 2:
            self._set_cut(False)
            return Group(*self.head, *(row for _, row in self.rows))
        self._set_cut(True)
        room -= 1  # the last row says what is left and the key that shows it
        self.first = min(self.first, len(self.rows) - 1)
        window = self.rows[self.first : self.first + room]
        below = self.rows[self.first + room :]
        if below:
            names = ", ".join(dict.fromkeys(name for name, _ in below))
            hint = f"{self.more_key}: {counted(len(below), 'more row')} ({names})"
        else:
            hint = f"{self.more_key}: back up ({', '.join(dict.fromkeys(name for name, _ in self.rows[: self.first]))})"
        return Group(*self.head, *(row for _, row in window), _one_row(Text(hint, "bold yellow")))

    def page(self) -> None:
        """V: the rows of the next annotator whose version is not wholly shown (its rows on, where one alone
        needs more than the panel has); after the last, back to the top."""
        room = self.size.height - self._head_height(self.size.width) - 1
        end = self.first + room
        if not self.cut or end >= len(self.rows):
            self.first = 0
        else:
            cut_name = self.rows[end][0]
            starts = [i for i, (name, _) in enumerate(self.rows) if name == cut_name]
            self.first = starts[0] if starts[0] > self.first else end
        self.refresh()

    def _set_cut(self, cut: bool) -> None:
        if cut != self.cut:
            self.cut = cut
            self.post_message(self.Cut())


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


class _Clauses:
    """The agreed line, its clauses joined on a row while they fit and each begun on a row of its own where not,
    so that the narrow panel of an 80-column screen breaks it between them ("5/7 agreed spans in gold," over "2 taken
    out (u undoes)"), never inside one's hint ("(u" over "undoes)"); a clause wider than the panel breaks before its
    hint where what comes before it fits a row ("10 taken out" over "(u ×2 undoes)"), else it wraps."""

    def __init__(self, clauses: list[str], style: Style) -> None:
        self.clauses, self.style = clauses, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows: list[str] = []
        for index, clause in enumerate(self.clauses):
            clause += "," if index < len(self.clauses) - 1 else ""
            head, paren, hint = clause.partition(" (")
            wide = bool(paren) and cell_len(head) <= options.max_width < cell_len(clause)
            for part in [head, f"({hint}"] if wide else [clause]:
                if rows and cell_len(f"{rows[-1]} {part}") <= options.max_width:
                    rows[-1] += f" {part}"
                else:
                    rows.append(part)
        for row in rows:
            yield Text(row, self.style)


def _one_row(line: Text) -> Text:
    """A line cut to the panel's width with an ellipsis (the others wrap)."""
    line.no_wrap, line.overflow = True, "ellipsis"
    return line
