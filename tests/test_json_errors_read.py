"""Trial 23: a malformed JSONL line was said as "malformed.jsonl:2: not valid JSON (Unterminated string starting at,
column 19)", Python's message with the column glued on after its dangling "at". Every kind of JSON syntax error
reads as a sentence naming the column; a file's last line adds that it may be cut short. The real command on real
files, exact text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from real_files import run

FIRST = '{"text": "Rescuers searched all night."}\n'


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "Flood', "unterminated string starting at column 10"),
        ('{"text": }', "expected a value at column 10"),
        ('{text: "Flood"}', "expected a key in double quotes at column 2"),
        ('{"text" "Flood"}', "expected ':' after a key at column 9"),
        ('{"text": "Flood" "id": "x"}', "expected ',' or a closing bracket at column 18"),
        ('{"text": "Flood\tat dawn"}', "a tab or another control character inside a string at column 16"),
        ('{"text": "Flood \\q"}', "an unknown backslash escape in a string at column 17"),
        ('{"text": "Flood \\u12"}', "a \\u escape without four hex digits at column 18"),
        ('{"text": "Flood"} x', "more text after the JSON value at column 19"),
        ('{"text": "Flood",}', "expected a key in double quotes at column 18"),
    ],
)
def test_each_json_error_reads_as_a_sentence(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "malformed.jsonl"
    path.write_text(FIRST + line + "\n" + FIRST, encoding="utf-8")
    code, _, err = run("ingest", path, "--db", tmp_path / "m.db", "--no-suggest")
    assert (code, err) == (1, f"annotator: error: {path}:2: not valid JSON: {problem}\n")


def test_on_the_last_line_it_asks_whether_the_file_was_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text(FIRST + '{"text": "Flood', encoding="utf-8")
    code, _, err = run("ingest", path, "--db", tmp_path / "m.db", "--no-suggest")
    assert (code, err) == (
        1,
        f"annotator: error: {path}:2: not valid JSON: unterminated string starting at column 10; is the file "
        "truncated?\n",
    )


def test_a_json_array_file_says_it_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text('[{"data": {"text": "Flood"}}\n', encoding="utf-8")
    code, _, err = run("import", path, "--format", "labelstudio", "--db", tmp_path / "m.db")
    assert (code, err) == (
        1,
        f"annotator: error: {path}:2: not valid JSON: expected ',' or a closing bracket at column 1; is the file "
        "truncated?\n",
    )


def test_nesting_too_deep_says_it_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(FIRST + '{"text": "x", "meta": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}\n")
    code, _, err = run("ingest", path, "--db", tmp_path / "m.db", "--no-suggest")
    assert (code, err) == (1, f"annotator: error: {path}:2: not valid JSON: nested too deeply\n")


def test_a_damaged_predictions_manifest_says_it_the_same_way(tmp_path: Path) -> None:
    from annotator.errors import InputError
    from annotator.exchange.manifest import MANIFEST, read_manifest

    (tmp_path / MANIFEST).write_text('{"format": "annotator-predictions",\n "shards": [', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_manifest(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / MANIFEST}:2: not a predictions manifest: not valid JSON: expected a value at column 13"
    )


@pytest.mark.parametrize("command", [["ingest", "--no-suggest"], ["import"]])
def test_a_line_that_is_no_json_at_all_is_not_asked_about_truncation(tmp_path: Path, command: list[str]) -> None:
    """A newcomer's trial: a one-line file "not json at all" was asked "is the file truncated?". A file cut short
    fails where the text ends; this one fails at its first character."""
    path = tmp_path / "notes.jsonl"
    path.write_text("not json at all\n", encoding="utf-8")
    code, _, err = run(command[0], path, *command[1:], "--db", tmp_path / "m.db")
    assert (code, err) == (1, f"annotator: error: {path}:1: not valid JSON: expected a value at column 1\n")


def test_an_error_before_the_end_of_the_last_line_is_not_asked_about_truncation(tmp_path: Path) -> None:
    path = tmp_path / "last.jsonl"
    path.write_text(FIRST + '{"text": }\n', encoding="utf-8")
    code, _, err = run("ingest", path, "--db", tmp_path / "m.db", "--no-suggest")
    assert (code, err) == (1, f"annotator: error: {path}:2: not valid JSON: expected a value at column 10\n")


def test_a_json_array_file_of_no_json_at_all_is_not_asked_about_truncation(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text("not json at all\n", encoding="utf-8")
    code, _, err = run("import", path, "--format", "labelstudio", "--db", tmp_path / "m.db")
    assert (code, err) == (1, f"annotator: error: {path}:1: not valid JSON: expected a value at column 1\n")
