"""Stored and given text in the CLI's error lines is quoted as it is: a name or a span's words holding a backslash
or both quote marks showed through Python's repr before (`'O\\'Neil "Bo"'`, `'C:\\\\dir'`); now `literal.quoted`
puts them in, and `say` shows controls visibly as for any line. The real console script on real files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

TEXT = "Lee said 'x' \"y\" C:\\dir holds it. Police left."


def ingested(tmp_path: Path) -> Path:
    db, source = tmp_path / "a.db", tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", encoding="utf-8")
    assert annotator("ingest", source, "--no-suggest", "--db", db).returncode == 0
    return db


def test_pack_names_an_unassigned_annotator_as_given(tmp_path: Path) -> None:
    db = ingested(tmp_path)
    result = annotator("--db", db, "pack", "--annotator", 'O\'Neil "Bo"', "-o", tmp_path / "p.db")
    assert one_error_line(result) == (
        f"no article is assigned to 'O'Neil \"Bo\"' (assigned: nobody: run `annotator assign --db {db}` first)"
    )


def test_import_quotes_a_span_text_that_does_not_match_as_stored(tmp_path: Path) -> None:
    db, path = ingested(tmp_path), tmp_path / "rec.jsonl"
    start = TEXT.index("'x'")
    span = {"start": start, "end": start + 14, "label": "ACTOR", "text": "'x' \"y\" C:\\dor"}
    record = {"article_id": "a1", "text": TEXT, "annotator": "bob", "status": "done", "spans": [span]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert one_error_line(annotator("import", path, "--db", db)) == (
        f"{path}:1: field 'spans[0].text': text ''x' \"y\" C:\\dor' does not match the article at 9:23 "
        "(''x' \"y\" C:\\dir')"
    )


def test_ingest_names_an_article_id_stored_with_another_text_as_given(tmp_path: Path) -> None:
    db, first, second = tmp_path / "a.db", tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    article_id = 'C:\\x "y\'s"'
    first.write_text(json.dumps({"id": article_id, "text": "Ann met Bob."}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": article_id, "text": "Ann met Bill."}) + "\n", encoding="utf-8")
    assert annotator("ingest", first, "--no-suggest", "--db", db).returncode == 0
    assert one_error_line(annotator("ingest", second, "--no-suggest", "--db", db)).startswith(
        f"{second}:1: field 'id': article id 'C:\\x \"y's\"' is stored with a different text ("
    )


def test_assign_names_a_model_name_among_annotators_as_given(tmp_path: Path) -> None:
    db = ingested(tmp_path)
    assert one_error_line(annotator("--db", db, "assign", "--annotators", 'alice,model:O\'Neil "x"')) == (
        "--annotators: 'model:O'Neil \"x\"' names the model's suggestions, not an annotator"
    )
