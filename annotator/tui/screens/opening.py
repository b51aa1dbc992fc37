"""The keys that open another screen or close their own, which `KeysAheadApp` holds the keys typed after.

Such a key is not a priority binding: the app hands it to the focused widget, and its action runs only once the
key has come back up to the app, after every key already waiting has been handed on too. Typed as fast as a paste
(tmux send-keys in one call), `l / p o r t enter enter` on the article went to the article, not the list `l` opens:
its own search went to 'Port Mellin' and the second enter accepted the suggestion there. So the keys read after one
of these wait until its action has run and the screen then on top is mounted and has the focus, and go on there
in the order typed, as if typed slowly. A priority key that opens a line to type into (`/`, `F`, `C`) acts as it is
read: its screen holds the keys itself (`TypedInto`).
"""

from __future__ import annotations

from textual.screen import Screen

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
