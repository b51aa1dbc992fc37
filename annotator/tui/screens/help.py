"""The help screen: the keys as currently bound (after any keymap file), by group, and the short annotation guide."""

from __future__ import annotations

from importlib.resources import files
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

from annotator.tui.bindings import GROUPS, keys_shown

KEYS_WIDTH = 14  # the keys column: the longest default keys ("page down", "shift+tab") and some


def guide_text() -> str:
    return files("annotator.tui").joinpath("guide.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Keys and guide; escape, q or ? closes it (Textual's own `dismiss` action, with no result)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close", id="close_help")]

    def __init__(self, own: tuple[str, list[Binding]] | None = None) -> None:
        """`own`: a heading and the keys of the screen asking, shown instead of the article screen's (the article
        list's: newcomer 42k found the annotation keys there, none of which works in the list)."""
        super().__init__()
        self.own = own

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._keys(), id="help-keys")
            yield Markdown(guide_text(), id="help-guide")

    def on_mount(self) -> None:
        self._above_status()

    def on_resize(self) -> None:
        self.call_after_refresh(self._above_status)

    def _above_status(self) -> None:
        """End the window above the status line and the key bar of the screens below, however many lines the
        status takes (trials 19-20: at 80x24 the window covered the status line wrapped onto two lines, and the
        words of the status were hidden while help was open)."""
        below: list[Screen[object]] = []
        for screen in reversed(self.app.screen_stack):
            if screen is not self:
                below.append(screen)
                if not isinstance(screen, ModalScreen):  # the screen the modal ones stand over
                    break
        tops = [w.region.y for s in below for w in s.query("#status, KeyBar") if w.region.height]
        self.query_one("#help").styles.margin = (1, 0, self.size.height - min(tops) if tops else 0, 0)

    def _keys(self) -> Group:
        from annotator.tui.screens.annotate import AnnotateScreen

        intro = Text("Keys", style="bold")
        intro.append("  (remap them in a keymap file: see the README; escape closes this help)", style="dim")
        parts: list[RenderableType] = [intro]
        keymap: dict[str, str] = getattr(self.app, "keymap", {})  # keys from the keymap file replace the defaults
        if self.own is not None:
            heading, own = self.own
            return Group(*parts, *_group(heading, [(keys_shown(b, keymap), b.tooltip or b.description) for b in own]))
        below = next((s for s in reversed(self.app.screen_stack) if isinstance(s, AnnotateScreen)), None)
        bound = {b.id for b in type(below).BINDINGS if isinstance(b, Binding)} if below else None
        shown: set[str | None] = set()
        for heading, bindings in GROUPS:
            lines = []
            for binding in bindings:
                if bound is not None and binding.id not in bound:
                    continue  # the review screen leaves skip and flag out
                shown.add(binding.id)
                lines.append((keys_shown(binding, keymap), binding.tooltip or ""))
            parts += _group(heading, lines)
        extra = [b for b in type(below).BINDINGS if isinstance(b, Binding) and b.id not in shown] if below else []
        if extra:  # the review screen's own keys
            lines = list(getattr(below, "HELP_EXTRA", []))
            lines += [(keys_shown(b, keymap), b.tooltip or b.description) for b in extra]
            parts += _group("Reviewing", lines)
        return Group(*parts)


def _group(heading: str, lines: list[tuple[str, str]]) -> list[RenderableType]:
    """A heading and its key lines: keys right-aligned in a column of their own, each description wrapping
    under itself (never back under the keys)."""
    table = Table.grid(padding=(0, 0, 0, 2))
    table.add_column(min_width=KEYS_WIDTH, justify="right", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for keys, line in lines:
        table.add_row(Text(keys, style="bold"), Text(line))
    return [Text(""), Text(heading, style="bold underline"), table]
