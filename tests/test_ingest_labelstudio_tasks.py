"""A newcomer from Label Studio (trial t2, finding F): a Label Studio task file (what a server imports, and the
unannotated tasks of its export) could not be brought in. `ingest tasks.json` was refused and sent to `import
--format labelstudio`, which said "nothing imported" since the tasks have no annotation; JSONL of tasks was
`field 'text': missing`. Ingest now reads a task file (a JSON array, or JSONL, of `{"id": .., "data": {...}}`) as
articles: the text from `data.<--text-field>`, the task's id in `meta.labelstudio_task_id`, the other data fields
in meta, the article's id `data.article_id` where our export wrote one (as import reads it, so the annotations
imported later land on these articles). Annotations are not read: one note counts them and names the import.
The real console script, on real Label Studio 1.23.2 exports and a task file as its import takes it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from processes import annotator, one_error_line

REAL = Path(__file__).parent / "fixtures" / "real" / "labelstudio"
BANK = "PORT MAREN - Harbor Bank was fined $4 million on Tuesday by the Maren Financial Authority."
BRIDGE = "Mayor Li Wei opened the Eastvale bridge on Saturday, two years after floods destroyed the old one."


def stored(db: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, title, meta) of every stored article, in the order ingested."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT id, title, meta FROM articles ORDER BY rowid").fetchall()
    return [(id, title, json.loads(meta)) for id, title, meta in rows]


def test_a_task_file_as_label_studio_imports_it(tmp_path: Path) -> None:
    """The trial's own task file: data only, no ids (a server gives them), one with a field beside the text."""
    tasks = [{"data": {"text": BANK}}, {"data": {"text": BRIDGE, "headline": "Bridge opens", "image": "b.jpg"}}]
    (tmp_path / "tasks_text.json").write_text(json.dumps(tasks), encoding="utf-8")
    result = annotator("ingest", "tasks_text.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "2 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
    (_, _, bank_meta), (_, bridge_title, bridge_meta) = stored(tmp_path / "t.db")
    assert bank_meta == {"source": "tasks_text.json record 1"}
    assert bridge_meta == {"headline": "Bridge opens", "image": "b.jpg", "source": "tasks_text.json record 2"}
    assert bridge_title == BRIDGE
    again = annotator("ingest", "tasks_text.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert again.stdout == "0 article(s) added, 2 already stored, 0 suggestion(s) -> t.db\n"


def test_a_real_export_brings_every_task_and_counts_the_annotations(tmp_path: Path) -> None:
    """A server's export: its 4 tasks' articles (the one nobody annotated too), under the export's article ids; the
    3 annotated tasks are counted, and the import named there puts their annotations on the same articles."""
    shutil.copy(REAL / "ls1232_export.json", tmp_path / "export.json")
    result = annotator("ingest", "export.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "4 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
    assert result.stderr == (
        "annotator: note: of 4 Label Studio task(s), 3 carried annotations and 1 predictions, which ingest does not "
        "read (their texts are stored): `annotator import export.json --format labelstudio --db t.db` reads the "
        "annotations\n"
    )
    articles = stored(tmp_path / "t.db")
    assert [(id, meta["labelstudio_task_id"], meta["source"]) for id, _, meta in articles] == [
        ("hand-1", 1, "export.json record 1"),
        ("hand-2", 2, "export.json record 2"),
        ("hand-3", 3, "export.json record 3"),
        ("hand-4", 4, "export.json record 4"),
    ]
    imported = annotator("import", "export.json", "--format", "labelstudio", "--db", "t.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("4 record(s) imported (0 new article(s))")


def test_jsonl_of_tasks_with_the_projects_text_field(tmp_path: Path) -> None:
    """A project whose config reads `<Text value="$article"/>`: --text-field article, as import takes it."""
    lines = [
        {"id": 7, "data": {"headline": "Bank fined", "article": BANK}},
        {"id": 8, "data": {"headline": "Bridge opens", "article": BRIDGE, "title": "Eastvale bridge"}},
    ]
    (tmp_path / "tasks.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = annotator("ingest", "tasks.jsonl", "--text-field", "article", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert [(title, meta) for _, title, meta in stored(tmp_path / "t.db")] == [
        ("Harbor Bank was fined $4 million on Tuesday by the Maren Financial Authority.",
         {"headline": "Bank fined", "source": "tasks.jsonl:1", "labelstudio_task_id": 7}),
        ("Eastvale bridge", {"headline": "Bridge opens", "source": "tasks.jsonl:2", "labelstudio_task_id": 8}),
    ]  # fmt: skip


def test_a_task_without_the_text_field_is_one_line_naming_file_task_and_field(tmp_path: Path) -> None:
    tasks = [{"id": 1, "data": {"article": BANK}}, {"id": 2, "data": {"headline": "Bridge", "article": BRIDGE}}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks, indent=1), encoding="utf-8")
    result = annotator("ingest", "tasks.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "tasks.json:4: record 1: field 'data.text': the task's data has no 'text' (it has 'article'): give the field "
        'the project\'s labelling config reads (<Text value="$NAME">) with --text-field NAME, e.g. --text-field article'
    )
    assert not (tmp_path / "t.db").exists()
    (tmp_path / "tasks.jsonl").write_text(
        json.dumps(tasks[1]) + "\n" + json.dumps({"id": 3, "data": {"article": 42}}) + "\n", encoding="utf-8"
    )
    bad = annotator("ingest", "tasks.jsonl", "--text-field", "article", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(bad) == "tasks.jsonl:2: field 'data.article': expected text, got a whole number"
    skipping = ("ingest", "tasks.jsonl", "--text-field", "article", "--no-suggest", "--skip-invalid", "--db", "t.db")
    skipped = annotator(*skipping, cwd=tmp_path)
    assert skipped.returncode == 0, skipped.stderr
    assert skipped.stdout == (
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
        "skipped 1 file(s) or line(s) that hold no article:\n  tasks.jsonl:2: field 'data.article': expected text, got a whole number\n"
    )


def test_an_array_of_other_records_is_still_sent_to_import(tmp_path: Path) -> None:
    """Label Studio's JSON_MIN (flat records, no `data`) is no task file: import reads it, as before."""
    shutil.copy(REAL / "ls1232_export_min.json", tmp_path / "min.json")
    result = annotator("ingest", "min.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "min.json:1: this is a JSON array of records of annotations (Label Studio's JSON_MIN, or another tool's), not "
        "Label Studio tasks to ingest: `annotator import min.json --format labelstudio --db t.db` reads a Label Studio "
        "export (the project's JSON export is a task file ingest reads)"
    )


def test_an_import_of_tasks_nobody_annotated_names_the_ingest_that_stores_them(tmp_path: Path) -> None:
    """The trial's circle: ingest sent the file to import, whose "nothing imported" said no more. Its line now
    names the ingest (on the same database, with the same --text-field), which stores the tasks' texts."""
    tasks = [{"id": 1, "data": {"article": BANK}}, {"id": 2, "data": {"article": BRIDGE}}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    imported = ("import", "tasks.json", "--format", "labelstudio", "--text-field", "article", "--db", "my dbs/t.db")
    (tmp_path / "my dbs").mkdir()
    error = one_error_line(annotator(*imported, cwd=tmp_path))
    assert error == (
        "nothing imported: every record of tasks.json was left out (2 task(s) without an annotation; listed above); "
        "my dbs/t.db was not created; `annotator ingest tasks.json --text-field article --db 'my dbs/t.db'` stores "
        "their texts to annotate"
    )
    ingest = [*error.split("`")[1].split(" ")[1:3], "--text-field", "article", "--no-suggest", "--db", "my dbs/t.db"]
    done = annotator(*ingest, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (
        0,
        "2 article(s) added, 0 already stored, 0 suggestion(s) -> my dbs/t.db\n",
    )
