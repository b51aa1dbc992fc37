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

from annotator.store import Store

TEXT = "Police in Paris said 3 people were hurt."
FIRST_SPAN = "(SELECT min(id) FROM spans)"


def damaged(tmp_path: Path, *edits: str, police_end: int | None = 6) -> tuple[Path, str]:
    """A database of alice's work on `TEXT` (with her span 'Police' at 0:`police_end`, unless None), then these
    statements run by another program; and the article's id."""
    db = tmp_path / "damaged.db"
    article = small_database(db, "alice", text=TEXT)
    with closing(sqlite3.connect(db)) as connection, connection:
        if police_end is not None:
            connection.execute(
                "INSERT INTO spans (article_id, annotator, start, \"end\", label, text) VALUES (?, 'alice', 0, ?, "
                "'ACTOR', 'Police')",
                [article, police_end],
            )
        for edit in edits:
            connection.execute(edit)
    return db, article


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
    db, article = damaged(tmp_path, edit)
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
    db, article = damaged(tmp_path, f"UPDATE articles SET tokens = '{tokens}'", police_end=None)
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


@pytest.mark.parametrize(
    "command",
    [
        ("accept", "--annotator", "zoe"),
        ("adjudicate", "--auto", "--reviewer", "carol"),
        ("agreement",),
        ("evaluate", "--annotator", "alice"),
        ("train", "--out", "model"),
        ("review", "--reviewer", "carol"),
        ("annotate", "--annotator", "alice"),
        ("suggest",),
    ],
)
def test_commands_reading_spans_refuse_a_database_another_program_damaged(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """Before, `accept` ended in a traceback on a text stored as a blob, and `adjudicate --auto` copied a span at
    0:999 into gold, where it travelled on; agreement and evaluate counted it."""
    db, article = damaged(tmp_path, police_end=999)
    before = db.read_bytes()
    result = annotator(*command, "--db", db, cwd=tmp_path, terminal=command[0] in ("annotate", "review"))
    line = one_error_line(result)
    assert line == (
        f"{db}: table 'spans', row 1 (article {article!r}): offsets 0:999 are not within the text's 40 characters; "
        f"nothing was done (annotator check --db {db} lists every problem)"
    )
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "command", "problem"),
    [
        # attacker 41a: each ended in a traceback
        ("UPDATE articles SET title = x'ff'", ("stats", "--articles"), "table 'articles', article {article!r}: its "
         "title is stored as a blob, not text"),
        ("UPDATE articles SET tokens = 'garbage'", ("agreement",), "table 'articles', article {article!r}: tokens: "
         "not JSON: 'garbage'"),
        ("UPDATE articles SET meta = 'not json'", ("export", "--suggestions", "-o", "-"), "table 'articles', article "
         "{article!r}: its meta is not a JSON object: 'not json'"),
        ("UPDATE articles SET meta = '{\"a\": ' || printf('%.*c', 5000, '[') || printf('%.*c', 5000, ']') || '}'",
         ("evaluate", "--gold-from", "alice"), "table 'articles', article {article!r}: its meta is nested "
         "deeper than a JSON reader goes (SQLite's stops at 1,000 levels)"),
        ("INSERT INTO events (article_id, annotator, action, before, after, at) SELECT id, 'alice', 'status', '{}', "
         "'{}', 'yesterday' FROM articles", ("stats",), "table 'events', column 'at', rowid 3: 'yesterday' is not a moment "
         "annotator writes (an ISO 8601 timestamp with a time zone, as 2026-12-01T10:00:00.000000Z)"),
        ("INSERT INTO events (article_id, annotator, action, before, after, at) SELECT id, 'alice', 'status', '{}', "
         "'garbage', '2026-12-01T10:00:00.000000Z' FROM articles", ("evaluate", "--gold-from", "alice"),
         "table 'events', column 'after', event 3 (article {article!r}, annotator 'alice', action 'status'): not "
         "JSON: 'garbage'"),
        ("INSERT INTO comments (article_id, annotator, text, at) SELECT id, 'alice', x'41', "
         "'2026-12-01T10:00:00.000000Z' FROM articles", ("export", "--annotator", "alice", "-o", "-"),
         "table 'comments', column 'text', rowid 1: a blob where annotator stores text"),
    ],
)  # fmt: skip
def test_what_another_program_wrote_ends_no_command_in_a_traceback(
    tmp_path: Path, edit: str, command: tuple[str, ...], problem: str
) -> None:
    db = tmp_path / "damaged.db"
    article = small_database(db, "alice", text=TEXT)
    with Store.open(db) as store:  # a second annotator's done work, for agreement
        store.set_status(article, "bob", "done")
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute(edit)
    before = db.read_bytes()
    line = one_error_line(annotator(*command, "--db", db, cwd=tmp_path))
    what = "exported" if command[0] == "export" else "done"
    assert line == (
        f"{db}: {problem.format(article=article)}; nothing was {what} (annotator check --db {db} lists every problem)"
    )
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "command", "problem"),
    [
        # re-trial 41r: check said ok, and export ended in a traceback (merge spread it on)
        ("UPDATE articles SET meta = CAST(meta AS BLOB)", ("export", "--annotator", "alice", "-o", "-"),
         "table 'articles', article {article!r}: its meta is stored as a blob, not text"),
        ("INSERT INTO comments (article_id, annotator, text, at) SELECT id, 'alice', x'68656c6c6f', "
         "'2026-12-05T06:00:00.000000Z' FROM articles", ("check",),
         "table 'comments', column 'text', rowid 1: a blob where annotator stores text"),
        ("UPDATE suggestions SET suggester = CAST(suggester AS BLOB)", ("stats",),
         "table 'suggestions', column 'suggester', rowid 1: a blob where annotator stores text"),
        ("UPDATE annotations SET flag_reason = x'6869'", ("export", "--annotator", "alice", "-o", "-"),
         "table 'annotations', column 'flag_reason', rowid 1: a blob where annotator stores text"),
        ("UPDATE suggestions SET score = 'high'", ("check",),
         "table 'suggestions', column 'score', rowid 1: a text where annotator stores real"),
        # the writers went ahead where check named it
        ("INSERT INTO comments (article_id, annotator, text, at) SELECT id, 'alice', 'hello', 'tomorrow' "
         "FROM articles", ("accept", "--annotator", "zoe"), "table 'comments', column 'at', rowid 1: 'tomorrow' is "
         "not a moment annotator writes (an ISO 8601 timestamp with a time zone, as 2026-12-01T10:00:00.000000Z)"),
        ("UPDATE articles SET tokens = 'garbage{'", ("ingest", "more.txt"),
         "table 'articles', article {article!r}: tokens: not JSON: 'garbage{{'"),
        ("UPDATE articles SET chars = 5", ("accept", "--annotator", "zoe"), "table 'articles', article {article!r}: "
         "chars is 5, but its text has 63 characters: another program changed one of them"),
        ('INSERT INTO spans (article_id, annotator, start, "end", label, text, speaker_start, speaker_end) SELECT '
         "id, 'alice', 16, 30, 'QUOTE', substr(text, 17, 14), 0, 4 FROM articles", ("export", "--annotator", "alice",
         "--format", "labelstudio", "-o", "-"), "table 'spans', row 2 (article {article!r}): speaker 0:4 is not an "
         "ACTOR span of this annotation"),
    ],
)  # fmt: skip
def test_what_check_names_every_command_refuses(
    tmp_path: Path, edit: str, command: tuple[str, ...], problem: str
) -> None:
    db = tmp_path / "damaged.db"
    article = small_database(db, "alice")  # one suggestion (Washington), accepted by alice as her span 1
    (tmp_path / "more.txt").write_text("Ann met Bob.\n", encoding="utf-8")
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute(edit)
    before = db.read_bytes()
    said = problem.format(article=article)
    checked = annotator("check", "--db", db)
    assert checked.returncode == 1 and f": {said}\n" in checked.stderr, checked.stderr
    if command != ("check",):
        line = one_error_line(annotator(*command, "--db", db, cwd=tmp_path))
        what = "exported" if command[0] == "export" else "done"
        assert line == f"{db}: {said}; nothing was {what} (annotator check --db {db} lists every problem)"
    assert db.read_bytes() == before


def test_an_older_releases_nan_meta_is_read_by_the_commands_and_refused_only_by_export(tmp_path: Path) -> None:
    """An older release stored NaN in a meta: the commands read it as before (no way to mend it but sqlite3 would
    be left otherwise), `check` names it and `export` refuses to write it (test_safety_inputs)."""
    db, _ = damaged(tmp_path, """UPDATE articles SET meta = '{"score": NaN}'""", police_end=None)
    accepted = annotator("accept", "--annotator", "zoe", "--db", db)
    assert accepted.returncode == 0 and "error" not in accepted.stderr, accepted.stderr
    assert annotator("stats", "--db", db).returncode == 0
    assert "its meta holds NaN" in annotator("check", "--db", db).stderr
