"""A screen with a line to type into, opened by a key (the search, a comment, a flag's reason): what is typed
right after that key, as fast as a paste, belongs in the line.

Those keys arrive before the line exists. The key that opens the screen is a priority binding, so the screen is
pushed as that key is read, before the next one is; the app then hands every key it reads to `take` while the line
has not the focus, and the screen gives the held keys to the line once it has, in the order typed and ahead of
every key read after them (which the app sends to the focused line itself). The key that closes the line (enter,
escape) is the line's; the keys read after it are held by the app until the screen is gone (`Closed`), then go
where they would have gone had they been typed slowly: the screen below.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input

Result = TypeVar("Result")
#: The keys that close the line (enter: submitted; escape: cancelled).
CLOSING = frozenset({"enter", "escape"})


class TypedInto(ModalScreen[Result]):
    """A modal screen whose `Input` takes the keys typed before it could."""

    class Closed(Message):
        """The screen is gone: the keys typed after the one that closed it go on (`AnnotatorApp`)."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[events.Key] | None = []  # keys read before the line had the focus; None once it has it

    def on_mount(self) -> None:
        line = self.query_one(Input)
        self.set_focus(line)
        held, self.held = self.held or [], None
        for at, key in enumerate(held):  # queued now, as the app forwards a key: ahead of every key it reads later
            line._forward_event(key)
            if key.key in CLOSING:  # the rest are for the screen below, once this one is gone
                hold = getattr(self.app, "hold_after_line", None)
                if hold is not None:
                    hold(held[at + 1 :])
                    return

    def take(self, key: events.Key) -> bool:
        """Hold a key read before the line has the focus (it would reach no widget); False once it has: the app
        hands it to the focused line itself."""
        if self.held is None:
            return False
        self.held.append(key)
        return True

    def on_unmount(self) -> None:
        self.app.post_message(self.Closed())
