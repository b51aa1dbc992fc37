"""User keymaps: a TOML file mapping binding ids to keys, applied with `App.set_keymap`.

Looked up at $ANNOTATOR_KEYMAP, else ~/.config/annotator/keymap.toml. Example:

    next_span = "tab,j"        # several keys: comma-separated, or a list ["tab", "j"]
    reject = "x,delete,backspace"
"""

from __future__ import annotations

import os
from pathlib import Path

from annotator.errors import InputError

ENVIRONMENT = "ANNOTATOR_KEYMAP"


def default_path() -> Path | None:
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    path = Path.home() / ".config" / "annotator" / "keymap.toml"
    return path if path.is_file() else None


def binding_ids() -> dict[str, str]:
    """Every remappable binding id and its description."""
    from annotator.tui.screens.annotate import AnnotateScreen
    from annotator.tui.screens.article_list import ArticleListScreen
    from annotator.tui.screens.help import HelpScreen

    ids: dict[str, str] = {}
    for screen in (AnnotateScreen, ArticleListScreen, HelpScreen):
        for binding in screen.BINDINGS:
            if getattr(binding, "id", None):
                ids[binding.id] = binding.description  # type: ignore[union-attr]
    return ids


def load_keymap(path: Path | None) -> dict[str, str]:
    """The keymap in `path` (nothing when None), checked: one-line errors name the file and the id."""
    if path is None:
        return {}
    import tomllib  # only with a keymap: most start-ups have none

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read the keymap: {error.strerror}", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"not valid TOML: {error}", path=str(path)) from None
    known = binding_ids()
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if binding_id not in known:
            raise InputError(
                f"unknown binding id (known: {', '.join(sorted(known))})", path=str(path), field=binding_id
            )
        if isinstance(keys, list) and keys and all(isinstance(k, str) and k for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str) or not keys.strip():
            raise InputError("expected keys as a string or a list of strings", path=str(path), field=binding_id)
        keymap[binding_id] = keys
    return keymap
