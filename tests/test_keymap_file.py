"""The keymap file, read as the real console script reads it ($ANNOTATOR_KEYMAP) before the screen opens: a line
binding something that is no key (a binding that could never fire) is refused in one line naming file, line and
field, as every other mistake in the file is (found by an attacker: it was accepted silently)."""

from __future__ import annotations

import contextlib
import os
import threading
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
        "keys.toml:1: field 'reject': key 'ctrl+i' is also next_undecided's: remap next_undecided too"
    )


def test_every_mistake_in_the_keymap_names_its_line(folder: Path) -> None:
    assert annotate_with(folder, 'accept = "a"\n"acept" = "b"\n').startswith(
        "keys.toml:2: field 'acept': unknown binding id (known: "
    )
    assert annotate_with(folder, 'accept = "a"\ntheme = "pink"\n') == (
        "keys.toml:2: field 'theme': expected one of dark, light"
    )
    assert annotate_with(folder, "\nnext_undecided = 'q'\n") == (
        "keys.toml:2: field 'next_undecided': key 'q' is also quit's: remap quit too"
    )


@pytest.mark.parametrize(
    ("keymap", "line"),
    [
        ('theme = "light"\naccept = [x\n', "keys.toml:2: not valid TOML: invalid value at column 11"),
        ('accept = "a"\naccept = "b"\n', "keys.toml:2: not valid TOML: cannot overwrite a value at column 13"),
        (
            'accept = "a" x\n',
            "keys.toml:1: not valid TOML: expected newline or end of document after a statement at column 14",
        ),
        ("# keys\naccept\n", "keys.toml:2: not valid TOML: expected '=' after a key in a key/value pair at column 7"),
        (
            'theme = "light"\n\naccept = "a',
            "keys.toml:3: not valid TOML: unterminated string at the end of the file; is the file truncated?",
        ),
        (
            'accept = ["a"\n',
            "keys.toml:1: not valid TOML: unclosed array at the end of the file; is the file truncated?",
        ),
        (  # a string left open with the line break an editor saves after it (a newcomer's trial, 36b)
            'accept = "enter\nreject = "x"\n',
            "keys.toml:1: not valid TOML: unterminated string: no closing quote before the end of the line",
        ),
    ],
)
def test_a_toml_syntax_error_names_file_and_line(folder: Path, keymap: str, line: str) -> None:
    """Trial 26: a broken keymap said "keys.toml: not valid TOML: Invalid value (at line 2, column 11)", the line
    in tomllib's words after the file instead of in the file:line form every other input error has."""
    assert annotate_with(folder, keymap) == line


def test_a_keymap_that_is_not_utf8_names_the_line_of_the_bad_byte(folder: Path) -> None:
    (folder / "keys.toml").write_bytes(b'theme = "light"\naccept = "\xe9"\n')
    result = annotator("annotate", "--db", "x.db", cwd=folder, env={"ANNOTATOR_KEYMAP": "keys.toml"}, terminal=True)
    assert one_error_line(result) == "keys.toml:2: not UTF-8 (byte 0xe9)"


def test_a_dotted_key_names_its_line(folder: Path) -> None:
    assert annotate_with(folder, 'theme = "light"\naccept.key = "a"\n') == (
        "keys.toml:2: field 'accept': the keymap has no tables: put each binding id at the top level, without [accept]"
    )


@pytest.mark.parametrize(
    ("keymap", "line"),
    [
        ('accept = "a"\n\nnope = "b"\n', "keys.toml:3: field 'nope': unknown binding id (known: "),
        ('# keys\naccept = "enter,notakey"\n', f"keys.toml:2: field 'accept': 'notakey' {NOT_A_KEY}"),
        (
            'accept = ["a", 3]\n',
            "keys.toml:1: field 'accept': expected keys as a string or a list of strings, got 3, a whole number, at "
            "position 2 of the list",
        ),
        (
            'accept = ["enter", "", "y"]\n',
            "keys.toml:1: field 'accept': expected keys as a string or a list of strings, got an empty string at "
            "position 2 of the list",
        ),
        (
            'accept = ["enter", ["y"]]\n',
            "keys.toml:1: field 'accept': expected keys as a string or a list of strings, got a list at position 2 "
            "of the list",
        ),
        ("\nauto_advance = 1\n", "keys.toml:2: field 'auto_advance': expected true or false"),
    ],
)
def test_a_wrong_value_names_file_line_and_field(folder: Path, keymap: str, line: str) -> None:
    assert annotate_with(folder, keymap).startswith(line)


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("next_span", "next_undecided", "tab"),
        ("previous_span", "previous_undecided", "shift+tab"),
        ("next_item", "next_any_span", "."),
        ("previous_item", "previous_any_span", ","),
    ],
)
def test_an_id_of_an_earlier_release_is_refused_with_its_new_name(folder: Path, old: str, new: str, key: str) -> None:
    """next_span named tab (the next item still to decide) and next_item "." (the next span), the opposite of what
    the help says of them (a newcomer's trial, 36): an old file is refused naming the new id, never read as the other
    key's binding."""
    assert annotate_with(folder, f'accept = "a"\n{old} = "j"\n') == (
        f"keys.toml:2: field '{old}': renamed {new} (the binding of {key}): write {new} = ... in its place"
    )


def test_the_readme_s_keymap_example_works_in_both_screens(tmp_path: Path) -> None:
    """The README's example remapped tab to "tab,j", and j is the review screen's next disagreement: `annotator
    review` refused to open with it (a newcomer's trial, 36b). Its TOML block loads for both apps as written."""
    from annotator.tui.keymap import load_keymap

    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "keys.toml").write_text(block, encoding="utf-8")
    annotate, review = (load_keymap(tmp_path / "keys.toml", review=flag) for flag in (False, True))
    assert (
        annotate.keys
        == review.keys
        == {
            "next_undecided": "tab,J",
            "previous_undecided": "shift+tab,K",
            "reject": "x,delete,backspace",
        }
    )


def test_a_keymap_nested_too_deeply_is_one_line(folder: Path) -> None:
    """Found by an attacker (trial 39a, 5): arrays nested 500 deep made tomllib recurse past Python's limit, and
    the screen's start printed a 3,000-line RecursionError traceback; JSON inputs say "nested too deeply"."""
    assert annotate_with(folder, "a = " + "[" * 500 + "]" * 500 + "\n") == (
        "keys.toml: not valid TOML: nested too deeply"
    )


def test_a_keymap_that_is_a_fifo_is_refused_at_once(folder: Path) -> None:
    """Found by an attacker (trial 39a, 6): $ANNOTATOR_KEYMAP naming a FIFO blocked for ever before the screen, in
    silence; every other input refuses one at once, unread."""
    os.mkfifo(folder / "keys.toml")
    unblock = threading.Timer(20, writer_opens_and_closes, [folder / "keys.toml"])  # a hang fails, not hangs, the test
    unblock.start()
    try:
        result = annotator(
            "annotate", "--db", "x.db", "--annotator", "alice", cwd=folder, timeout=30,
            env={"ANNOTATOR_KEYMAP": "keys.toml"}, terminal=True,
        )  # fmt: skip
    finally:
        unblock.cancel()
    assert one_error_line(result) == "keys.toml: cannot read the keymap: a FIFO (named pipe), not a regular file"


def writer_opens_and_closes(fifo: Path) -> None:
    """A reader blocked opening `fifo` goes on, reading nothing; with no reader, nothing happens."""
    with contextlib.suppress(OSError):  # ENXIO: nobody has it open to read
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ('"a\\u001bb"', "a\u241bb"),
        ('"tab\\there"', "tab\u2409here"),
        ('"say \\"hi\\""', 'say "hi"'),
        ("'C:\\x'", "C:\\x"),
        ('"caf\\u00e9"', "café"),
    ],
)
def test_a_quoted_key_written_with_escapes_names_its_line(folder: Path, key: str, field: str) -> None:
    """The line is found by the key as TOML reads it, not as the file spells it (an attacker's `"a\\u001bb"` on line
    3 named no line, where a plain key's error named it)."""
    line = annotate_with(folder, f'theme = "light"\n\n{key} = "z"\n')
    assert line.startswith(f"keys.toml:3: field '{field}': unknown binding id (known: ")
