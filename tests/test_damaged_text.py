"""Text that is not UTF-8, stored by another program: every command says so in one line naming the file (the
right one), with the bytes escaped, never a traceback; `check` names the table, column and row; `merge` and
`pack` refuse the damaged file and leave it byte for byte. Trials of stop 30: a table's name that is not UTF-8
made every command (check and merge too) end in a UnicodeDecodeError traceback; a title holding
b'\\xff\\x1b]0;pwned...' passed `check`, and `export` ended in a traceback that sent the ESC ]0;pwned sequence to
the terminal; merging it failed "not saved: Could not decode ... (empty.db)", naming the target; `pack` copied
it. The real console script, real files, the real sqlite3 module as the other program."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database

PWNED = "x'ff1b5d303b70776e65641b5c1b5b324a'"  # b'\xff' then ESC ]0;pwned ESC \ ESC [2J


def another_program(db: Path, *statements: str) -> None:
    with closing(sqlite3.connect(db)) as connection, connection:
        for statement in statements:
            connection.execute(statement)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    db = tmp_path / "damaged.db"
    small_database(db, "alice")
    return db


def one_line(*args: str | Path) -> str:
    result = annotator(*args)
    assert "\x1b" not in result.stdout + result.stderr
    return one_error_line(result)


def test_a_table_name_that_is_not_utf8_is_one_line_in_every_command(damaged: Path, tmp_path: Path) -> None:
    with closing(sqlite3.connect(damaged)) as connection:
        connection.execute("PRAGMA writable_schema = 1")
        connection.execute(
            "UPDATE sqlite_master SET name = CAST(x'94' AS TEXT) || name, sql = 'CREATE TABLE x (' "
            "WHERE name = 'comments'"
        )
        connection.commit()
    before = damaged.read_bytes()
    target = tmp_path / "team.db"
    small_database(target, "bob")
    for args in (("check",), ("stats",), ("export", "--annotator", "alice", "-o", "-")):
        line = one_line(*args, "--db", damaged)
        assert line.startswith(f"{damaged}: the database is damaged (malformed database schema (\\x94comments))")
    assert one_line("merge", damaged, "--db", target).startswith(f"{damaged}: the database is damaged")
    assert damaged.read_bytes() == before


@pytest.mark.parametrize(
    ("table", "column", "where"),
    [("articles", "title", "1 = 1"), ("articles", "text", "1 = 1"), ("spans", "text", "1 = 1")],
)
def test_check_names_text_that_is_not_utf8(damaged: Path, table: str, column: str, where: str) -> None:
    another_program(damaged, f"UPDATE {table} SET {column} = CAST({PWNED} AS TEXT) WHERE {where}")
    result = annotator("check", "--db", damaged)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "\x1b" not in result.stderr
    assert (
        f"{damaged}: problem 1 of 1: table {table!r}, column {column!r}, rowid 1: not UTF-8 text: "
        "'\u27e80xFF\u27e9\\x1b]0;pwned\\x1b\\\\\\x1b[2J'"
    ) in result.stderr


def test_export_of_a_title_that_is_not_utf8_is_one_escaped_line(damaged: Path) -> None:
    another_program(damaged, f"UPDATE articles SET title = CAST({PWNED} AS TEXT)")
    assert one_line("export", "--annotator", "alice", "-o", "-", "--db", damaged) == (
        f"{damaged}: column 'title' holds text that is not UTF-8 ('\u27e80xFF\u27e9\\x1b]0;pwned\\x1b\\\\\\x1b[2J'); it was "
        f"left as it is: `annotator check --db {damaged}` names the rows"
    )


def test_merge_and_pack_refuse_a_damaged_file_naming_it(damaged: Path, tmp_path: Path) -> None:
    """Refused as they open it, in the line every command gives (trial 43a F3); `check` names the row."""
    assert annotator("assign", "--annotators", "alice", "--db", damaged).returncode == 0
    another_program(damaged, f"UPDATE articles SET title = CAST({PWNED} AS TEXT)")
    before = damaged.read_bytes()
    target = tmp_path / "team.db"
    small_database(target, "bob")
    target_before = target.read_bytes()
    line = (
        f"{damaged}: column 'title' holds text that is not UTF-8 ('\u27e80xFF\u27e9\\x1b]0;pwned\\x1b\\\\\\x1b[2J'); it was "
        f"left as it is: `annotator check --db {damaged}` names the rows"
    )
    assert one_line("merge", damaged, "--db", target) == line
    pack = tmp_path / "pack.db"
    assert one_line("pack", "--annotator", "alice", "-o", pack, "--db", damaged) == line
    assert not pack.exists()
    assert damaged.read_bytes() == before and target.read_bytes() == target_before
