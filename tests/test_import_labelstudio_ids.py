"""Trial t4 F7 and F2: `import --format labelstudio` kept neither the task's id nor the annotations' ids, and
dropped the task's own `meta` ({"desk": ..., "priority": ...}) without a word, so articles imported from a
server's export could not be matched back to its tasks (those `ingest` made could, by `meta.labelstudio_task_id`).
A new article keeps them in its meta: `labelstudio_task_id`, `labelstudio_annotation_ids` (annotator -> the id of
their annotation) and `labelstudio_task_meta`, from JSON and JSON_MIN alike. Our own export renumbers its tasks
1..n and keeps an article's original id in `data.meta.labelstudio_task_id`: that one wins, and a number that is
only a place in our file is kept by neither import nor ingest. Real Label Studio 1.23.2 exports, the real console
script, real SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from processes import annotator
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"
EXPORT_MIN = REAL / "labelstudio" / "ls1232_export_min.json"
#: What each of the real export's three annotated tasks keeps (task 2: two users' annotations, ids 2 and 3).
KEPT = {
    "hand-1": {"labelstudio_task_id": 1, "labelstudio_annotation_ids": {"labelstudio-user-1": 1}},
    "hand-2": {
        "labelstudio_task_id": 2,
        "labelstudio_annotation_ids": {"labelstudio-user-1": 2, "labelstudio-user-2": 3},
    },
    "hand-3": {"labelstudio_task_id": 3, "labelstudio_annotation_ids": {"labelstudio-user-1": 4}},
}
BANK = "PORT MAREN - Harbor Bank was fined $4 million on Tuesday by the Maren Financial Authority."


def metas(db: Path) -> dict[str, dict[str, Any]]:
    with sqlite3.connect(db) as connection:
        return {id: json.loads(meta) for id, meta in connection.execute("SELECT id, meta FROM articles")}


def test_a_server_export_keeps_its_task_and_annotation_ids(tmp_path: Path) -> None:
    result = annotator("import", EXPORT, "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert metas(tmp_path / "x.db") == KEPT


def test_json_min_keeps_them_too(tmp_path: Path) -> None:
    """The JSON_MIN export was made before task 3 was annotated: tasks 1 and 2."""
    result = annotator("import", EXPORT_MIN, "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert metas(tmp_path / "x.db") == {id: KEPT[id] for id in ("hand-1", "hand-2")}


def test_a_tasks_own_meta_is_kept_under_a_key_of_its_own(tmp_path: Path) -> None:
    tasks = json.loads(EXPORT.read_text("utf-8"))
    tasks[0]["meta"] = {"desk": "foreign", "priority": 0, "source": "wire"}
    (tmp_path / "desk.json").write_text(json.dumps(tasks, indent=1), "utf-8")
    result = annotator("import", "desk.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert metas(tmp_path / "x.db")["hand-1"] == {
        **KEPT["hand-1"],
        "labelstudio_task_meta": {"desk": "foreign", "priority": 0, "source": "wire"},
    }


def test_ingest_and_predict_keep_a_tasks_own_meta_too(tmp_path: Path) -> None:
    tasks = [{"id": 100, "data": {"text": BANK, "headline": "Bank fined"}, "meta": {"desk": "foreign"}}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks), "utf-8")
    result = annotator("ingest", "tasks.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    (meta,) = metas(tmp_path / "t.db").values()
    assert meta == {
        "headline": "Bank fined",
        "source": "tasks.json record 1",
        "labelstudio_task_id": 100,
        "labelstudio_task_meta": {"desk": "foreign"},
    }
    result = annotator("predict", "tasks.json", "-o", "out", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = annotator("ingest", "--suggestions-from", "out", "--db", "p.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(metas(tmp_path / "p.db").values()) == [meta]


def test_our_own_export_keeps_the_original_id_and_invents_none(tmp_path: Path) -> None:
    """An article ingested from task 100 and one from a .txt, exported (tasks 1 and 2), imported and ingested into
    fresh databases: task 100 stays 100, the other gets no task id; back into its own database: unchanged."""
    tasks = [{"id": 100, "data": {"text": BANK, "headline": "Bank fined"}}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks), "utf-8")
    (tmp_path / "bridge.txt").write_text("Mayor Li Wei opened the Eastvale bridge on Saturday.\n", "utf-8")
    assert annotator("ingest", "tasks.json", "bridge.txt", "--no-suggest", "--db", "a.db", cwd=tmp_path).returncode == 0
    for article in metas(tmp_path / "a.db"):
        done = annotator("accept", article, "--annotator", "alice", "--done", "--db", "a.db", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    export = ["export", "--format", "labelstudio", "--annotator", "alice", "-o", "ours.json", "--db", "a.db"]
    assert annotator(*export, cwd=tmp_path).returncode == 0
    assert [task["id"] for task in json.loads((tmp_path / "ours.json").read_text("utf-8"))] == [1, 2]
    result = annotator("import", "ours.json", "--format", "labelstudio", "--db", "b.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = annotator("ingest", "ours.json", "--no-suggest", "--db", "c.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for db in ("a.db", "b.db"):
        assert {id: meta.get("labelstudio_task_id") for id, meta in metas(tmp_path / db).items()} == {
            id: meta.get("labelstudio_task_id") for id, meta in metas(tmp_path / "a.db").items()
        }
    assert sorted(str(meta.get("labelstudio_task_id")) for meta in metas(tmp_path / "c.db").values()) == [
        "100",
        "None",
    ]
    assert not any("labelstudio_annotation_ids" in meta for meta in metas(tmp_path / "b.db").values())
    again = annotator("import", "ours.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "0 record(s) imported (0 new article(s)); 2 unchanged -> a.db\n")
