"""A database file replaced (`mv` over it) or removed while a Store or the TUI has it open: later edits are
refused as not saved, and the file now at the path is left byte for byte as it was, also for the next process
that opens it (SQLite keeps writing to the old file and to the `-wal` at the path, which the next opener would
lay over the new file).

Self-contained (no pytest-asyncio needed: the Pilot session runs with asyncio.run).
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line, small_database

from annotator.store import Store, WriteFailed
from annotator.tui.app import AnnotatorApp
from annotator.vocabulary import Status

WHO = "z"


def refused(path: Path) -> str:
    return f"not saved: {path} was replaced, removed or overwritten since it was opened; nothing of this change was written"


def replace_by_rename(db: Path, other: Path) -> bytes:
    """`cp other db.tmp; mv db.tmp db`: returns the bytes now at `db`."""
    temporary = db.with_name(db.name + ".tmp")
    temporary.write_bytes(other.read_bytes())
    os.rename(temporary, db)
    return db.read_bytes()


def remove(db: Path) -> None:
    """`rm db*`."""
    for path in db.parent.glob(db.name + "*"):
        path.unlink()


def passes_check(db: Path) -> str:
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (0, ""), result
    return result.stdout


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, str]:
    """rep2.db (alice's work on one article, with a pending suggestion for z) and other.db, another database."""
    db, other = tmp_path / "rep2.db", tmp_path / "other.db"
    article = small_database(db)
    small_database(other, text="Paris is in France, said Ann.")
    return db, other, article


def test_an_edit_after_the_file_was_replaced_by_rename_is_refused_and_the_new_file_kept(
    files: tuple[Path, Path, str],
) -> None:
    db, other, article = files
    with Store.open(db) as store:
        new = replace_by_rename(db, other)
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.accept_all(article, WHO)
        assert db.read_bytes() == new
    assert db.read_bytes() == new
    assert passes_check(db) == f"{db}: ok (integrity check passed; 1 event(s) replay to the stored annotations)\n"
    with Store.open(db, read_only=True) as reopened:
        assert reopened.db.execute("SELECT text FROM articles").fetchall() == [("Paris is in France, said Ann.",)]


def test_an_edit_after_the_file_was_removed_is_refused(files: tuple[Path, Path, str]) -> None:
    db, _other, article = files
    with Store.open(db) as store:
        remove(db)
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, WHO, "done")
    assert not db.exists()


def test_a_replacement_during_the_transaction_is_caught_before_it_commits(files: tuple[Path, Path, str]) -> None:
    """The file is checked just before COMMIT, so a replacement after BEGIN (a long import) is caught too."""
    db, other, article = files
    with Store.open(db) as store:
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"), store.write():
            store.accept_all(article, WHO)
            new = replace_by_rename(db, other)
        assert store.decisions(article, WHO) == {}  # rolled back whole
    assert db.read_bytes() == new
    passes_check(db)


def test_an_unreplaced_file_still_takes_edits(files: tuple[Path, Path, str]) -> None:
    db, _other, article = files
    with Store.open(db) as store:
        os.chmod(db, db.stat().st_mode)  # its inode changed (ctime), not its bytes: the same file
        store.set_status(article, WHO, "done")
    with Store.open(db) as reopened:
        assert reopened.status(article, WHO) == "done"


def test_the_tui_says_not_saved_when_its_file_was_replaced(files: tuple[Path, Path, str]) -> None:
    db, other, _article = files
    store = Store.open(db)
    app = AnnotatorApp(store, WHO)

    async def session() -> tuple[str, bytes, list[bool]]:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            new = replace_by_rename(db, other)
            await pilot.press("tab", "enter")
            status = app.screen.status_line.text.plain
            return status, new, [item.pending for item in app.screen.model.items.values()]

    message, new, pending = asyncio.run(session())
    store.close()
    assert message == f"Not done: {refused(db)}"
    assert pending == [True]  # still shown as pending, not accepted
    assert db.read_bytes() == new
    passes_check(db)
    assert db.read_bytes() == new


def test_work_saved_before_a_replacement_stays_out_of_the_new_file_and_in_the_old_one(
    files: tuple[Path, Path, str],
) -> None:
    """`mv rep2.db aside.db; cp other.db rep2.db` after an edit that is still only in the WAL: the WAL goes into
    the file moved aside (which the Store still holds), never over the new file at the path."""
    db, other, article = files
    aside = db.with_name("aside.db")
    with Store.open(db) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.accept_all(article, WHO)  # committed to rep2.db-wal, not yet to the file
        os.rename(db, aside)
        new = replace_by_rename(db, other)
        with pytest.raises(WriteFailed, match=f"^{re.escape(refused(db))}$"):
            store.set_status(article, WHO, "done")
    assert db.read_bytes() == new
    assert passes_check(db) == f"{db}: ok (integrity check passed; 1 event(s) replay to the stored annotations)\n"
    assert db.read_bytes() == new
    assert passes_check(aside) == (
        f"{aside}: ok (integrity check passed; 3 event(s) replay to the stored annotations)\n"
    )
    with Store.open(aside, read_only=True) as kept:
        assert [e.action for e in kept.events(article, WHO)] == ["accept_all"]


def test_the_tui_says_not_saved_when_its_file_was_removed(files: tuple[Path, Path, str]) -> None:
    db, _other, _article = files
    store = Store.open(db)
    app = AnnotatorApp(store, WHO)

    async def session() -> tuple[str, list[bool]]:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            remove(db)
            await pilot.press("tab", "enter")
            return app.screen.status_line.text.plain, [item.pending for item in app.screen.model.items.values()]

    message, pending = asyncio.run(session())
    store.close()
    assert (message, pending) == (f"Not done: {refused(db)}", [True])
    assert sorted(p.name for p in db.parent.iterdir()) == ["other.db"]


def test_a_database_removed_while_open_leaves_no_work_for_a_new_one_at_its_name(tmp_path: Path) -> None:
    """Found by a second trial: rm x.db while the TUI had it open, then `annotator ingest ... --db x.db`: the
    removed database's -wal was laid over the new file and its annotations reappeared there."""
    db = tmp_path / "x.db"
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    with Store.open(db) as store:
        [article] = store.article_ids()
        store.set_status(article, "alice", Status.IN_PROGRESS)  # work in the -wal, the holder still open
        db.unlink()
        wal = (tmp_path / "x.db-wal").read_bytes()
        result = annotator("ingest", "a.txt", "--no-suggest", "--db", db, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (
            f"annotator: error: {db}: x.db-wal beside it holds the work of a database that is no longer there "
            "(removed while a process had it open?); both were left as they are: move x.db-wal away to create x.db "
            "there\n"
        )
        assert not db.exists() and (tmp_path / "x.db-wal").read_bytes() == wal


def test_reading_a_new_file_while_the_replaced_one_is_still_open_says_whose_wal_it_is(
    files: tuple[Path, Path, str],
) -> None:
    """Found by a second trial: `mv other.db rep2.db` while a process still had the old rep2.db open, with work in
    rep2.db-wal: `check` and `stats` read the new file through the old one's -wal and -shm, and said it was damaged
    (advising a backup) or showed the old file's annotators in it. Now they say whose -wal it is, and touch
    nothing."""
    db, other, article = files
    with Store.open(db) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for n in range(3):
            store.set_status(article, f"w{n}", Status.DONE)
        replace_by_rename(db, other)
        files_of = lambda: {k: v for k, v in folder_state(db.parent).items() if k != "rep2.db-shm"}  # noqa: E731
        before = files_of()  # (the -shm is shared memory: every reader marks where it reads)
        for command in ("check", "stats"):
            assert one_error_line(annotator(command, "--db", db)) == (
                f"{db}: rep2.db-wal beside it is not its own (with it, events the file holds would disappear); "
                "a process may still have open a database that was at this name before (replaced or removed "
                "since): close it and retry, or if none has, move rep2.db-wal away; both were left as they are"
            ), command
        assert files_of() == before
    assert passes_check(db) == f"{db}: ok (integrity check passed; 1 event(s) replay to the stored annotations)\n"


def test_reading_while_another_process_writes_takes_its_wal_as_the_file_s_own(files: tuple[Path, Path, str]) -> None:
    """The comparison of a WAL in use with its file reads one snapshot: a writer committing meanwhile (here a
    thread of this process, editing without checkpoints) never makes it look like another file's WAL."""
    db, _other, article = files
    stop = threading.Event()

    def write() -> None:
        with Store.open(db) as store:
            store.conn.execute("PRAGMA wal_autocheckpoint = 0")
            n = 0
            while not stop.is_set():
                store.set_status(article, f"w{n % 50}", Status.DONE if n % 2 else Status.IN_PROGRESS)
                n += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        results = [annotator(command, "--db", db) for command in ("check", "stats") * 3]
    finally:
        stop.set()
        writer.join()
    assert [(r.returncode, r.stderr) for r in results] == [(0, "")] * 6
