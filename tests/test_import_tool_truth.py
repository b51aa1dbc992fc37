"""An attacker's finding (attack 30, r3): the keys our own export writes for the way back (Prodigy's `status` and
`updated_at`, Label Studio's task `meta`) won over what the other tool says now. A Prodigy task answered again
`reject` with a newer `_timestamp` imported as done ("1 unchanged" into the database it came from: the reject
lost); a Label Studio annotation cancelled by bob@example.org imported as alice's done work; and work really done
later in Label Studio was a conflict, its own `updated_at` passed over for the `meta`'s. The tool's own fields now
win where they disagree (Prodigy: `answer`, `_timestamp`; Label Studio: `was_cancelled`, `completed_by` naming
someone, the annotation's `updated_at` when it is a moment of work, not of a server's import). Real exports of
ours, changed as the tools change them; the real console script, real SQLite."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

from attack_support import conflicted, made, ok, rows, work  # noqa: F401  (the fixtures)


def now(seconds: float = 0) -> str:
    return datetime.fromtimestamp(time.time() + seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def statuses(db: Path, article_id: str = "a1") -> list[tuple[object, ...]]:
    return rows(db, "SELECT annotator, status FROM annotations WHERE article_id = ? ORDER BY 1", article_id)


def prodigy_rejected(work: Path) -> Path:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "prodigy", "--db", "base.db", "-o", "p.jsonl", cwd=work)
    task = json.loads((work / "p.jsonl").read_text("utf-8").splitlines()[0])
    time.sleep(1.1)  # answered again in Prodigy, a later second
    task.update(answer="reject", _timestamp=int(time.time()))
    (work / "p_rej.jsonl").write_text(json.dumps(task) + "\n", "utf-8")
    return work / "p_rej.jsonl"


def test_a_prodigy_task_answered_again_reject_is_flagged_and_newer(work: Path) -> None:  # noqa: F811
    prodigy_rejected(work)
    out = ok("import", "p_rej.jsonl", "--format", "prodigy", "--db", "base.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 1 replaced older work -> base.db\n"
    assert statuses(work / "base.db") == [("alice", "flagged")]
    ok("import", "p_rej.jsonl", "--format", "prodigy", "--db", "empty.db", cwd=work)
    assert statuses(work / "empty.db") == [("alice", "flagged")]  # a reject is never done gold


def label_studio(work: Path) -> tuple[list[dict], dict]:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "labelstudio", "--db", "base.db", "-o", "ls.json", cwd=work)
    tasks = json.loads((work / "ls.json").read_text("utf-8"))
    return tasks[:1], tasks[0]["annotations"][0]


def test_a_label_studio_annotation_cancelled_by_bob_is_his_skip(work: Path) -> None:  # noqa: F811
    tasks, annotation = label_studio(work)
    annotation.update(was_cancelled=True, completed_by={"id": 7, "email": "bob@example.org"}, updated_at=now())
    (work / "ls_bob.json").write_text(json.dumps(tasks), "utf-8")
    ok("import", "ls_bob.json", "--format", "labelstudio", "--db", "empty.db", cwd=work)
    assert statuses(work / "empty.db") == [("bob@example.org", "skipped")]
    ok("import", "ls_bob.json", "--format", "labelstudio", "--db", "base.db", cwd=work)
    assert statuses(work / "base.db") == [("alice", "done"), ("bob@example.org", "skipped")]


def test_work_done_later_in_label_studio_replaces_what_it_was_exported_from(work: Path) -> None:  # noqa: F811
    tasks, annotation = label_studio(work)
    time.sleep(1.1)
    annotation["result"] = [r for r in annotation["result"] if r.get("value", {}).get("text") != "Lisbon"]
    annotation["updated_at"] = now()
    (work / "ls_later.json").write_text(json.dumps(tasks), "utf-8")
    out = ok("import", "ls_later.json", "--format", "labelstudio", "--db", "base.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 1 replaced older work -> base.db\n"
    texts = rows(work / "base.db", "SELECT text FROM spans WHERE annotator = 'alice' AND article_id = 'a1'")
    assert ("Lisbon",) not in texts


def test_a_server_import_stamp_is_no_newer_work_and_its_importer_nobody(work: Path) -> None:  # noqa: F811
    """A server that imported our task stamps its annotation `created_at` and `updated_at` at once and makes its
    importer the completer: that says nothing about work, so a copy that differs from what is stored is a conflict
    (never a silent replacement of work done here since), and still alice's."""
    tasks, annotation = label_studio(work)
    annotation["result"] = [r for r in annotation["result"] if r.get("value", {}).get("text") != "Lisbon"]
    stamp = now(-0.5)
    annotation.update(completed_by={"id": 1, "email": "lead@example.org"}, created_at=stamp, updated_at=stamp)
    (work / "ls_server.json").write_text(json.dumps(tasks), "utf-8")
    out = conflicted("import", "ls_server.json", "--format", "labelstudio", "--db", "base.db", cwd=work)
    assert out.startswith("0 record(s) imported (0 new article(s)); 1 conflict(s) -> base.db\nconflict: alice on a1")
    assert statuses(work / "base.db") == [("alice", "done")]
