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


def check_line(db: Path) -> str:
    result = annotator("check", "--db", db)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr + result.stdout
    return result.stderr


def test_tokens_outside_the_text_are_refused_and_checked(source: Path, target: Path) -> None:
    another_program(source, "UPDATE articles SET tokens = json_insert(tokens, '$[#]', json('[-4,-2]'))")
    problem = "table 'articles', article '"
    assert problem in check_line(source)
    assert "tokens: [-4, -2] (token 15) is not within the text's 63 characters" in check_line(source)
    line = refused(source, target)
    assert line.startswith(f"{source}: {problem}") and line.endswith("; nothing was merged")


def test_tokens_out_of_order_are_refused(source: Path, target: Path) -> None:
    another_program(source, "UPDATE articles SET tokens = json_insert(tokens, '$[#]', json('[0,3]'))")
    assert "tokens: [0, 3] (token 15) overlaps or precedes the token before it" in refused(source, target)


def test_a_suggestion_outside_the_text_is_refused_and_checked(source: Path, target: Path) -> None:
    another_program(source, 'UPDATE suggestions SET "end" = 5000')
    assert "table 'suggestions', row 1 (article '" in check_line(source)
    line = refused(source, target)
    assert line.startswith(f"{source}: table 'suggestions', row 1 (article '")
    assert "offsets 0:5000 are not within the text's 63 characters" in line


def test_a_suggestion_whose_text_is_not_the_articles_is_refused(source: Path, target: Path) -> None:
    another_program(source, "UPDATE suggestions SET text = 'Gaza'")
    assert "its text 'Gaza' is not the article's 'Washington' at 0:10" in refused(source, target)


def test_a_speaker_on_an_entity_is_refused(source: Path, target: Path) -> None:
    another_program(source, "UPDATE suggestions SET speaker_start = 0, speaker_end = 10")
    assert "a speaker on its ACTOR span" in refused(source, target)


def test_a_span_outside_the_text_is_refused(source: Path, target: Path) -> None:
    another_program(source, 'UPDATE spans SET "end" = 99')
    assert "table 'spans', row 1 (article '" in check_line(source)
    assert "offsets 0:99 are not within the text's 63 characters" in refused(source, target)


@pytest.mark.parametrize(
    ("table", "column"), [("annotations", "updated_at"), ("events", "at"), ("articles", "ingested_at")]
)
def test_a_moment_in_the_future_is_refused_as_import_refuses_it(source: Path, target: Path, table: str,
                                                                column: str) -> None:  # fmt: skip
    with closing(sqlite3.connect(source)) as connection, connection:  # the event log's guard set aside, then back
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                      [table]).fetchall()  # fmt: skip
        for name, _ in triggers:
            connection.execute(f"DROP TRIGGER {name}")
        connection.execute(f"UPDATE {table} SET {column} = '2099-12-03T12:00:00.000000Z'")
        for _, sql in triggers:
            connection.execute(sql)
    line = refused(source, target)
    assert line.startswith(
        f"{source}: table {table!r}, column {column!r}, rowid 1: 2099-12-03T12:00:00.000000Z is in the future (now is "
    )
    assert line.endswith("; nothing was merged")


def test_a_clock_a_few_minutes_fast_is_merged_as_import_takes_it(source: Path, target: Path) -> None:
    """The clock writes the edit's event and the annotation's stamp alike (one moment: the log explains it)."""
    with closing(sqlite3.connect(source)) as connection:
        fast = connection.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+5 minutes')").fetchone()[0]
    set_moment(source, "events", "at", fast)
    set_moment(source, "annotations", "updated_at", fast)
    result = annotator("merge", source, "--db", target)
    assert result.returncode == 0, result.stderr
    assert "1 annotation(s)" in result.stdout


def test_a_clock_more_than_a_day_fast_is_refused_though_in_the_store_s_own_form(source: Path, target: Path) -> None:
    """SQL passes a stamp in the store's form earlier than now plus the day's tolerance: one just past it is
    Python's to name, as `check` and `merge` both do."""
    with closing(sqlite3.connect(source)) as connection:
        moment = "SELECT strftime('%Y-%m-%dT%H:%M:%f000Z', 'now', '+1 day', '+5 minutes')"
        fast = connection.execute(moment).fetchone()[0]
    set_moment(source, "events", "at", fast)  # one moment for the edit's event and the annotation's stamp
    set_moment(source, "annotations", "updated_at", fast)
    problem = f"table 'annotations', column 'updated_at', rowid 1: {fast} is in the future (now is "
    assert check_line(source).startswith(f"annotator: error: {source}: problem 1 of 2: {problem}")
    assert refused(source, target).startswith(f"{source}: {problem}")


def set_moment(db: Path, table: str, column: str, value: object) -> None:
    """Another program writes `value` into every row's `column` (the event log's guard set aside, then back)."""
    with closing(sqlite3.connect(db)) as connection, connection:
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                      [table]).fetchall()  # fmt: skip
        for name, _ in triggers:
            connection.execute(f"DROP TRIGGER {name}")
        connection.execute(f"UPDATE {table} SET {column} = ?", [value])
        for _, sql in triggers:
            connection.execute(sql)


WRITES = "is not a moment annotator writes (an ISO 8601 timestamp with a time zone, as 2026-12-01T10:00:00.000000Z)"


@pytest.mark.parametrize(
    ("table", "column", "value", "shown"),
    [
        ("events", "at", "yesterday", "'yesterday'"),
        ("events", "at", "2026-13-45T99:00", "'2026-13-45T99:00'"),
        ("annotations", "updated_at", "2026-13-45T10:00:00.000000Z", "'2026-13-45T10:00:00.000000Z'"),  # no such day
        ("events", "at", "2026-02-30T10:00:00.000000Z", "'2026-02-30T10:00:00.000000Z'"),  # SQLite's dates take it
        ("events", "at", "2026-12-01T10:00:00.000000", "'2026-12-01T10:00:00.000000'"),  # no time zone
        ("annotations", "updated_at", 1764583200, "'1764583200'"),  # the column's text affinity keeps its digits
        ("assignments", "assigned_at", "", "''"),
        ("comments", "at", "2026-12-01T10:00:00Z\x1b[2J", "'2026-12-01T10:00:00Z\\x1b[2J'"),
        ("events", "at", b"\xff2026", "b'\\xff2026'"),  # bytes: SQLite keeps a blob as it is given
    ],
)
def test_a_moment_annotator_would_not_write_is_refused_and_checked(source: Path, target: Path, table: str,
                                                                   column: str, value: object, shown: str) -> None:  # fmt: skip
    """The attacker's recheck: a decision's or an event's moment that is no moment at all merged without a word
    (only a moment in the future was refused)."""
    if table == "assignments":
        assert annotator("assign", "--annotators", "alice", "--db", source).returncode == 0
    if table == "comments":
        with closing(sqlite3.connect(source)) as connection, connection:
            connection.execute("INSERT INTO comments (article_id, annotator, text, at) SELECT id, 'alice', 'ok', "
                               "'2026-12-01T10:00:00.000000Z' FROM articles")  # fmt: skip
    set_moment(source, table, column, value)
    problem = f"table {table!r}, column {column!r}, rowid 1: {shown} {WRITES}"
    assert check_line(source) == f"annotator: error: {source}: problem 1 of 1: {problem}\n"
    assert refused(source, target) == f"{source}: {problem}; nothing was merged"


@pytest.mark.parametrize("value", ["2026-12-01T12:00:00+05:00", "2026-12-01T07:00Z", "2026-11-30T23:00:00.5-08:00"])
def test_a_moment_an_older_release_stored_with_its_file_s_offset_still_merges(source: Path, target: Path,
                                                                              value: str) -> None:  # fmt: skip
    set_moment(source, "events", "at", value)  # one moment for the edit's event and the annotation's stamp
    set_moment(source, "annotations", "updated_at", value)
    assert annotator("check", "--db", source).returncode == 0
    result = annotator("merge", source, "--db", target)
    assert result.returncode == 0, result.stderr
    assert "1 annotation(s)" in result.stdout
