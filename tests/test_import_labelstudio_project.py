"""What a Label Studio project names for itself (a researcher's trial): its text field, which the labelling config
names (`<Text name="text" value="$content"/>`: tasks `{"data": {"content": ...}}`), and labels that allow several
on one region (`<Labels choice="multiple">`). The field was refused as `field 'data.text': Field required` with no
way to name it; two labels on a region as `List should have at most 1 item after validation, not 2`.

Real files: Label Studio 1.23.2's JSON and JSON_MIN exports (tests/fixtures/real/labelstudio), with only the text
field renamed (keys kept in their place) or a second label added to one region; the real console script, on
SQLite databases it made."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from attack_support import ok
from processes import annotator, one_error_line
from real_files import REAL, annotations

LS = REAL / "labelstudio"


def renamed(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with its key `text` called `content`, in the same place."""
    return {("content" if key == "text" else key): value for key, value in data.items()}


def content_tasks(folder: Path) -> Path:
    tasks = json.loads((LS / "ls1232_export.json").read_text(encoding="utf-8"))
    path = folder / "content.json"
    path.write_text(json.dumps([{**t, "data": renamed(t["data"])} for t in tasks], indent=1), encoding="utf-8")
    return path


def content_min(folder: Path) -> Path:
    records = json.loads((LS / "ls1232_export_min.json").read_text(encoding="utf-8"))
    path = folder / "content_min.json"
    path.write_text(json.dumps([renamed(record) for record in records], indent=1), encoding="utf-8")
    return path


def two_labels(folder: Path) -> Path:
    """The first task's first region ('a1', "Ana Ruiz", ACTOR) labelled LOCATION too."""
    tasks = json.loads((LS / "ls1232_export.json").read_text(encoding="utf-8"))
    tasks[0]["annotations"][0]["result"][0]["value"]["labels"].append("LOCATION")
    path = folder / "two_labels.json"
    path.write_text(json.dumps(tasks, indent=1), encoding="utf-8")
    return path


def test_a_task_without_a_text_field_is_refused_naming_the_option_and_its_fields(tmp_path: Path) -> None:
    content_tasks(tmp_path)
    result = annotator("import", "content.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "content.json:99: record 1: field 'data.text': the task's data has no 'text' (it has 'content', "
        "'article_id'): give the field the project's labelling config reads (<Text value=\"$NAME\">) with "
        "--text-field NAME, e.g. --text-field content"
    )
    assert not (tmp_path / "a.db").exists()


def test_text_field_reads_the_text_from_the_field_named(tmp_path: Path) -> None:
    content_tasks(tmp_path)
    ok("import", LS / "ls1232_export.json", "--format", "labelstudio", "--db", "text.db", cwd=tmp_path)
    out = ok(
        "import", "content.json", "--format", "labelstudio", "--text-field", "content", "--db", "content.db",
        cwd=tmp_path,
    )  # fmt: skip
    assert out.splitlines() == [
        "4 record(s) imported (3 new article(s)) -> content.db",
        "left out: 1 Label Studio prediction(s) given by id only, without their results (not read)",
        "left out: 1 task(s) without an annotation",
        "note: the 1 task(s) without an annotation: task 4 (content.json:332 record 4); `annotator ingest content.json "
        "--text-field content --db content.db` stores their texts to annotate (the articles already stored stay as "
        "they are)",
    ]
    assert annotations(tmp_path / "content.db") == annotations(tmp_path / "text.db")


def test_text_field_reads_a_json_min_export_too(tmp_path: Path) -> None:
    content_min(tmp_path)
    ok("import", LS / "ls1232_export_min.json", "--format", "labelstudio", "--db", "text.db", cwd=tmp_path)
    ok(
        "import", "content_min.json", "--format", "labelstudio", "--text-field", "content", "--db", "content.db",
        cwd=tmp_path,
    )  # fmt: skip
    assert annotations(tmp_path / "content.db") == annotations(tmp_path / "text.db")


def test_text_field_goes_with_label_studio_only(tmp_path: Path) -> None:
    result = annotator(
        "import", LS / "ls1232_export.json", "--format", "doccano", "--text-field", "content", "--db", "a.db",
        cwd=tmp_path,
    )  # fmt: skip
    assert one_error_line(result) == (
        "--text-field names the field of a Label Studio task's data that holds the text: it goes with --format "
        "labelstudio"
    )


def test_a_region_with_two_labels_is_refused_in_one_line_naming_it(tmp_path: Path) -> None:
    two_labels(tmp_path)
    result = annotator("import", "two_labels.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "two_labels.json:18: record 1: field 'annotations[0].result[0].value.labels': region 'a1' (\"Ana Ruiz\") "
        "has 2 labels, ACTOR and LOCATION (the project lets a region have several): a span has one label here; "
        "give it one in Label Studio and export again, or --skip-invalid imports the rest without this annotation"
    )
    assert not (tmp_path / "a.db").exists()


def test_skip_invalid_imports_the_rest_without_the_annotation_with_two_labels(tmp_path: Path) -> None:
    two_labels(tmp_path)
    out = ok("import", "two_labels.json", "--format", "labelstudio", "--skip-invalid", "--db", "a.db", cwd=tmp_path)
    assert out.splitlines()[:3] == [
        "3 record(s) imported (2 new article(s)) -> a.db",
        "skipped 1 record(s):",
        "  two_labels.json:18: record 1: field 'annotations[0].result[0].value.labels': region 'a1' (\"Ana Ruiz\") "
        "has 2 labels, ACTOR and LOCATION (the project lets a region have several): a span has one label here; "
        "give it one in Label Studio and export again",
    ]
