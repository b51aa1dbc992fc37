"""Trial 34 (05-foreign-wal-journal-deleted.sh): a file that is not SQLite's at `<db>-wal`, `<db>-journal` or
`<db>-shm` (notes, another program's file) was taken by SQLite for its own: the first writing command deleted it
(a WAL is reset and removed on the last close, a journal played back and removed, a -shm truncated), and `stats`
or `check` said nothing. Every command now refuses it with one line naming it, and leaves every file byte for
byte. What SQLite itself leaves there (a killed writer's WAL and -shm, or its rollback journal) is still read and
recovered. The real console script on real files."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from crashing import prepare, run_and_kill
from processes import annotator, folder_state, one_error_line, small_database

from annotator.store import Store

WHAT = {"-wal": "write-ahead log", "-journal": "rollback journal", "-shm": "shared-memory index"}
NOTES = b"my notes, not a SQLite WAL\n" * 200
RECORD = {"article_id": "a1", "text": "Ann said it rained in Paris.", "annotator": "alice",
          "spans": [{"start": 0, "end": 3, "label": "ACTOR", "text": "Ann"}]}  # fmt: skip


def refusal(name: str, suffix: str) -> str:
    what = WHAT[suffix]
    return (
        f"{name}: {name}{suffix} beside it is not SQLite's (its first bytes are not a {what}'s); it was left as it "
        f"is: SQLite would take it for the database's {what} and overwrite or delete it, so move {name}{suffix} "
        "away and try again"
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", ["-wal", "-journal", "-shm"])
@pytest.mark.parametrize("command", [["import", "alice.jsonl"], ["stats"], ["check"]], ids=["import", "stats", "check"])
def test_a_foreign_file_beside_the_database_is_refused_and_left_byte_for_byte(
    tmp_path: Path, suffix: str, command: list[str]
) -> None:
    small_database(tmp_path / "x.db")
    (tmp_path / "alice.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    foreign = tmp_path / f"x.db{suffix}"
    foreign.write_bytes(NOTES)
    hashes, before = (sha256(foreign), sha256(tmp_path / "x.db")), folder_state(tmp_path)
    assert one_error_line(annotator(*command, "--db", "x.db", cwd=tmp_path)) == refusal("x.db", suffix)
    assert (sha256(foreign), sha256(tmp_path / "x.db")) == hashes
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("suffix", ["-wal", "-journal", "-shm"])
def test_a_foreign_file_beside_a_new_database_is_refused_and_nothing_is_created(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    (tmp_path / f"new.db{suffix}").write_bytes(NOTES)
    before = folder_state(tmp_path)
    line = one_error_line(annotator("ingest", "a.txt", "--no-suggest", "--db", "new.db", cwd=tmp_path))
    assert line == refusal("new.db", suffix)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize(
    ("suffix", "content"),
    [("-wal", b""), ("-journal", b""), ("-journal", bytes(512)), ("-shm", b""), ("-shm", bytes(3))],
    ids=["empty-wal", "empty-journal", "zeroed-journal", "empty-shm", "truncated-shm"],
)
def test_what_sqlite_leaves_beside_a_closed_database_is_not_refused(
    tmp_path: Path, suffix: str, content: bytes
) -> None:
    small_database(tmp_path / "x.db")
    (tmp_path / f"x.db{suffix}").write_bytes(content)
    result = annotator("check", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("x.db: ok (integrity check passed;")


def test_a_killed_writers_wal_and_shm_are_read_not_refused(tmp_path: Path) -> None:
    import random

    db = tmp_path / "crash.db"
    prepare(db)
    acks, _ = run_and_kill(db, seed=3, after_acks=20, rng=random.Random(3))
    assert {p.name for p in tmp_path.iterdir()} == {"crash.db", "crash.db-wal", "crash.db-shm"}
    assert (tmp_path / "crash.db-wal").read_bytes()[:4] in (bytes.fromhex("377f0682"), bytes.fromhex("377f0683"))
    for command in (["stats"], ["check"]):
        result = annotator(*command, "--db", "crash.db", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, ""), command
    with Store.open(db, read_only=True) as store:
        events = {row[0] for row in store.conn.execute("SELECT id FROM events")}
    assert {ack["event"] for ack in acks} <= events


KILLED_IN_A_TRANSACTION = """
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = delete")  # rollback mode, as a file another tool set so would be
if sys.argv[2] == "spilled":
    db.execute("PRAGMA cache_size = 2")  # changed pages go to the file before the commit: the journal is hot
db.execute("BEGIN")
for _ in range(300):
    db.execute("UPDATE articles SET title = title || ' and more'")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("when", ["spilled", "unsynced"])
def test_a_killed_writers_rollback_journal_is_rolled_back_not_refused(tmp_path: Path, when: str) -> None:
    db = tmp_path / "x.db"
    small_database(db)
    with Store.open(db, read_only=True) as store:
        titles = store.conn.execute("SELECT id, title FROM articles").fetchall()
    killed = subprocess.run([sys.executable, "-c", KILLED_IN_A_TRANSACTION, str(db), when], check=False)
    assert killed.returncode == -signal.SIGKILL
    journal = tmp_path / "x.db-journal"
    header = journal.read_bytes()[:8]
    assert header == (bytes.fromhex("d9d505f920a163d7") if when == "spilled" else bytes(8))
    for command in (["stats"], ["check"]):  # read-only: the journal is read (in a copy), never played into x.db
        before = folder_state(tmp_path)
        result = annotator(*command, "--db", "x.db", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, ""), command
        assert folder_state(tmp_path) == before
    (tmp_path / "alice.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    result = annotator("import", "alice.jsonl", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert not journal.exists()  # SQLite's own: a hot one rolled back into x.db, then removed
    with Store.open(db, read_only=True) as store:
        assert store.conn.execute("SELECT id, title FROM articles WHERE id != 'a1'").fetchall() == titles
    assert os.path.exists(db)


def test_a_fifo_at_the_wals_name_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    small_database(tmp_path / "x.db")
    os.mkfifo(tmp_path / "x.db-wal")
    line = one_error_line(annotator("stats", "--db", "x.db", cwd=tmp_path, timeout=60))
    assert line == (
        "x.db: x.db-wal beside it is not SQLite's (a FIFO (named pipe), not a regular file); it was left as it is: "
        "SQLite would take it for the database's write-ahead log and overwrite or delete it, so move x.db-wal away "
        "and try again"
    )


def test_a_screen_on_a_hot_journal_it_cannot_roll_back_says_what_it_shows(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    small_database(db)
    subprocess.run([sys.executable, "-c", KILLED_IN_A_TRANSACTION, str(db), "spilled"], check=False)
    with Store.open(db, read_only=True) as store:  # as in a folder this user cannot write
        assert store.notice == (
            f"{db} is in a folder you cannot write, with a transaction a killed process left in its -journal file: "
            "showing a copy with it rolled back, read-only; changes cannot be saved"
        )
        assert store.count("articles") == 1


def test_a_hot_journal_beside_a_name_with_no_database_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    """What a database removed while a process was writing it in rollback mode leaves: SQLite would play that
    journal into a new database at the name (another database's pages over it), as a -wal with work would be."""
    db = tmp_path / "x.db"
    small_database(db)
    subprocess.run([sys.executable, "-c", KILLED_IN_A_TRANSACTION, str(db), "spilled"], check=False)
    db.unlink()
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    before = folder_state(tmp_path)
    line = one_error_line(annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path))
    assert line == (
        "x.db: x.db-journal beside it holds a transaction of a database that is no longer there (removed while a "
        "process was writing it?); it was left as it is: SQLite would play it into a new database there, so move "
        "x.db-journal away to create x.db there"
    )
    assert folder_state(tmp_path) == before
