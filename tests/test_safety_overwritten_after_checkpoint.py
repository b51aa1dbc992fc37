"""A file overwritten in place (`cp other.db x.db`, or `touch x.db`) after another process checkpointed it with
TRUNCATE while a Store has it open (issue 10, F1). The trial: edit; `sqlite3 x.db "PRAGMA wal_checkpoint(TRUNCATE)"`;
edit; `cp other.db x.db`; edit, edit: both acknowledged, the file then malformed. Our edit after the TRUNCATE
starts a new WAL with random salts (a connection that never checkpointed itself makes them so), which the witness
took for a checkpoint when the copy changed the file. Now both edits after the copy are refused as not saved and
the copy is left byte for byte; checkpoints by others between our edits still refuse nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator, small_database

from annotator.store import Store, WriteFailed
from annotator.vocabulary import Status

CHECKPOINT = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(f'PRAGMA wal_checkpoint({sys.argv[2]})').fetchone())"


def refused(path: Path) -> str:
    return f"not saved: {path} was replaced, removed or overwritten since it was opened; nothing of this change was written"


def checkpoint(db: Path, mode: str) -> str:
    """Another process checkpoints the file (as `sqlite3 x.db "PRAGMA wal_checkpoint(MODE)"` does)."""
    return subprocess.run(
        [sys.executable, "-c", CHECKPOINT, db, mode], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, str]:
    """x.db and other.db, a copy of it with someone else's work since."""
    db, other = tmp_path / "x.db", tmp_path / "other.db"
    article = small_database(db)
    shutil.copyfile(db, other)
    with Store.open(other) as store:
        store.set_status(article, "bob", Status.DONE)
    assert db.read_bytes() != other.read_bytes()
    return db, other, article


def test_a_copy_onto_the_open_file_after_another_process_s_truncate_refuses_the_edits(
    files: tuple[Path, Path, str],
) -> None:
    db, other, article = files
    with Store.open(db) as store:
        store.set_status(article, "a", Status.DONE)
        assert checkpoint(db, "TRUNCATE").startswith("(0, ")
        store.set_status(article, "b", Status.DONE)  # a new WAL, with random salts
        shutil.copyfile(other, db)  # `cp other.db x.db`: the same inode, other bytes
        copied = db.read_bytes()
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, "c", Status.DONE)
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, "d", Status.DONE)
    assert db.read_bytes() == copied == other.read_bytes()


def test_a_touch_after_another_process_s_truncate_refuses_the_edit_and_reopening_takes_the_file(
    files: tuple[Path, Path, str],
) -> None:
    db, _other, article = files
    with Store.open(db) as store:
        store.set_status(article, "a", Status.DONE)
        checkpoint(db, "TRUNCATE")
        store.set_status(article, "b", Status.DONE)
        subprocess.run(["touch", "-d", "2001-01-01", db], check=True)
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, "c", Status.DONE)
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, "d", Status.DONE)
    with Store.open(db) as store:
        store.set_status(article, "c", Status.DONE)
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{db}: ok (integrity check passed; 5 event(s) replay to the stored annotations)\n"


def test_edits_go_on_across_other_processes_checkpoints_of_every_kind_between_ours(
    files: tuple[Path, Path, str],
) -> None:
    """TRUNCATE, PASSIVE, RESTART by another process, and another writer's checkpoint and restart, each between
    two of our edits (our WAL restarted by us with random salts, then by them): nothing is refused."""
    db, _other, article = files
    writer = (
        "import sys; from annotator.store import Store\n"
        "with Store.open(sys.argv[1]) as store:\n"
        "    store.set_status(sys.argv[2], 'o1', 'done')\n"
        "    store.conn.execute('PRAGMA wal_checkpoint').fetchone()\n"
        "    store.set_status(sys.argv[2], 'o2', 'done')\n"
    )
    with Store.open(db) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.set_status(article, "a", Status.DONE)
        for n, mode in enumerate(["TRUNCATE", "PASSIVE", "RESTART", "TRUNCATE", "PASSIVE"]):
            checkpoint(db, mode)
            store.set_status(article, f"m{n}", Status.DONE)
        subprocess.run([sys.executable, "-c", writer, db, article], check=True)
        store.set_status(article, "w", Status.DONE)
        store.conn.execute("PRAGMA wal_autocheckpoint = 1")  # ours, inside each COMMIT
        checkpoint(db, "TRUNCATE")
        store.set_status(article, "y", Status.DONE)
        store.set_status(article, "z", Status.DONE)
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{db}: ok (integrity check passed; 13 event(s) replay to the stored annotations)\n"
