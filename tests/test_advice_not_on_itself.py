"""A command's own database given as its file of records (trial s49 F6a): `annotator --db self.db import self.db`
advised `annotator merge self.db --db self.db`, which merge then refused ("this is the database being merged
into"). The file that is the command's database (by any path to it) is named as that, and no merge into itself is
advised; another database still gets its merge. The real console script on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

TEXT = "Mayor Jane Smith said the bridge in Riverton would open, and Omar Haddad agreed in Paris."
OWN = "this is the database this command works on, not a file of records: its work is in it already"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "b1", "text": TEXT}) + "\n", encoding="utf-8")
    for db in ("self.db", "annotations.db"):
        done = annotator("ingest", "articles.jsonl", "--no-suggest", "--db", db, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    (tmp_path / "sub").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("import", "self.db", "--db", "self.db"), "self.db"),
        (("import", "./self.db", "--db", "sub/../self.db"), "self.db"),
        (("import", "annotations.db"), "annotations.db"),
        (("import", "self.db", "--format", "spacy", "--annotator", "bob", "--db", "self.db"), "self.db"),
        (("evaluate", "--gold-from", "self.db", "--db", "self.db"), "self.db"),
    ],
)
def test_the_commands_own_database_is_named_so(folder: Path, args: tuple[str, ...], named: str) -> None:
    before = (folder / "self.db").read_bytes(), (folder / "annotations.db").read_bytes()
    result = annotator(*args, cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"annotator: error: {named}: {OWN}\n")
    assert ((folder / "self.db").read_bytes(), (folder / "annotations.db").read_bytes()) == before


def test_another_database_still_gets_its_merge(folder: Path) -> None:
    result = annotator("import", "self.db", cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: self.db: this is an SQLite database, not a file of records: `annotator merge self.db` "
        "brings its work into this database, `annotator export --db self.db` writes its records to a file\n",
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("train", "--from", "annotations.db"),
            "annotations.db: this is the database this command works on, not a file of records: train learns "
            "from its gold without --from",
        ),
        (
            ("train", "--from", "self.db"),
            "self.db: this is an SQLite database, not a file of records: `annotator train --db self.db` learns "
            "from its gold",
        ),
        (
            ("train", "--from", "self.db", "--db", "sub/other.db"),  # the advice names its own --db
            "self.db: this is an SQLite database, not a file of records: `annotator train --db self.db` learns "
            "from its gold",
        ),
    ],
)
def test_train_from_a_database_says_train_reads_it_with_db(folder: Path, args: tuple[str, ...], said: str) -> None:
    """train --from a database was told of a merge or that "its work is in it already", not how train reads one."""
    before = (folder / "self.db").read_bytes(), (folder / "annotations.db").read_bytes()
    result = annotator(*args, cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"annotator: error: {said}\n")
    assert ((folder / "self.db").read_bytes(), (folder / "annotations.db").read_bytes()) == before
