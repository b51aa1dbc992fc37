"""The help screen: the keys as currently bound (after any keymap file) and the short annotation guide."""

from __future__ import annotations

from importlib.resources import files
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static


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
        keys.append("  (remap them in a keymap file: see the README)\n", style="dim")
        keymap = getattr(self.app, "keymap", {})  # keys from the keymap file replace the defaults
        below = next((s for s in reversed(self.app.screen_stack) if isinstance(s, AnnotateScreen)), None)
        for binding in type(below).BINDINGS if below is not None else AnnotateScreen.BINDINGS:  # review adds keys
            assert isinstance(binding, Binding)
            shown = keymap.get(binding.id or "", binding.key)
            names = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in shown.split(","))
            keys.append(f"{names:>18}  ", style="bold")
            keys.append(f"{binding.description}\n")
        return keys
