"""User settings: a TOML file mapping binding ids to keys (applied with `App.set_keymap`), and two options.

Looked up at $ANNOTATOR_KEYMAP, else ~/.config/annotator/keymap.toml. Example:

    next_span = "tab,j"        # several keys: comma-separated, or a list ["tab", "j"]
    reject = "x,delete,backspace"
    auto_advance = false       # after a decision, stay on the span (default true: go to the next to decide)
    theme = "light"            # "dark" (the default) or "light"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from annotator.errors import InputError

if TYPE_CHECKING:
    from textual.screen import Screen

ENVIRONMENT = "ANNOTATOR_KEYMAP"
THEMES = {"dark": "textual-dark", "light": "textual-light"}


@dataclass(frozen=True)
class Settings:
    """What the keymap file says: keys by binding id, whether decisions advance, the colour theme."""

    keys: dict[str, str] = field(default_factory=dict)
    auto_advance: bool = True
    theme: str = "dark"


def default_path() -> Path | None:
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    path = Path.home() / ".config" / "annotator" / "keymap.toml"
    return path if path.is_file() else None


def _screens(review: bool) -> tuple[type[Screen[Any]], ...]:
    """The screens of the annotate app, or of the review app: both read the same keymap file."""
    from annotator.tui.screens.annotate import AnnotateScreen
    from annotator.tui.screens.article_list import ArticleListScreen
    from annotator.tui.screens.help import HelpScreen
    from annotator.tui.screens.messages import MessagesScreen
    from annotator.tui.screens.prompts import DonePrompt, TextPrompt
    from annotator.tui.screens.review import ReviewScreen
    from annotator.tui.screens.search import SearchScreen
    from annotator.tui.screens.speaker import SpeakerScreen

    main = ReviewScreen if review else AnnotateScreen
    return (main, SpeakerScreen, ArticleListScreen, HelpScreen, DonePrompt, TextPrompt, SearchScreen, MessagesScreen)


def _bindings(screen: type[Screen[Any]]) -> list[Binding]:
    """A screen's bindings (ours are all `Binding`s, never Textual's tuple shorthand)."""
    return [binding for binding in screen.BINDINGS if isinstance(binding, Binding)]


def binding_ids() -> dict[str, str]:
    """Every remappable binding id, in either app, and its description."""
    screens = {*_screens(review=False), *_screens(review=True)}
    return {b.id: b.description for screen in screens for b in _bindings(screen) if b.id}


def clash(keymap: dict[str, str], review: bool = False) -> tuple[str, str, str] | None:
    """(key, binding id, other binding id) when, after remapping, one key would do two things on a screen."""
    for screen in _screens(review):
        owner: dict[str, str] = {}
        for binding in _bindings(screen):
            binding_id = binding.id or binding.action
            for key in (k.strip() for k in keymap.get(binding_id, binding.key).split(",")):
                if owner.get(key, binding_id) != binding_id:
                    first, second = owner[key], binding_id
                    return (key, second, first) if second in keymap else (key, first, second)
                owner[key] = binding_id
    return None


def load_keymap(path: Path | None, *, review: bool = False) -> Settings:
    """The settings in `path` (the defaults when None), checked for the annotate app's screens or the review
    app's: one-line errors name the file and the id."""
    if path is None:
        return Settings()
    import tomllib  # only with a keymap: most start-ups have none

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read the keymap: {error.strerror}", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"not valid TOML: {error}", path=str(path)) from None
    auto_advance = data.pop("auto_advance", True)
    if not isinstance(auto_advance, bool):
        raise InputError("expected true or false", path=str(path), field="auto_advance")
    theme = data.pop("theme", "dark")
    if theme not in THEMES:
        raise InputError(f"expected one of {', '.join(THEMES)}", path=str(path), field="theme")
    known = binding_ids()
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if binding_id not in known:
            raise InputError(
                f"unknown binding id (known: {', '.join(sorted(known))}, and the options auto_advance, theme)",
                path=str(path),
                field=binding_id,
            )
        if isinstance(keys, list) and keys and all(isinstance(k, str) and k for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str) or not keys.strip():
            raise InputError("expected keys as a string or a list of strings", path=str(path), field=binding_id)
        keymap[binding_id] = keys
    found = clash(keymap, review)
    if found:
        key, remapped, other = found
        advice = "" if other in keymap else f": remap {other} too"
        raise InputError(f"key {key!r} is also {other}'s{advice}", path=str(path), field=remapped)
    return Settings(keymap, auto_advance, theme)
