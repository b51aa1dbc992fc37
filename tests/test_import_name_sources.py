"""Findings of last session's attacker and newcomer trials on the names an import brings.

- One Label Studio user given as a bare id in one task (`"completed_by": 3`, as its JSON export writes it) and as
  an expanded user object (`{"id": 3, "email": ...}`, as its API writes it) in another task of the same export
  became two annotators, `labelstudio-user-3` and the email. One user is one annotator: their email, wherever in
  the file it is given with their id.
- A name that looks like one the database holds was refused naming the field `annotator`, wherever it came from:
  a comment's author, Label Studio's `completed_by`/`updated_by`, Prodigy's `_annotator_id`. The one line names
  the field the name is in.
- An empty file imported with a look-alike `--annotator` only said the name was new; it is refused as it is for a
  file with records, naming `--annotator`, nothing written.

Real exports of ours, changed as the tools write them; the real console script, real SQLite."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from attack_support import made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line
from test_names_look_alike import annotators

LOOKALIKE = "\u0430\u04c0\u0456\u0441\u0435"  # "аӀісе", every letter Cyrillic: looks like alice
LOOKS = (
    f"{LOOKALIKE!r} looks like 'alice', who has work or an assignment in this database (a name of its own may not "
    "look like another's)"
)


def now(seconds: float = 0) -> str:
    return datetime.fromtimestamp(time.time() + seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def server_tasks(work: Path, *users: object) -> Path:  # noqa: F811
    """alice's Label Studio export as a server exports its own tasks (no `meta` of ours), the annotation of task
    i completed by `users[i]`."""
    ok("export", "--annotator", "alice", "--format", "labelstudio", "--db", "base.db", "-o", "ls.json", cwd=work)
    tasks: list[dict[str, Any]] = json.loads((work / "ls.json").read_text("utf-8"))[: len(users)]
    for task, who in zip(tasks, users, strict=True):
        task["meta"] = {}
        task["annotations"][0]["completed_by"] = who
    (work / "server.json").write_text(json.dumps(tasks), "utf-8")
    return work / "server.json"


ALICE = {"id": 3, "first_name": "Alice", "last_name": "", "email": "alice@x.org", "avatar": None}


@pytest.mark.parametrize("users", [(3, ALICE, 3), (ALICE, 3, 3), (3, 3, {"id": 3, "email": "alice@x.org"})])
def test_one_label_studio_user_by_id_and_by_object_is_one_annotator(
    work: Path,  # noqa: F811
    users: tuple[object, ...],
) -> None:
    server_tasks(work, *users)
    out = ok("import", "server.json", "--format", "labelstudio", "--db", "empty.db", cwd=work)
    assert out.startswith("3 record(s) imported")
    assert annotators(work / "empty.db") == ["alice@x.org"]


def test_an_id_never_given_with_an_email_stays_the_users_id(work: Path) -> None:  # noqa: F811
    server_tasks(work, 3, ALICE, 4)
    ok("import", "server.json", "--format", "labelstudio", "--db", "empty.db", cwd=work)
    assert annotators(work / "empty.db") == ["alice@x.org", "labelstudio-user-4"]


def test_one_id_with_two_emails_in_one_file_is_refused(work: Path) -> None:  # noqa: F811
    server_tasks(work, ALICE, 3, {"id": 3, "email": "bob@x.org"})
    line = one_error_line(annotator("import", "server.json", "--format", "labelstudio", "--db", "empty.db", cwd=work))
    assert line == (
        "server.json:1: record 3: field 'annotations[0].completed_by': Label Studio user 3 is 'bob@x.org' here and "
        "'alice@x.org' at record 1: one user has one email"
    )
    assert annotators(work / "empty.db") == []


def test_a_look_alike_comment_author_is_named_by_its_field(work: Path) -> None:  # noqa: F811
    ok("export", "--annotator", "alice", "--db", "base.db", "-o", "a.jsonl", cwd=work)
    record = json.loads((work / "a.jsonl").read_text("utf-8").splitlines()[0])
    comments = [{"annotator": "alice", "text": "ok", "at": now()}, {"annotator": LOOKALIKE, "text": "no", "at": now()}]
    (work / "c.jsonl").write_text(json.dumps({**record, "comments": comments}) + "\n", "utf-8")
    line = one_error_line(annotator("import", "c.jsonl", "--db", "base.db", cwd=work))
    assert line == f"c.jsonl:1: field 'comments[1].annotator': {LOOKS}"
    assert rows(work / "base.db", "SELECT count(*) FROM comments") == [(0,)]


def test_a_look_alike_label_studio_completer_is_named_by_its_field(work: Path) -> None:  # noqa: F811
    server_tasks(work, "bob", LOOKALIKE)
    line = one_error_line(annotator("import", "server.json", "--format", "labelstudio", "--db", "base.db", cwd=work))
    assert line == f"server.json:1: record 2: field 'annotations[0].completed_by': {LOOKS}"
    assert annotators(work / "base.db") == ["alice"]


def test_a_look_alike_label_studio_editor_is_named_by_its_field(work: Path) -> None:  # noqa: F811
    path = server_tasks(work, 1)
    tasks = json.loads(path.read_text("utf-8"))
    tasks[0]["annotations"][0].update(created_at=now(-60), updated_at=now(), updated_by=LOOKALIKE)
    path.write_text(json.dumps(tasks), "utf-8")
    line = one_error_line(annotator("import", "server.json", "--format", "labelstudio", "--db", "base.db", cwd=work))
    assert line == f"server.json:1: record 1: field 'annotations[0].updated_by': {LOOKS}"


def test_a_look_alike_in_our_label_studio_meta_is_named_by_its_field(work: Path) -> None:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "labelstudio", "--db", "base.db", "-o", "ls.json", cwd=work)
    tasks = json.loads((work / "ls.json").read_text("utf-8"))
    tasks[0]["meta"]["annotator"] = LOOKALIKE
    tasks[0]["meta"]["comments"] = [{"annotator": "bob", "text": "ok", "at": now()}]
    tasks[1]["meta"]["comments"] = [{"annotator": LOOKALIKE, "text": "no", "at": now()}]
    (work / "ours.json").write_text(json.dumps(tasks[1:2]), "utf-8")
    line = one_error_line(annotator("import", "ours.json", "--format", "labelstudio", "--db", "base.db", cwd=work))
    assert line == f"ours.json:1: record 1: field 'meta.comments[0].annotator': {LOOKS}"
    (work / "ours.json").write_text(json.dumps(tasks[:1]), "utf-8")
    line = one_error_line(annotator("import", "ours.json", "--format", "labelstudio", "--db", "base.db", cwd=work))
    assert line == f"ours.json:1: record 1: field 'meta.annotator': {LOOKS}"


@pytest.mark.parametrize("key", ["_annotator_id", "_session_id"])
def test_a_look_alike_prodigy_annotator_is_named_by_its_field(work: Path, key: str) -> None:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "prodigy", "--db", "base.db", "-o", "p.jsonl", cwd=work)
    task = json.loads((work / "p.jsonl").read_text("utf-8").splitlines()[0])
    task.pop("_annotator_id")
    task[key] = LOOKALIKE
    (work / "p.jsonl").write_text(json.dumps(task) + "\n", "utf-8")
    line = one_error_line(annotator("import", "p.jsonl", "--format", "prodigy", "--db", "base.db", cwd=work))
    assert line == f"p.jsonl:1: field '{key}': {LOOKS}"


@pytest.mark.parametrize(("name", "text"), [("e.jsonl", ""), ("e.json", "[]"), ("d.jsonl", None)])
def test_a_look_alike_annotator_option_is_refused_with_or_without_records(
    work: Path,  # noqa: F811
    name: str,
    text: str | None,
) -> None:
    if text is None:  # alice's doccano export, naming nobody
        ok("export", "--annotator", "alice", "--format", "doccano", "--db", "base.db", "-o", name, cwd=work)
        lines = [json.loads(line) for line in (work / name).read_text("utf-8").splitlines()]
        (work / name).write_text("".join(json.dumps({**r, "annotator": None}) + "\n" for r in lines), "utf-8")
    else:
        (work / name).write_text(text, "utf-8")
    kind = "labelstudio" if name.endswith(".json") else "doccano" if text is None else "jsonl"
    before = (work / "base.db").read_bytes()
    result = annotator("import", name, "--format", kind, "--annotator", LOOKALIKE, "--db", "base.db", cwd=work)
    assert result.returncode != 0
    assert one_error_line(result) == f"--annotator: {LOOKS}"
    assert (work / "base.db").read_bytes() == before
