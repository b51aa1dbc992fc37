"""ctrl+c at the moment an all-or-nothing command's work is saved (issue 10, F14): `import` of 605 records, SIGINT
at ~2.3 s, printed "interrupted; nothing from this command was written" (2 of 29 runs) with every record stored,
or printed its report and died of SIGINT. Now an interrupt from the COMMIT on waits for the report, which is
printed, then one line says the work was saved, exit status 130; one before the COMMIT still writes nothing.

The signal is a real SIGINT the command sends itself at a point the test chooses (right after the import's
transaction is committed, after a new database is linked into place, while the report is printed, or before
anything is written), by wrapping that step in the process that runs the console script's `main`.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator, small_database

SAVED = "annotator: interrupted after this command's work was saved (reported above)\n"

RUN = """
import os, signal, sys
import annotator.exchange.importing as importing
import annotator.places as places
import annotator.cli.importing as importing_command
import annotator.store.assignments as assignments
import annotator.store.merge as merging

point, _, name = sys.argv.pop(1).partition(":")

def stop():
    os.kill(os.getpid(), getattr(signal, name or "SIGINT"))

def wrapped(module, name, before):
    original = getattr(module, name)
    def step(*args, **kwargs):
        if before:
            stop()
        result = original(*args, **kwargs)
        if not before:
            stop()
        return result
    setattr(module, name, step)

if point == "after-commit":
    wrapped(importing, "store_records", before=False)
elif point == "after-link":
    wrapped(places.Temporary, "link_into_place", before=False)
elif point == "report":
    wrapped(importing_command, "stored", before=False)
elif point == "after-assign":
    wrapped(assignments, "assign", before=False)
elif point == "after-merge":
    wrapped(merging, "merge", before=False)
elif point == "before-commit":
    wrapped(importing, "store_records", before=True)
from annotator.cli import main
sys.argv[0] = "annotator"
main()
"""


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """x.db with alice's finished work; a.jsonl, her work exported and renamed carol's in the file (--annotator
    moves nobody's record); the import as carol, uninterrupted, into a copy (report.txt: what it printed)."""
    small_database(tmp_path / "x.db")
    assert annotator("export", "--annotator", "alice", "-o", "a.jsonl", "--db", "x.db", cwd=tmp_path).returncode == 0
    renamed = [
        {**json.loads(line), "annotator": "carol"} for line in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()
    ]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in renamed), "utf-8")  # carol's, as named
    shutil.copyfile(tmp_path / "x.db", tmp_path / "plain.db")
    plain = annotator("import", "a.jsonl", "--annotator", "carol", "--db", "plain.db", cwd=tmp_path)
    assert (plain.returncode, plain.stderr) == (0, NEW_NAME)
    (tmp_path / "report.txt").write_text(plain.stdout.replace("plain.db", "x.db"), encoding="utf-8")
    return tmp_path


#: carol imports alice's export as her own: a name new to the database, said before the work (as to a mistyped one)
NEW_NAME = (
    "annotator: note: New annotator: 'carol' had no work, assignment or event in this database before this command (it has alice). "
    "If you meant alice, give that name with --annotator.\n"
)


def run(folder: Path, point: str, db: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", RUN, point, "import", "a.jsonl", "--annotator", "carol", "--db", db]
    return subprocess.run(command, capture_output=True, text=True, cwd=folder, timeout=300)


def carols(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM annotations WHERE annotator = 'carol'").fetchone()[0])


@pytest.mark.parametrize(("point", "status"), [("after-commit", 130), ("report", 130), ("after-commit:SIGTERM", 143)])
def test_ctrl_c_after_the_commit_prints_the_report_then_says_the_work_was_saved(
    work: Path, point: str, status: int
) -> None:
    result = run(work, point, "x.db")
    report = (work / "report.txt").read_text(encoding="utf-8")
    assert (result.returncode, result.stdout, result.stderr) == (status, report, NEW_NAME + SAVED)
    assert carols(work / "x.db") == 1


def test_ctrl_c_after_a_new_database_is_linked_into_place_says_it_was_saved(work: Path) -> None:
    result = run(work, "after-link", "new.db")
    assert result.returncode == 130, result.stderr
    assert (result.stdout.split(" -> ")[-1], result.stderr) == ("new.db\n", SAVED)
    assert carols(work / "new.db") == 1
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".")) == [".annotator-written.json"]


def test_ctrl_c_before_the_commit_writes_nothing_and_says_so(work: Path) -> None:
    before = (work / "x.db").read_bytes()
    result = run(work, "before-commit", "x.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        130,
        "",
        "annotator: error: interrupted; nothing from this command was written\n",
    )
    assert carols(work / "x.db") == 0
    assert (work / "x.db").read_bytes() == before


@pytest.mark.parametrize(
    ("point", "command"),
    [
        ("after-assign", ["assign", "--annotators", "alice,bob", "--overlap", "1", "--seed", "1", "--db", "x.db"]),
        ("after-merge", ["merge", "plain.db", "--db", "x.db"]),
    ],
)
def test_assign_and_merge_say_their_work_was_saved_too(work: Path, point: str, command: list[str]) -> None:
    shutil.copyfile(work / "x.db", work / "y.db")
    plain = annotator(*command[:-1], "y.db", cwd=work)
    assert (plain.returncode, plain.stderr) == (0, "")
    result = subprocess.run([sys.executable, "-c", RUN, point, *command], capture_output=True, text=True, cwd=work)
    assert (result.returncode, result.stdout, result.stderr) == (130, plain.stdout.replace("y.db", "x.db"), SAVED)
