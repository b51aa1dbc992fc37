"""An attacker's trial (trial 39a, 3): a Prodigy task our export wrote, answered again in Prodigy with no change
(only `_timestamp` newer), replaced work done here after the export ("1 replaced older work", exit 0). Our export
now writes the `spans_digest` Label Studio's `meta` carries: a task whose spans read back the same and whose
`answer` is the one our `status` writes was only touched there, so its `_timestamp` is no moment of work, and it
is the export's record (a conflict with newer work here, unchanged beside the same work). A task whose spans
changed there is newer work, as before. Real exports of ours, changed as Prodigy changes them; the real console
script, real SQLite."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

from attack_support import conflicted, made, ok, rows, work  # noqa: F401  (the fixtures)

TOUCH_NOTE = (
    "left out: 1 newer _timestamp(s) of tasks answered again in Prodigy, spans and answer as exported: no newer work\n"
)


def alices_texts(db: Path) -> list[str]:
    found = rows(db, "SELECT text FROM spans WHERE annotator = 'alice' AND article_id = 'a1' ORDER BY start")
    return [text for (text,) in found]


def exported(work: Path) -> dict:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "prodigy", "--db", "base.db", "-o", "p.jsonl", cwd=work)
    return json.loads((work / "p.jsonl").read_text("utf-8").splitlines()[0])


def newer_work_here(work: Path) -> None:  # noqa: F811
    """Alice removes Lisbon here after the export (as `x` on the screen would), a later second."""
    time.sleep(1.1)
    record = json.loads(ok("export", "--annotator", "alice", "--db", "base.db", "-o", "-", cwd=work).splitlines()[0])
    record["spans"] = [s for s in record["spans"] if s["text"] != "Lisbon"]
    record["updated_at"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    (work / "newer.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    ok("import", "newer.jsonl", "--db", "base.db", cwd=work)


def answered_again(work: Path, task: dict) -> None:  # noqa: F811
    time.sleep(1.1)
    task["_timestamp"] = int(time.time())
    (work / "again.jsonl").write_text(json.dumps(task) + "\n", "utf-8")


def test_a_task_answered_again_unchanged_conflicts_with_newer_work_here(work: Path) -> None:  # noqa: F811
    task = exported(work)
    newer_work_here(work)
    before = alices_texts(work / "base.db")
    assert "Lisbon" not in before
    answered_again(work, task)
    result = conflicted("import", "again.jsonl", "--format", "prodigy", "--db", "base.db", cwd=work)
    assert TOUCH_NOTE in result
    assert alices_texts(work / "base.db") == before


def test_a_task_answered_again_unchanged_is_unchanged_beside_the_same_work(work: Path) -> None:  # noqa: F811
    answered_again(work, exported(work))
    out = ok("import", "again.jsonl", "--format", "prodigy", "--db", "base.db", cwd=work)
    assert out == "0 record(s) imported (0 new article(s)); 1 unchanged -> base.db\n" + TOUCH_NOTE


def test_a_task_changed_there_is_newer_work(work: Path) -> None:  # noqa: F811
    task = exported(work)
    newer_work_here(work)
    task["spans"] = [s for s in task["spans"] if s["text"] != "Paris"]
    answered_again(work, task)
    out = ok("import", "again.jsonl", "--format", "prodigy", "--db", "base.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 1 replaced older work -> base.db\n"
    texts = alices_texts(work / "base.db")
    assert "Paris" not in texts and "Lisbon" in texts
