"""`annotator check` compares the file's schema with what the migrations make (issue 10, F5): after another
program dropped the title index, one of its triggers or the event log's append-only triggers, `check` said ok
(SQLite's integrity check does not miss what was never there) and the next ingest failed. Now each difference is
one line with what to do, and `check` fails on the first. Real files, the real console script, the sqlite3
command-line shell as "another program"."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database

from annotator.store import Store
from annotator.store.verify import made_by_migrations, schema_problems

REBUILD = "INSERT INTO title_search(title_search) VALUES('rebuild')"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    small_database(path)
    return path


def another_program(db: Path, sql: str) -> None:
    subprocess.run(["sqlite3", db, sql], check=True)


def problems(db: Path) -> list[str]:
    with Store.open(db, read_only=True, whole=False) as store:  # as `check` opens it: refused otherwise
        return schema_problems(store)


def missing(db: Path, kind: str, name: str, then: str = "") -> str:
    sql = made_by_migrations()[(kind, name)]
    return f"{kind} {name!r} is missing; the migrations make it: sqlite3 {db} {shlex.quote(sql)}{then}"


def test_a_sound_file_has_the_schema_the_migrations_make(db: Path) -> None:
    assert problems(db) == []
    assert annotator("check", "--db", db).returncode == 0


def test_a_dropped_title_index_is_one_line_with_how_to_make_it_and_fill_it(db: Path) -> None:
    another_program(db, "DROP TABLE title_search")
    line = missing(db, "table", "title_search", f'; then: sqlite3 {db} "{REBUILD}"')
    assert problems(db) == [line]
    assert one_error_line(annotator("check", "--db", db)) == f"{db}: problem 1 of 1: {line}"


def test_a_dropped_trigger_of_the_title_index_is_found(db: Path) -> None:
    another_program(db, "DROP TRIGGER title_search_insert")
    line = missing(db, "trigger", "title_search_insert")
    assert problems(db) == [line]
    assert one_error_line(annotator("check", "--db", db)) == f"{db}: problem 1 of 1: {line}"


def test_the_event_log_s_append_only_triggers_dropped_are_found(db: Path) -> None:
    another_program(db, "DROP TRIGGER events_are_append_only_update; DROP TRIGGER events_are_append_only_delete")
    assert problems(db) == [
        missing(db, "trigger", "events_are_append_only_update"),
        missing(db, "trigger", "events_are_append_only_delete"),
    ]
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        f"annotator: error: {db}: problem {n} of 2: {line}" for n, line in enumerate(problems(db), 1)
    ])  # fmt: skip


def test_an_added_or_changed_object_is_found(db: Path) -> None:
    another_program(
        db,
        "CREATE INDEX mine ON articles(chars); DROP INDEX spans_by_article; "
        "CREATE INDEX spans_by_article ON spans(annotator)",
    )
    assert problems(db) == [
        "index 'spans_by_article' differs from what the migrations make ('CREATE INDEX spans_by_article ON "
        "spans(annotator)', not 'CREATE INDEX spans_by_article ON spans(article_id, annotator)'); restore the file "
        "from a backup or ask who changed it",
        "index 'mine' is not made by the migrations: another program added it; drop it if nothing needs it",
    ]
