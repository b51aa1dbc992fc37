"""Trial t4 F13: Label Studio before 1.0 called a task's annotations `completions` (its docs' `format.md` then:
`"completions": [{"id": 1001, "lead_time": 15.053, "result": [...]}]`, stamped in seconds since 1970), and
label-studio-converter reads `completions` where a task has no `annotations`. The import read such a task as one
nobody annotated: "left out: 1 task(s) without an annotation", then "nothing imported ... `annotator ingest ...`
stores their texts to annotate", sending annotated work to a command that drops it. The first file is Label
Studio 1.23.2's own export with `annotations` renamed (the trial's), the second made by hand in the old docs' shape;
the real console script; real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL

from annotator.store import Store

EXPORT = REAL / "labelstudio" / "ls1232_export.json"
TEXT = "Mayor Ana Ruiz said the bridge would open in May."
OLD = {
    "id": 1,
    "data": {"text": TEXT},
    "completions": [
        {
            "id": 1001,
            "lead_time": 15.053,
            "created_at": 1590587765,
            "result": [
                {
                    "id": "a1",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": 6, "end": 14, "text": "Ana Ruiz", "labels": ["ACTOR"]},
                }
            ],
        }
    ],
    "predictions": [],
}


def spans_of(db: Path) -> dict[str, list[tuple[int, int, str]]]:
    with Store.open(db, read_only=True) as store:
        return {
            who: [(s.start, s.end, s.label) for article in store.article_ids() for s in store.spans(article, who)]
            for who in store.annotators()
        }


def test_completions_of_a_real_export_are_read_as_its_annotations(tmp_path: Path) -> None:
    (task, *_) = json.loads(EXPORT.read_text("utf-8"))
    task["completions"] = task.pop("annotations")
    (tmp_path / "old.json").write_text(json.dumps([task], indent=1), "utf-8")
    result = annotator("import", "old.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        0,
        "annotator: note: 1 Label Studio user known only by id is stored as labelstudio-user-1 (--user-map 1=NAME "
        "names them)\n",
    )
    assert result.stdout.splitlines()[0] == "1 record(s) imported (1 new article(s)) -> x.db"
    assert spans_of(tmp_path / "x.db") == {
        "labelstudio-user-1": [(6, 14, "ACTOR"), (21, 29, "LOCATION"), (21, 60, "QUOTE"), (83, 94, "FIGURE")]
    }


def test_completions_in_the_old_docs_shape_name_their_field(tmp_path: Path) -> None:
    """No `completed_by` then: whose work it is is --annotator's, and the line names the task's own field."""
    (tmp_path / "old.json").write_text(json.dumps([OLD], indent=2), "utf-8")
    result = annotator("import", "old.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "old.json:8: record 1: field 'completions[0].completed_by': the record names no annotator; give --annotator"
    )
    assert not (tmp_path / "x.db").exists()
    result = annotator(
        "import", "old.json", "--format", "labelstudio", "--annotator", "ana", "--db", "x.db", cwd=tmp_path
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == "1 record(s) imported (1 new article(s)) -> x.db"
    assert spans_of(tmp_path / "x.db") == {"ana": [(6, 14, "ACTOR")]}


def test_a_task_with_both_annotations_and_completions_is_refused_naming_them(tmp_path: Path) -> None:
    both = {**OLD, "annotations": OLD["completions"]}
    (tmp_path / "both.json").write_text(json.dumps([both]), "utf-8")
    result = annotator(
        "import", "both.json", "--format", "labelstudio", "--annotator", "ana", "--db", "x.db", cwd=tmp_path
    )
    assert one_error_line(result) == (
        "both.json:1: record 1: field 'completions': the task has both 'annotations' and 'completions' (Label "
        "Studio before 1.0 named its annotations so): which are its work cannot be told; keep one of them"
    )


def test_ingest_of_old_tasks_names_the_import_that_reads_their_completions(tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text(json.dumps([OLD]), "utf-8")
    result = annotator("ingest", "old.json", "--no-suggest", "--db", "i.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "1 article(s) added, 0 already stored, 0 suggestion(s) -> i.db\n")
    assert result.stderr == (
        "annotator: note: of 1 Label Studio task(s), 1 carried annotations, which ingest does not read (their texts "
        "are stored): `annotator import old.json --format labelstudio --db i.db` reads the annotations\n"
    )
