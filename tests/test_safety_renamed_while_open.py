"""A database renamed while another process has it open (`mv r.db r2.db` under an annotation screen), then opened
under its new name. SQLite keeps a database's -wal and -shm by the name it was opened by, so the two processes each
wrote a WAL of their own into one file: an attacker's `annotator --db r2.db accept` said "33 suggestion(s)
accepted", the screen's work then went into the file on quitting, and the accept was gone. A command opening the
file under the new name is now refused in one line before it writes anything, every file left byte for byte.
Real processes (tests/holding_open.py holds the file as a screen does; the real console script opens it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line, small_database
from tmux_tui import HAVE_TMUX, Session

HOLDER = Path(__file__).resolve().parent / "holding_open.py"


def open_elsewhere(name: Path) -> str:
    return (
        f"{name} is open in another program under another name (moved or renamed while open?): close that program first"
    )


class Holder:
    """tests/holding_open.py on a database: rita's accept in its -wal, the file held open until `close()`."""

    def __init__(self, db: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HOLDER), str(db), "rita"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.said() == "ready"

    def said(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, self.process.stderr.read() if self.process.stderr else ""
        return line.rstrip("\n")

    def ask(self, what: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(what + "\n")
        self.process.stdin.flush()
        return self.said()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.ask("close") == "closed"
        self.process.wait(timeout=60)


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Path, Holder, str]]:
    """r.db (one article, a suggestion pending for anyone but alice) held open by another process with rita's
    accept in r.db-wal."""
    db = tmp_path / "r.db"
    article = small_database(db)
    holder = Holder(db)
    try:
        yield db, holder, article
    finally:
        holder.close()


def test_a_command_on_the_new_name_of_a_file_another_process_has_open_is_refused_and_touches_nothing(
    held: tuple[Path, Holder, str],
) -> None:
    db, _holder, article = held
    renamed = db.with_name("r2.db")
    os.rename(db, renamed)
    before = folder_state(db.parent)
    result = annotator("--db", renamed, "--annotator", "zz", "accept", article)
    assert one_error_line(result) == open_elsewhere(renamed)
    assert folder_state(db.parent) == before


@pytest.mark.parametrize("command", [["stats"], ["check"], ["export", "--annotator", "rita", "-o", "out.jsonl"]])
def test_commands_that_only_read_refuse_it_too(held: tuple[Path, Holder, str], command: list[str]) -> None:
    db, _holder, _article = held
    renamed = db.with_name("r2.db")
    os.rename(db, renamed)
    before = folder_state(db.parent)
    result = annotator(*command, "--db", renamed, cwd=db.parent)
    assert one_error_line(result) == open_elsewhere(renamed)
    assert folder_state(db.parent) == before


def test_once_the_other_program_closes_it_the_file_opens_under_its_new_name_with_its_work(
    held: tuple[Path, Holder, str],
) -> None:
    db, holder, article = held
    renamed = db.with_name("r2.db")
    os.rename(db, renamed)
    assert one_error_line(annotator("--db", renamed, "--annotator", "zz", "accept", article)) == open_elsewhere(renamed)
    assert holder.ask("edit") == (
        f"not saved: {db} was replaced, removed or overwritten since it was opened; nothing of this change was written"
    )
    holder.close()  # rita's accept goes into the file, under its new name
    result = annotator("--db", renamed, "--annotator", "zz", "accept", article)
    assert (result.returncode, result.stdout) == (0, f"zz: 1 suggestion(s) accepted in 1 article(s) -> {renamed}\n"
                                                    "each article's accept is one action: undo it there with u (a screen open since before it: quit, open it again)\n")  # fmt: skip
    checked = annotator("check", "--db", renamed)
    assert checked.stdout == f"{renamed}: ok (integrity check passed; 4 event(s) replay to the stored annotations)\n"


def test_a_second_process_on_the_same_name_still_writes(held: tuple[Path, Holder, str]) -> None:
    db, holder, article = held
    result = annotator("--db", db, "--annotator", "zz", "accept", article)
    assert (result.returncode, result.stdout) == (0, f"zz: 1 suggestion(s) accepted in 1 article(s) -> {db}\n"
                                                    "each article's accept is one action: undo it there with u (a screen open since before it: quit, open it again)\n")  # fmt: skip
    assert holder.ask("edit") == "saved"
    holder.close()
    checked = annotator("check", "--db", db)
    assert checked.stdout == f"{db}: ok (integrity check passed; 5 event(s) replay to the stored annotations)\n"


@pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
def test_the_trial_a_screen_open_on_the_old_name_refuses_an_accept_on_the_new_one(tmp_path: Path) -> None:
    """The trial's steps: rita's screen (the real TUI in tmux) accepts, r.db is moved to r2.db, an accept on r2.db
    is refused; rita quits and her accept is in r2.db, and nothing else was written beside it."""
    db, renamed, status = tmp_path / "r.db", tmp_path / "r2.db", tmp_path / "status"
    article = small_database(db)
    session = Session(db, "rita", status_to=status)
    try:
        assert session.started(), session.screen()
        session.press("Enter")  # accepts the highlighted suggestion: the side panel counts it
        assert session.wait_for(lambda: "0? 1✓" in "\n".join(session.screen())), session.screen()
        os.rename(db, renamed)
        before = folder_state(tmp_path)
        result = annotator("--db", renamed, "--annotator", "zz", "accept", article)
        assert one_error_line(result) == open_elsewhere(renamed)
        assert folder_state(tmp_path) == before
        session.quit_and_wait(status)
    finally:
        session.kill()
    checked = annotator("check", "--db", renamed)
    assert checked.stdout == f"{renamed}: ok (integrity check passed; 3 event(s) replay to the stored annotations)\n"


#: A writer killed with its accept in the -wal; then a reader of its -wal and -shm that locks the file and not the
#: -shm, as a command examining a killed writer's WAL does (`examining.Unindexed`), held until a line comes.
KILLED_WRITER = """
import os, signal, sys
from annotator.store import Store
store = Store.open(sys.argv[1])
store.conn.execute("PRAGMA wal_autocheckpoint = 0")
store.accept_all(store.article_ids()[0], "rita")
os.kill(os.getpid(), signal.SIGKILL)
"""
EXAMINING = """
import sqlite3, sys
from pathlib import Path
from annotator.store.examining import sqlite_uri
db = sqlite3.connect(sqlite_uri(Path(sys.argv[1]), mode="ro", readonly_shm="1"), uri=True)
print(db.execute("SELECT COUNT(*) FROM events").fetchone()[0], flush=True)
sys.stdin.readline()
"""


def test_a_process_examining_a_killed_writer_s_wal_under_the_same_name_is_not_taken_for_another_name(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.db"
    small_database(db)
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, db], capture_output=True)
    assert killed.returncode == -9, killed.stderr
    examining = subprocess.Popen([sys.executable, "-c", EXAMINING, db], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert examining.stdout is not None and examining.stdout.readline() == "3\n"
        result = annotator("check", "--db", db)
    finally:
        examining.communicate("\n", timeout=60)
    assert (result.returncode, result.stdout) == (
        0, f"{db}: ok (integrity check passed; 3 event(s) replay to the stored annotations)\n"
    )  # fmt: skip


def test_the_screen_quitting_after_the_file_was_renamed_leaves_nothing_at_the_old_name(
    held: tuple[Path, Holder, str],
) -> None:
    """t7: `mv r.db r2.db` under an open screen, then quit: an empty r.db-wal and an r.db-shm stayed at the old name,
    where no database is (SQLite skips its checkpoint on closing a moved file, and with it their removal)."""
    db, holder, _article = held
    renamed = db.with_name("r2.db")
    os.rename(db, renamed)
    holder.close()
    assert sorted(p.name for p in db.parent.iterdir()) == ["r2.db"]
    checked = annotator("check", "--db", renamed)
    assert checked.stdout == f"{renamed}: ok (integrity check passed; 3 event(s) replay to the stored annotations)\n"


def test_a_file_put_at_the_old_wal_name_is_not_removed(held: tuple[Path, Holder, str]) -> None:
    db, holder, _article = held
    renamed, wal = db.with_name("r2.db"), db.with_name("r.db-wal")
    os.rename(db, renamed)
    os.rename(wal, db.with_name("aside"))
    wal.write_bytes(b"")  # empty, and not the -wal the screen opened
    holder.close()
    assert sorted(p.name for p in db.parent.iterdir()) == ["aside", "r.db-shm", "r.db-wal", "r2.db"]
