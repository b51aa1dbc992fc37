"""re34 N1-N3: a real SQLite companion file that is not the database's own. N1: a hot `-journal` of another
database copied beside ours; N2: a hot `-journal` of a copy of our database, put beside the original after it
moved on; N3: a partial WAL of another annotator database beside ours. SQLite plays a hot journal into whatever
file is at the name (`sqlite3 X .recover` too), so the damaged-database advice destroyed a sound file, and read-only
commands showed a rolled-back or torn state as the database's. Every command now refuses such a file in one line
naming it, never advises `.recover` while the file alone is sound, and leaves both files byte for byte. The real
console script on real files; a killed writer's own journal is still rolled back (test_safety_companions.py)."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from processes import annotator, folder_state, one_error_line, small_database

from annotator.store.journals import read_journal

RECORD = {"article_id": "a1", "text": "Ann said it rained in Paris.", "annotator": "alice",
          "spans": [{"start": 0, "end": 3, "label": "ACTOR", "text": "Ann"}]}  # fmt: skip
COMMANDS = [["stats"], ["check"], ["import", "alice.jsonl"], ["export", "--annotator", "alice", "--status", "all"]]
KILLED_IN_A_TRANSACTION = """
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = delete")
db.execute("PRAGMA cache_size = 2")  # changed pages go to the file before the commit: the journal is hot
db.execute("BEGIN")
db.execute(sys.argv[2])
for _ in range(300):
    db.execute("UPDATE articles SET title = title || ' and more'")
os.kill(os.getpid(), signal.SIGKILL)
"""
IN_WAL_MODE = "it holds a transaction in rollback mode, and the database is in WAL mode"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def killed_writer(db: Path, first: str = "SELECT 1") -> Path:
    """`db`-journal: the hot journal a writer killed mid-transaction in rollback mode leaves (`first`: the
    transaction's first statement)."""
    killed = subprocess.run([sys.executable, "-c", KILLED_IN_A_TRANSACTION, str(db), first], check=False)
    assert killed.returncode == -signal.SIGKILL
    return db.with_name(db.name + "-journal")


def refused_by_every_command(folder: Path, name: str, expected: str) -> None:
    (folder / "alice.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    hashes = {path.name: sha256(path) for path in folder.iterdir() if path.is_file()}
    before = folder_state(folder)
    for command in COMMANDS:
        line = one_error_line(annotator(*command, "--db", name, cwd=folder))
        assert line == expected, command
        assert ".recover" not in line
        assert {path.name: sha256(path) for path in folder.iterdir() if path.is_file()} == hashes
        assert folder_state(folder) == before


def alone_is_sound(folder: Path, name: str) -> None:
    alone = folder.with_name(folder.name + "-alone")
    alone.mkdir()
    shutil.copyfile(folder / name, alone / name)
    result = annotator("check", "--db", name, cwd=alone)
    assert result.returncode == 0 and result.stdout.startswith(f"{name}: ok (integrity check passed"), result
    shutil.rmtree(alone)


def not_its_own(name: str, problem: str) -> str:
    return (
        f"{name}: {name}-journal beside it does not belong to it ({problem}); both were left as they are: "
        f"{name} alone is sound, so move {name}-journal away if it is not this database's own"
    )


def test_another_databases_hot_journal_is_refused_not_played_in(tmp_path: Path) -> None:
    other = tmp_path / "other" / "other.db"
    other.parent.mkdir()
    small_database(other, text="Paris is in France, said Ann. " * 40)
    small_database(tmp_path / "ours.db")
    shutil.copyfile(killed_writer(other), tmp_path / "ours.db-journal")
    alone_is_sound(tmp_path, "ours.db")
    refused_by_every_command(tmp_path, "ours.db", not_its_own("ours.db", IN_WAL_MODE))


def test_a_copys_hot_journal_beside_the_original_that_moved_on_is_refused(tmp_path: Path) -> None:
    small_database(tmp_path / "main.db")
    bob = tmp_path / "bob" / "bob.db"
    bob.parent.mkdir()
    shutil.copyfile(tmp_path / "main.db", bob)
    journal = killed_writer(bob)
    (tmp_path / "b.jsonl").write_text(json.dumps({**RECORD, "annotator": "bob"}) + "\n", encoding="utf-8")
    assert annotator("import", "b.jsonl", "--db", "main.db", cwd=tmp_path).returncode == 0  # main moves on
    (tmp_path / "b.jsonl").unlink()
    shutil.copyfile(journal, tmp_path / "main.db-journal")
    alone_is_sound(tmp_path, "main.db")
    refused_by_every_command(tmp_path, "main.db", not_its_own("main.db", IN_WAL_MODE))


def test_a_copys_hot_journal_beside_an_original_in_rollback_mode_that_moved_on_is_refused(tmp_path: Path) -> None:
    """Both in rollback mode (another tool set it): the original's change counter has moved on past the one the
    journal's page 1 recorded, so the journal is not of a transaction on it. (The killed transaction changed the
    schema, so its journal holds page 1; one without page 1, beside a file in rollback mode of as many pages, is
    not told apart: docs/reliability.md.)"""
    small_database(tmp_path / "main.db")
    bob = tmp_path / "bob" / "bob.db"
    bob.parent.mkdir()
    shutil.copyfile(tmp_path / "main.db", bob)
    journal = killed_writer(bob, "CREATE TABLE bobs (x)")
    main = sqlite3.connect(tmp_path / "main.db", isolation_level=None)
    main.execute("PRAGMA journal_mode = delete")
    for _ in range(3):
        main.execute("UPDATE articles SET title = title || ' (edited)'")
    main.close()
    shutil.copyfile(journal, tmp_path / "main.db-journal")
    alone_is_sound(tmp_path, "main.db")
    expected = not_its_own("main.db", "the database has committed 3 transactions since the one it holds began")
    refused_by_every_command(tmp_path, "main.db", expected)


def test_another_annotator_databases_partial_wal_is_refused_by_reads_as_by_writes(tmp_path: Path) -> None:
    other = tmp_path / "other" / "other.db"
    other.parent.mkdir()
    small_database(other, text="Paris is in France, said Ann.")
    small_database(tmp_path / "ours.db")
    connection = sqlite3.connect(other)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("UPDATE articles SET title = 'Changed'")
    connection.commit()
    shutil.copyfile(other.with_name("other.db-wal"), tmp_path / "ours.db-wal")
    connection.close()
    alone_is_sound(tmp_path, "ours.db")
    (tmp_path / "alice.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    first = one_error_line(annotator("import", "alice.jsonl", "--db", "ours.db", cwd=tmp_path))
    assert first.startswith("ours.db: ours.db-wal beside it does not belong to it (")
    assert first.endswith("ours.db alone is sound, so move ours.db-wal away if it is not this database's own")
    refused_by_every_command(tmp_path, "ours.db", first)


def counter(db: Path) -> int:
    return int.from_bytes(db.read_bytes()[24:28], "big")


def test_a_journal_that_fits_the_headers_but_rolls_the_file_back_into_damage_is_named(tmp_path: Path) -> None:
    """Another database's journal with the same page size and page 1 at the file's change counter (both in
    rollback mode): rolled back in a private copy, the copy is damaged while the file alone is sound, so the
    journal is named, never `.recover` (which would play it into the file)."""
    ours, other = tmp_path / "ours.db", tmp_path / "other" / "ours.db"
    other.parent.mkdir()
    small_database(ours)
    small_database(other, text="Paris is in France, said Ann. " * 40)
    journal = killed_writer(other, "CREATE TABLE others (x)")
    began = read_journal(journal)
    assert began is not None and began.counter is not None
    connection = sqlite3.connect(ours, isolation_level=None)
    connection.execute("PRAGMA journal_mode = delete")
    while counter(ours) < began.counter:
        connection.execute("UPDATE articles SET title = title || '.'")
    connection.close()
    assert counter(ours) == began.counter
    shutil.copyfile(journal, tmp_path / "ours.db-journal")
    alone_is_sound(tmp_path, "ours.db")
    line = one_error_line(annotator("stats", "--db", "ours.db", cwd=tmp_path))
    assert line.startswith("ours.db: ours.db-journal beside it does not belong to it (rolled back into a copy of it, ")
    assert line.endswith("ours.db alone is sound, so move ours.db-journal away if it is not this database's own")
    refused_by_every_command(tmp_path, "ours.db", line)


def test_a_foreign_journal_beside_a_damaged_file_names_both_and_says_to_move_it_first(tmp_path: Path) -> None:
    other = tmp_path / "other" / "other.db"
    other.parent.mkdir()
    small_database(other, text="Paris is in France, said Ann. " * 40)
    small_database(tmp_path / "ours.db")
    data = bytearray((tmp_path / "ours.db").read_bytes())
    data[3 * 4096 : 3 * 4096 + 2000] = b"\xaa" * 2000  # a page garbled
    (tmp_path / "ours.db").write_bytes(bytes(data))
    shutil.copyfile(killed_writer(other), tmp_path / "ours.db-journal")
    line = one_error_line(annotator("stats", "--db", "ours.db", cwd=tmp_path))
    assert line.startswith(f"ours.db: ours.db-journal beside it does not belong to it ({IN_WAL_MODE}), and ours.db ")
    assert line.endswith(
        "both were left as they are: move ours.db-journal away first (SQLite would play it into ours.db), then "
        "restore a backup or try `sqlite3 ours.db .recover`"
    )
    assert "ours.db alone is damaged too (database disk image is malformed); " in line
