"""What `merge` takes from another file is checked as `annotator check` checks a database, and a file that fails is
refused in one line naming it, nothing merged, both files left as they were. Trials of stop 30: a source whose
spans no longer replay from its event log (`check` says so) merged without a word, and the target then failed
`check` the same way; tokens with an extra [-4, -2] replaced ours (`export --format conll` then crashed with
KeyError: -4); a suggestion stored as 0:5000 came along and `accept` stored a span clipped to the whole text.
The real console script, real files, the real sqlite3 module as the other program that changed the file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database


def another_program(db: Path, statement: str) -> None:
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute(statement)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    db = tmp_path / "src.db"
    small_database(db, "alice")
    return db


@pytest.fixture
def target(tmp_path: Path) -> Path:
    db = tmp_path / "team.db"
    small_database(db, "bob")
    return db


def refused(source: Path, target: Path) -> str:
    before_source, before_target = source.read_bytes(), target.read_bytes()
    line = one_error_line(annotator("merge", source, "--db", target))
    assert source.read_bytes() == before_source
    assert target.read_bytes() == before_target
    assert annotator("check", "--db", target).returncode == 0
    return line


def test_a_source_whose_tables_differ_from_its_event_log_is_refused(source: Path, target: Path) -> None:
    another_program(source, "DELETE FROM spans WHERE rowid = (SELECT MIN(rowid) FROM spans)")
    assert annotator("check", "--db", source).returncode == 1
    line = refused(source, target)
    assert line.startswith(f"{source}: article ")
    assert line.endswith(
        ", annotator alice: spans differ from the event log (0 stored, 1 replayed); nothing was merged "
        f"(annotator check --db {source} lists every problem)"
    )
