"""A database another program damaged: `export` refuses it in one line naming the file and the first problem, as
`check` words it, and writes nothing. Left at stop 40: merge and pack refused such a file, but export read it and
ended in a traceback (a span's end past the text: spaCy's E1010; a speaker at 5:2: KeyError; a text stored as a
blob: AttributeError; a meta that is a JSON list: AttributeError). The real console script, real files, the
real sqlite3 module as the other program."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import SMALL_TEXT, annotator, one_error_line, small_database

TEXT = "Police in Paris said 3 people were hurt."
FIRST_SPAN = "(SELECT min(id) FROM spans)"


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            f'UPDATE spans SET "end" = 999 WHERE id = {FIRST_SPAN}',
            "table 'spans', row 1 (article {article!r}): offsets 0:999 are not within the text's 40 characters",
        ),
        (
            f"UPDATE spans SET speaker_start = 5, speaker_end = 2 WHERE id = {FIRST_SPAN}",
            "table 'spans', row 1 (article {article!r}): a speaker on its ACTOR span: only a QUOTE has one",
        ),
        (
            "UPDATE articles SET text = CAST(text AS BLOB)",
            "table 'articles', article {article!r}: its text is stored as a blob, not text",
        ),
        (
            "UPDATE articles SET meta = '[1]'",
            "table 'articles', article {article!r}: its meta is not a JSON object: '[1]'",
        ),
    ],
)
@pytest.mark.parametrize("format_name", ["jsonl", "spacy", "conll", "labelstudio", "doccano"])
def test_export_refuses_a_damaged_database_in_one_line(
    tmp_path: Path, edit: str, problem: str, format_name: str
) -> None:
    db = tmp_path / "damaged.db"
    article = small_database(db, "alice", text=TEXT)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute(
            "INSERT INTO spans (article_id, annotator, start, \"end\", label, text) VALUES (?, 'alice', 0, 6, 'ACTOR', "
            "'Police')",
            [article],
        )
        connection.execute(edit)
    before = db.read_bytes()
    out = tmp_path / "out"
    line = one_error_line(annotator("export", "--annotator", "alice", "--format", format_name, "-o", out, "--db", db))
    assert line == (
        f"{db}: {problem.format(article=article)}; nothing was exported (annotator check --db {db} lists every problem)"
    )
    assert not out.exists() and db.read_bytes() == before


@pytest.mark.parametrize(
    ("tokens", "problem"),
    [
        ("[[-4, 2]]", "tokens: [-4, 2] (token 0) is not within the text's 40 characters"),
        ("not json", "tokens: not JSON: 'not json'"),
    ],
)
@pytest.mark.parametrize("format_name", ["conll", "spacy"])
def test_export_by_tokens_refuses_tokens_another_program_wrote(
    tmp_path: Path, tokens: str, problem: str, format_name: str
) -> None:
    db = tmp_path / "damaged.db"
    article = small_database(db, "alice", text=TEXT)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE articles SET tokens = ?", [tokens])
    out = tmp_path / "out"
    line = one_error_line(annotator("export", "--annotator", "alice", "--format", format_name, "-o", out, "--db", db))
    assert line == (
        f"{db}: table 'articles', article {article!r}: {problem}; nothing was exported (annotator check --db {db} "
        "lists every problem)"
    )
    assert not out.exists()


def test_export_of_suggestions_refuses_a_suggestion_another_program_wrote(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    article = small_database(db, "alice")  # its text has a suggestion, row 1
    with closing(sqlite3.connect(db)) as connection, connection:
        start = connection.execute("SELECT start FROM suggestions").fetchone()[0]
        connection.execute('UPDATE suggestions SET "end" = 999')
    line = one_error_line(annotator("export", "--suggestions", "-o", tmp_path / "out.jsonl", "--db", db))
    assert line == (
        f"{db}: table 'suggestions', row 1 (article {article!r}): offsets {start}:999 are not within the text's "
        f"{len(SMALL_TEXT)} characters; nothing was exported (annotator check --db {db} lists every problem)"
    )
