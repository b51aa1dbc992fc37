"""A database named as one of SQLite's own files beside another (`pack -o x.db-wal`, `ingest --db x.db-wal`): SQLite
took the new database for x.db's write-ahead log, and every command then refused x.db ("x.db-wal beside it is not
SQLite's"). Every option naming a database (--db, pack's -o, merge's files) now refuses a name ending in -wal, -shm
or -journal in one line, and nothing is made. Real processes on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

TEXT = "Mayor Anna Berg said on Monday that 40 people were moved from Riverside after the flood."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    done = annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    done = annotator("assign", "--annotators", "bob", "--db", "x.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def refused(option: str, name: str, what: str) -> str:
    return (
        f"annotator: error: Invalid value for {option}: {name} is the name SQLite gives a file of its own beside "
        f"{name.rsplit('-', 1)[0]} (its {what}), not a database: give another name\n"
    )


@pytest.mark.parametrize(
    ("end", "what"), [("-wal", "write-ahead log"), ("-shm", "wal-index"), ("-journal", "rollback journal")]
)
def test_ingest_into_a_companions_name_is_refused_and_the_database_stays_usable(
    folder: Path, end: str, what: str
) -> None:
    before = sorted(p.name for p in folder.iterdir())
    result = annotator("ingest", "a.txt", "--no-suggest", "--db", f"x.db{end}", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", refused("'--db'", f"x.db{end}", what))
    assert sorted(p.name for p in folder.iterdir()) == before
    assert annotator("stats", "--db", "x.db", cwd=folder).returncode == 0


def test_a_pack_at_a_wals_name_is_refused(folder: Path) -> None:
    before = sorted(p.name for p in folder.iterdir())
    result = annotator("pack", "--annotator", "bob", "-o", "x.db-wal", "--db", "x.db", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        refused("'-o' / '--output'", "x.db-wal", "write-ahead log"),
    )
    assert sorted(p.name for p in folder.iterdir()) == before
    assert annotator("stats", "--db", "x.db", cwd=folder).returncode == 0


@pytest.mark.parametrize(
    "command", [("pack", "--annotator", "bob", "--db", "x.db"), ("ingest", "a.txt", "--no-suggest")]
)
def test_a_database_in_a_folder_at_a_wals_name_is_refused(folder: Path, command: tuple[str, ...]) -> None:
    """A folder still to be made at x.db-wal would hold the new file: SQLite would find a folder where x.db's log
    goes (a trial: `pack -o x.db-wal/sub.db` ended in "x.db-wal/sub.db: Not a directory")."""
    before = sorted(p.name for p in folder.iterdir())
    option = ("-o",) if command[0] == "pack" else ("--db",)
    result = annotator(*command, *option, "x.db-wal/sub.db", cwd=folder)
    named = "'-o' / '--output'" if command[0] == "pack" else "'--db'"
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: Invalid value for {named}: x.db-wal/sub.db: x.db-wal is the name SQLite gives a file of "
        "its own beside x.db (its write-ahead log), where nothing else may go\n",
    )
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_merge_of_a_journals_name_is_refused(folder: Path) -> None:
    result = annotator("merge", "x.db-journal", "--db", "y.db", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        refused("'others'", "x.db-journal", "rollback journal"),
    )
    assert not (folder / "y.db").exists()
