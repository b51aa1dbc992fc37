"""An attacker's finding (trial 31): a Label Studio annotation's author was read so that work someone else did
there became another annotator's here. Our own export, back from a server whose importer completed every
annotation (`completed_by` 1, as the server writes it), and then changed in Label Studio by user 2 (its real
export says so: `updated_by` 2, `updated_at` a minute after `created_at`), replaced alice's work as alice's newer
work ("1 replaced older work"); a `completed_by` object naming nobody Label Studio would (an `id` that is a name,
no email and no id: only a first name) fell back to the task's `meta` annotator or became a name that is
already someone's here; and `--annotator carol` made two Label Studio users' annotations carol's. Work stays
whoever did it: the user who last changed it there, by email or `labelstudio-user-<id>`; an author that cannot be
told is a one-line error naming the file, the record and the field; `--annotator` takes one user's work.
Real exports of ours, changed as Label Studio changes them; the real console script, real SQLite."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from attack_support import made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line


def now(seconds: float = 0) -> str:
    return datetime.fromtimestamp(time.time() + seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def spans_of(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT annotator, COUNT(*) FROM spans WHERE article_id = 'a1' GROUP BY annotator ORDER BY 1")


def exported(work: Path) -> list[dict[str, Any]]:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "labelstudio", "--db", "base.db", "-o", "ls.json", cwd=work)
    return json.loads((work / "ls.json").read_text("utf-8"))


def changed_there(task: dict[str, Any], **fields: Any) -> None:
    """The task's annotation changed in Label Studio a minute after the server made it: a span fewer."""
    annotation = task["annotations"][0]
    annotation["result"] = annotation["result"][:1]
    annotation.update(created_at=now(-60), updated_at=now(), **fields)


def test_an_edit_by_another_label_studio_user_is_theirs_not_alices(work: Path) -> None:  # noqa: F811
    tasks = exported(work)
    before = spans_of(work / "base.db")
    changed_there(tasks[0], completed_by=1, updated_by=2)  # the server's importer made it; user 2 changed it
    (work / "edited.json").write_text(json.dumps(tasks[:1]), "utf-8")
    out = ok("import", "edited.json", "--format", "labelstudio", "--db", "base.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)) -> base.db\n"
    assert spans_of(work / "base.db") == [*before, ("labelstudio-user-2", 1)]  # alice's work as it was


def test_a_change_by_the_annotations_own_completer_is_told_by_annotator_option(work: Path) -> None:  # noqa: F811
    """The server imported our task (its importer, user 1, completes it) and user 1 changed it later: user 1, known
    only by id, and the `meta`'s alice are two names for the work, refused (tests/test_import_labelstudio_identity.py,
    attack 33 F4); `--annotator alice` says it is hers."""
    tasks = exported(work)
    changed_there(tasks[0], completed_by=1, updated_by=1)
    (work / "own.json").write_text(json.dumps(tasks[:1]), "utf-8")
    result = annotator("import", "own.json", "--format", "labelstudio", "--db", "base.db", cwd=work)
    assert "field 'annotations[0].completed_by': Label Studio user 1, known only by id, changed it there" in (
        one_error_line(result)
    )
    out = ok("import", "own.json", "--format", "labelstudio", "--db", "base.db", "--annotator", "alice", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 1 replaced older work -> base.db\n"
    assert spans_of(work / "base.db") == [("alice", 1)]


@pytest.mark.parametrize(
    ("completed_by", "shown"),
    [
        ({"id": "alice"}, "{'id': 'alice'}"),  # an id is a whole number in Label Studio, never a name
        ({"first_name": "Bob", "last_name": "Ray"}, "{'first_name': 'Bob', 'last_name': 'Ray'}"),
        ({"id": True, "email": ""}, "{'id': True, 'email': ''}"),
        ("", "''"),
        (True, "True"),
        ([7], "[7]"),
    ],
)
def test_an_author_label_studio_would_not_name_is_refused(work: Path, completed_by: object, shown: str) -> None:  # noqa: F811
    tasks = exported(work)
    changed_there(tasks[0], completed_by=completed_by)
    (work / "who.json").write_text(json.dumps(tasks[:1]), "utf-8")
    before = (work / "base.db").read_bytes()
    line = one_error_line(annotator("import", "who.json", "--format", "labelstudio", "--db", "base.db", cwd=work))
    assert line == (
        f"who.json:1: record 1: field 'annotations[0].completed_by': names no Label Studio user (an email or a user "
        f"id), got {shown}"
    )
    assert (work / "base.db").read_bytes() == before


def two_users(work: Path, second: object) -> Path:  # noqa: F811
    """A server's export of two tasks with no `meta` of ours: a1 by bob, a2 by `second`."""
    tasks = exported(work)[:2]
    for task, who in zip(tasks, [{"id": 7, "email": "bob@example.org"}, second], strict=True):
        task["meta"] = {}
        task["annotations"][0].update(completed_by=who)
    (work / "two.json").write_text(json.dumps(tasks), "utf-8")
    return work / "two.json"


def test_annotator_option_takes_one_label_studio_users_work_never_two(work: Path) -> None:  # noqa: F811
    two_users(work, {"id": 1, "email": "lead@example.org"})
    result = annotator("import", "two.json", "--format", "labelstudio", "--db", "empty.db", "--annotator", "carol",
                       cwd=work)  # fmt: skip
    assert one_error_line(result) == (
        "two.json:1: record 2: field 'annotations[0].completed_by': 'lead@example.org' made this annotation, and "
        "'bob@example.org' the one at record 1: --annotator carol takes one Label Studio user's work (import "
        "without it: each user's work under their own name)"
    )
    assert rows(work / "empty.db", "SELECT COUNT(*) FROM annotations") == [(0,)]
    out = ok("import", "two.json", "--format", "labelstudio", "--db", "empty.db", cwd=work)
    assert out.startswith("2 record(s) imported (0 new article(s))")
    assert rows(work / "empty.db", "SELECT annotator, article_id FROM annotations ORDER BY 2") == [
        ("bob@example.org", "a1"),
        ("lead@example.org", "a2"),
    ]


def test_annotator_option_names_one_users_work(work: Path) -> None:  # noqa: F811
    two_users(work, {"id": 7, "email": "bob@example.org"})  # one user's work: --annotator names it
    ok("import", "two.json", "--format", "labelstudio", "--db", "empty.db", "--annotator", "carol", cwd=work)
    assert rows(work / "empty.db", "SELECT annotator, article_id FROM annotations ORDER BY 2") == [
        ("carol", "a1"),
        ("carol", "a2"),
    ]
