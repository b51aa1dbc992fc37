"""Searching the article: a line at the bottom; the cursor jumps to the next match as the query is typed.

enter keeps the cursor there, down and up go to the next and the previous match, escape goes back to where
the search started. The query of the last search is offered again, so `/` then enter from a match goes on to
the next one (wrapping around; from the only match the cursor stays, and the line says so). The annotate screen
does the moving (`preview`); after the search, its next and previous match keys repeat it.

A query typed as fast as a paste right after `/` goes into the line (`TypedInto`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from annotator.tui.screens.typed import TypedInto

#: Moves the cursor to a match of the query (step 1 the next, -1 the previous, after the token `origin` when
#: given); says how many matches there are.
Preview = Callable[[str, int, int | None], str]


class SearchScreen(TypedInto[str | None]):
    """Returns the query (enter) or None (escape)."""

    DEFAULT_CSS = """
    SearchScreen {
        background: transparent;
        align: left bottom;
    }
    SearchScreen > Horizontal {
        height: 1;
        dock: bottom;
        background: $panel;
    }
    SearchScreen Input, SearchScreen Input:focus {
        border: none;
        height: 1;
        padding: 0;
        width: 1fr;
    }
    SearchScreen Static {
        width: auto;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", id="search_cancel"),
        Binding("down,tab", "step(1)", "Next match", id="search_next"),
        Binding("up,shift+tab", "step(-1)", "Previous match", id="search_previous"),
    ]

    def __init__(self, query: str, preview: Preview, origin: int) -> None:
        super().__init__()
        self.initial = query
        self.preview = preview
        self.origin = origin  # the token the search starts after

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("/")
            yield Input(self.initial, id="query", select_on_focus=True)
            yield Static("", id="matches")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#matches", Static).update(self.preview(event.value, 1, self.origin))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_step(self, step: int) -> None:
        query = self.query_one(Input).value
        if query:
            self.query_one("#matches", Static).update(self.preview(query, step, None))

    def action_cancel(self) -> None:
        self.dismiss(None)
