"""An output made at the name of a file SQLite keeps beside a database (trial s49 F5): `predict -o self.db-wal` and
`train --out self.db-shm` made folders there without a word, and from then on every command refused self.db
("self.db-wal beside it is not SQLite's (a folder...)") until they were moved. Export refused such a name; now
every output that makes a folder or a file does, as a folder above it still to be made: one line, nothing made,
the database still usable. Real processes on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_support import SMALL, add, build
from processes import annotator

TEXT = "Mayor Anna Berg said on Monday that 40 people were moved from Riverside after the flood."
KEPT = "where nothing else may go"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    with build(tmp_path / "self.db") as store:
        [small, _] = store.article_ids()
        add(store, small, "bob", SMALL, "Gaza", "LOCATION")
        store.set_status(small, "bob", "done")
    return tmp_path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def still_usable(folder: Path) -> None:
    done = annotator("stats", "--db", "self.db", cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("self.db-wal", "self.db-wal is the name SQLite gives a file of its own beside self.db (its write-ahead log)"),
        (
            "self.db-journal/p",
            "self.db-journal/p: self.db-journal is the name SQLite gives a file of its own beside self.db (its "
            "rollback journal)",
        ),
    ],
)
def test_predictions_never_go_to_a_companions_name(folder: Path, out: str, said: str) -> None:
    before = listing(folder)
    result = annotator("predict", "one.txt", "-o", out, "--workers", "1", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: {said}, {KEPT}: give another folder for the predictions\n",
    )
    assert listing(folder) == before
    still_usable(folder)


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("self.db-shm", "self.db-shm is the name SQLite gives a file of its own beside self.db (its wal-index)"),
        (
            "self.db-wal/ours",
            "self.db-wal/ours: self.db-wal is the name SQLite gives a file of its own beside self.db (its "
            "write-ahead log)",
        ),
    ],
)
def test_a_pipeline_never_goes_to_a_companions_name(folder: Path, out: str, said: str) -> None:
    before = listing(folder)
    result = annotator("train", "--annotator", "alice", "--out", out, "--db", "self.db", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: {said}, {KEPT}: choose another --out\n",
    )
    assert listing(folder) == before
    still_usable(folder)


def test_a_linked_output_is_looked_at_where_it_leads(folder: Path) -> None:
    (folder / "out").symlink_to(folder / "self.db-wal")  # a link to nothing is refused for its own reason
    (folder / "self.db-wal").mkdir()
    result = annotator("predict", "one.txt", "-o", "out", "--workers", "1", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: out (a link to {folder}/self.db-wal) is the name SQLite gives a file of its own beside "
        f"self.db (its write-ahead log), {KEPT}: give another folder for the predictions\n",
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("export", "--annotator", "alice", "-o", "self.db-wal"),
            "self.db-wal is the name SQLite gives a file of its own beside self.db (its write-ahead log)",
        ),
        (
            ("export", "--annotator", "alice", "--format", "spacy", "-o", "a.spacy", "--config", "self.db-shm"),
            "self.db-shm is the name SQLite gives a file of its own beside self.db (its wal-index)",
        ),
        (
            ("agreement", "--annotators", "alice,bob", "--html", "self.db-journal"),
            "self.db-journal is the name SQLite gives a file of its own beside self.db (its rollback journal)",
        ),
    ],
)
def test_a_file_never_goes_to_a_companions_name(folder: Path, args: tuple[str, ...], said: str) -> None:
    before = listing(folder)
    option = "--html" if "--html" in args else "--config" if "--config" in args else "-o"
    result = annotator(*args, "--db", "self.db", cwd=folder)
    assert (result.returncode, result.stderr.splitlines()[-1]) == (
        1,
        f"annotator: error: {said}, {KEPT}: choose another {option}",
    )
    assert listing(folder) == before
    still_usable(folder)


def test_a_name_with_no_database_beside_it_is_an_output_like_any_other(folder: Path) -> None:
    result = annotator("export", "--annotator", "alice", "-o", "notes-wal", "--db", "self.db", cwd=folder)
    assert (result.returncode, result.stderr) == (
        0,
        "note: 1 flagged record(s) left out (--status all takes every status)\n",
    ), result.stderr
    assert (folder / "notes-wal").is_file()
