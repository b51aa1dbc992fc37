"""An attacker's trial: a trigger another program added (`CREATE TRIGGER ... AFTER INSERT ON spans`) ran inside
annotator's own transactions. One that deleted events ended `accept` in a 49-line traceback ("the event log is
append-only"); one that inserted comments had its 309 rows committed with the accept, unnoticed. Only `check` named
it. Now every opening that may write refuses a file holding a trigger the migrations do not make, or one of theirs
changed, in one line, and leaves it byte for byte; reading goes on (a trigger runs on writes only), and once it is
dropped the write works. The real console script on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line, small_database

EVIL = (
    "CREATE TRIGGER evil AFTER INSERT ON spans BEGIN INSERT INTO comments(article_id, annotator, text, at) "
    "VALUES (new.article_id, 'mallory', 'x', '2026-01-01T00:00:00Z'); END"
)


def refusal(db: str) -> str:
    return (
        f"{db}: another program added trigger 'evil' to it, which would run inside annotator's writes; it was left "
        f"as it is: `annotator check --db {db}` names it (drop it if nothing needs it, or work on a copy)"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    small_database(tmp_path / "f.db", text="Washington said Paris will rebuild.")
    with sqlite3.connect(tmp_path / "f.db") as connection:
        connection.execute(EVIL)
    connection.close()
    return tmp_path


def test_a_foreign_trigger_is_refused_by_every_write_and_left(folder: Path) -> None:
    before = folder_state(folder)
    for command in (("accept", "--annotator", "zed"), ("assign", "--annotators", "zed", "--overlap", "1")):
        assert one_error_line(annotator(*command, "--db", "f.db", cwd=folder)) == refusal("f.db")
    assert folder_state(folder) == before
    stats = annotator("stats", "--db", "f.db", cwd=folder)  # a trigger runs on writes only: reading goes on
    assert stats.returncode == 0, stats.stderr
    checked = annotator("check", "--db", "f.db", cwd=folder)
    assert "trigger 'evil' is not made by the migrations: another program added it" in checked.stdout + checked.stderr
    with sqlite3.connect(folder / "f.db") as connection:
        connection.execute("DROP TRIGGER evil")
    connection.close()
    accepted = annotator("accept", "--annotator", "zed", "--db", "f.db", cwd=folder)
    assert accepted.returncode == 0, accepted.stderr
    with sqlite3.connect(folder / "f.db") as connection:
        assert connection.execute("SELECT COUNT(*) FROM comments").fetchone() == (0,)
    connection.close()


def test_one_of_annotators_triggers_changed_is_refused_too(tmp_path: Path) -> None:
    small_database(tmp_path / "f.db")
    with sqlite3.connect(tmp_path / "f.db") as connection:
        [(name, sql)] = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' LIMIT 1"
        ).fetchall()
        connection.execute(f"DROP TRIGGER {name}")
        connection.execute(f"CREATE TRIGGER {name} BEFORE DELETE ON events BEGIN SELECT 1; END")
    connection.close()
    line = one_error_line(annotator("accept", "--annotator", "zed", "--db", "f.db", cwd=tmp_path))
    assert line == (
        f"f.db: another program changed trigger {name!r} in it, which would run inside annotator's writes; it was "
        "left as it is: `annotator check --db f.db` names it (restore the file from a backup, or work on a copy)"
    )
    assert sql
