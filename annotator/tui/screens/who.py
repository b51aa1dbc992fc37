"""Who is annotating? Asked first in a browser session (`annotator serve` without --annotator): the names
with assignments are offered; any other name can be typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from annotator.literal import quoted
from annotator.tui.layout import display
from annotator.vocabulary import entered_name, is_model, reserved_problem


class WhoScreen(ModalScreen[str]):
    """Dismissed with the chosen annotator's name."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "app.quit", "Quit", show=False, id="who_quit")]

    def __init__(self, names: list[str], problem_of: Callable[[str], str | None] = lambda name: None) -> None:
        super().__init__()
        self.names = names
        self.problem_of = problem_of  # why the database refuses a name typed (`store.new_names.given_problem`)

    def compose(self) -> ComposeResult:
        with Vertical(id="who"):
            yield Static(Text("Who is annotating?", style="bold"))
            if self.names:
                yield Static(Text("Choose your name (↑ ↓, enter), or type it below:", style="dim"))
                yield OptionList(*(Option(Text(display(name)), id=name) for name in self.names), id="who-names")
            yield Input(placeholder="your name, then enter", id="who-name", select_on_focus=False)  # typed on: kept

    def on_mount(self) -> None:
        if self.names:
            names = self.query_one(OptionList)
            names.highlighted = 0
            names.focus()
        else:
            self.query_one(Input).focus()

    def on_key(self, event: events.Key) -> None:
        """A letter typed in the list of names starts the name box (trial s56 t12 F1: the letters went nowhere,
        and enter then took the name highlighted: "dan" typed opened the screen as alice)."""
        if event.is_printable and event.character and isinstance(self.focused, OptionList):
            event.stop()
            event.prevent_default()
            box = self.query_one(Input)
            box.focus()
            box.insert_text_at_cursor(event.character)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name, problem = entered_name(event.value.strip())
        if not name:
            self.notify("Type a name (or choose one above)", severity="warning")
        elif reserved_problem(name):
            self.notify(str(reserved_problem(name)), severity="warning", markup=False)
        elif is_model(name):
            self.notify(
                f"{quoted(name)} names the model's suggestions, not an annotator", severity="warning", markup=False
            )
        elif problem:
            self.notify(problem, severity="warning", markup=False)  # the one rule for names (never a path, in NFC)
        elif self.problem_of(name):  # the database's: it looks like a name there ("аӀісе" where alice works)
            self.notify(str(self.problem_of(name)), severity="warning", markup=False)
        else:
            self.dismiss(name)
