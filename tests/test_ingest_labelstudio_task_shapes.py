"""A newcomer from Label Studio: task files its importer takes that ingest refused. Label Studio reads a task
without `data` as the task's data (`[{"text": ...}]` is `[{"data": {"text": ...}}]`), and a file of one JSON
object as a list of that task (label-studio `data_import/models.py`, `read_tasks_list_from_json`; its docs: "in
case `data` field is missing in imported task object, the whole task body is interpreted as task['data']").
Ingest sent the first to `import`, which took the records for JSON_MIN nobody annotated, and the second was
"expected a .txt or .jsonl file". The files are made by hand in the shapes Label Studio documents as its input;
the real console script reads them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from processes import annotator, one_error_line

REAL = Path(__file__).parent / "fixtures" / "real" / "labelstudio"
BANK = "PORT MAREN - Harbor Bank was fined $4 million on Tuesday by the Maren Financial Authority."
BRIDGE = "Mayor Li Wei opened the Eastvale bridge on Saturday, two years after floods destroyed the old one."


def stored(db: Path) -> list[tuple[str, dict[str, Any]]]:
    """(text, meta) of every stored article, in the order ingested."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT text, meta FROM articles ORDER BY rowid").fetchall()
    return [(text, json.loads(meta)) for text, meta in rows]


def ingest(*args: str, cwd: Path) -> str:
    result = annotator("ingest", *args, "--no-suggest", "--db", "t.db", cwd=cwd)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def test_a_flat_array_of_task_data_is_read_as_tasks(tmp_path: Path) -> None:
    """Each object is a task's data: its other fields in meta, an `id` among them (Label Studio keeps it in the
    data too: the server numbers its tasks)."""
    flat = [{"text": BANK, "id": 5}, {"text": BRIDGE, "headline": "Bridge opens"}]
    (tmp_path / "flat.json").write_text(json.dumps(flat, indent=2), encoding="utf-8")
    assert ingest("flat.json", cwd=tmp_path) == "2 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
    assert stored(tmp_path / "t.db") == [
        (BANK, {"id": 5, "source": "flat.json record 1"}),
        (BRIDGE, {"headline": "Bridge opens", "source": "flat.json record 2"}),
    ]


def test_a_flat_array_with_the_projects_text_field(tmp_path: Path) -> None:
    flat = [{"article": BANK, "headline": "Bank fined"}]
    (tmp_path / "flat.json").write_text(json.dumps(flat, indent=2), encoding="utf-8")
    missing = annotator("ingest", "flat.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(missing) == (
        "flat.json:2: record 1: field 'text': the task's data has no 'text' (it has 'article', 'headline'): give the "
        'field the project\'s labelling config reads (<Text value="$NAME">) with --text-field NAME, e.g. --text-field '
        "article"
    )
    assert not (tmp_path / "t.db").exists()
    ingest("flat.json", "--text-field", "article", cwd=tmp_path)
    assert stored(tmp_path / "t.db") == [(BANK, {"headline": "Bank fined", "source": "flat.json record 1"})]


def test_tasks_with_and_without_data_in_one_file(tmp_path: Path) -> None:
    tasks = [{"id": 3, "data": {"text": BANK}}, {"text": BRIDGE}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    assert ingest("tasks.json", cwd=tmp_path) == "2 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
    assert stored(tmp_path / "t.db") == [
        (BANK, {"labelstudio_task_id": 3, "source": "tasks.json record 1"}),
        (BRIDGE, {"source": "tasks.json record 2"}),
    ]


def test_an_array_of_annotations_without_data_is_still_sent_to_import(tmp_path: Path) -> None:
    """The Converter's JSON_MIN of our export names no annotator, but its labels are annotations: import's."""
    records = [{"text": BANK, "label": [{"start": 14, "end": 25, "text": "Harbor Bank", "labels": ["ACTOR"]}]}]
    (tmp_path / "min.json").write_text(json.dumps(records), encoding="utf-8")
    result = annotator("ingest", "min.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "min.json:1: this is a JSON array of records of annotations (Label Studio's JSON_MIN, or another tool's), not "
        "Label Studio tasks to ingest: `annotator import min.json --format labelstudio --db t.db` reads a Label Studio "
        "export (the project's JSON export is a task file ingest reads)"
    )


def test_one_task_object_is_one_task(tmp_path: Path) -> None:
    (tmp_path / "task.json").write_text(json.dumps({"id": 9, "data": {"text": BANK}}, indent=2), encoding="utf-8")
    (tmp_path / "data.json").write_text(json.dumps({"text": BRIDGE, "headline": "Bridge opens"}), encoding="utf-8")
    assert ingest("task.json", "data.json", cwd=tmp_path) == (
        "2 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
    )
    assert stored(tmp_path / "t.db") == [
        (BANK, {"labelstudio_task_id": 9, "source": "task.json"}),
        (BRIDGE, {"headline": "Bridge opens", "source": "data.json"}),
    ]


def test_one_task_object_without_its_text_is_one_line_naming_file_line_and_field(tmp_path: Path) -> None:
    task = {"id": 9, "data": {"headline": "Bank fined", "article": 42}}
    (tmp_path / "task.json").write_text(json.dumps(task, indent=2), encoding="utf-8")
    result = annotator("ingest", "task.json", "--text-field", "article", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == "task.json:5: field 'data.article': expected text, got a whole number"
    assert not (tmp_path / "t.db").exists()


def test_import_reads_one_task_object_as_its_array_of_one(tmp_path: Path) -> None:
    """The first task of a real Label Studio 1.23.2 export, written alone: import reads it as that export's record 1
    (an error names it record 1, at the field's line)."""
    export = json.loads((REAL / "ls1232_export.json").read_text(encoding="utf-8"))
    (tmp_path / "task.json").write_text(json.dumps(export[0], indent=2), encoding="utf-8")
    result = annotator("import", "task.json", "--format", "labelstudio", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "1 record(s) imported (1 new article(s)) -> t.db\n"
        "left out: 1 Label Studio prediction(s) given by id only, without their results (not read)\n",
    )
    with sqlite3.connect(tmp_path / "t.db") as connection:
        spans = connection.execute("SELECT label, start, end FROM spans ORDER BY start, end").fetchall()
    assert spans == [("ACTOR", 6, 14), ("LOCATION", 21, 29), ("QUOTE", 21, 60), ("FIGURE", 83, 94)]
    export[0]["annotations"][0]["result"][0]["value"]["start"] = "six"
    (tmp_path / "bad.json").write_text(json.dumps(export[0], indent=2), encoding="utf-8")
    bad = annotator("import", "bad.json", "--format", "labelstudio", "--db", "u.db", cwd=tmp_path)
    assert one_error_line(bad) == (
        "bad.json:14: record 1: field 'annotations[0].result[0].value.start': Input should be a valid integer, got a "
        "string"
    )


def test_one_json_min_record_alone_is_sent_to_import(tmp_path: Path) -> None:
    """A real JSON_MIN record, written alone: annotations, import's (which reads it as an array of one)."""
    records = json.loads((REAL / "ls1232_export_min.json").read_text(encoding="utf-8"))
    (tmp_path / "min.json").write_text(json.dumps(records[0], indent=2), encoding="utf-8")
    result = annotator("ingest", "min.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "min.json:1: this is a record of annotations (Label Studio's JSON_MIN), not a task to ingest: `annotator "
        "import min.json --format labelstudio --db t.db` reads it"
    )
    imported = annotator("import", "min.json", "--format", "labelstudio", "--db", "t.db", cwd=tmp_path)
    assert (imported.returncode, imported.stdout) == (
        0,
        "1 record(s) imported (1 new article(s)) -> t.db\n"
        "left out: 1 quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export keeps them)\n"
        "note: 1 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status\n",
    )


@pytest.mark.parametrize(
    ("data", "kind"), [("just a string", "a string"), (42, "a whole number"), (["a", "b"], "a list"), (None, "null")]
)
def test_a_task_whose_data_is_no_object_is_refused_as_label_studio_refuses_it(
    tmp_path: Path, data: Any, kind: str
) -> None:
    """trial t4 F5: `{"data": "a string"}` was read as a flat data object with one field, `data`, and the line
    advised `--text-field data`, which stored the string as an article; Label Studio refuses such a task."""
    (tmp_path / "tasks.json").write_text(json.dumps([{"data": data}]), encoding="utf-8")
    result = annotator("ingest", "tasks.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"tasks.json:1: record 1: field 'data': a Label Studio task's data is an object of its fields, got {kind}"
    )
    assert not (tmp_path / "t.db").exists()


def test_a_jsonl_line_whose_data_is_no_object_names_its_data(tmp_path: Path) -> None:
    (tmp_path / "tasks.jsonl").write_text('{"data": "just a string"}\n', encoding="utf-8")
    result = annotator("ingest", "tasks.jsonl", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "tasks.jsonl:1: field 'data': a Label Studio task's data is an object of its fields, got a string"
    )
