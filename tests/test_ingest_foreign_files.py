"""`annotator ingest` given a Label Studio export (one JSON array, named .json) said only "expected a .txt or
.jsonl file", while `train --from` on the same file says it is one array, a Label Studio export, and names
`annotator import`. Ingest then said the same words; now it reads the tasks' texts (`test_ingest_labelstudio_tasks.py`)
and names the import in a note. The real console script on real files."""

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


def test_ingest_reads_a_label_studio_export_as_tasks_and_names_the_import(tmp_path: Path) -> None:
    """Ingest stores a Label Studio export's texts (trial t2 F: a project's unannotated tasks could not be brought
    in) and names the import for its annotations; `train --from` says it is an array, as before."""
    export = label_studio_export(tmp_path / "root.labelstudio.json")
    result = annotator("ingest", export, "--no-suggest", "--db", tmp_path / "t.db")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "annotator: note: of 1 Label Studio task(s), 1 carried annotations, which ingest does not read (their texts "
        f"are stored): `annotator import {export} --format labelstudio --db {tmp_path / 't.db'}` reads the annotations\n"
    )
    trained = annotator("train", "--from", export, "--db", tmp_path / "t.db", "--out", tmp_path / "m")
    assert one_error_line(trained) == f"{export}:1: {array(export, tmp_path / 't.db')}"


def test_another_file_is_still_refused_by_its_suffix(tmp_path: Path) -> None:
    other = tmp_path / "notes.md"
    other.write_text("# Notes\n", encoding="utf-8")
    result = annotator("ingest", other, "--db", tmp_path / "t.db")
    assert (
        one_error_line(result)
        == f"{other}: expected a .txt or .jsonl file, a Label Studio task file (JSON), or a folder of them"
    )
