"""Issue 10, a trial's leftover: FTS5's own tables of the title index (`title_search_data`, `_idx`, `_docsize`,
`_config`) dropped by another program, or their records damaged. `check` printed a traceback (sqlite3's "database
disk image is malformed" from the title index comparison) and every other command opened the file as sound. Now
`check` says each problem in one line with the commands that repair it (the index is made from the titles), exit
status 1, and every other command refuses the file in one line, leaving it as it is. Real files, the real console
script, the sqlite3 command-line shell as "another program" and as the person following the hints."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from processes import annotator, one_error_line, screen_command, small_database

REBUILD = "INSERT INTO title_search(title_search) VALUES('rebuild')"
#: Each table as FTS5 makes it, and the rows a new index starts with (its structure and version records).
MADE = {
    "title_search_data": "CREATE TABLE 'title_search_data'(id INTEGER PRIMARY KEY, block BLOB); "
    "INSERT INTO title_search_data VALUES (1, X'0000'), (10, X'00000000000000')",
    "title_search_idx": "CREATE TABLE 'title_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID",
    "title_search_docsize": "CREATE TABLE 'title_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB)",
    "title_search_config": "CREATE TABLE 'title_search_config'(k PRIMARY KEY, v) WITHOUT ROWID; "
    "INSERT INTO title_search_config VALUES ('version', 4)",
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    small_database(path)
    return path


def sqlite3_shell(db: Path, sql: str) -> None:
    subprocess.run(["sqlite3", db, sql], check=True, capture_output=True)


def follow(lines: list[str], db: Path) -> None:
    """Run every sqlite3 command the lines give, in order, as a person would paste them."""
    for line in lines:
        for sql in re.findall(rf'sqlite3 {re.escape(str(db))} "([^"]*)"', line):
            sqlite3_shell(db, sql)


def missing(db: Path, name: str, last: bool) -> str:
    then = f'then rebuild the index from the titles: sqlite3 {db} "{REBUILD}"' if last else "then the next line's"
    return (
        f"table {name!r} of the title index (FTS5's) is missing: make it as a new index starts: "
        f'sqlite3 {db} "{MADE[name]}"; {then}'
    )


@pytest.mark.parametrize("name", list(MADE))
def test_a_dropped_table_of_the_title_index_is_one_line_that_repairs_it(db: Path, name: str) -> None:
    sqlite3_shell(db, f"DROP TABLE {name}")
    result = annotator("check", "--db", db)
    line = missing(db, name, last=True)
    assert one_error_line(result) == f"{db}: problem 1 of 1: {line}"
    follow([line], db)
    repaired = annotator("check", "--db", db)
    assert (repaired.returncode, repaired.stdout, repaired.stderr) == (
        0,
        f"{db}: ok (integrity check passed; 2 event(s) replay to the stored annotations)\n",
        "",
    )


def test_every_dropped_table_is_a_line_of_its_own(db: Path) -> None:
    sqlite3_shell(db, "; ".join(f"DROP TABLE {name}" for name in MADE))
    result = annotator("check", "--db", db)
    names = ["title_search_data", "title_search_idx", "title_search_docsize", "title_search_config"]
    lines = [missing(db, name, last=name == names[-1]) for name in names]
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [f"annotator: error: {db}: problem {n} of 4: {line}" for n, line in
                                          enumerate(lines, 1)]  # fmt: skip
    follow(lines, db)
    assert annotator("check", "--db", db).returncode == 0


OTHERS = [["stats"], ["export", "--annotator", "alice", "-o", "-"], ["suggest"], ["agreement"], ["adjudicate", "--auto"],
          ["pack", "--annotator", "alice", "-o", "p.db"], ["assign", "--annotators", "alice"], ["evaluate"],
          ["annotate", "--annotator", "alice"], ["review"], ["ingest", "a.txt", "--no-suggest"], ["merge", "a.txt"]]  # fmt: skip


@pytest.mark.parametrize("command", OTHERS)
def test_every_other_command_refuses_such_a_file_in_one_line_and_leaves_it(db: Path, command: list[str]) -> None:
    sqlite3_shell(db, "DROP TABLE title_search_data")
    (db.parent / "a.txt").write_text("An article to ingest.", encoding="utf-8")
    before = db.read_bytes()
    result = annotator(*command, "--db", db, cwd=db.parent, terminal=screen_command(command))
    assert one_error_line(result) == (
        f"{db}: its schema is not this release's (missing table title_search_data); it was left as it is: "
        f"`annotator check --db {db}` says what to restore"
    )
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["a.txt", "x.db"]


def test_a_damaged_record_of_the_title_index_is_one_line_that_repairs_it(db: Path) -> None:
    """SQLite's integrity check passes FTS5's records: the comparison of the index with the titles reads them."""
    sqlite3_shell(db, "UPDATE title_search_data SET block = X'0102030405' WHERE id = 10")
    line = one_error_line(annotator("check", "--db", db))
    assert line == (
        f"{db}: problem 1 of 1: table 'title_search': the title index cannot be read (database disk image is "
        "malformed); empty its tables as a new index starts, then rebuild it from the titles: "
        f"sqlite3 {db} \"DELETE FROM title_search_data; INSERT INTO title_search_data VALUES (1, X'0000'), "
        "(10, X'00000000000000'); DELETE FROM title_search_idx; DELETE FROM title_search_docsize; DELETE FROM "
        f'title_search_config; INSERT INTO title_search_config VALUES (\'version\', 4)"; sqlite3 {db} "{REBUILD}"'
    )
    follow([line], db)
    assert annotator("check", "--db", db).returncode == 0
