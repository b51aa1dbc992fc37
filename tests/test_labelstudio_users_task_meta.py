"""Re-trial t4r F2-v1: a Label Studio user's own task `meta` keys that share the names our export writes there
(`status`, `annotator`, `updated_at`, `flag_reason`, `comments`) were read as ours on any task: `"status": "needs
legal review"` refused the whole import, `"status": "flagged"` stored submitted work as flagged, `"annotator":
"desk-bot"` was refused as the importer of "our task", and ingest dropped them without a word. A task's meta is
ours only on a task our export wrote: its meta carries our spans digest, or (every version of our export, the older
ones without a digest too) its data our `article_id`, `title` and `meta`. On any other task the keys are the
user's, kept under `labelstudio_task_meta` like the rest. Real Label Studio 1.23.2 exports, the real console
script, real SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from processes import annotator
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"
OURS_BACK = REAL / "labelstudio" / "ls1232_our_export_back.json"
#: A newsroom's own workflow keys, named like ours.
DESK = {
    "desk": "foreign",
    "status": "needs legal review",
    "annotator": "desk-bot",
    "updated_at": "2026-11-30T08:00:00Z",
    "flag_reason": "libel risk",
    "comments": ["check the figure"],
}
WORK = "SELECT article_id, annotator, status, updated_at FROM annotations ORDER BY 1, 2"


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute(sql))


def metas(db: Path) -> dict[str, dict[str, Any]]:
    return {id: json.loads(meta) for id, meta in rows(db, "SELECT id, meta FROM articles")}


def with_meta(tmp_path: Path, name: str, meta: dict[str, Any], source: Path = EXPORT) -> str:
    """The export with its first task's meta replaced by `meta`."""
    tasks = json.loads(source.read_text("utf-8"))
    tasks[0]["meta"] = meta
    (tmp_path / name).write_text(json.dumps(tasks, indent=1), "utf-8")
    return name


def test_a_users_keys_named_like_ours_are_theirs_and_kept(tmp_path: Path) -> None:
    """The work stored is the work the same export stores with no task meta at all (the same lines said)."""
    plain = annotator("import", with_meta(tmp_path, "plain.json", {}), "--format", "labelstudio", "--db", "p.db",
                      cwd=tmp_path)  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    name = with_meta(tmp_path, "desk.json", DESK)
    result = annotator("import", name, "--format", "labelstudio", "--db", "d.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, plain.stderr)
    assert result.stdout.splitlines()[0] == "4 record(s) imported (3 new article(s)) -> d.db"
    stored = rows(tmp_path / "d.db", WORK)
    assert [row[:3] for row in stored] == [row[:3] for row in rows(tmp_path / "p.db", WORK)]
    assert stored[0][:3] == ("hand-1", "labelstudio-user-1", "done")
    assert stored[0][3] != DESK["updated_at"]  # the import's moment, as with no meta: not the newsroom's
    assert metas(tmp_path / "d.db")["hand-1"] == {
        "labelstudio_task_id": 1,
        "labelstudio_annotation_ids": {"labelstudio-user-1": 1},
        "labelstudio_task_meta": DESK,
    }


def test_a_users_status_flagged_is_not_our_flag(tmp_path: Path) -> None:
    name = with_meta(tmp_path, "flagged.json", {"desk": "foreign", "status": "flagged"})
    result = annotator("import", name, "--format", "labelstudio", "--db", "f.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert rows(tmp_path / "f.db", "SELECT status FROM annotations WHERE article_id = 'hand-1'") == [("done",)]
    assert metas(tmp_path / "f.db")["hand-1"]["labelstudio_task_meta"] == {"desk": "foreign", "status": "flagged"}


def test_ingest_keeps_them_too(tmp_path: Path) -> None:
    tasks = [{"id": 100, "data": {"text": "Mayor Li Wei opened the Eastvale bridge on Saturday."}, "meta": DESK}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks), "utf-8")
    result = annotator("ingest", "tasks.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert list(metas(tmp_path / "t.db").values()) == [
        {"source": "tasks.json record 1", "labelstudio_task_id": 100, "labelstudio_task_meta": DESK}
    ]


def test_our_export_without_a_digest_is_still_ours(tmp_path: Path) -> None:
    """Our export before it wrote `spans_digest` (the server's export of it: data `article_id`, `title`, `meta`):
    its meta's annotator and status are ours, read back, not kept as the task's own."""
    result = annotator("import", OURS_BACK, "--format", "labelstudio", "--db", "o.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [row[1:3] for row in rows(tmp_path / "o.db", WORK)] == [
        ("alice", "done"),
        ("alice", "in_progress"),
        ("alice", "flagged"),
        ("alice", "skipped"),
    ]
    assert not any("labelstudio_task_meta" in meta for meta in metas(tmp_path / "o.db").values())


def test_a_digest_marks_our_meta_on_data_of_another_shape(tmp_path: Path) -> None:
    """Our meta with its digest on a task whose data lacks our keys (a newsroom re-keyed the data, say): still ours,
    its annotator read back and nothing of it kept as the task's own."""
    back = json.loads(OURS_BACK.read_text("utf-8"))[0]["meta"]
    tasks = json.loads(EXPORT.read_text("utf-8"))
    digest = _digest_of(tmp_path)
    name = with_meta(tmp_path, "digest.json", {**back, "status": "done", "spans_digest": digest})
    assert tasks[0]["data"].keys() == {"text", "article_id"}
    result = annotator("import", name, "--format", "labelstudio", "--db", "g.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert rows(tmp_path / "g.db", WORK)[0][:3] == ("hand-1", "alice", "done")
    assert "labelstudio_task_meta" not in metas(tmp_path / "g.db")["hand-1"]


def _digest_of(tmp_path: Path) -> str:
    """The digest our export writes for task 1's spans: the export imported, and exported by us again."""
    first = annotator("import", EXPORT, "--format", "labelstudio", "--db", "first.db", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    export = ["export", "--format", "labelstudio", "--annotator", "labelstudio-user-1", "-o", "ours.json"]
    done = annotator(*export, "--db", "first.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (task,) = [
        t for t in json.loads((tmp_path / "ours.json").read_text("utf-8")) if t["data"]["article_id"] == "hand-1"
    ]
    digest = task["meta"]["spans_digest"]
    assert isinstance(digest, str)
    return digest
