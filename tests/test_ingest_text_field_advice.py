"""Re-trial s52 t6 F1-v1-a: a JSONL line (or task) without the field `--text-field` names was refused with `e.g.
--text-field text`, the example made of that line's own fields. In a file whose earlier lines have the field,
following it read every line by `text`: line 1's article went to meta and its short `text` was stored, without a
word. Now a task missing the field where another task of its file has it, before or after it (re-trial s53 t7
F1-v1-a-1), is told to get it (the option reads the whole file by one field), and one with a `text` of its own in
a file where no task has it is told to leave the option out if the file is our JSONL. Tasks' data from Label Studio 1.23.2's real export of a project whose config reads `$article`; the
real console script; real SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from processes import annotator, one_error_line
from real_files import REAL

HEADLINE = REAL / "labelstudio" / "ls1232_headline_export.json"
SHORT = "short text here about Paris."


def datas() -> list[dict[str, Any]]:
    """The real export's tasks' data: headline, image, slug, article."""
    return [task["data"] for task in json.loads(HEADLINE.read_text("utf-8"))]


def write_lines(path: Path, lines: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return [(text[:30], meta) for text, meta in connection.execute("SELECT text, meta FROM articles")]


def ingest(tmp_path: Path, name: str, *options: str) -> Any:
    return annotator("ingest", name, "--no-suggest", "--db", "t.db", *options, cwd=tmp_path)


@pytest.mark.parametrize(("without", "having"), [(2, 1), (1, 2)])
def test_a_line_without_the_field_is_told_of_the_line_that_has_it(tmp_path: Path, without: int, having: int) -> None:
    """A line with only a `text` beside the task's data with a `text` of its own: the line does not advise another
    field, which would read the other line by it too, nor, the first (re-trial s53 t7 F1-v1-a-1), to leave the
    option out, which read the other line by its short `text`; it names the line that has the field."""
    lines = [{"text": SHORT, **datas()[0]}, {"text": SHORT, "headline": "Paris"}]
    write_lines(tmp_path / "two.jsonl", lines if having == 1 else lines[::-1])
    said = (
        f"two.jsonl:{without}: field 'article': the task's data has no 'article' (it has 'text', 'headline'), which "
        f"the task at line {having} has: --text-field reads every task of the file by one field, so give this one its "
        "'article'"
    )
    result = ingest(tmp_path, "two.jsonl", "--text-field", "article")
    assert one_error_line(result) == said
    assert not (tmp_path / "t.db").exists()
    result = ingest(tmp_path, "two.jsonl", "--text-field", "article", "--skip-invalid")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"
        f"skipped 1 file(s) or line(s) that hold no article:\n  {said}\n"
    )
    [(text, _)] = stored(tmp_path / "t.db")
    assert text == datas()[0]["article"][:30]


@pytest.mark.parametrize(("without", "having"), [(2, 1), (0, 2)])
def test_a_task_in_an_array_names_the_record_that_has_it(tmp_path: Path, without: int, having: int) -> None:
    """The same in the real export itself, task 3's article taken out: `record 1` has it; task 1's taken out (re-trial
    s53 t7 F1-v1-a-2: the first task without it was told to leave the option out): `record 2`, the next that has it."""
    tasks = json.loads(HEADLINE.read_text("utf-8"))
    del tasks[without]["data"]["article"]
    (tmp_path / "export.json").write_text(json.dumps(tasks), encoding="utf-8")
    result = ingest(tmp_path, "export.json", "--text-field", "article")
    assert one_error_line(result).endswith(
        f": record {without + 1}: field 'data.article': the task's data has no 'article' (it has 'headline', 'image', "
        f"'slug'), which the task at record {having} has: --text-field reads every task of the file by one field, so "
        "give this one its 'article'"
    )


def test_our_jsonl_given_the_option_is_told_to_leave_it_out(tmp_path: Path) -> None:
    """Our own JSONL (`id`, `text`) given --text-field article: the line says to leave the option out; followed,
    the article is stored."""
    write_lines(tmp_path / "ours.jsonl", [{"id": "m1", "text": SHORT}])
    result = ingest(tmp_path, "ours.jsonl", "--text-field", "article")
    assert one_error_line(result) == (
        "ours.jsonl:1: field 'article': the task's data has no 'article' (it has 'id', 'text'): leave --text-field "
        "out if the file's articles are in 'text' (our JSONL), else give the field the project's labelling config "
        'reads (<Text value="$NAME">) with --text-field NAME'
    )
    assert not (tmp_path / "t.db").exists()
    result = ingest(tmp_path, "ours.jsonl")
    assert result.returncode == 0, result.stderr
    assert stored(tmp_path / "t.db") == [(SHORT, '{"source":"ours.jsonl:1"}')]


def test_a_first_task_without_the_field_or_a_text_keeps_its_example(tmp_path: Path) -> None:
    """The real export's data given --text-field body: no task has it, and none a `text`: the example names the
    data's longest text, `article`, which reads every task."""
    write_lines(tmp_path / "data.jsonl", datas())
    result = ingest(tmp_path, "data.jsonl", "--text-field", "body")
    assert one_error_line(result) == (
        "data.jsonl:1: field 'body': the task's data has no 'body' (it has 'headline', 'image', 'slug', 'article'): "
        'give the field the project\'s labelling config reads (<Text value="$NAME">) with --text-field NAME, e.g. '
        "--text-field article"
    )
    assert ingest(tmp_path, "data.jsonl", "--text-field", "article").returncode == 0
    assert [text for text, _ in stored(tmp_path / "t.db")] == [data["article"][:30] for data in datas()]


def test_a_line_with_marks_and_the_field_is_refused_not_read_by_its_text(tmp_path: Path) -> None:
    """S53 F1-v1-b: a line holding the field --text-field names and spans over its `text` (another tool's record,
    no task's data) was stored by its short `text`, the option ignored without a word."""
    marked = {"text": SHORT, **datas()[0], "spans": [{"start": 0, "end": 5, "label": "ACTOR"}]}
    write_lines(tmp_path / "marked.jsonl", [marked, datas()[1]])
    result = ingest(tmp_path, "marked.jsonl", "--text-field", "article")
    assert one_error_line(result) == (
        "marked.jsonl:1: field 'article': --text-field article reads a Label Studio task's data, and this line is "
        "another tool's record (it carries marks, which are over its 'text'): give such lines without --text-field, "
        "or without their marks"
    )
    assert not (tmp_path / "t.db").exists()
