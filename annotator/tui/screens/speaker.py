"""Choosing the speaker of a quote: a modal screen over the article that returns what was chosen.

It draws nothing of its own but its key line (its background is transparent, so the article stays in view): the
annotate screen below highlights the candidate through the `show` callback and gets the choice back when the
screen is dismissed. Its bindings carry the annotate screen's ids, so a keymap file remaps both alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from annotator.tui.model import Item
from annotator.tui.widgets.bars import KeyBar

#: What the screen returns: an ACTOR span's id, no speaker, unchanged (escape), or quit the app.
Choice = int | Literal["none", "cancel", "quit"]


class SpeakerScreen(ModalScreen[Choice]):
    """tab / shift+tab move among the candidates, enter confirms, x clears the speaker, escape cancels."""

    DEFAULT_CSS = """
    SpeakerScreen {
        background: transparent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "step(1)", "Next", id="next_span"),
        Binding("shift+tab", "step(-1)", "Previous", show=False, id="previous_span"),
        Binding("enter", "choose", "Confirm", id="accept"),
        Binding("x,delete", "clear", "No speaker", id="reject"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, candidates: Sequence[Item], index: int, show: Callable[[Item], None]) -> None:
        super().__init__()
        self.candidates = list(candidates)
        self.index = index
        self.show = show

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def on_mount(self) -> None:
        self.show(self.candidates[self.index])

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.candidates)
        self.show(self.candidates[self.index])

    def action_choose(self) -> None:
        self.dismiss(self.candidates[self.index].id)

    def action_clear(self) -> None:
        self.dismiss("none")

    def action_cancel(self) -> None:
        self.dismiss("cancel")

    def action_quit(self) -> None:
        self.dismiss("quit")

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
