"""An article's text is checked against its stored `content_hash`, as every other stored content is: another
program that edits a text (same length, outside every span and suggestion) is named by `check` in one line, and
`merge` and `pack` refuse the file in one line, writing nothing. Found by an attacker (trial 39a, 2): `check`
passed, `merge` copied the edited text under the first text's hash, and an ingest of the true text there said
"already stored". The real console script on files it made; the real sqlite3 module as the other program."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.models import content_hash

TEXT = 'Ellen Park arrived in Osaka on Tuesday, officials said. "We expect 4 people," Ellen Park told reporters.'
EDITED = TEXT.replace("arrived in", "departed x")


def source(tmp_path: Path) -> Path:
    """src.db made by `ingest`, with bob's work on s2; then another program edits s4's text."""
    records = [{"id": "s1", "text": "Ann met Bob in Leeds."}, {"id": "s4", "text": TEXT}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "src.db"
    assert annotator("ingest", "a.jsonl", "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    assert annotator("assign", "--annotators", "bob", "--db", db).returncode == 0
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE articles SET text = ? WHERE id = 's4'", [EDITED])
    return db


PROBLEM = (
    f"table 'articles', article 's4': its text is not the one stored with it (the text's hash is "
    f"'{content_hash(EDITED)}', its content_hash '{content_hash(TEXT)}'): another program changed one of them"
)


def test_check_names_a_text_that_is_not_its_content_hash_s(tmp_path: Path) -> None:
    db = source(tmp_path)
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"annotator: error: {db}: problem 1 of 1: {PROBLEM}\n"


def test_merge_refuses_it_writing_nothing(tmp_path: Path) -> None:
    db = source(tmp_path)
    before = db.read_bytes()
    assert (
        one_error_line(annotator("merge", db, "--db", tmp_path / "fresh.db")) == f"{db}: {PROBLEM}; nothing was merged"
    )
    assert not (tmp_path / "fresh.db").exists()
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "t1", "text": "Carl went to Oslo."}) + "\n", encoding="utf-8")
    target = tmp_path / "team.db"
    assert annotator("ingest", "b.jsonl", "--no-suggest", "--db", target, cwd=tmp_path).returncode == 0
    kept = target.read_bytes()
    assert one_error_line(annotator("merge", db, "--db", target)) == f"{db}: {PROBLEM}; nothing was merged"
    assert (db.read_bytes(), target.read_bytes()) == (before, kept)


def test_pack_refuses_it(tmp_path: Path) -> None:
    db = source(tmp_path)
    line = one_error_line(annotator("pack", "--annotator", "bob", "-o", tmp_path / "bob.db", "--db", db))
    assert line == f"{db}: {PROBLEM}; no pack was written (annotator check --db {db} lists every problem)"
    assert not (tmp_path / "bob.db").exists()


def test_check_names_a_chars_column_that_is_not_its_texts_length(tmp_path: Path) -> None:
    """Attacker 39a: `chars` (the article list's Chars column, copied by merge) was not compared with the text."""
    records = [{"id": "s1", "text": "Ann met Bob in Leeds."}, {"id": "s4", "text": TEXT}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "src.db"
    assert annotator("ingest", "a.jsonl", "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE articles SET chars = 7 WHERE id = 's4'")
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"annotator: error: {db}: problem 1 of 1: table 'articles', article 's4': chars is 7, but its text has "
        f"{len(TEXT)} characters: another program changed one of them\n"
    )


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        ("UPDATE articles SET text = CAST(text AS BLOB) WHERE id = 's4'", "its text is stored as a blob, not text"),
        ("UPDATE articles SET title = x'ff00' WHERE id = 's4'", "its title is stored as a blob, not text"),
        ("UPDATE articles SET meta = '{not json' WHERE id = 's4'", "its meta is not a JSON object: '{not json'"),
        ("UPDATE articles SET meta = '[1]' WHERE id = 's4'", "its meta is not a JSON object: '[1]'"),
    ],
)
def test_check_and_merge_refuse_a_text_title_or_meta_of_the_wrong_kind(tmp_path: Path, edit: str, problem: str) -> None:
    """Attacker 40f, 5: a text or title stored as a blob, or a meta that is no JSON object, passed `check`, travelled
    by `merge` into a clean database, and `export` there ended in a traceback."""
    records = [{"id": "s1", "text": "Ann met Bob in Leeds."}, {"id": "s4", "text": TEXT}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "src.db"
    assert annotator("ingest", "a.jsonl", "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute(edit)
    line = f"table 'articles', article 's4': {problem}"
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (1, f"annotator: error: {db}: problem 1 of 1: {line}\n")
    before = db.read_bytes()
    assert one_error_line(annotator("merge", db, "--db", tmp_path / "fresh.db")) == f"{db}: {line}; nothing was merged"
    assert (db.read_bytes(), (tmp_path / "fresh.db").exists()) == (before, False)
