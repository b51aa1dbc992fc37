"""User settings: a TOML file mapping binding ids to keys (applied with `App.set_keymap`), and two options.

Looked up at $ANNOTATOR_KEYMAP, else ~/.config/annotator/keymap.toml. Example:

    next_undecided = "tab,J"   # several keys: comma-separated, or a list ["tab", "J"]
    reject = "x,delete,backspace"
    auto_advance = false       # after a decision or an add where ; stops, stay (default true: go on to the next)
    theme = "light"            # "dark" (the default) or "light"
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from annotator.errors import InputError, json_kind
from annotator.places import open_regular

if TYPE_CHECKING:
    from textual.screen import Screen

ENVIRONMENT = "ANNOTATOR_KEYMAP"
THEMES = {"dark": "textual-dark", "light": "textual-light"}
#: Binding ids of earlier releases, whose names said the opposite of the keys' help ("next_span" was tab, the next
#: item still to decide; "next_item" was ".", the next span): refused with the new name, never read as another key.
RENAMED = {
    "next_span": ("next_undecided", "tab"),
    "previous_span": ("previous_undecided", "shift+tab"),
    "next_item": ("next_any_span", "."),
    "previous_item": ("previous_any_span", ","),
}
#: The modifiers Textual puts before a key's name ("ctrl+shift+left").
MODIFIERS = ("shift", "ctrl", "alt", "meta", "super", "hyper")
NOT_A_KEY = (
    "is not a key (a character, or a key name such as enter, tab, f5 or question_mark, after ctrl+, shift+, alt+ "
    "or meta+ if any)"
)


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
    from annotator.tui.screens.prompts import DonePrompt, OpenDisagreementsPrompt, SkipPrompt, TextPrompt
    from annotator.tui.screens.review import ReviewScreen
    from annotator.tui.screens.search import SearchScreen
    from annotator.tui.screens.speaker import SpeakerScreen

    main = ReviewScreen if review else AnnotateScreen
    prompts = (OpenDisagreementsPrompt,) if review else ()
    return (main, SpeakerScreen, ArticleListScreen, HelpScreen, DonePrompt, SkipPrompt, TextPrompt, SearchScreen,
            MessagesScreen, *prompts)  # fmt: skip


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
        owner: dict[str, tuple[str, str]] = {}  # a key's canonical name -> (binding id, the key as written there)
        for binding in _bindings(screen):
            binding_id = binding.id or binding.action
            for key in (k.strip() for k in keymap.get(binding_id, binding.key).split(",")):
                same = canonical(key)
                first, written = owner.get(same, (binding_id, key))
                if first != binding_id:
                    return (key, binding_id, first) if binding_id in keymap else (written, first, binding_id)
                owner[same] = (binding_id, key)
    return None


def canonical(key: str) -> str:
    """The one name Textual matches a key by: a character as its name ("?" is question_mark), an alias as what it
    stands for (ctrl+i is tab, ctrl+m enter): so "?" and "question_mark" are the same key when checking clashes."""
    from textual.keys import KEY_ALIASES, _character_to_key  # Textual is pinned exactly

    *modifiers, name = key.split("+")
    if len(name) == 1:
        name = _character_to_key(name)
    written = "+".join([*modifiers, name])
    return next((main for main, aliases in KEY_ALIASES.items() if written in aliases), written)


@cache
def _key_names() -> frozenset[str]:
    """The names Textual gives keys that are no single character: enter, tab, f5, pageup, slash, ..."""
    from textual.keys import KEY_ALIASES, REPLACED_KEYS, Keys

    names = {key.value.rpartition("+")[2] for key in Keys if not key.value.startswith("<")}
    names.update(alias.rpartition("+")[2] for aliases in KEY_ALIASES.values() for alias in aliases)
    return frozenset(names | set(REPLACED_KEYS))


def is_key(key: str) -> bool:
    """Whether Textual can report `key` (as a binding names it: "a", "A", "?", "question_mark", "ctrl+x",
    "shift+tab"): a binding to anything else would never fire."""
    from textual.keys import _character_to_key, key_to_character  # Textual is pinned exactly

    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, name = key.split("+")
    if len(set(modifiers)) != len(modifiers) or not set(modifiers) <= set(MODIFIERS):
        return False
    if len(name) == 1:
        return bool(modifiers) and name.isprintable() and not name.isspace()
    if name in _key_names():
        return True
    character = key_to_character(name)  # a character's name: question_mark, full_stop, left_curly_bracket
    return character is not None and _character_to_key(character) == name


#: The key a line sets, as the file spells it: bare, a basic string (with its escapes) or a literal one, then `=`
#: (`key = `), `.` (a dotted `key.x = `) or, in a table's header (`[key]`, `[[key]]`), `]` or `.`.
_SETS = re.compile(r"""\s*(\[\[?\s*)?([A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')\s*([=.\]])""")


def _line_of(text: str, key: str) -> int | None:
    """The line of the file that sets `key`, for the error that names it: its key read as TOML reads it, so that
    one spelled with escapes ("a\\u001bb") is found as the key it names."""
    import tomllib

    for number, line in enumerate(text.splitlines(), start=1):
        found = _SETS.match(line)
        if found is None or found[3] == ("=" if found[1] else "]"):
            continue
        spelled = found[2]
        try:
            named = tomllib.loads(f"k = {spelled}")["k"] if spelled[0] in "\"'" else spelled
        except tomllib.TOMLDecodeError:
            continue
        if named == key:
            return number
    return None


def _toml_problem(message: str, text: str) -> tuple[int | None, str]:
    """(line, problem in words) of a TOML syntax error, as the file:line form of every input error has them: tomllib
    ends its message with "(at line 2, column 11)" or "(at end of document)"."""
    found = re.fullmatch(r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)", message, re.DOTALL)
    if found is None:  # another wording than tomllib's of Python 3.11 to 3.13: its message as it is
        return None, message
    words, line, column = found.groups()
    words = words[:1].lower() + words[1:]
    if line is None:
        return max(len(text.splitlines()), 1), f"{words} at the end of the file; is the file truncated?"
    if words == "illegal character '\\n'":  # a string left open: TOML's strings end on their line
        return int(line), "unterminated string: no closing quote before the end of the line"
    return int(line), f"{words} at column {column}"


def load_keymap(path: Path | None, *, review: bool = False) -> Settings:
    """The settings in `path` (the defaults when None), checked for the annotate app's screens or the review
    app's: one-line errors name the file and the id."""
    if path is None:
        return Settings()
    import tomllib  # only with a keymap: most start-ups have none

    from annotator.exchange.files import decode

    try:  # a FIFO is refused unopened, as every input is: reading one would wait before the screen for ever
        with os.fdopen(open_regular(path, follow=True), "rb") as stream:
            text = decode(stream.read(), path)  # not UTF-8: the line of the first bad byte
    except OSError as error:
        raise InputError(f"cannot read the keymap: {error.strerror}", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, problem = _toml_problem(str(error), text)
        raise InputError(f"not valid TOML: {problem}", path=str(path), line=line) from None
    except RecursionError:  # arrays or inline tables hundreds deep: tomllib recurses once a level
        raise InputError("not valid TOML: nested too deeply", path=str(path)) from None

    def wrong(field: str, message: str) -> InputError:
        return InputError(message, path=str(path), line=_line_of(text, field), field=field)

    auto_advance = data.pop("auto_advance", True)
    if not isinstance(auto_advance, bool):
        raise wrong("auto_advance", "expected true or false")
    theme = data.pop("theme", "dark")
    if theme not in THEMES:
        raise wrong("theme", f"expected one of {', '.join(THEMES)}")
    known = binding_ids()
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if isinstance(keys, dict):
            raise wrong(
                binding_id, f"the keymap has no tables: put each binding id at the top level, without [{binding_id}]"
            )
        if binding_id in RENAMED:
            new, key = RENAMED[binding_id]
            raise wrong(binding_id, f"renamed {new} (the binding of {key}): write {new} = ... in its place")
        if binding_id not in known:
            raise wrong(
                binding_id,
                f"unknown binding id (known: {', '.join(sorted(known))}, and the options auto_advance, theme)",
            )
        if isinstance(keys, list) and keys and all(isinstance(k, str) and k for k in keys):
            keys = ",".join(keys)
        if keys == [] or (isinstance(keys, str) and not keys.strip()):
            raise wrong(
                binding_id,
                f'no key given (an empty {"list" if keys == [] else "string"}): name one or more keys, as "enter" '
                f'or "enter,y", or leave {binding_id} out for its default',
            )
        if not isinstance(keys, str):
            raise wrong(binding_id, f"expected keys as a string or a list of strings, got {_not_keys(keys)}")
        for key in (k.strip() for k in keys.split(",")):
            if not is_key(key):
                raise wrong(binding_id, f"{key!r} {NOT_A_KEY}")
        keymap[binding_id] = keys
    found = clash(keymap, review)
    if found:
        key, remapped, other = found
        advice = "" if other in keymap else f": remap {other} too"
        raise wrong(remapped, f"key {key!r} is also {other}'s{advice}")
    return Settings(keymap, auto_advance, theme)


def _not_keys(keys: Any) -> str:
    """What a binding's value is instead of keys: in a list, the first item that is no key's name and its position
    (`accept = ["enter", 5]`: "got a list" named neither)."""
    if not isinstance(keys, list):
        return json_kind(keys)
    position, item = next((n, k) for n, k in enumerate(keys, 1) if not (isinstance(k, str) and k))
    if isinstance(item, str):
        what = "an empty string"
    elif isinstance(item, int | float) and not isinstance(item, bool):
        what = f"{item!r}, {json_kind(item)},"
    else:
        what = "a table" if isinstance(item, dict) else json_kind(item)
    return f"{what} at position {position} of the list"
