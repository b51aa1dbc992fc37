"""The keys that open another screen or close their own, which `KeysAheadApp` holds the keys typed after.

Such a key is not a priority binding: the app hands it to the focused widget, and its action runs only once the
key has come back up to the app, after every key already waiting has been handed on too. Typed as fast as a paste
(tmux send-keys in one call), `l / p o r t enter enter` on the article went to the article, not the list `l` opens:
its own search went to 'Port Mellin' and the second enter accepted the suggestion there. So the keys read after one
of these wait until its action has run and the screen then on top is mounted and has the focus, and go on there
in the order typed, as if typed slowly. A priority key that opens a line to type into (`/`, `F`, `C`) acts as it is
read (its screen holds the keys typed after it itself: `TypedInto`), once the keys read before it have acted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from annotator.tui.failures import STORE_ERRORS

if TYPE_CHECKING:
    from annotator.tui.screens.article import ArticleScreen

#: By screen class name (the first found in its class's order), the ids of its bindings that may open another
#: screen or close it.
SCREEN_KEYS: dict[str, frozenset[str]] = {
    # l the list, ? help, M messages, s the speaker choice, d (S) the done (skip) prompt or the list when none is
    # left; enter on a quote and 4 ask for its speaker with auto-advance on
    "ArticleScreen": frozenset({"articles", "help", "messages", "speaker", "done", "skip", "accept", "label_quote"}),
    "ArticleListScreen": frozenset({"list_open", "list_back", "list_help"}),
    "SpeakerScreen": frozenset({"accept", "label_actor", "reject", "cancel", "quit", "help"}),
    "HelpScreen": frozenset({"close_help"}),
    "MessagesScreen": frozenset({"close_messages"}),
    "DonePrompt": frozenset({"done_accept_all", "done_leave", "done_cancel"}),
    "YesPrompt": frozenset({"skip_confirm", "skip_cancel", "open_done", "open_cancel"}),
}


def screen_key(screen: Screen[object], key: str) -> str | None:
    """The action of `key` on `screen` when it may open another screen or close this one (`SCREEN_KEYS`), else
    None; a priority binding acts as it is read and needs no holding."""
    ids = next((SCREEN_KEYS[c.__name__] for c in type(screen).__mro__ if c.__name__ in SCREEN_KEYS), frozenset())
    found = screen.active_bindings.get(key)
    if found is None or found.binding.priority:
        return None
    return found.binding.action if found.binding.id in ids else None


#: The ids of the priority bindings that open a line to type into: the article's search, flag reason and comment,
#: the speaker choice's search (`TypedInto`), the list's title search (`HoldsAfterItsLine`).
LINE_KEYS = frozenset({"search", "flag", "comment", "list_search"})


def line_key(screen: Screen[object], key: str) -> bool:
    """Whether `key` opens a line on `screen` as it is read (a priority binding, not while the line has the focus):
    it waits for the keys read before it to act first (`KeysAheadApp.hold_behind`)."""
    found = screen.active_bindings.get(key)
    return found is not None and found.enabled and found.binding.priority and found.binding.id in LINE_KEYS


#: The longest the keys read after t or T wait for the jump while it is lost on its way (`KeysAheadApp`): as long
#: as t is on its way up to the app they wait, however busy the machine.
JUMP_HOLD_SECONDS = 3.0


def jump_key(screen: Screen[Any], key: str) -> bool:
    """Whether `key` is t or T (as the keymap has them) on this screen: the next key will be a jump's character."""
    found = screen.active_bindings.get(key)
    return found is not None and found.enabled and "jump(" in found.binding.action


#: The actions of the article's line keys (`LINE_KEYS`): they act on nothing the annotation holds until their line
#: is closed, over the article as stored by then.
LINE_ACTIONS = frozenset({"search", "comment", "finish('flagged')"})


def moves_by_text(action: object) -> bool:
    """Whether an action is t's or T's: it goes by the article's characters, which no annotation changes, so an
    article shown as stored first does not change what it means (`AnnotatorApp.run_action`)."""
    return isinstance(action, str) and action.startswith("jump(")


def caught_up_before(screen: ArticleScreen, action: object, failed: Callable[[Exception], None]) -> bool:
    """The article shown as stored before a key that reads it (`ArticleScreen.catch_up`); True when it was and the
    key is not run. t or T runs all the same, after a store error in the catch-up too (said by `failed`): refused,
    it let the key typed after it act as a key of its own (`t d` marked the article done, or, on a damaged file,
    opened the done prompt). So do C, F and /: refused, the letters typed after them acted on the article (`/Mary`
    opened the messages with M)."""
    if not moves_by_text(action) and action not in LINE_ACTIONS:
        return screen.catch_up(key=True)
    try:
        screen.catch_up()
    except STORE_ERRORS as error:
        failed(error)
    return False
