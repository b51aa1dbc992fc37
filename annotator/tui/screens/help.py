"""The help screen: the keys as currently bound (after any keymap file), by group, and the short annotation guide."""

from __future__ import annotations

from importlib.resources import files
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from annotator.tui.bindings import GROUPS, keys_shown


def guide_text() -> str:
    return files("annotator.tui").joinpath("guide.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Keys and guide; escape, q or ? closes it (Textual's own `dismiss` action, with no result)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close", id="close_help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._keys(), id="help-keys")
            yield Markdown(guide_text(), id="help-guide")

    def _keys(self) -> Text:
        from annotator.tui.screens.annotate import AnnotateScreen

        keys = Text("Keys", style="bold")
        keys.append("  (remap them in a keymap file: see the README; escape closes this help)\n", style="dim")
        keymap: dict[str, str] = getattr(self.app, "keymap", {})  # keys from the keymap file replace the defaults
        below = next((s for s in reversed(self.app.screen_stack) if isinstance(s, AnnotateScreen)), None)
        bound = {b.id for b in type(below).BINDINGS if isinstance(b, Binding)} if below else None
        shown: set[str | None] = set()
        for heading, bindings in GROUPS:
            keys.append(f"\n{heading}\n", style="bold underline")
            for binding in bindings:
                if bound is not None and binding.id not in bound:
                    continue  # the review screen leaves skip and flag out
                shown.add(binding.id)
                keys.append(f"{keys_shown(binding, keymap):>14}  ", style="bold")
                keys.append(f"{binding.tooltip}\n")
        extra = [b for b in type(below).BINDINGS if isinstance(b, Binding) and b.id not in shown] if below else []
        if extra:  # the review screen's own keys
            keys.append("\nReviewing\n", style="bold underline")
            for names, line in getattr(below, "HELP_EXTRA", []):
                keys.append(f"{names:>14}  ", style="bold")
                keys.append(f"{line}\n")
            for binding in extra:
                keys.append(f"{keys_shown(binding, keymap):>14}  ", style="bold")
                keys.append(f"{binding.tooltip or binding.description}\n")
        return keys
