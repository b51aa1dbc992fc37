"""An article id is a name people read in one-line messages, search for and pass between files: a control character
in it (a NUL, a tab, a line break, an escape, DEL, a C1 control) or a line or paragraph separator is refused where
it is read, in one line naming file, line and field, as an annotator's name with one is (trial 26: `"id":
"a\\u0000b"` was stored). The real console script on real files; a refused command leaves no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.store import Store

BAD_IDS = {
    "nul": "a\x00b",
    "tab": "a\tb",
    "newline": "a\nb",
    "carriage return": "a\rb",
    "escape": "\x1b[31ma1",
    "delete": "a1\x7f",
    "C1 control": "a\x9b1",
    "next line": "a\x85b",
    "line separator": "a\u2028b",
}


@pytest.mark.parametrize("article_id", list(BAD_IDS.values()), ids=list(BAD_IDS))
def test_ingest_refuses_an_id_with_a_control_character(tmp_path: Path, article_id: str) -> None:
    path = tmp_path / "in.jsonl"
    first = json.dumps({"id": "ok", "text": "Ann met Bob in Lyon."})
    path.write_text(first + "\n" + json.dumps({"id": article_id, "text": "Ann met Bob."}) + "\n", encoding="utf-8")
    assert one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{path}:2: field 'id': an article id may not contain a control character: {article_id!r}"
    )
    assert not (tmp_path / "a.db").exists()


def test_import_refuses_an_article_id_with_a_control_character(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    record = {"article_id": "a\x00b", "text": "Ann met Bob.", "annotator": "alice", "status": "done"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert one_error_line(annotator("import", path, "--db", tmp_path / "a.db")) == (
        f"{path}:1: field 'article_id': an article id may not contain a control character: 'a\\x00b'"
    )
    assert not (tmp_path / "a.db").exists()


def test_another_format_refuses_it_too(tmp_path: Path) -> None:
    path = tmp_path / "tasks.jsonl"
    task = {"text": "Ann met Bob.", "meta": {"article_id": "a\tb"}, "spans": [], "answer": "accept"}
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    line = one_error_line(annotator("import", path, "--format", "prodigy", "--annotator", "alice", "--db", tmp_path / "a.db"))  # fmt: skip
    assert line == f"{path}:1: field 'article_id': an article id may not contain a control character: 'a\\tb'"
    assert not (tmp_path / "a.db").exists()


def test_a_long_id_is_shown_by_its_start(tmp_path: Path) -> None:
    article_id = "x" * 50 + "\x00"
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": article_id, "text": "Ann met Bob."}) + "\n", encoding="utf-8")
    assert one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{path}:1: field 'id': an article id may not contain a control character: {'x' * 40!r}... (51 characters)"
    )


#: Invisible format characters (names31): a bidi override or isolate reorders what an id is shown beside ("Trojan
#: Source"), a zero-width one makes "a\u200bb" another article than "ab" that looks the same.
FORMAT_IDS = {
    "right-to-left override": ("a\u202eb", "U+202E"),
    "left-to-right isolate": ("\u2066x\u2069", "U+2066"),
    "right-to-left mark": ("a\u200fb", "U+200F"),
    "zero-width space": ("a\u200bb", "U+200B"),
    "zero-width joiner": ("a\u200db", "U+200D"),
    "byte order mark": ("\ufeffa1", "U+FEFF"),
}


@pytest.mark.parametrize(("article_id", "code"), list(FORMAT_IDS.values()), ids=list(FORMAT_IDS))
def test_ingest_and_import_refuse_an_id_with_a_format_character(tmp_path: Path, article_id: str, code: str) -> None:
    path = tmp_path / "in.jsonl"
    first = json.dumps({"id": "ok", "text": "Ann met Bob in Lyon."})
    path.write_text(first + "\n" + json.dumps({"id": article_id, "text": "Ann met Bob."}) + "\n", encoding="utf-8")
    problem = f"an article id may not contain an invisible format character ({code}): {article_id!r}"
    assert one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{path}:2: field 'id': {problem}"
    )
    record = {"article_id": article_id, "text": "Ann met Bob.", "annotator": "alice", "status": "done"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert one_error_line(annotator("import", path, "--db", tmp_path / "a.db")) == (
        f"{path}:1: field 'article_id': {problem}"
    )
    assert not (tmp_path / "a.db").exists()


def test_ids_with_other_characters_are_kept_as_given(tmp_path: Path) -> None:
    """Spaces, punctuation, letters of any script and marks on them stay ids."""
    ids = ["a b", "news/2026/01?x=1&y=ü", "Łódź-7", "नमस्ते-1", "42"]
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": i, "text": f"Ann met Bob {n}."}) for n, i in enumerate(ids)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    with Store.open(tmp_path / "a.db") as store:
        assert store.article_ids() == ids
