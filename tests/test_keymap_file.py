"""The keymap file, read as the real console script reads it ($ANNOTATOR_KEYMAP) before the screen opens: a line
binding something that is no key (a binding that could never fire) is refused in one line naming file, line and
field, as every other mistake in the file is (found by an attacker: it was accepted silently)."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator, one_error_line

NOT_A_KEY = "is not a key (a character, or a key name such as enter, tab, f5 or question_mark, after ctrl+, shift+, alt+ or meta+ if any)"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    return tmp_path


def annotate_with(folder: Path, keymap: str) -> str:
    (folder / "keys.toml").write_text(keymap, encoding="utf-8")
    result = annotator(
        "annotate",
        "--db",
        "x.db",
        "--annotator",
        "alice",
        cwd=folder,
        timeout=60,
        env={"ANNOTATOR_KEYMAP": "keys.toml"},
        terminal=True,
    )
    return one_error_line(result)


@pytest.mark.parametrize(
    ("keys", "bad"),
    [
        ('"nope"', "nope"),
        ('"ctrl+"', "ctrl+"),
        ('"a,,b"', ""),
        ('["j", "tab", "Tab"]', "Tab"),
        ('"ctrl+shift+nope"', "ctrl+shift+nope"),
        ('"cmd+a"', "cmd+a"),
        ('"ctrl+ctrl+a"', "ctrl+ctrl+a"),
    ],
)
def test_a_binding_to_something_that_is_no_key_is_one_line_naming_file_line_and_field(
    folder: Path, keys: str, bad: str
) -> None:
    line = annotate_with(folder, f'# my keys\ntheme = "light"\n\n  accept = {keys}\n')
    assert line == f"keys.toml:4: field 'accept': {bad!r} {NOT_A_KEY}"


def test_an_empty_binding_says_it_is_empty(folder: Path) -> None:
    """Found by a newcomer: `accept = ""` said "expected keys as a string or a list of strings"; it was one."""
    assert annotate_with(folder, 'theme = "light"\naccept = ""\n') == (
        "keys.toml:2: field 'accept': no key given (an empty string): name one or more keys, as \"enter\" or "
        '"enter,y", or leave accept out for its default'
    )
    assert annotate_with(folder, "accept = []\n") == (
        "keys.toml:1: field 'accept': no key given (an empty list): name one or more keys, as \"enter\" or "
        '"enter,y", or leave accept out for its default'
    )
    assert annotate_with(folder, "accept = 3\n") == (
        "keys.toml:1: field 'accept': expected keys as a string or a list of strings, got a whole number"
    )


def test_a_table_in_the_keymap_names_its_line(folder: Path) -> None:
    """Found by a newcomer: a `[section]` line was refused without its line number."""
    assert annotate_with(folder, 'theme = "light"\n\n[keys]\naccept = "enter"\n') == (
        "keys.toml:3: field 'keys': the keymap has no tables: put each binding id at the top level, without [keys]"
    )


def test_a_character_and_its_name_or_an_alias_are_the_same_key_when_checking_clashes(folder: Path) -> None:
    """Found by a trial: `accept = "?"` was taken, so ? accepted and help could no longer be reached, while
    `accept = "question_mark"` was refused; ctrl+i is tab and ctrl+m enter to a terminal."""
    assert (
        annotate_with(folder, 'accept = "?"\n') == "keys.toml:1: field 'accept': key '?' is also help's: remap help too"
    )
    assert annotate_with(folder, 'reject = "ctrl+i"\n') == (
        "keys.toml:1: field 'reject': key 'ctrl+i' is also next_span's: remap next_span too"
    )


def test_every_mistake_in_the_keymap_names_its_line(folder: Path) -> None:
    assert annotate_with(folder, 'accept = "a"\n"acept" = "b"\n').startswith(
        "keys.toml:2: field 'acept': unknown binding id (known: "
    )
    assert annotate_with(folder, 'accept = "a"\ntheme = "pink"\n') == (
        "keys.toml:2: field 'theme': expected one of dark, light"
    )
    assert annotate_with(folder, "\nnext_span = 'q'\n") == (
        "keys.toml:2: field 'next_span': key 'q' is also quit's: remap quit too"
    )
