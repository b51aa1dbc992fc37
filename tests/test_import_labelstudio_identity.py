"""Two findings of an attacker's trial on whom a Label Studio annotation is imported as.

- F4: a Label Studio user known only by a bare id (`"completed_by": 3`, as a server's JSON export writes it) who
  worked on an annotation there, beside the task's `meta.annotator` (our export's name, which a server keeps
  untouched), took the `meta`'s name: user 3's change of alice's annotation replaced alice's work as hers. The
  `meta`'s name stands only for the server's own copy (its importer completes every imported annotation, stamped
  once); work done there by a user the file names only by id is a conflict between the two fields, refused in one
  line (file, record, field), the database left byte for byte; `--annotator NAME` says whose it is.
- F5: an email or name equal to `labelstudio-user-2`, the name the import gives Label Studio user 2 known only by
  id, made another user's work user 2's. Such a name is the import's own for an id: given by the file, it is
  refused in one line (Label Studio's emails have an @, so no real user is refused).

Files: the real Label Studio 1.23.2 exports of tests/fixtures/real/labelstudio, changed as the finding says; the
real console script, on SQLite databases the CLI made."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from attack_support import fresh_copies, ok, rows
from processes import annotator, one_error_line
from real_files import REAL

LS = REAL / "labelstudio"
LATER = "2026-12-01T04:22:38.098940Z"  # a minute after the server made task 1's annotation (04:21:38)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """back.db: the server's export of alice's work imported (4 records of alice's); project.db: a project's own
    export imported (labelstudio-user-1 and -2)."""
    folder = tmp_path_factory.mktemp("made")
    ok("import", LS / "ls1232_our_export_back.json", "--format", "labelstudio", "--db", "back.db", cwd=folder)
    ok("import", LS / "ls1232_export.json", "--format", "labelstudio", "--db", "project.db", cwd=folder)
    return folder


@pytest.fixture
def work(made: Path, tmp_path: Path) -> Path:
    return fresh_copies(made, tmp_path, "back.db", "project.db")


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def spans_of(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT article_id, annotator, COUNT(*) FROM spans GROUP BY 1, 2 ORDER BY 1, 2")


def back_file(work: Path, **changes: Any) -> list[dict[str, Any]]:
    """The server's export of alice's work (task meta: alice), the annotation of task 1 changed by `changes`."""
    tasks: list[dict[str, Any]] = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))
    annotation = tasks[0]["annotations"][0]
    annotation["result"] = annotation["result"][:1]  # a span instead of alice's four
    annotation.update(changes)
    (work / "back.json").write_text(json.dumps(tasks[:1]), "utf-8")
    return tasks


ALICE = [("note-0", "alice", 4), ("note-1", "alice", 4), ("note-2", "alice", 3)]

# -- F4 --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "shown"),
    [
        ({"completed_by": 3, "updated_by": 3, "updated_at": LATER}, "changed it there"),
        ({"completed_by": 3, "updated_by": None, "updated_at": LATER}, "changed it there"),
        ({"completed_by": 3, "lead_time": 41.2}, "worked on it there (lead_time 41.2 s)"),
        ({"completed_by": 3, "was_cancelled": True}, "cancelled it there"),
        ({"completed_by": 1, "updated_by": 1, "updated_at": LATER}, "changed it there"),  # the importer, later
        ({"completed_by": {"id": 3}, "updated_at": LATER}, "changed it there"),  # an API's user without email
    ],
)
def test_work_there_by_a_user_known_only_by_id_beside_our_meta_name_is_refused(
    work: Path, changes: dict[str, Any], shown: str
) -> None:
    back_file(work, **changes)
    before = md5(work / "back.db")
    line = one_error_line(annotator("import", "back.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    user = 3 if changes["completed_by"] == {"id": 3} else changes["completed_by"]
    assert line == (
        f"back.json:1: record 1: field 'annotations[0].completed_by': Label Studio user {user}, known only by id, "
        f"{shown}, and the task's meta.annotator names 'alice': whose work it is cannot be told (give --user-map "
        f"{user}=NAME to name user {user}, or --annotator NAME to say whose it is)"
    )
    assert md5(work / "back.db") == before
    assert spans_of(work / "back.db") == ALICE


def test_annotator_option_says_whose_the_work_there_is(work: Path) -> None:
    back_file(work, completed_by=3, updated_by=3, updated_at=LATER)
    out = ok("import", "back.json", "--format", "labelstudio", "--db", "back.db", "--annotator", "carol", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)) -> back.db\n"
    assert spans_of(work / "back.db") == [("note-0", "alice", 4), ("note-0", "carol", 1), *ALICE[1:]]


def test_a_bare_id_the_file_gives_an_email_for_is_that_user_not_the_meta_name(work: Path) -> None:
    """User 3 is carol@x.org where the file gives the object (task 2, the server's copy: alice's still): their
    change of task 1 is carol@x.org's work, as it is when the object is given there."""
    tasks = back_file(work, completed_by=3, updated_by=3, updated_at=LATER)
    tasks[1]["annotations"][0]["completed_by"] = {"id": 3, "email": "carol@x.org"}
    (work / "back.json").write_text(json.dumps(tasks[:2]), "utf-8")
    out = ok("import", "back.json", "--format", "labelstudio", "--db", "back.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 1 unchanged -> back.db\n"
    assert spans_of(work / "back.db") == [("note-0", "alice", 4), ("note-0", "carol@x.org", 1), *ALICE[1:]]


def test_the_servers_own_copy_stays_the_meta_annotators(work: Path) -> None:
    """The real export back, its importer (user 1) completing each annotation once: alice's, as before."""
    out = ok("import", LS / "ls1232_our_export_back.json", "--format", "labelstudio", "--db", "back.db", cwd=work)
    assert out == "0 record(s) imported (0 new article(s)); 4 unchanged -> back.db\n"
    assert spans_of(work / "back.db") == ALICE


# -- F5 --------------------------------------------------------------------------------------------------------


def project_file(work: Path, task: int, **changes: Any) -> list[dict[str, Any]]:
    tasks: list[dict[str, Any]] = json.loads((LS / "ls1232_export.json").read_text("utf-8"))
    tasks[task]["annotations"][0].update(changes)
    (work / "project.json").write_text(json.dumps(tasks), "utf-8")
    return tasks


SYNTHETIC = (
    "reads as labelstudio-user-<id>, the name this import gives a Label Studio user known only by id: a user given "
    "by email or name cannot take it (Label Studio's emails have an @)"
)


@pytest.mark.parametrize(
    ("changes", "field", "given"),
    [
        ({"completed_by": {"id": 5, "email": "labelstudio-user-2"}}, "completed_by", "labelstudio-user-2"),
        ({"completed_by": "labelstudio-user-2"}, "completed_by", "labelstudio-user-2"),
        ({"completed_by": "LabelStudio-User-2"}, "completed_by", "LabelStudio-User-2"),
        ({"completed_by": "Iabelstudio-user-2"}, "completed_by", "Iabelstudio-user-2"),  # a capital I
        ({"completed_by": {"id": 5, "email": "labelstudio-user-l"}}, "completed_by", "labelstudio-user-l"),
        ({"updated_by": "labelstudio-user-2", "updated_at": LATER}, "updated_by", "labelstudio-user-2"),
    ],
)
def test_a_name_like_the_one_a_bare_id_gets_is_refused(
    work: Path, changes: dict[str, Any], field: str, given: str
) -> None:
    project_file(work, 0, **changes)
    before = md5(work / "project.db")
    line = one_error_line(annotator("import", "project.json", "--format", "labelstudio", "--db", "project.db",
                                    cwd=work))  # fmt: skip
    assert line == f"project.json:1: record 1: field 'annotations[0].{field}': {given!r} {SYNTHETIC}"
    assert md5(work / "project.db") == before


def test_a_json_min_annotator_like_the_name_a_bare_id_gets_is_refused(work: Path) -> None:
    records = json.loads((LS / "ls1232_export_min.json").read_text("utf-8"))
    records[0]["annotator"] = "labelstudio-user-2"
    (work / "min.json").write_text(json.dumps(records), "utf-8")
    before = md5(work / "project.db")
    line = one_error_line(annotator("import", "min.json", "--format", "labelstudio", "--db", "project.db", cwd=work))
    assert line == f"min.json:1: record 1: field 'annotator': 'labelstudio-user-2' {SYNTHETIC}"
    assert md5(work / "project.db") == before


def test_an_email_beginning_as_that_name_is_a_users_email(work: Path) -> None:
    project_file(work, 0, completed_by={"id": 5, "email": "labelstudio-user-2@x.org"})
    ok("import", "project.json", "--format", "labelstudio", "--db", "project.db", cwd=work)
    assert rows(work / "project.db", "SELECT annotator FROM annotations WHERE article_id = 'hand-1' ORDER BY 1") == [
        ("labelstudio-user-1",),
        ("labelstudio-user-2@x.org",),
    ]


def test_a_refused_email_never_names_the_users_bare_id_elsewhere(work: Path) -> None:
    """--skip-invalid: the record giving user 5 the email `labelstudio-user-2` is skipped, and user 5's cancelled
    task 3 is labelstudio-user-5's, not user 2's."""
    tasks = project_file(work, 0, completed_by={"id": 5, "email": "labelstudio-user-2"})
    tasks[2]["annotations"][0]["completed_by"] = 5
    (work / "project.json").write_text(json.dumps(tasks), "utf-8")
    ok("import", "project.json", "--format", "labelstudio", "--db", "project.db", "--skip-invalid", cwd=work)
    assert rows(work / "project.db", "SELECT article_id, annotator, status FROM annotations ORDER BY 1, 2") == [
        ("hand-1", "labelstudio-user-1", "done"),
        ("hand-2", "labelstudio-user-1", "done"),
        ("hand-2", "labelstudio-user-2", "done"),
        ("hand-3", "labelstudio-user-1", "skipped"),
        ("hand-3", "labelstudio-user-5", "skipped"),
    ]


def test_annotator_option_settles_a_dispute_beside_the_same_names_untouched_work(work: Path) -> None:
    """Task 1 changed there by user 1 (known only by id), tasks 2 and 3 as our export left them (alice's): without
    --annotator the first is refused, "give --annotator NAME to say"; `--annotator alice` then said user 1 made
    task 1 and alice the rest, and was refused too, so the file could not be imported at all (a newcomer's trial,
    37, 4). The name given settles the disputed task: the file is alice's throughout. Another name is refused at
    the first task it does not settle, as before."""
    tasks = back_file(work, completed_by=1, updated_by=1, updated_at=LATER, lead_time=42.5)
    (work / "back.json").write_text(json.dumps(tasks[:3]), "utf-8")
    refused = one_error_line(annotator("import", "back.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert refused.endswith(
        "whose work it is cannot be told (give --user-map 1=NAME to name user 1, or --annotator NAME to say whose it is)"
    )
    out = ok("import", "back.json", "--format", "labelstudio", "--db", "back.db", "--annotator", "alice", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 1 replaced older work; 2 unchanged -> back.db\n"
    assert spans_of(work / "back.db") == [("note-0", "alice", 1), *ALICE[1:]]
    other = one_error_line(
        annotator("import", "back.json", "--format", "labelstudio", "--db", "back.db", "--annotator", "carol",
                  cwd=work)
    )  # fmt: skip
    assert other == (
        "back.json:1: record 2: field 'meta.annotator': 'alice' made this annotation, and 'carol' the one at record "
        "1: --annotator carol takes one Label Studio user's work (import without it: each user's work under their "
        "own name)"
    )


# -- --user-map: a JSON export names users by id ------------------------------------------------------------------


def test_user_map_names_the_users_a_servers_export_gives_by_id(work: Path) -> None:
    """A server's JSON export names each user by id alone (`"completed_by": 1`): without a name they are
    labelstudio-user-1 and -2; `--user-map 1=alice@x.org,2=bob` gives them the names the team knows them by."""
    ok("import", LS / "ls1232_export.json", "--format", "labelstudio", "--db", "named.db", "--user-map",
       "1=alice@x.org,2=bob", cwd=work)  # fmt: skip
    assert rows(work / "named.db", "SELECT DISTINCT annotator FROM annotations ORDER BY 1") == [
        ("alice@x.org",),
        ("bob",),
    ]


def test_user_map_settles_whose_a_change_there_is_task_by_task(work: Path) -> None:
    """Task 1 changed there by user 3 (updated_by 3), tasks 2 and 3 as our export left them (alice's): the
    dispute's error names --user-map; `--annotator carol` cannot settle it (the other tasks are alice's: a
    trial's dead end, only importing the task alone was left), `--user-map 3=carol` makes task 1 carol's and
    leaves the rest alice's."""
    tasks = back_file(work, completed_by=3, updated_by=3, updated_at=LATER)
    (work / "back.json").write_text(json.dumps(tasks[:3]), "utf-8")
    refused = one_error_line(annotator("import", "back.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert refused.endswith(
        "whose work it is cannot be told (give --user-map 3=NAME to name user 3, or --annotator NAME to say whose "
        "it is)"
    )
    out = ok("import", "back.json", "--format", "labelstudio", "--db", "back.db", "--user-map", "3=carol", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 2 unchanged -> back.db\n"
    assert spans_of(work / "back.db") == [("note-0", "alice", 4), ("note-0", "carol", 1), *ALICE[1:]]


def test_user_map_is_one_name_for_a_user_given_by_id_and_by_email(work: Path) -> None:
    """The map's name wins over an email the file gives the same id: one user, one annotator."""
    project_file(work, 0, completed_by={"id": 1, "email": "admin@x.org"})
    ok("import", "project.json", "--format", "labelstudio", "--db", "new.db", "--user-map", "1=alice", cwd=work)
    assert rows(work / "new.db", "SELECT DISTINCT annotator FROM annotations ORDER BY 1") == [
        ("alice",),
        ("labelstudio-user-2",),
    ]


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ("x=carol", "--user-map: 'x' is not a Label Studio user id (a whole number, as its export writes them)"),
        ("3=", "--user-map: expected ID=NAME, a Label Studio user id and the name to store their work under, got '3='"),
        ("3=carol,3=dan", "--user-map: '3' is mapped twice"),
        ("3=carol,4=carol", "--user-map: 'carol' is given to users 3 and 4: one name is one annotator"),
        (
            "3=labelstudio-user-4",
            "--user-map: 'labelstudio-user-4' reads as labelstudio-user-<id>, the name this "
            "import gives a Label Studio user known only by id: a user given by email or name cannot take it (Label "
            "Studio's emails have an @)",
        ),
        ("3=carol;4=dan", "--user-map: 'carol;4=dan' holds a '=': give the pairs apart with commas (1=alice,3=carol)"),
        ("3=carol 4=dan", "--user-map: 'carol 4=dan' holds a '=': give the pairs apart with commas (1=alice,3=carol)"),
        (
            "3=gold",
            "--user-map: 'gold' is reserved: gold, the adjudicated annotation, is written only by `annotator "
            "review` and `annotator adjudicate --auto`; work under a name of your own",
        ),
    ],
)
def test_a_bad_user_map_is_one_line_and_nothing_is_written(work: Path, given: str, error: str) -> None:
    before = md5(work / "project.db")
    result = annotator("import", LS / "ls1232_export.json", "--format", "labelstudio", "--db", "project.db",
                       "--user-map", given, cwd=work)  # fmt: skip
    assert one_error_line(result) == error
    assert md5(work / "project.db") == before


def test_user_map_goes_with_the_labelstudio_format(work: Path) -> None:
    result = annotator("import", "x.jsonl", "--db", "project.db", "--user-map", "1=alice", cwd=work)
    assert one_error_line(result) == "--user-map names Label Studio users: it goes with --format labelstudio"


def test_users_known_only_by_id_and_unused_map_entries_are_noted(work: Path) -> None:
    """A trial (38c): a server's export imported with no map stored users 1 and 2 as labelstudio-user-1 and -2
    without a word, and a map entry that named nobody whose work was imported said nothing either."""
    plain = annotator("import", LS / "ls1232_export.json", "--format", "labelstudio", "--db", "a.db", cwd=work)
    assert plain.returncode == 0
    assert plain.stderr == (
        "annotator: note: 2 Label Studio users known only by id are stored as labelstudio-user-1, "
        "labelstudio-user-2 (--user-map 1=NAME,2=NAME names them)\n"
    )
    mapped = annotator("import", LS / "ls1232_export.json", "--format", "labelstudio", "--db", "b.db",
                       "--user-map", "1=alice,7=zed", cwd=work)  # fmt: skip
    assert mapped.returncode == 0
    assert mapped.stderr == (
        "annotator: note: 1 Label Studio user known only by id is stored as labelstudio-user-2 (--user-map 2=NAME "
        "names them)\n"
        "annotator: note: --user-map 7=zed: no work of user 7's was imported (the file names no such user, or "
        "only beside work that is someone else's)\n"
    )
