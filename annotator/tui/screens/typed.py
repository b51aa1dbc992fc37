"""A screen with a line to type into, opened by a key (the search, a comment, a flag's reason): what is typed
right after that key, as fast as a paste, belongs in the line.

Those keys arrive before the line exists. The key that opens the screen is a priority binding, so the screen is
pushed as that key is read (once the keys read before it have acted: `KeysAheadApp.hold_behind`), before the next
one is; the app then hands every key it reads to `take` while the line has not the focus, and the screen gives the
held keys to the line once it has, in the order typed and ahead of every key read after them (which the app sends
to the focused line itself). The key that closes the line (enter, escape) is the line's; the keys read after it are
held by the app until the screen is gone (`Closed`), then go where they would have gone had they been typed slowly:
the screen below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from annotator.tui.screens.opening import line_key, screen_key

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from textual.actions import ActionParseResult
    from textual.dom import DOMNode

Result = TypeVar("Result")
#: The keys that close the line (enter: submitted; escape: cancelled).
CLOSING = frozenset({"enter", "escape"})
#: Keys typed after one that closes a line go on by then even if the line's screen is somehow still there.
RELEASE_SECONDS = 0.5
#: The longest the keys typed after one that opens a screen wait for it (a busy machine, a large list).
OPENING_SECONDS = 3.0
#: The longest the keys after a key whose action they wait for are held while it is on its way (`hold_until_back`):
#: longer than any wait of its own (a write waits 10 seconds for another process's write lock at most).
AWAITED_SECONDS = 30.0


class TypedInto(ModalScreen[Result]):
    """A modal screen whose `Input` takes the keys typed before it could."""

    class Closed(Message):
        """The screen is gone: the keys typed after the one that closed it go on (`AnnotatorApp`). `holding`: the
        hold that key set (`KeysAheadApp.hold_after_line`), None if no key closed it: a Closed come after that hold
        lapsed lets go of no other key's (a comment saved while an import held the write lock: `C ok enter t d`
        let go of the d that t held for its character, and d marked the article done)."""

        def __init__(self, holding: int | None) -> None:
            super().__init__()
            self.holding = holding

    def __init__(self) -> None:
        super().__init__()
        self.held: list[events.Key] | None = []  # keys read before the line had the focus; None once it has it
        self.closing: int | None = None  # the hold the key that closed the line set (`Closed`)

    def on_mount(self) -> None:
        line = self.query_one(Input)
        self.set_focus(line)
        held, self.held = self.held or [], None
        for at, key in enumerate(held):  # queued now, as the app forwards a key: ahead of every key it reads later
            line._forward_event(key)
            # the rest are for the screen below, once this one is gone
            if key.key in CLOSING and isinstance(self.app, KeysAheadApp):
                self.closing = self.app.hold_after_line(held[at + 1 :])
                return

    def take(self, key: events.Key) -> bool:
        """Hold a key read before the line has the focus (it would reach no widget); False once it has: the app
        hands it to the focused line itself."""
        if self.held is None:
            return False
        self.held.append(key)
        return True

    def on_unmount(self) -> None:
        self.app.post_message(self.Closed(self.closing))


class HoldsAfterItsLine:
    """A screen with a line of its own (the article list's title search), not a screen over another: the keys read
    after one that closes the line wait until the screen has acted on it, as after a `TypedInto` screen; it posts
    `TypedInto.Closed` once what comes next has the focus (a newcomer's `/port enter enter` sent at once: the
    second enter reached the search box, which still had the focus, and did nothing)."""

    closing: int | None = None  # the hold the key that closed the line set (`TypedInto.Closed`)

    def line_has_focus(self) -> bool:
        raise NotImplementedError


class KeysAheadApp(App[None]):
    """The app's half: every key read while a `TypedInto` line cannot take it yet goes to the screen to hold, and
    every key read after the one that closes the line waits until the screen is gone (or, for a line of a screen's
    own, `HoldsAfterItsLine`, until the screen has acted on it). Every key read after one that opens another screen
    or closes its own (`screens.opening`) waits until its action has run and the screen on top then is mounted and
    has the focus. A key whose action the held keys wait for (one that opens a screen, t or T: `hold_until_back`)
    is waited for as long as it is on its way up to the app, however busy the machine."""

    class Opened(Message):
        """The screen a key opened (or the one below the screen it closed) is ready: the keys after it go on."""

        def __init__(self, holding: int) -> None:
            super().__init__()
            self.holding = holding

    class Passed(Message):
        """Sent after a line's key (`hold_behind`) to the widget the keys read before it went to, up to the app as
        they go: they have all come back and acted. `key` goes on as it is read, then the keys held after it."""

        def __init__(self, holding: int, key: events.Key) -> None:
            super().__init__()
            self.holding = holding
            self.key = key

    def __init__(self) -> None:
        super().__init__()
        self._after_line: list[events.InputEvent] | None = None  # keys (and clicks) typed after one that closes a line
        self._holding = 0  # which closing that was, for its time limit
        self._opening: str | None = None  # the action of a key read that opens a screen, until it runs
        #: (key, where it was sent, whether the held keys go on once it acted): the key whose action the held keys
        #: wait for, until it has come back up to the app (`_came_back`)
        self._awaited: tuple[events.Key, DOMNode, bool] | None = None
        self._passed: events.Key | None = None  # the line's key the keys read before it have acted ahead of

    async def on_event(self, event: events.Event) -> None:
        if self._awaited is not None and event is self._awaited[0]:
            await self._came_back(event, self._awaited[2])
            return
        if self._held(event):
            return
        await super().on_event(event)

    def _held(self, event: events.Event) -> bool:
        """A key typed before a screen's line could take it (`/` and a query as fast as a paste): the line gets it
        once it can, ahead of every key read after it; a key typed after the one that closes the line: it goes on
        once the line's screen is gone (`TypedInto`)."""
        if not isinstance(event, events.Key) or event.is_forwarded:  # (every other event: maybe no screen)
            return False
        if self._after_line is not None:
            self._after_line.append(event)
            return True
        screen = self.screen
        if not isinstance(screen, TypedInto):
            if event.key in CLOSING and isinstance(screen, HoldsAfterItsLine) and screen.line_has_focus():
                screen.closing = self.hold_after_line([])  # the line's key: what comes after it waits for `Closed`
            elif (action := screen_key(screen, event.key)) is not None:
                self._opening = action  # what comes after it waits for the screen it opens (`run_action`)
                self.hold_until_back(event, OPENING_SECONDS, acted=False)
            elif event is not self._passed and line_key(screen, event.key):
                return self.hold_behind(event)  # it acts once the keys before it have, the line's letters after it
            return False
        if screen.take(event):
            return True
        if event.key in CLOSING:  # the line's: what comes after it is for the screen below, once this one is gone
            screen.closing = self.hold_after_line([])
        return False

    def hold_after_line(self, keys: Sequence[events.InputEvent], seconds: float = RELEASE_SECONDS) -> int:
        """Hold `keys`, and every key read from now on, until the closing line's screen is gone; after `seconds`
        at most. The hold's number, which `Closed` names."""
        self._after_line = list(keys)
        self._awaited = None
        self._holding += 1
        holding = self._holding
        self.set_timer(seconds, lambda: self._lapsed(holding, seconds, seconds))
        return holding

    def hold_until_back(self, key: events.Key, seconds: float, acted: bool) -> None:
        """Hold every key read from now on until `key`, sent on to the focused widget now, has come back up to the
        app and its binding has run (`acted`: they go on then; else once the screen it opened is ready, `Opened`).
        Never while it is on its way (re-trial: `t d` with t refused, the article shown as stored, or slowed by a
        busy machine, let d go after 3 seconds as a key of its own, and it marked the article done); after `seconds`
        only if it was lost on the way (the widget it went to is gone)."""
        target = self.focused or self.screen
        self.hold_after_line([], seconds)
        self._awaited = (key, target, acted)

    def hold_behind(self, key: events.Key) -> bool:
        """Hold a line's key (C, F, /: a priority binding, which acts as it is read) and every key read after it until
        the keys read before it, sent on to the focused widget and acting only once back up at the app, have acted:
        `x C` at once opened the comment screen first, and x, back at the app over its line, was lost. A message
        sent after them on their way (`Passed`) says when; a widget gone meanwhile lets them go by the time limit.
        False: it acts now (the widget is closing and takes no message)."""
        target = self.focused or self.screen
        holding = self.hold_after_line([key], OPENING_SECONDS)
        if not target.post_message(self.Passed(holding, key)):
            self._after_line = None
            return False
        self._awaited = (key, target, True)  # held while that widget is there (`_lapsed`)
        return True

    async def on_keys_ahead_app_passed(self, message: Passed) -> None:
        if message.holding == self._holding:
            self._passed = message.key
            await self._release_typed()

    async def _came_back(self, key: events.Key, acted: bool) -> None:
        """The awaited key is back at the app: its binding runs (a jump then waits for the key after it); the held
        keys go on, unless it opened a screen, whose `Opened` lets them go once it is ready."""
        self._awaited, holding = None, self._holding
        await super().on_event(key)
        if holding == self._holding and (acted or self._opening is not None):  # else its screen's `Opened`
            await self._release_typed()

    async def _lapsed(self, holding: int, seconds: float, waited: float) -> None:
        """A hold's time limit: the held keys go on, unless the key they wait for is still on its way (for
        `AWAITED_SECONDS` at most: a key stopped on its way would hold every key after it for good)."""
        if holding != self._holding:
            return
        awaited = self._awaited
        if awaited is not None and awaited[1].is_attached and waited < AWAITED_SECONDS:
            self.set_timer(seconds, lambda: self._lapsed(holding, seconds, waited + seconds))
            return
        await self._release_typed()

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """A key's action; after that of a key that opens a screen (`_held`), the keys typed after it go on once the
        screen on top is ready (`_when_ready`)."""
        if self._opening is None or action != self._opening:
            return await super().run_action(action, default_namespace, namespaces)
        self._opening = None
        try:
            return await super().run_action(action, default_namespace, namespaces)
        finally:
            self._when_ready(self.screen, self._holding)

    def not_run(self, action: str | ActionParseResult) -> bool:
        """A key's action that was not run (the screen was shown as stored first): when it was to open a screen,
        the keys held after it go on now, not after `OPENING_SECONDS` (`S` pressed again did nothing meanwhile).
        True: the key is handled."""
        if self._opening is not None and action == self._opening:
            self._opening = None
            self._when_ready(self.screen, self._holding)
        return True

    def _when_ready(self, screen: Screen[Any], holding: int) -> None:
        """Once `screen` has handled what is already waiting for it (its mounting, the focus it gives on showing):
        the held keys go on, or, if another screen came on top meanwhile (a prompt's answer opened the list), once
        that one is ready."""

        def ready() -> None:
            if self.screen is not screen:
                self._when_ready(self.screen, holding)
            else:
                self.post_message(self.Opened(holding))

        screen.call_later(ready)

    async def on_keys_ahead_app_opened(self, message: Opened) -> None:
        if message.holding == self._holding:
            await self._release_typed()

    async def on_typed_into_closed(self, message: TypedInto.Closed) -> None:
        if message.holding == self._holding:  # never another key's hold, set since that one lapsed
            await self._release_typed()

    async def _release_typed(self) -> None:
        """The keys held after a line closed (or a screen opened), handled now in the order typed (ahead of any key
        read later). A screen key whose action never ran (the time limit let them go) is waited for no longer."""
        keys, self._after_line, self._opening, self._awaited = self._after_line or [], None, None, None
        for key in keys:
            await self.on_event(key)
