"""Trial t4 F8: an import of a Label Studio export that stored some work said only "left out: 1 task(s) without an
annotation": not which task, nor that `ingest` stores the texts of the tasks nobody annotated (said only when
nothing at all was imported), so a team moving a half-done project lost the rest of it. A note now names them (the
task's id, file, line and record; five, then "and N more") and the ingest, which the test then runs. Real Label
Studio 1.23.2 exports, the real console script, real SQLite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from processes import annotator
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"


def test_the_task_nobody_annotated_is_named_with_the_ingest_that_stores_it(tmp_path: Path) -> None:
    shutil.copy(EXPORT, tmp_path / "export.json")
    result = annotator("import", "export.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "4 record(s) imported (3 new article(s)) -> x.db",
        "left out: 1 Label Studio prediction(s) given by id only, without their results (not read)",
        "left out: 1 task(s) without an annotation",
        "note: the 1 task(s) without an annotation: task 4 (export.json:1 record 4); `annotator ingest export.json "
        "--db x.db` stores their texts to annotate (the articles already stored stay as they are)",
    ]
    ingest = annotator("ingest", "export.json", "--db", "x.db", "--no-suggest", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert ingest.stdout == "1 article(s) added, 3 already stored, 0 suggestion(s) -> x.db\n"


def test_five_are_named_and_the_rest_counted(tmp_path: Path) -> None:
    """One task a line: task 1 annotated, then seven nobody annotated (ids 10 to 16, one without an id)."""
    first, *_, nobody = json.loads(EXPORT.read_text("utf-8"))
    tasks = [first] + [
        {**nobody, "id": number, "data": {"text": f"Story {number} of the day."}} for number in range(10, 16)
    ]
    tasks.append({"data": {"text": "A task without an id."}})
    (tmp_path / "more.json").write_text("[\n" + ",\n".join(map(json.dumps, tasks)) + "\n]\n", "utf-8")
    result = annotator("import", "more.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        "left out: 7 task(s) without an annotation",
        "note: the 7 task(s) without an annotation: task 10 (more.json:3 record 2), task 11 (more.json:4 record 3), "
        "task 12 (more.json:5 record 4), task 13 (more.json:6 record 5), task 14 (more.json:7 record 6) and 2 more; "
        "`annotator ingest more.json --db x.db` stores their texts to annotate (the articles already stored stay as "
        "they are)",
    ]


def test_json_min_names_them_without_an_ingest_it_cannot_do(tmp_path: Path) -> None:
    """ingest does not read JSON_MIN: the task is named, and the JSON export said to hold it."""
    shutil.copy(REAL / "labelstudio" / "ls1232_export_min.json", tmp_path / "min.json")
    result = annotator("import", "min.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "note: the 1 task(s) without an annotation: task 4 (min.json:118 record 4); ingest does not read Label "
        "Studio's JSON_MIN: its JSON export of the project is a task file `annotator ingest FILE` stores their "
        "texts from"
    )
