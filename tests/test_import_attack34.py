"""The thirty-fourth attack on Label Studio imports (whom an annotation is attributed to).

- 06: Label Studio 1.23.2's JSON_MIN export of our own export (tests/fixtures/real/labelstudio/
  ls1232_our_export_back_min.json) drops the task's `meta`, the only place that names alice: every record was
  stored as `labelstudio-user-1` (the server's importer), done, her in-progress and flagged work included.
- 01: a second annotation on a task (another user's skip) made the import ignore the task's `meta`: alice's
  flagged work became `labelstudio-user-1`'s done work, its flag reason and comments dropped.

Real files: the real Label Studio exports of tests/fixtures/real/labelstudio, changed as the finding says; the
real console script, on SQLite databases the CLI made."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from attack_support import fresh_copies, ok, rows
from processes import annotator, one_error_line
from real_files import REAL

LS = REAL / "labelstudio"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """back.db: the server's JSON export of alice's work imported (alice's 4 records, as in her database)."""
    folder = tmp_path_factory.mktemp("made34")
    ok("import", LS / "ls1232_our_export_back.json", "--format", "labelstudio", "--db", "back.db", cwd=folder)
    return folder


@pytest.fixture
def work(made: Path, tmp_path: Path) -> Path:
    return fresh_copies(made, tmp_path, "back.db")


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def records(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT article_id, annotator, status, flag_reason FROM annotations ORDER BY 1, 2")


ALICE = [
    ("note-0", "alice", "done", None),
    ("note-1", "alice", "in_progress", None),
    ("note-2", "alice", "flagged", None),
    ("note-3", "alice", "skipped", None),
]

# -- 06: JSON_MIN of our own export ------------------------------------------------------------------------------

MIN_REFUSED = (
    "ls1232_our_export_back_min.json:42: record 1: field 'annotator': Label Studio user 1 shows no work on this "
    "annotation (no lead_time, created_at and updated_at one moment: the server's import of it), and the task's "
    "data is our own export's, whose annotator only the task's meta names, which JSON_MIN leaves out: whose work it "
    "is cannot be told (import the project's JSON export, or give --annotator NAME)"
)


def test_json_min_of_our_own_export_is_refused_in_one_line(work: Path) -> None:
    before = md5(work / "back.db")
    line = one_error_line(
        annotator("import", LS / "ls1232_our_export_back_min.json", "--format", "labelstudio", "--db", "back.db",
                  cwd=work)
    )  # fmt: skip
    assert line == str(LS / MIN_REFUSED)
    assert md5(work / "back.db") == before
    assert records(work / "back.db") == ALICE


def test_json_min_of_our_own_export_refused_into_a_fresh_database(tmp_path: Path) -> None:
    result = annotator("import", LS / "ls1232_our_export_back_min.json", "--format", "labelstudio", "--db", "n.db",
                       cwd=tmp_path)  # fmt: skip
    assert one_error_line(result) == str(LS / MIN_REFUSED)
    assert not (tmp_path / "n.db").exists() or rows(tmp_path / "n.db", "SELECT COUNT(*) FROM annotations") == [(0,)]


def test_json_min_of_our_own_export_with_annotator_option_is_no_newer_work(work: Path) -> None:
    """`--annotator alice` says whose: the server's import stamp is no moment of work, and JSON_MIN says neither
    her in-progress and flagged statuses nor her speakers, so her stored records are unchanged, never replaced
    (test_import_labelstudio_min_unsaid)."""
    result = annotator("import", LS / "ls1232_our_export_back_min.json", "--format", "labelstudio", "--db", "back.db",
                       "--annotator", "alice", cwd=work)  # fmt: skip
    assert result.returncode == 0, result
    assert result.stdout.splitlines()[0] == "0 record(s) imported (0 new article(s)); 3 unchanged -> back.db"
    assert records(work / "back.db") == ALICE


def test_json_min_of_a_projects_own_work_stays_its_users(tmp_path: Path) -> None:
    out = ok("import", LS / "ls1232_export_min.json", "--format", "labelstudio", "--db", "p.db", cwd=tmp_path)
    assert out.splitlines()[0] == "3 record(s) imported (2 new article(s)) -> p.db"
    assert rows(tmp_path / "p.db", "SELECT article_id, annotator, status FROM annotations ORDER BY 1, 2") == [
        ("hand-1", "labelstudio-user-1", "done"),
        ("hand-2", "labelstudio-user-1", "done"),
        ("hand-2", "labelstudio-user-2", "done"),
    ]


# -- 01: a second annotation on a task ------------------------------------------------------------------------

SKIP = {"id": 99, "completed_by": 2, "result": [], "was_cancelled": True, "ground_truth": False,
        "created_at": "2026-12-02T09:00:00.000000Z", "updated_at": "2026-12-02T09:00:00.000100Z", "lead_time": 4.2}  # fmt: skip


def flagged_task(first: bool = True, **other: Any) -> list[dict[str, Any]]:
    """Task note-2 of the server's export (meta: alice, flagged), with a flag reason and a comment in its meta, and
    a second annotation: user 2's skip changed by `other`, after alice's (`first`) or listed before it."""
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[2]
    task["meta"]["flag_reason"] = "speaker unclear"
    task["meta"]["comments"] = [{"annotator": "alice", "at": "2026-12-01T04:18:00Z", "text": "ask the desk"}]
    second = {**copy.deepcopy(task["annotations"][0]), **SKIP, **other}
    task["annotations"] = [*task["annotations"], second] if first else [second, *task["annotations"]]
    return [task]


def import_tasks(folder: Path, tasks: list[dict[str, Any]]) -> str:
    (folder / "t.json").write_text(json.dumps(tasks), "utf-8")
    return ok("import", "t.json", "--format", "labelstudio", "--db", "n.db", cwd=folder)


@pytest.mark.parametrize("first", [True, False])
def test_another_users_skip_leaves_the_meta_to_the_annotation_the_server_made(tmp_path: Path, first: bool) -> None:
    out = import_tasks(tmp_path, flagged_task(first))
    assert out == "2 record(s) imported (1 new article(s), 1 comment(s) added) -> n.db\n"
    assert records(tmp_path / "n.db") == [
        ("note-2", "alice", "flagged", "speaker unclear"),
        ("note-2", "labelstudio-user-2", "skipped", None),
    ]
    assert rows(tmp_path / "n.db", "SELECT article_id, annotator, text FROM comments") == [
        ("note-2", "alice", "ask the desk")
    ]
    assert rows(tmp_path / "n.db", "SELECT annotator, COUNT(*) FROM spans GROUP BY 1") == [("alice", 3)]


def test_another_users_own_annotation_is_theirs_and_alices_stays_hers(tmp_path: Path) -> None:
    alices = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[2]["annotations"][0]["result"]
    import_tasks(tmp_path, flagged_task(completed_by={"id": 2, "email": "bob@x.org"}, was_cancelled=False,
                                        result=alices[:1]))  # fmt: skip
    assert records(tmp_path / "n.db") == [
        ("note-2", "alice", "flagged", "speaker unclear"),
        ("note-2", "bob@x.org", "done", None),
    ]
    assert rows(tmp_path / "n.db", "SELECT annotator, COUNT(*) FROM spans GROUP BY 1 ORDER BY 1") == [
        ("alice", 3),
        ("bob@x.org", 1),
    ]


# -- 15: an annotation only touched in Label Studio ------------------------------------------------------------

TOUCHED = {"updated_by": 5, "updated_at": "2026-12-03T10:00:00.000000Z", "ground_truth": True}


def server_copy(work: Path, result: slice = slice(None), **changes: Any) -> None:
    """Task note-0 as the server exports it (the real file's annotation, its result `result` of alice's), with the
    `meta` our export writes now (the server keeps it untouched), changed there by `changes`."""
    ok("export", "--annotator", "alice", "--format", "labelstudio", "--db", "back.db", "-o", "ours.json", cwd=work)
    ours = {t["data"]["article_id"]: t for t in json.loads((work / "ours.json").read_text("utf-8"))}
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[0]
    task["meta"] = ours["note-0"]["meta"]
    task["annotations"][0]["result"] = task["annotations"][0]["result"][result]
    task["annotations"][0].update(changes)
    (work / "t.json").write_text(json.dumps([task]), "utf-8")


def spans_of(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT article_id, annotator, COUNT(*) FROM spans GROUP BY 1, 2 ORDER BY 1, 2")


ALICES_SPANS = [("note-0", "alice", 4), ("note-1", "alice", 4), ("note-2", "alice", 3)]


def test_an_annotation_only_touched_there_stays_alices_unchanged(work: Path) -> None:
    server_copy(work, **TOUCHED)
    out = ok("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work)
    assert out == "0 record(s) imported (0 new article(s)); 1 unchanged -> back.db\n"
    assert spans_of(work / "back.db") == ALICES_SPANS
    assert records(work / "back.db") == ALICE


def test_an_annotation_changed_there_by_that_user_is_theirs(work: Path) -> None:
    server_copy(work, slice(1), **TOUCHED)
    out = ok("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)) -> back.db\n"
    assert spans_of(work / "back.db") == [
        ("note-0", "alice", 4),
        ("note-0", "labelstudio-user-5", 1),
        *ALICES_SPANS[1:],
    ]


def test_an_older_export_cannot_tell_a_touch_from_a_change_by_a_user_known_only_by_id(work: Path) -> None:
    """The real file (exported before the `meta` kept a digest of the spans): user 5's touch or change cannot be
    told from the result, and user 5 is known only by id: refused, as the completer's would be."""
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[0]
    task["annotations"][0].update(TOUCHED)
    (work / "t.json").write_text(json.dumps([task]), "utf-8")
    before = md5(work / "back.db")
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == (
        "t.json:1: record 1: field 'annotations[0].updated_by': Label Studio user 5, known only by id, changed it "
        "there, and the task's meta.annotator names 'alice': whose work it is cannot be told (give --user-map 5=NAME "
        "to name user 5, or --annotator NAME to say whose it is)"
    )
    assert md5(work / "back.db") == before


# -- 10: reserved names as Label Studio users --------------------------------------------------------------------

GOLD_REFUSED = (
    "'gold' is reserved: gold, the adjudicated annotation, is written only by `annotator review` and `annotator "
    "adjudicate --auto`; work under a name of your own"
)
MODEL_REFUSED = "'model:entities.v12' names the model's suggestions, not an annotator"


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"completed_by": "gold"}, "completed_by", GOLD_REFUSED),
        ({"completed_by": {"id": 4, "email": "gold"}}, "completed_by", GOLD_REFUSED),
        ({"completed_by": {"id": 4, "email": "Gold"}}, "completed_by", GOLD_REFUSED.replace("'gold'", "'Gold'")),
        ({"completed_by": 1, "updated_by": {"id": 4, "email": "gold"}}, "updated_by", GOLD_REFUSED),
        ({"completed_by": "model:entities.v12"}, "completed_by", MODEL_REFUSED),
        ({"completed_by": 1, "updated_by": "model:entities.v12"}, "updated_by", MODEL_REFUSED),
    ],
)
def test_a_reserved_name_as_a_label_studio_user_is_refused_at_its_field(
    work: Path, changes: dict[str, Any], field: str, problem: str
) -> None:
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[0]
    task["annotations"][0]["result"] = task["annotations"][0]["result"][:2]  # the user's change
    task["annotations"][0].update(updated_at="2026-12-03T10:00:00Z", **changes)
    (work / "t.json").write_text(json.dumps([task]), "utf-8")
    before = md5(work / "back.db")
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == f"t.json:1: record 1: field 'annotations[0].{field}': {problem}"
    assert md5(work / "back.db") == before


def test_a_json_min_annotator_gold_is_refused(work: Path) -> None:
    records_ = json.loads((LS / "ls1232_export_min.json").read_text("utf-8"))
    records_[0]["annotator"] = "gold"
    (work / "min.json").write_text(json.dumps(records_[:1]), "utf-8")
    line = one_error_line(annotator("import", "min.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == f"min.json:1: record 1: field 'annotator': {GOLD_REFUSED}"


def test_a_comment_by_the_model_is_refused_and_one_by_gold_kept(work: Path) -> None:
    """The model writes no comments; `annotator review` comments as gold, so a reviewed article's do."""
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[0]
    task["meta"]["comments"] = [{"annotator": "model:entities.v12", "at": "2026-12-02T10:00:00Z", "text": "hi"}]
    (work / "t.json").write_text(json.dumps([task]), "utf-8")
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == f"t.json:1: record 1: field 'meta.comments[0].annotator': {MODEL_REFUSED}"
    task["meta"]["comments"][0]["annotator"] = "gold"
    (work / "t.json").write_text(json.dumps([task]), "utf-8")
    ok("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work)
    assert rows(work / "back.db", "SELECT annotator, text FROM comments") == [("gold", "hi")]


# -- 03, 04, 08, 09: fields that hid whose work it was -----------------------------------------------------------

CHANGED = {"completed_by": 3, "updated_at": "2026-12-03T10:00:00Z"}  # user 3's change of alice's annotation


def changed_by(work: Path, meta: dict[str, Any] | None = None, **changes: Any) -> None:
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[0]
    task["annotations"][0]["result"] = task["annotations"][0]["result"][:2]  # two spans removed there
    task["annotations"][0].update(changes)
    task["meta"].update(meta or {})
    (work / "t.json").write_text(json.dumps([task]), "utf-8")


@pytest.mark.parametrize(
    ("changes", "meta", "field", "problem"),
    [
        ({**CHANGED, "completed_by": "3"}, {}, "annotations[0].completed_by",
         "'3' is a user id written as text: Label Studio writes a user id as a whole number, and no user's name or "
         "email is digits only"),
        ({**CHANGED, "completed_by": {"id": 3, "email": " 3 "}}, {}, "annotations[0].completed_by",
         "' 3 ' is a user id written as text: Label Studio writes a user id as a whole number, and no user's name or "
         "email is digits only"),
        ({**CHANGED, "created_at": "not a time"}, {}, "annotations[0].created_at",
         "expected an ISO 8601 timestamp with a time zone (as 2026-12-01T10:00:00Z), got 'not a time'"),
        ({**CHANGED, "created_at": 1764500000}, {}, "annotations[0].created_at",
         "Input should be a valid string, got a whole number"),
        ({**CHANGED, "created_at": "2026-12-03T10:00:05Z"}, {}, "annotations[0].created_at",
         "2026-12-03T10:00:05.000000Z is later than updated_at 2026-12-03T10:00:00.000000Z: an annotation is made before it "
         "changes"),
        ({"completed_by": 3, "lead_time": "95.2"}, {}, "annotations[0].lead_time",
         "Input should be a valid number, got a string"),
        ({**CHANGED, "lead_time": 20.0}, {"annotator": ["alice"]}, "meta.annotator", "expected a name, got a list"),
        ({**CHANGED, "lead_time": 20.0}, {"annotator": {"name": "alice"}}, "meta.annotator",
         "expected a name, got an object"),
        ({**CHANGED, "lead_time": 20.0}, {"annotator": 7}, "meta.annotator", "expected a name, got a whole number"),
    ],
)  # fmt: skip
def test_a_field_that_would_hide_whose_work_it_is_is_refused(
    work: Path, changes: dict[str, Any], meta: dict[str, Any], field: str, problem: str
) -> None:
    changed_by(work, meta, **changes)
    before = md5(work / "back.db")
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == f"t.json:1: record 1: field '{field}': {problem}"
    assert md5(work / "back.db") == before


@pytest.mark.parametrize(
    "given",
    ["labelstudio_user_2", "labelstudio.user.2", "labelstudio user 2", "labelstudiouser2", "labelstudio-user-2@"],
)
def test_a_name_like_the_one_a_bare_id_gets_but_for_its_separators_is_refused(work: Path, given: str) -> None:
    changed_by(work, completed_by={"id": 5, "email": given}, updated_at="2026-12-03T10:00:00Z")
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == (
        f"t.json:1: record 1: field 'annotations[0].completed_by': {given!r} reads as labelstudio-user-<id>, the name "
        "this import gives a Label Studio user known only by id: a user given by email or name cannot take it "
        "(Label Studio's emails have an @)"
    )


def test_a_json_min_record_with_a_bad_moment_is_refused(work: Path) -> None:
    records_ = json.loads((LS / "ls1232_export_min.json").read_text("utf-8"))
    records_[0]["created_at"] = "2026-12-02T00:00:00Z"  # later than its updated_at
    (work / "min.json").write_text(json.dumps(records_[:1]), "utf-8")
    line = one_error_line(annotator("import", "min.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == (
        "min.json:1: record 1: field 'created_at': 2026-12-02T00:00:00.000000Z is later than updated_at "
        "2026-12-01T02:39:00.959249Z: an annotation is made before it changes"
    )
    records_[0]["lead_time"] = "3"
    (work / "min.json").write_text(json.dumps(records_[:1]), "utf-8")
    line = one_error_line(annotator("import", "min.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == "min.json:1: record 1: field 'lead_time': Input should be a valid number, got a string"


# -- 07 (atk34 finding 13): an error names the field by its whole path in the file ---------------------------------


def task_changed(work: Path, change: Any) -> None:
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[0]
    change(task)
    (work / "t.json").write_text(json.dumps([task]), "utf-8")


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda t: t["meta"].update(status="finished"), "meta.status",
         "Input should be 'todo', 'in_progress', 'done', 'skipped' or 'flagged', got 'finished'"),
        (lambda t: t["meta"].update(updated_at=5), "meta.updated_at", "Input should be a valid string, got a whole number"),
        (lambda t: t["meta"].update(flag_reason=5), "meta.flag_reason", "Input should be a valid string, got a whole number"),
        (lambda t: t["meta"].update(comments="x"), "meta.comments", "Input should be a valid list, got a string"),
        (lambda t: t["meta"].update(comments=[{"annotator": " x", "at": "2026-12-02T10:00:00Z", "text": "hi"}]),
         "meta.comments[0].annotator", "an annotator's name may not begin or end with white space: ' x'"),
        (lambda t: t["annotations"][0]["result"][0]["value"].update(start="6"),
         "annotations[0].result[0].value.start", "Input should be a valid integer, got a string"),
        (lambda t: t["annotations"][0]["result"][0].update(value=None),
         "annotations[0].result[0].value",
         "Input should be a valid dictionary or instance of RegionValue, got null"),
        (lambda t: t["data"].update(article_id="a\x07b"), "data.article_id", None),
    ],
)  # fmt: skip
def test_an_error_names_the_whole_path_of_its_field(work: Path, change: Any, field: str, problem: str | None) -> None:
    """(An article id's own problem is `vocabulary.id_problem`'s, tested where it is.)"""
    task_changed(work, change)
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line.startswith(f"t.json:1: record 1: field '{field}': "), line
    if problem is not None:
        assert line == f"t.json:1: record 1: field '{field}': {problem}"


# -- 13 (atk34 finding 15): drafts are counted as left out -------------------------------------------------------


def test_drafts_are_left_out_and_counted(tmp_path: Path) -> None:
    tasks = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))
    draft = {"id": 7, "user": "bob@x.org", "result": tasks[0]["annotations"][0]["result"][:3], "lead_time": 120.0,
             "was_postponed": False, "created_at": "2026-12-02T09:00:00Z", "updated_at": "2026-12-02T09:02:00Z",
             "task": 1, "annotation": None}  # fmt: skip
    tasks[0]["drafts"] = [draft]
    tasks[1]["annotations"], tasks[1]["drafts"] = [], [{**draft, "id": 8, "result": [], "task": 2}]
    (tmp_path / "t.json").write_text(json.dumps(tasks[:2]), "utf-8")
    out = ok("import", "t.json", "--format", "labelstudio", "--db", "n.db", cwd=tmp_path)
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s)) -> n.db",
        "left out: 2 Label Studio draft(s) (unsubmitted work in its editor: submit it there to import it)",
        "left out: 1 task(s) without an annotation",
        "note: the 1 task(s) without an annotation: task 2 (t.json:1 record 2); `annotator ingest t.json --db n.db` "
        "stores their texts to annotate (the articles already stored stay as they are)",
    ]


# -- 02 (atk34 finding 10): a prediction naming a user --------------------------------------------------------------


def test_a_prediction_of_ours_that_names_a_user_is_refused(tmp_path: Path) -> None:
    """Our `export --suggestions` task, the model's record as its one prediction: a `completed_by` on it would make
    the model's suggestions bob's done work."""
    task = json.loads((LS / "ls1232_our_export_back.json").read_text("utf-8"))[0]
    result = [r for r in task["annotations"][0]["result"] if r.get("type") == "labels"]
    prediction = {"model_version": "entities.v12", "result": result, "completed_by": "bob@x.org",
                  "created_at": "2026-12-02T09:00:00Z", "updated_at": "2026-12-02T10:00:00Z"}  # fmt: skip
    meta = {"annotator": "model:entities.v12", "status": "todo", "updated_at": "2026-12-01T04:18:04.471035Z"}
    (tmp_path / "t.json").write_text(json.dumps([{"data": task["data"], "meta": meta, "predictions": [prediction]}]))
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "n.db", cwd=tmp_path))
    assert line == (
        "t.json:1: record 1: field 'predictions[0].completed_by': a prediction of our suggestions export is the "
        "model's ('model:entities.v12', the task's meta.annotator) and names no Label Studio user, got 'bob@x.org'"
    )
    del prediction["completed_by"]
    (tmp_path / "t.json").write_text(json.dumps([{"data": task["data"], "meta": meta, "predictions": [prediction]}]))
    ok("import", "t.json", "--format", "labelstudio", "--db", "n.db", cwd=tmp_path)
    assert rows(tmp_path / "n.db", "SELECT COUNT(*) FROM annotations") == [(0,)]
    assert rows(tmp_path / "n.db", "SELECT COUNT(*) FROM suggestions") == [(3,)]


# -- 16: a change with no updated_by, its completer known by email ------------------------------------------------


@pytest.mark.parametrize(
    ("completed_by", "shown", "give"),
    [
        (1, "Label Studio user 1, known only by id, changed it there", "--user-map 1=NAME to name user 1, or "),
        ({"id": 1, "email": "lead@x.org"}, "'lead@x.org' completed it (on our task, the server's importer), "
                                           "someone changed it there and no updated_by says who", ""),
    ],
)  # fmt: skip
def test_a_change_no_updated_by_names_beside_our_meta_name_is_refused(
    work: Path, completed_by: object, shown: str, give: str
) -> None:
    changed_by(work, completed_by=completed_by, updated_by=None, updated_at="2026-12-03T10:00:00Z", lead_time=48.0)
    before = md5(work / "back.db")
    line = one_error_line(annotator("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work))
    assert line == (
        f"t.json:1: record 1: field 'annotations[0].completed_by': {shown}, and the task's meta.annotator names "
        f"'alice': whose work it is cannot be told (give {give}--annotator NAME to say whose it is)"
    )
    assert md5(work / "back.db") == before


def test_a_change_its_completer_known_by_email_made_says_so_in_updated_by(work: Path) -> None:
    lead = {"id": 1, "email": "lead@x.org"}
    changed_by(work, completed_by=lead, updated_by=1, updated_at="2026-12-03T10:00:00Z", lead_time=48.0)
    out = ok("import", "t.json", "--format", "labelstudio", "--db", "back.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)) -> back.db\n"
    assert spans_of(work / "back.db") == [("note-0", "alice", 4), ("note-0", "lead@x.org", 2), *ALICES_SPANS[1:]]
