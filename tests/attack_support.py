"""Shared by the tests of the thirtieth attack on imports (`test_import_*_attack30`): the attacker's databases, made
the way a user makes them (ingest with suggestions, alice accepts them all and marks every article done), and
`annotator` run on them. Real processes, real files, real SQLite."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator

A1 = 'John Smith said "we will win" in Paris on Monday. Ana Lopez met 35 workers in Lisbon.'
ARTICLES = [
    {"id": "a1", "title": "One", "text": A1},
    {"id": "a2", "title": "Two", "text": "Maria Costa told reporters in Berlin that 12 people were hurt."},
    {"id": "a3", "title": "Three", "text": 'The mayor of Rome, Paolo Rossi, said "no comment" to the press.'},
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """base.db (alice accepted every suggestion and is done) and empty.db (the articles, nobody's work)."""
    folder = tmp_path_factory.mktemp("made")
    arts = folder / "arts.jsonl"
    arts.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    for args in (
        ["ingest", arts, "--db", folder / "base.db"],
        ["ingest", arts, "--no-suggest", "--db", folder / "empty.db"],
        ["accept", "--annotator", "alice", "--done", "--db", folder / "base.db"],
    ):
        result = annotator(*args, cwd=folder)
        assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def work(made: Path, tmp_path: Path) -> Path:
    """A folder of this test's own with fresh copies of base.db and empty.db."""
    return fresh_copies(made, tmp_path, "base.db", "empty.db")


def fresh_copies(made: Path, into: Path, *names: str) -> Path:
    """`into`, holding a copy of each of `made`'s files `names` (databases a test may change)."""
    for name in names:
        shutil.copy(made / name, into / name)
    return into


def ok(*args: str | Path, cwd: Path) -> str:
    """The standard output of a command that must succeed."""
    result = annotator(*args, cwd=cwd)
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def conflicted(*args: str | Path, cwd: Path) -> str:
    """The standard output of an import whose records conflict with newer work: exit status 1 and the error line
    that none of them was imported."""
    result = annotator(*args, cwd=cwd)
    assert (result.returncode, result.stderr.count("\n")) == (1, 1), (result.stdout, result.stderr)
    assert "not imported: they conflict with the work stored in" in result.stderr
    return result.stdout


def rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql, params).fetchall()


def native_spans(folder: Path, db: Path, who: str) -> list[tuple[str, object]]:
    """Each span of `who`'s first record (text, speaker) as a native export writes it."""
    out = ok("export", "--annotator", who, "--db", db, "-o", "-", cwd=folder)
    record = json.loads(out.splitlines()[0])
    return [(s["text"], s.get("speaker")) for s in record["spans"]]
