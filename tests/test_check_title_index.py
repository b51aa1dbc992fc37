"""`annotator check` compares the title search index (`title_search`, FTS5) with the titles, without writing: the
article list's search reads that index, so an index another program left out of step hides or invents titles.
Found by a newcomer trial: `check` said ok over such an index. Real files, the real console script, the real
sqlite3 module as "another program"."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.store.verify import made_by_migrations

REBUILD = "INSERT INTO title_search(title_search) VALUES('rebuild')"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    articles = tmp_path / "a.jsonl"
    articles.write_text(
        '{"id": "a", "title": "Storm hits the coast", "text": "A storm hit."}\n'
        '{"id": "b", "title": "Harbour reopens", "text": "The harbour reopened."}\n'
        '{"id": "c", "title": "Mayor speaks", "text": "The mayor spoke."}\n',
        encoding="utf-8",
    )
    path = tmp_path / "news.db"
    assert annotator("ingest", articles, "--no-suggest", "--db", path).returncode == 0
    return path


def another_program(db: Path, *statements: str) -> None:
    with closing(sqlite3.connect(db)) as connection, connection:
        for statement in statements:
            connection.execute(statement)


def hint(db: Path) -> str:
    return f'rebuild it from the titles: sqlite3 {db} "{REBUILD}"'


def test_a_sound_index_passes(db: Path) -> None:
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stdout) == (0, f"{db}: ok (integrity check passed; 0 event(s) replay to the stored annotations)\n")  # fmt: skip


def test_a_title_changed_behind_the_index_is_found_and_named_and_nothing_is_written(db: Path) -> None:
    another_program(  # the trigger made again after (a missing one is a problem of its own: test_check_schema.py)
        db,
        "DROP TRIGGER title_search_update",
        "UPDATE articles SET title = 'Bridge closes' WHERE id = 'b'",
        made_by_migrations()[("trigger", "title_search_update")],
    )
    before = db.read_bytes()
    assert one_error_line(annotator("check", "--db", db)) == (
        f"{db}: problem 1 of 1: table 'title_search': the title index disagrees with the title of "
        f"article 'b' ('Bridge closes'); {hint(db)}"
    )
    assert db.read_bytes() == before
    another_program(db, REBUILD)  # the hint, as given
    assert annotator("check", "--db", db).returncode == 0


def test_an_index_entry_of_no_article_is_found(db: Path) -> None:
    another_program(db, "INSERT INTO title_search (rowid, title) VALUES (99, 'Ghost story')")
    assert one_error_line(annotator("check", "--db", db)) == (
        f"{db}: problem 1 of 1: table 'title_search': the title index holds rowid 99, which no article has; {hint(db)}"
    )


def test_a_title_missing_from_the_index_is_found(db: Path) -> None:
    another_program(db, "INSERT INTO title_search (title_search, rowid, title) VALUES ('delete', 3, 'Mayor speaks')")
    assert one_error_line(annotator("check", "--db", db)) == (
        f"{db}: problem 1 of 1: table 'title_search': the title index disagrees with the title of "
        f"article 'c' ('Mayor speaks'); {hint(db)}"
    )
