"""Re-trial t4r F7-v1 and F7-v2: `import --format labelstudio` kept the server's annotation ids only on the
articles it added. Onto an article already stored (`ingest` of the same export first, as the docs advise for the
tasks nobody annotated; or an earlier import) it put the work and dropped every `labelstudio_annotation_ids`
without a word, so that work could not be matched back to the server; a later export's third annotator's id was
lost the same way. The ids are per annotator: the import adds those of the annotators it imports, never replacing
one the article keeps (another id for the same annotator stays, said in one note line). Real Label Studio 1.23.2
export, the real console script, real SQLite."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

from processes import annotator
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"
#: The import's lines for the real export, but the first (counts).
LEFT_OUT = (
    "left out: 1 Label Studio prediction(s) given by id only, without their results (not read)\n"
    "left out: 1 task(s) without an annotation\n"
)


def metas(db: Path) -> dict[str, dict[str, Any]]:
    with sqlite3.connect(db) as connection:
        return {id: json.loads(meta) for id, meta in connection.execute("SELECT id, meta FROM articles")}


def tasks() -> list[dict[str, Any]]:
    return list(json.loads(EXPORT.read_text("utf-8")))


def write(path: Path, tasks: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(tasks, indent=1), "utf-8")
    return path


def later(tasks: list[dict[str, Any]], task_id: int, annotation_id: int, user: int) -> list[dict[str, Any]]:
    """The export made later, another user (`user`) having annotated task `task_id` as its first annotator did."""
    tasks = copy.deepcopy(tasks)
    task = next(task for task in tasks if task["id"] == task_id)
    task["annotations"].append({**copy.deepcopy(task["annotations"][0]), "id": annotation_id, "completed_by": user})
    return tasks


def test_an_import_onto_ingested_articles_keeps_the_annotation_ids(tmp_path: Path) -> None:
    """F7-v1: ingest first (every task's text), then import: the work lands on the ingested articles, ids too."""
    write(tmp_path / "export.json", tasks())
    ingest = annotator("ingest", "export.json", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    result = annotator("import", "export.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("4 record(s) imported (0 new article(s)) -> a.db\n" + LEFT_OUT)
    assert "annotation id" not in result.stdout
    assert metas(tmp_path / "a.db") == {
        "hand-1": {
            "source": "export.json record 1",
            "labelstudio_task_id": 1,
            "labelstudio_annotation_ids": {"labelstudio-user-1": 1},
        },
        "hand-2": {
            "source": "export.json record 2",
            "labelstudio_task_id": 2,
            "labelstudio_annotation_ids": {"labelstudio-user-1": 2, "labelstudio-user-2": 3},
        },
        "hand-3": {
            "source": "export.json record 3",
            "labelstudio_task_id": 3,
            "labelstudio_annotation_ids": {"labelstudio-user-1": 4},
        },
        "hand-4": {"source": "export.json record 4", "labelstudio_task_id": 4},
    }


def test_a_later_annotators_id_is_added_beside_the_others(tmp_path: Path) -> None:
    """F7-v2: a later export of the project, user 3 having annotated task 2 too: cy's work and cy's id are added,
    ana's and bo's ids stay; the same file again changes nothing."""
    write(tmp_path / "export.json", tasks())
    write(tmp_path / "later.json", later(tasks(), 2, 9, 3))
    first = ["import", "export.json", "--format", "labelstudio", "--db", "a.db", "--user-map", "1=ana,2=bo"]
    assert annotator(*first, cwd=tmp_path).returncode == 0
    again = ["import", "later.json", "--format", "labelstudio", "--db", "a.db", "--user-map", "1=ana,2=bo,3=cy"]
    result = annotator(*again, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 record(s) imported (0 new article(s)); 4 unchanged -> a.db\n" + LEFT_OUT)
    assert metas(tmp_path / "a.db")["hand-2"] == {
        "labelstudio_task_id": 2,
        "labelstudio_annotation_ids": {"ana": 2, "bo": 3, "cy": 9},
    }
    result = annotator(*again, cwd=tmp_path)
    assert result.stdout.startswith("0 record(s) imported (0 new article(s)); 5 unchanged -> a.db\n" + LEFT_OUT)
    assert metas(tmp_path / "a.db")["hand-2"]["labelstudio_annotation_ids"] == {"ana": 2, "bo": 3, "cy": 9}


def test_another_id_for_the_same_annotator_leaves_the_stored_one_said(tmp_path: Path) -> None:
    """The same work under new annotation ids (task 1's redone as 71, task 2's first as 72: a project exported
    again, or from another server): the ids stored stay, one note line names them; a new annotator's is added."""
    write(tmp_path / "export.json", tasks())
    renumbered = later(tasks(), 1, 8, 2)
    renumbered[0]["annotations"][0]["id"] = 71
    renumbered[1]["annotations"][0]["id"] = 72
    write(tmp_path / "again.json", renumbered)
    assert annotator("import", "export.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path).returncode == 0
    result = annotator("import", "again.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "1 record(s) imported (0 new article(s)); 4 unchanged -> a.db\n"
        + LEFT_OUT
        + "note: 2 annotation id(s) of the file not kept in labelstudio_annotation_ids, the article keeping another "
        "for the same annotator: hand-1 labelstudio-user-1 keeps 1 (the file's 71), hand-2 labelstudio-user-1 keeps "
        "2 (the file's 72)\n"
    )
    assert {id: meta.get("labelstudio_annotation_ids") for id, meta in metas(tmp_path / "a.db").items()} == {
        "hand-1": {"labelstudio-user-1": 1, "labelstudio-user-2": 8},
        "hand-2": {"labelstudio-user-1": 2, "labelstudio-user-2": 3},
        "hand-3": {"labelstudio-user-1": 4},
    }


def test_work_in_conflict_adds_no_id(tmp_path: Path) -> None:
    """A record that differs from the stored work and is not newer (hand-1's, done here after the export) is not
    imported: its annotation id is not recorded either (it names work this database does not hold); the others
    are; with --replace it is, as the work is."""
    write(tmp_path / "export.json", tasks())
    ingest = annotator("ingest", "export.json", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    done = annotator("accept", "hand-1", "--annotator", "labelstudio-user-1", "--done", "--db", "a.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = annotator("import", "export.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 1
    assert "labelstudio_annotation_ids" not in metas(tmp_path / "a.db")["hand-1"]
    assert metas(tmp_path / "a.db")["hand-2"]["labelstudio_annotation_ids"] == {
        "labelstudio-user-1": 2,
        "labelstudio-user-2": 3,
    }
    replace = ["import", "export.json", "--format", "labelstudio", "--db", "a.db", "--replace"]
    assert annotator(*replace, cwd=tmp_path).returncode == 0
    assert metas(tmp_path / "a.db")["hand-1"]["labelstudio_annotation_ids"] == {"labelstudio-user-1": 1}
