"""A key read after a mouse event acts on what that event made current, however fast it came after it.

Textual runs a key's binding once the key has come back up to the app, but hands a mouse event (and the `Click` a
press and a release make) to the widget under the pointer, which handles it from its own queue and tells the
screen by a message of its own (`ArticleView.Pointed`, `SpanPanel.Chosen`), handled later still. A key read with
the click (one read of the terminal: tmux send-keys, a paste, ssh; or typed while the screen waited on another
process's write lock) acted first, on the span current before the click, and the click's status line then hid what
it did (a newcomer's trial: a click on 'India' and `x` rejected the quote current before, unseen).

So the keys and mouse events read after a mouse event wait (`KeysAheadApp`'s hold) until the widget it went to, and
each one between it and the screen, has handled what was queued there before it: a callback queued behind it on
each in turn, from the widget up, as the event bubbles. Twice over: the first pass sees the event itself handled,
the second what its handling posted (the widget's message going up to the screen, which acts on it). A widget gone
meanwhile never handles it (its screen was closed): the keys then go on at once (and, as after every hold, after
`AWAITED_SECONDS` at most).
"""

from __future__ import annotations

from textual import events
from textual.errors import NoWidget
from textual.message import Message
from textual.message_pump import MessagePump

from annotator.tui.screens.typed import AWAITED_SECONDS, KeysAheadApp

#: Passes up from the widget to the screen: the event, then the message its handler posted (see above).
PASSES = 2
#: How often a hold looks whether the widget it waits on is still there (a screen closed under the click).
GONE_CHECK_SECONDS = 0.5


class MouseOrderApp(KeysAheadApp):
    """The app's half: every mouse event read while keys are held waits behind them; every key and mouse event read
    after a mouse event waits until that event has acted (`Handled`)."""

    class Handled(Message):
        """The mouse event that set hold `holding` has been handled up to the screen: what came after it goes on."""

        def __init__(self, holding: int) -> None:
            super().__init__()
            self.holding = holding

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.MouseEvent) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._after_line is not None:  # read after keys still held: it acts after them
            self._after_line.append(event)
            return
        if isinstance(event, events.MouseMove) and not event.button and self.mouse_captured is None:
            await super().on_event(event)  # the pointer passing over: nothing acts on it but its look
            return
        chain = self._chain_to(event)
        await super().on_event(event)
        _Handling(self, chain * PASSES, self.hold_after_line([], AWAITED_SECONDS)).next_node()

    def _chain_to(self, event: events.MouseEvent) -> list[MessagePump]:
        """The widget the screen will hand `event` to (the one holding the mouse while a drag lasts, else the one
        under the pointer), then its parents up to the screen: where the event and its messages are handled."""
        screen = self.screen
        try:
            widget: MessagePump = self.mouse_captured or screen.get_widget_at(event.x, event.y)[0]
        except NoWidget:
            return [screen]
        chain: list[MessagePump] = []
        node: MessagePump | None = widget
        while node is not None and node is not self:
            chain.append(node)
            node = node._parent
        return chain

    async def on_mouse_order_app_handled(self, message: Handled) -> None:
        if message.holding == self._holding:
            await self._release_typed()

    def simulate_key(self, key: str) -> None:
        """A key a click stands for (the key bar's): it acts before the keys read after that click, which are held
        until the click has acted."""
        if self._after_line is not None:
            self._after_line.insert(0, events.Key(key, None))
            return
        super().simulate_key(key)


class _Handling:
    """One hold's wait: a callback queued behind what each node has waiting, one after the other; once the last
    has run, `Handled`. A node gone (closed, or no longer in the app) handles nothing more: passed over, also when
    it goes while the callback waits in its queue (looked at every `GONE_CHECK_SECONDS`)."""

    def __init__(self, app: MouseOrderApp, nodes: list[MessagePump], holding: int) -> None:
        self.app = app
        self.remaining = nodes
        self.holding = holding
        self.waiting: MessagePump | None = None
        self.watched = False  # the check for a node gone is set

    def next_node(self) -> None:
        if self.holding != self.app._holding:  # the hold lapsed meanwhile (its time limit)
            return
        while self.remaining:
            node = self.remaining.pop(0)
            if node.is_attached and node.call_later(self._back_from, node):
                if self.waiting is None and not self.watched:
                    self.watched = True
                    self.app.set_timer(GONE_CHECK_SECONDS, self._gone)
                self.waiting = node
                return
        self.waiting = None
        self.app.post_message(MouseOrderApp.Handled(self.holding))

    def _back_from(self, node: MessagePump) -> None:
        if node is self.waiting:
            self.next_node()

    def _gone(self) -> None:
        """The node waited on is gone with its queue: its callback will never run."""
        waiting = self.waiting
        if waiting is None or self.holding != self.app._holding:
            return
        if not waiting.is_attached:
            self.next_node()
        self.app.set_timer(GONE_CHECK_SECONDS, self._gone)
