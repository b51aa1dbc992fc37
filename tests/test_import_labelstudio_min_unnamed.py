"""A JSON_MIN record with labels but neither `annotator` nor `annotation_id`: label-studio-sdk's Converter writes
our own export so (our tasks name no user and carry no annotation id; `test_interop_labelstudio_sdk` asserts its
`annotator` is None). `--annotator alice` says whose work it is: it was dropped as a task nobody annotated
("left out: 3 task(s) without an annotation") and nothing was imported. Without the option it is refused at
`annotator`, as any record naming nobody is; a task with no labels is still counted and left out.

Real files: Label Studio 1.23.2's JSON_MIN of our export (tests/fixtures/real/labelstudio), its user and
annotation id taken out as the Converter leaves them; the real console script, on SQLite databases it made."""

from __future__ import annotations

import json
from pathlib import Path

from attack_support import ok, rows
from processes import annotator, one_error_line
from real_files import REAL

BACK_MIN = REAL / "labelstudio" / "ls1232_our_export_back_min.json"
UNNAMED = {"annotator": None, "annotation_id": None, "created_at": None, "updated_at": None, "lead_time": None}


def converters_min(folder: Path) -> Path:
    """Our export as the Converter writes it in JSON_MIN, and a fourth task nobody annotated (no `label`)."""
    records = [{**record, **UNNAMED} for record in json.loads(BACK_MIN.read_text(encoding="utf-8"))]
    bare = {key: value for key, value in records[2].items() if key != "label"} | {"article_id": "note-9", "id": 4}
    path = folder / "min.json"
    path.write_text(json.dumps([*records, bare], indent=1), encoding="utf-8")
    return path


def test_labels_naming_nobody_are_the_annotator_options_work(tmp_path: Path) -> None:
    converters_min(tmp_path)
    out = ok("import", "min.json", "--format", "labelstudio", "--annotator", "alice", "--db", "a.db", cwd=tmp_path)
    assert out.splitlines() == [
        "3 record(s) imported (3 new article(s)) -> a.db",
        "left out: 1 task(s) without an annotation",
        "left out: 2 quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export keeps them)",
        "note: 3 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status",
        "note: the 1 task(s) without an annotation: task 4 (min.json:132 record 4); ingest does not read Label "
        "Studio's JSON_MIN: its JSON export of the project is a task file `annotator ingest FILE` stores their "
        "texts from",
    ]
    assert rows(
        tmp_path / "a.db",
        "SELECT n.article_id, n.annotator, n.status, COUNT(s.start) FROM annotations n JOIN spans s "
        "ON s.article_id = n.article_id AND s.annotator = n.annotator GROUP BY 1, 2 ORDER BY 1",
    ) == [("note-0", "alice", "done", 4), ("note-1", "alice", "done", 4), ("note-2", "alice", "done", 3)]


def test_labels_naming_nobody_without_the_option_are_refused_at_annotator(tmp_path: Path) -> None:
    converters_min(tmp_path)
    result = annotator("import", "min.json", "--format", "labelstudio", "--db", "b.db", cwd=tmp_path)
    assert result.returncode == 1
    assert one_error_line(result) == (
        "min.json:42: record 1: field 'annotator': the record names no annotator; give --annotator"
    )
    assert not (tmp_path / "b.db").exists()
