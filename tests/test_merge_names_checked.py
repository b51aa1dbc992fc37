"""Another database's article ids and annotator names are read as a file's are: one holding a control character
(an escape, a line break) is refused by `merge` in one line, and nothing is merged; `check` names one in any
database. Before (a trial of stop 27), `merge` copied the article id 'evil␛[31mRED␤x' of a hand-made file into
the database, and `check` said ok over it. The real console script, real files, the real sqlite3 module as the
other program that wrote the file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.store import Store

EVIL_ID = "evil\x1b[31mRED\nx"
EVIL_NAME = "bob\x1b[2J"
REFERENCES = ("suggestions", "annotations", "spans", "decisions", "events", "comments", "assignments")


def ingest(db: Path, text: str, article_id: str, tmp_path: Path) -> None:
    source = tmp_path / f"{article_id}.jsonl"
    source.write_text(f'{{"id": "{article_id}", "text": "{text}"}}\n', encoding="utf-8")
    assert annotator("ingest", source, "--no-suggest", "--db", db).returncode == 0


def another_program(db: Path, *statements: str, values: tuple[str, ...] = ()) -> None:
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            connection.execute(statement, values[: statement.count("?")])


def renamed_article(db: Path, old: str, new: str) -> None:
    """The article's id changed in every table that names it, as a hand-made file would hold it."""
    another_program(db, "UPDATE articles SET id = ? WHERE id = ?", values=(new, old))
    for table in REFERENCES:
        another_program(db, f"UPDATE {table} SET article_id = ? WHERE article_id = ?", values=(new, old))


@pytest.fixture
def ours(tmp_path: Path) -> Path:
    db = tmp_path / "ours.db"
    ingest(db, "Ann met Bob in Lyon.", "ann", tmp_path)
    return db


@pytest.fixture
def theirs(tmp_path: Path) -> Path:
    db = tmp_path / "theirs.db"
    ingest(db, "Police said nobody was hurt in Porto.", "porto", tmp_path)
    ingest(db, "Carla flew to Rome.", "rome", tmp_path)
    with Store.open(db) as store:
        store.set_status("rome", "bob", "done")
    return db


def article_ids(db: Path) -> list[str]:
    with Store.open(db) as store:
        return store.article_ids()


def test_merge_refuses_an_article_id_with_a_control_character(ours: Path, theirs: Path) -> None:
    renamed_article(theirs, "porto", EVIL_ID)
    before = theirs.read_bytes()
    assert one_error_line(annotator("merge", theirs, "--db", ours)) == (
        f"{theirs}: table 'articles': article {EVIL_ID!r}: an article id may not contain a control character; "
        "nothing was merged"
    )
    assert article_ids(ours) == ["ann"]
    assert theirs.read_bytes() == before


def test_merge_refuses_an_annotator_name_with_a_control_character(ours: Path, theirs: Path) -> None:
    with Store.open(theirs) as store:  # the store's callers check names; another program need not
        store.set_status("rome", EVIL_NAME, "done")
    assert one_error_line(annotator("merge", theirs, "--db", ours)) == (
        f"{theirs}: table 'annotations': article 'rome': an annotator's name may not contain a control character: "
        f"{EVIL_NAME!r}; "
        "nothing was merged"
    )
    assert article_ids(ours) == ["ann"]


def test_merge_of_sound_names_still_brings_everything(ours: Path, theirs: Path) -> None:
    result = annotator("merge", theirs, "--db", ours)
    assert result.returncode == 0, result.stderr
    assert article_ids(ours) == ["ann", "porto", "rome"]


def test_check_names_an_article_id_with_a_control_character(ours: Path) -> None:
    renamed_article(ours, "ann", EVIL_ID)
    before = ours.read_bytes()
    assert one_error_line(annotator("check", "--db", ours)) == (
        f"{ours}: problem 1 of 1: table 'articles': article {EVIL_ID!r}: an article id may not contain a control "
        "character"
    )
    assert ours.read_bytes() == before


def test_check_names_an_annotator_name_with_a_control_character(ours: Path) -> None:
    with Store.open(ours) as store:
        store.set_status("ann", EVIL_NAME, "done")
    assert one_error_line(annotator("check", "--db", ours)) == (
        f"{ours}: problem 1 of 1: table 'annotations': article 'ann': an annotator's name may not contain a "
        f"control character: {EVIL_NAME!r}"
    )


def test_a_name_that_is_not_utf8_is_one_line_in_merge_and_check(ours: Path, theirs: Path) -> None:
    """Trial 28 (recheck): text SQLite cannot decode was an OperationalError traceback. Refused as `merge` opens the
    file, in the line every command gives (trial 43a F3); `check` names the row."""
    another_program(theirs, "INSERT INTO annotations(article_id, annotator, status) VALUES ('rome', CAST(x'65ff' AS TEXT), 'todo')")  # fmt: skip
    assert one_error_line(annotator("merge", theirs, "--db", ours)) == (
        f"{theirs}: column 'annotator' holds text that is not UTF-8 ('e\u27e80xFF\u27e9'); it was left as it is: "
        f"`annotator check --db {theirs}` names the rows"
    )
    assert one_error_line(annotator("check", "--db", theirs)) == (
        f"{theirs}: problem 1 of 1: table 'annotations': article 'rome': an annotator's name must be UTF-8 text: "
        "'e\u27e80xFF\u27e9'"
    )
    assert article_ids(ours) == ["ann"]


def test_merge_refuses_a_file_whose_schema_was_changed(ours: Path, theirs: Path) -> None:
    """Trial 28 (recheck): a renamed column went through (false conflicts, or a traceback with --prefer)."""
    another_program(theirs, "ALTER TABLE spans RENAME COLUMN text TO txt")
    line = one_error_line(annotator("merge", theirs, "--db", ours))
    assert line.startswith(f"{theirs}: table 'spans' differs from what the migrations make (")
    assert line.endswith("restore the file from a backup or ask who changed it; nothing was merged")
    assert article_ids(ours) == ["ann"]
