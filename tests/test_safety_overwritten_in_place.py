"""A database file overwritten in place (`cp backup.db x.db`: the same inode, other bytes) while a Store or the
TUI has it open: SQLite documents that as a way to corrupt a database (its WAL's pages are laid over bytes they
were not written against). Found by a second trial: the next edit was acknowledged and the file was then
malformed. Now the next edit is refused as not saved, and the copied file is left byte for byte, also when the
Store closes (no checkpoint of the old WAL into it).

Our own checkpoints and another process's change the file's size or time without changing what it
holds for SQLite: edits go on.

Self-contained (no pytest-asyncio needed: the Pilot session runs with asyncio.run).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator, small_database
from tmux_tui import HAVE_TMUX, Session

from annotator.models import ArticleIn
from annotator.store import Store, WriteFailed
from annotator.tui.app import AnnotatorApp
from annotator.vocabulary import Status

WHO = "z"


def refused(path: Path) -> str:
    return f"not saved: {path} was replaced, removed or overwritten since it was opened; nothing of this change was written"


def copy_onto(source: Path, db: Path) -> bytes:
    """`cp source db`: truncates db and writes the source's bytes into the same file (same inode)."""
    inode = db.stat().st_ino
    with open(source, "rb") as copied, open(db, "r+b") as target:
        target.truncate(0)
        shutil.copyfileobj(copied, target)
    assert db.stat().st_ino == inode
    return db.read_bytes()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, str]:
    """x.db and backup.db, an older copy of it: x.db has since had 20 more events, checkpointed into it."""
    db, backup = tmp_path / "x.db", tmp_path / "backup.db"
    article = small_database(db)
    shutil.copyfile(db, backup)
    with Store.open(db) as store:
        for n in range(20):
            store.set_status(article, f"a{n}", Status.DONE)
    assert db.read_bytes() != backup.read_bytes()
    return db, backup, article


def test_an_edit_after_a_backup_was_copied_onto_the_open_file_is_refused_and_the_copy_kept(
    files: tuple[Path, Path, str],
) -> None:
    db, backup, article = files
    with Store.open(db) as store:
        store.set_status(article, "b", Status.DONE)  # saved, in x.db-wal
        copied = copy_onto(backup, db)
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, WHO, Status.DONE)
        assert db.read_bytes() == copied
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):  # and every later one
            store.set_status(article, WHO, Status.IN_PROGRESS)
    assert db.read_bytes() == copied == backup.read_bytes()


def test_closing_after_a_copy_onto_the_open_file_leaves_the_copy_and_the_wal(files: tuple[Path, Path, str]) -> None:
    """No edit after the copy: closing the last connection would checkpoint the WAL (written against the old
    bytes) into the copy; it does not, and the WAL stays beside it for the next opener to judge."""
    db, backup, article = files
    wal = db.with_name("x.db-wal")
    with Store.open(db) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.set_status(article, "b", Status.DONE)
        copy_onto(backup, db)
        frames = wal.read_bytes()
    assert db.read_bytes() == backup.read_bytes()
    assert wal.read_bytes() == frames
    # this small database's WAL holds every page the copy lacks: read with it, the copy continues to the later state
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{db}: ok (integrity check passed; 23 event(s) replay to the stored annotations)\n"
    assert (db.read_bytes(), wal.read_bytes()) == (backup.read_bytes(), frames)


def test_a_copy_onto_the_file_during_the_transaction_is_caught_before_it_commits(
    files: tuple[Path, Path, str],
) -> None:
    db, backup, article = files
    with Store.open(db) as store, pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"), store.write():
        store.set_status(article, WHO, Status.DONE)
        copy_onto(backup, db)
    assert db.read_bytes() == backup.read_bytes()


def test_the_tui_says_not_saved_when_a_backup_was_copied_onto_its_file(files: tuple[Path, Path, str]) -> None:
    db, backup, _article = files
    store = Store.open(db)
    app = AnnotatorApp(store, WHO)

    async def session() -> tuple[str, list[bool]]:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            copy_onto(backup, db)
            await pilot.press("tab", "enter")
            status = app.screen.status_line.text.plain
            return status, [item.pending for item in app.screen.model.items.values()]

    message, pending = asyncio.run(session())
    store.close()
    assert (message, pending) == (f"Not done: {refused(db)}", [True])
    assert db.read_bytes() == backup.read_bytes()


def test_edits_go_on_across_our_own_checkpoints_and_another_process_s(files: tuple[Path, Path, str]) -> None:
    """A checkpoint writes the WAL's pages into the file (its size and time change): the file still holds what
    SQLite knows, so edits are saved, the log replays and nothing is refused."""
    db, _backup, article = files
    checkpoint = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint').fetchone())"
    with Store.open(db) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 1")  # ours after every commit
        for n in range(3):
            store.set_status(article, f"c{n}", Status.DONE)
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for n in range(3):
            store.set_status(article, f"d{n}", Status.DONE)  # in the WAL only, then checkpointed by another process
            size, when = db.stat().st_size, db.stat().st_mtime_ns
            other = subprocess.run([sys.executable, "-c", checkpoint, db], capture_output=True, text=True, check=True)
            assert other.stdout.startswith("(0, ") and (db.stat().st_size, db.stat().st_mtime_ns) != (size, when)
        store.set_status(article, WHO, Status.DONE)
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{db}: ok (integrity check passed; 29 event(s) replay to the stored annotations)\n"


def test_a_touch_no_checkpoint_explains_refuses_the_edit_and_reopening_takes_the_file(
    files: tuple[Path, Path, str],
) -> None:
    """No digest tells a `touch` from a copy (it cost 1 ms a MB at every opening and checkpoint): the edit is
    refused, unacknowledged, and the file reopened as it is takes it."""
    db, _backup, article = files
    with Store.open(db) as store:
        store.set_status(article, "d", Status.DONE)
        os.utime(db, ns=(1, 1))  # the same bytes, another time
        with pytest.raises(WriteFailed, match="was replaced, removed or overwritten since it was opened"):
            store.set_status(article, "e", Status.DONE)
    with Store.open(db) as store:
        store.set_status(article, "e", Status.DONE)
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")


def test_edits_go_on_after_another_process_checkpointed_and_restarted_the_wal_before_our_first(
    files: tuple[Path, Path, str],
) -> None:
    """Opened with no WAL yet (its first salts are random): another process writes, checkpoints, and writes
    again (a new generation of the WAL), all before this Store's first edit."""
    db, _backup, article = files
    other = (
        "import sys; from annotator.store import Store\n"
        "with Store.open(sys.argv[1]) as store:\n"
        "    store.set_status(sys.argv[2], 'o1', 'done')\n"
        "    print(store.conn.execute('PRAGMA wal_checkpoint').fetchone())\n"
        "    store.set_status(sys.argv[2], 'o2', 'done')\n"
    )
    with Store.open(db) as store:
        size, when = db.stat().st_size, db.stat().st_mtime_ns
        result = subprocess.run([sys.executable, "-c", other, db, article], capture_output=True, text=True, check=True)
        assert result.stdout.startswith("(0, ") and (db.stat().st_size, db.stat().st_mtime_ns) != (size, when)
        store.set_status(article, WHO, Status.DONE)
    result = annotator("check", "--db", db)
    assert result.stdout == f"{db}: ok (integrity check passed; 25 event(s) replay to the stored annotations)\n"


@pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
def test_the_real_tui_refuses_an_edit_after_a_backup_was_copied_onto_its_file(files: tuple[Path, Path, str]) -> None:
    """The console script in a terminal (tmux), as the second trial had it: an accepted suggestion, then
    `cp backup.db x.db`, then `d`: refused as not saved; after quitting, x.db is the backup byte for byte."""
    db, backup, _article = files
    status = db.with_name("status")
    session = Session(db, annotator=WHO, status_to=status)
    try:
        assert session.started()
        session.settle()
        session.press_and_read("Tab")
        session.press_and_read("Enter")
        accepted = "".join("".join(session.screen()).split())  # without white space: lines wrap anywhere
        copy_onto(backup, db)
        session.press_and_read("d")
        refusal = "".join("".join(session.screen()).split())
        session.quit_and_wait(status)
    finally:
        session.kill()
    assert "acceptedACTOR'Washington'at0:10" in accepted
    assert f"Notdone:notsaved:{db}wasreplaced,removedoroverwrittensinceitwasopened" in refusal
    assert status.read_text() == "0\n"
    assert db.read_bytes() == backup.read_bytes()


OTHER_EDIT = (
    "import sys; from annotator.store import Store\n"
    "with Store.open(sys.argv[1]) as store:\n"
    "    store.set_status(sys.argv[2], 'bob', 'done')\n"
)
CHECKPOINT = (
    "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute(f'PRAGMA wal_checkpoint({sys.argv[2]})').fetchone()"
)


@pytest.mark.parametrize(
    ("mode", "grown"), [("PASSIVE", False), ("FULL", False), ("RESTART", False), ("TRUNCATE", True)]
)
def test_a_copy_after_another_writer_s_edit_and_another_program_s_checkpoint_is_refused(
    files: tuple[Path, Path, str], mode: str, grown: bool
) -> None:
    """A trial (27 runs, 26 acknowledged edits into the copy, 7 files then malformed): our edit; another writer's
    edit; another program's checkpoint; `cp backup.db x.db`. Our next edit read the copy's older annotation, so it
    looked changed in another window: the failed edit's clean-up judged the file without comparing what the
    checkpoint wrote, took the copy as the checkpoint's work and made it the file we knew. Every later edit was
    then written into the copy. After TRUNCATE nothing of the WAL is left to compare: a copy is caught when its
    size differs from the database's at the last commit (`grown`: x.db has an article more than the backup); one
    of the same size is not (README)."""
    db, backup, article = files
    if grown:
        with Store.open(db) as store:
            store.add_articles([(ArticleIn(text="A longer article. " * 2000, title="Long"), None, [])])
        assert db.stat().st_size > backup.stat().st_size
    with Store.open(db) as store:
        store.set_status(article, "a", Status.DONE)
        subprocess.run([sys.executable, "-c", OTHER_EDIT, db, article], check=True)
        subprocess.run([sys.executable, "-c", CHECKPOINT, db, mode], check=True)
        copied = copy_onto(backup, db)
        for status in (Status.IN_PROGRESS, Status.DONE):
            with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
                store.set_status(article, "a", status)
        assert db.read_bytes() == copied
    assert db.read_bytes() == backup.read_bytes()


def test_a_failed_edit_after_a_copy_does_not_make_the_copy_the_file_we_know(files: tuple[Path, Path, str]) -> None:
    """The clean-up of a failed transaction looks at the file without the write lock, where what a checkpoint
    wrote cannot be compared: it lets a change pass but no longer takes the file as it is for the one it knows,
    so the next edit still compares it, and refuses the copy."""
    db, backup, article = files
    with Store.open(db) as store:
        store.set_status(article, "a", Status.DONE)
        subprocess.run([sys.executable, "-c", OTHER_EDIT, db, article], check=True)
        subprocess.run([sys.executable, "-c", CHECKPOINT, db, "PASSIVE"], check=True)
        copied = copy_onto(backup, db)
        with pytest.raises(RuntimeError, match=r"^an edit that fails$"), store.write():
            raise RuntimeError("an edit that fails")
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, "a", Status.IN_PROGRESS)
    assert db.read_bytes() == copied == backup.read_bytes()
