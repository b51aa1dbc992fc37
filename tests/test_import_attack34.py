"""The thirty-fourth attack on Label Studio imports (whom an annotation is attributed to).

- 06: Label Studio 1.23.2's JSON_MIN export of our own export (tests/fixtures/real/labelstudio/
  ls1232_our_export_back_min.json) drops the task's `meta`, the only place that names alice: every record was
  stored as `labelstudio-user-1` (the server's importer), done, her in-progress and flagged work included.
- 01: a second annotation on a task (another user's skip) made the import ignore the task's `meta`: alice's
  flagged work became `labelstudio-user-1`'s done work, its flag reason and comments dropped.

Real files: the real Label Studio exports of tests/fixtures/real/labelstudio, changed as the finding says; the
real console script, on SQLite databases the CLI made."""

from __future__ import annotations

import hashlib
from pathlib import Path

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
    "ls1232_our_export_back_min.json: record 0: field 'annotator': Label Studio user 1 shows no work on this "
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
    """`--annotator alice` says whose: the server's import stamp is no moment of work, so her stored in-progress
    and flagged records (differing in status) and her done one (JSON_MIN has no relations: its speaker is gone)
    are conflicts, never replaced."""
    result = annotator("import", LS / "ls1232_our_export_back_min.json", "--format", "labelstudio", "--db", "back.db",
                       "--annotator", "alice", cwd=work)  # fmt: skip
    assert result.returncode == 1, result
    assert result.stdout.splitlines()[0] == "0 record(s) imported (0 new article(s)); 3 conflict(s) -> back.db"
    assert records(work / "back.db") == ALICE


def test_json_min_of_a_projects_own_work_stays_its_users(tmp_path: Path) -> None:
    out = ok("import", LS / "ls1232_export_min.json", "--format", "labelstudio", "--db", "p.db", cwd=tmp_path)
    assert out.splitlines()[0] == "3 record(s) imported (2 new article(s)) -> p.db"
    assert rows(tmp_path / "p.db", "SELECT article_id, annotator, status FROM annotations ORDER BY 1, 2") == [
        ("hand-1", "labelstudio-user-1", "done"),
        ("hand-2", "labelstudio-user-1", "done"),
        ("hand-2", "labelstudio-user-2", "done"),
    ]
