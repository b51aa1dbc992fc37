"""A file lacking part of this release's schema is refused at opening (issue 10): with a table or the event log's
append-only triggers dropped by another program, `check`, `stats` and `export` gave a traceback (no such table),
the TUI a traceback and status 0, and `ingest --no-suggest` wrote to it. Now every opening but `check`'s refuses
it in one line naming what is missing, leaving the file byte for byte as it was; `check` opens it and says what
to restore. Real files, the real console script (the TUI in a pseudo-terminal), the sqlite3 shell as "another
program"."""

from __future__ import annotations

import shlex
import sqlite3
import subprocess
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line, screen_command, small_database

from annotator.store import Store
from annotator.store.schema import migrate
from annotator.store.schema_made import made_by_migrations, schema_objects
from annotator.store.verify import schema_problems

BOTH_TRIGGERS = "DROP TRIGGER events_are_append_only_update; DROP TRIGGER events_are_append_only_delete"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    small_database(path)  # an article, an accepted span, its decision and events, status done
    return path


def dropped(table: str) -> str:
    return f"DROP TABLE {table}"


def missing_after(sql: str) -> str:
    """What the refusal names: the objects the migrations make that `sql` removes, found on a fresh database in
    memory (in the order the migrations make them)."""
    fresh = sqlite3.connect(":memory:")
    migrate(fresh)
    fresh.executescript(sql)
    left = {(kind, name) for kind, name in fresh.execute("SELECT type, name FROM sqlite_master")}
    fresh.close()
    return ", ".join(f"{kind} {name}" for kind, name in made_by_migrations() if (kind, name) not in left)


def refusal(db: Path, sql: str) -> str:
    return (
        f"{db}: its schema is not this release's (missing {missing_after(sql)}); it was left as it is: "
        f"`annotator check --db {db}` says what to restore"
    )


def another_program(db: Path, sql: str) -> None:
    subprocess.run(["sqlite3", db, sql], check=True)


def test_the_expected_schema_is_what_applying_the_migrations_makes() -> None:
    """`made_by_migrations` runs them on a bare connection (no sqlite-utils at opening): the same objects."""
    applied = sqlite3.connect(":memory:")
    migrate(applied)
    assert made_by_migrations() == schema_objects(applied)
    assert len(made_by_migrations()) == 26  # 0006: the table sessions and its index
    applied.close()


def test_the_refusal_names_every_missing_object_in_the_migrations_order(db: Path) -> None:
    assert missing_after(dropped("spans")) == "table spans, index spans_by_article"
    assert (
        missing_after(BOTH_TRIGGERS) == "trigger events_are_append_only_update, trigger events_are_append_only_delete"
    )


@pytest.mark.parametrize(
    ("command", "sql"),
    [
        (["stats"], dropped("assignments")),
        (["stats"], dropped("spans")),
        (["stats"], dropped("events")),
        (["export", "--annotator", "alice", "-o", "out.jsonl"], dropped("comments")),
        (["export", "--annotator", "alice", "-o", "out.jsonl"], dropped("spans")),
        (["ingest", "new.jsonl", "--no-suggest"], dropped("events")),
        (["ingest", "new.jsonl", "--no-suggest"], dropped("spans")),
        (["ingest", "new.jsonl", "--no-suggest"], dropped("decisions")),
        (["ingest", "new.jsonl", "--no-suggest"], BOTH_TRIGGERS),
    ],
    ids=[
        "stats-assignments",
        "stats-spans",
        "stats-events",
        "export-comments",
        "export-spans",
        "ingest-events",
        "ingest-spans",
        "ingest-decisions",
        "ingest-triggers",
    ],
)
def test_a_file_lacking_part_of_the_schema_is_refused_in_one_line_and_left_as_it_is(
    db: Path, command: list[str], sql: str
) -> None:
    (db.parent / "new.jsonl").write_text('{"id": "n1", "text": "Ann said it rained in Paris."}\n', encoding="utf-8")
    another_program(db, sql)
    before = folder_state(db.parent)
    result = annotator(*command, "--db", db, cwd=db.parent, terminal=screen_command(command))
    assert one_error_line(result) == refusal(db, sql)
    assert folder_state(db.parent) == before


@pytest.mark.parametrize("table", ["decisions", "spans", "events"])
def test_check_opens_it_and_says_what_to_restore(db: Path, table: str) -> None:
    another_program(db, dropped(table))
    before = folder_state(db.parent)
    with Store.open(db, read_only=True, whole=False) as store:
        problems = schema_problems(store)
    sql = shlex.quote(made_by_migrations()[("table", table)])
    assert problems[0] == f"table {table!r} is missing; the migrations make it: sqlite3 {db} {sql}"
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        f"annotator: error: {db}: problem {n} of {len(problems)}: {problem}" for n, problem in enumerate(problems, 1)
    ])  # fmt: skip
    assert folder_state(db.parent) == before


def test_the_tui_in_a_terminal_exits_with_the_one_line(db: Path) -> None:
    another_program(db, dropped("decisions"))
    before = folder_state(db.parent)
    result = annotator("annotate", "--annotator", "alice", "--db", db, cwd=db.parent, timeout=60, terminal=True,
                       env={"TERM": "xterm-256color"})  # fmt: skip
    assert (result.returncode, result.stderr) == (1, f"annotator: error: {refusal(db, dropped('decisions'))}\n")
    assert folder_state(db.parent) == before


def test_a_whole_file_opens_as_before(db: Path) -> None:
    assert annotator("stats", "--db", db).returncode == 0
    assert annotator("check", "--db", db).returncode == 0
