"""The message log (M): every message of this session, newest last, none of them cut."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from annotator.tui.layout import display


class MessagesScreen(ModalScreen[None]):
    """escape, q or M closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,M", "dismiss", "Close", id="close_messages")]

    def __init__(self, messages: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.messages = list(messages)

    def compose(self) -> ComposeResult:
        text = Text("Messages", style="bold")
        text.append("  (newest last; escape closes)\n", style="dim")
        for at, message in self.messages or [("", "No messages yet.")]:
            text.append(f"{at} ", style="dim")
            text.append(f"{display(message)}\n")  # stored text in it, shown literally as on the status line
        with VerticalScroll(id="help"):
            yield Static(text)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).scroll_end(animate=False)
