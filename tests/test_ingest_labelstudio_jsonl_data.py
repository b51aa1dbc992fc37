"""Trial t4 F1: JSONL of a task's data alone (`{"article": ...}` a line), which the README says ingest reads with
--text-field as it reads the same objects in a JSON array, was read as our own JSONL: `field 'text': missing`,
with or without --text-field. The file is made in the shape the trial wrote (Label Studio's "data alone"); the
real console script reads it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from processes import annotator, one_error_line

BANK = "PORT MAREN - Harbor Bank was fined $4 million on Tuesday by the Maren Financial Authority."
BRIDGE = "Mayor Li Wei opened the Eastvale bridge on Saturday, two years after floods destroyed the old one."


def stored(db: Path) -> list[tuple[str, dict[str, Any]]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT text, meta FROM articles ORDER BY rowid").fetchall()
    return [(text, json.loads(meta)) for text, meta in rows]


def write_data_lines(folder: Path) -> None:
    lines = [{"article": BANK, "hl": "Bank fined"}, {"article": BRIDGE, "hl": "Bridge opens"}]
    (folder / "flat.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def test_jsonl_of_task_data_is_read_with_the_text_field(tmp_path: Path) -> None:
    write_data_lines(tmp_path)
    result = annotator("ingest", "flat.jsonl", "--text-field", "article", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "2 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
    assert stored(tmp_path / "t.db") == [
        (BANK, {"hl": "Bank fined", "source": "flat.jsonl:1"}),
        (BRIDGE, {"hl": "Bridge opens", "source": "flat.jsonl:2"}),
    ]


def test_without_the_text_field_the_line_names_it(tmp_path: Path) -> None:
    write_data_lines(tmp_path)
    result = annotator("ingest", "flat.jsonl", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "flat.jsonl:1: field 'text': missing (a Label Studio task's data with its text in another field? give the "
        'field the project\'s labelling config reads (<Text value="$NAME">) with --text-field NAME, e.g. '
        "--text-field article)"
    )
    assert not (tmp_path / "t.db").exists()


def test_a_missing_text_field_with_the_option_names_the_fields_there(tmp_path: Path) -> None:
    write_data_lines(tmp_path)
    result = annotator("ingest", "flat.jsonl", "--text-field", "body", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "flat.jsonl:1: field 'body': the task's data has no 'body' (it has 'article', 'hl'): give the field the "
        'project\'s labelling config reads (<Text value="$NAME">) with --text-field NAME, e.g. --text-field article'
    )


def test_a_jsonl_article_without_text_and_with_spans_is_still_missing_its_text(tmp_path: Path) -> None:
    """A line with spans is our own (or another tool's) record, not a task's data: its text is missing."""
    line = {"article": BANK, "spans": [{"start": 14, "end": 25, "label": "ACTOR"}]}
    (tmp_path / "a.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = annotator("ingest", "a.jsonl", "--text-field", "article", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == "a.jsonl:1: field 'text': missing"


def test_a_tasks_own_meta_is_stored_under_a_key_of_its_own(tmp_path: Path) -> None:
    """Trial t4 F2: a task's own `meta` (`{"desk": ..., "priority": ...}`, Label Studio keeps it beside the data)
    was dropped without a word; it is kept in `meta.labelstudio_task_meta`, but for our own export's keys there
    (annotator, status, ...) on a task of our export (its data our `article_id`, `title` and `meta`), which are not
    the user's (on another task they are: test_labelstudio_users_task_meta)."""
    ours = {"text": BRIDGE, "article_id": "bridge", "title": "", "meta": {}}
    tasks = [
        {"id": 100, "data": {"text": BANK}, "meta": {"desk": "foreign", "priority": 0}},
        {"id": 101, "data": ours, "meta": {"annotator": "alice", "status": "done"}},
    ]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    result = annotator("ingest", "tasks.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "2 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
    assert [meta for _, meta in stored(tmp_path / "t.db")] == [
        {
            "source": "tasks.json record 1",
            "labelstudio_task_id": 100,
            "labelstudio_task_meta": {"desk": "foreign", "priority": 0},
        },
        {"source": "tasks.json record 2", "labelstudio_task_id": 101},
    ]


SHORT = "short text here about Paris."
#: A task's data with a `text` of its own beside the field the project's labelling config reads (re-trial s51 t4r F1-v1).
BOTH = {"text": SHORT, "article": BANK}


def test_the_text_field_wins_over_a_text_in_every_container(tmp_path: Path) -> None:
    """A JSONL line holding both `text` and the field --text-field names stored `text` and ignored the option,
    where the same object in a JSON array, or as `{"data": ...}` JSONL, gave the field's text: one data object,
    two articles by container. The option given wins in each; `text` stays in meta as another data field."""
    (tmp_path / "both.jsonl").write_text(json.dumps(BOTH) + "\n", encoding="utf-8")
    (tmp_path / "both.json").write_text(json.dumps([BOTH]), encoding="utf-8")
    (tmp_path / "data.jsonl").write_text(json.dumps({"data": BOTH}) + "\n", encoding="utf-8")
    for name in ("both.jsonl", "both.json", "data.jsonl"):
        args = ("ingest", name, "--text-field", "article", "--no-suggest", "--db", f"{name}.db")
        result = annotator(*args, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout == f"1 article(s) added, 0 already stored, 0 suggestion(s) -> {name}.db\n"
    assert stored(tmp_path / "both.jsonl.db") == [(BANK, {"text": SHORT, "source": "both.jsonl:1"})]
    assert stored(tmp_path / "both.json.db") == [(BANK, {"text": SHORT, "source": "both.json record 1"})]
    assert stored(tmp_path / "data.jsonl.db") == [(BANK, {"text": SHORT, "source": "data.jsonl:1"})]


def test_the_text_field_missing_from_a_line_with_text_is_refused(tmp_path: Path) -> None:
    """`--text-field article` on JSONL whose lines have a `text` and no `article` was ignored without a word
    (`1 article(s) added`), where a JSON array of the same objects is refused naming the field."""
    line = {"id": "m1", "text": BRIDGE}
    (tmp_path / "native.jsonl").write_text(
        json.dumps({"id": "m0", "article": BANK}) + "\n" + json.dumps(line) + "\n", "utf-8"
    )
    result = annotator(
        "ingest", "native.jsonl", "--text-field", "article", "--no-suggest", "--db", "t.db", cwd=tmp_path
    )
    assert one_error_line(result) == (  # re-trial s52 t6 F1-v1-a: not `e.g. --text-field text`, line 1's article
        "native.jsonl:2: field 'article': the task's data has no 'article' (it has 'id', 'text'), which the task at "
        "line 1 has: --text-field reads every task of the file by one field, so give this one its 'article'"
    )
    assert not (tmp_path / "t.db").exists()
    (tmp_path / "native.json").write_text(json.dumps([{"id": "m0", "article": BANK}, line]), encoding="utf-8")
    result = annotator("ingest", "native.json", "--text-field", "article", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "native.json:1: record 2: field 'article': the task's data has no 'article' (it has 'id', 'text'), which the "
        "task at record 1 has: --text-field reads every task of the file by one field, so give this one its 'article'"
    )
