"""Small questions over the article: what `d` does with pending suggestions, a line of text (a flag's
reason, a comment), one character (where `t` jumps). Modal screens that return the answer; the article stays in view behind them."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from annotator.tui.widgets.bars import KeyBar


class DonePrompt(ModalScreen[str]):
    """Suggestions are still pending: accept them all and mark done, leave them undecided and mark done, or
    cancel; one key each. Returns "accept", "leave" or "cancel"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "choose('accept')", "Accept all, done", id="done_accept_all"),
        Binding("l", "choose('leave')", "Leave them, done", id="done_leave"),
        Binding("escape", "choose('cancel')", "Cancel", id="done_cancel"),
    ]

    def __init__(self, pending: int) -> None:
        super().__init__()
        self.pending = pending

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt"):
            some = f"{self.pending} suggestion{'s are' if self.pending != 1 else ' is'} still pending."
            yield Static(f"{some}\n\n a  accept them all, then mark the article done\n l  leave them undecided "
                         "and mark it done\n escape  cancel: keep working on it")  # fmt: skip
        yield KeyBar()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class TextPrompt(ModalScreen[str | None]):
    """One line of text: enter returns it (maybe empty), escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="prompt_cancel")]

    def __init__(self, question: str, name: str) -> None:
        super().__init__()
        self.question = question
        self.field = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt"):
            yield Static(self.question)
            yield Input(id=self.field)
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class CharPrompt(ModalScreen[str | None]):
    """One key: the character typed (a letter, a digit, ...), or None on escape or a key that types none. It
    draws one line at the bottom, the question; the article stays in view.

    Keys typed fast may reach this screen after it has answered (they were queued before it closed): those are
    sent on to the app, which gives them to the screen now shown, so they are neither lost nor taken as a
    second answer (a second `dismiss` would close the screen below)."""

    DEFAULT_CSS = """
    CharPrompt {
        background: transparent;
        align: left bottom;
    }
    CharPrompt > Static {
        height: 1;
        dock: bottom;
        background: $panel;
    }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Static(self.question)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.answered or not self.is_current:
            self.app.post_message(events.Key(event.key, event.character))
            return
        self.answered = True
        char = event.character if event.key != "escape" else None
        self.dismiss(char if char and char.isprintable() and not char.isspace() else None)
