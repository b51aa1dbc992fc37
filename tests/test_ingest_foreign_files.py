"""`annotator ingest` given a Label Studio export (one JSON array, named .json) said only "expected a .txt or
.jsonl file", while `train --from` on the same file says it is one array, a Label Studio export, and names
`annotator import`. Ingest now says the same words. The real console script on real files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line


def array(path: Path, db: Path) -> str:
    """The error for a JSON array, with the import that reads it into the command's database, `db`."""
    return (
        f"this is a JSON array; expected JSONL, one JSON object a line (a Label Studio export is one array: "
        f"`annotator import {path} --format labelstudio --db {db}`)"
    )


def label_studio_export(path: Path) -> Path:
    task = {"id": 1, "data": {"text": "Ann met Bob in Lyon."}, "annotations": [{"result": []}]}
    path.write_text(json.dumps([task], indent=2), encoding="utf-8")
    return path


def test_ingest_says_a_label_studio_export_is_one(tmp_path: Path) -> None:
    export = label_studio_export(tmp_path / "root.labelstudio.json")
    result = annotator("ingest", export, "--db", tmp_path / "t.db")
    assert result.returncode == 1
    assert one_error_line(result) == f"{export}:1: {array(export, tmp_path / 't.db')}"
    trained = annotator("train", "--from", export, "--db", tmp_path / "t.db", "--out", tmp_path / "m")
    assert one_error_line(trained) == one_error_line(result)  # the same words as train --from


def test_another_file_is_still_refused_by_its_suffix(tmp_path: Path) -> None:
    other = tmp_path / "notes.md"
    other.write_text("# Notes\n", encoding="utf-8")
    result = annotator("ingest", other, "--db", tmp_path / "t.db")
    assert one_error_line(result) == f"{other}: expected a .txt or .jsonl file, or a folder of them"
