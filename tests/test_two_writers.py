"""Two processes annotating one database file: nothing locked, nothing lost, no silent overwrite."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from crashing import prepare

from annotator.errors import Conflict
from annotator.store import Store, WriteFailed
from annotator.store.verify import check

WRITER = Path(__file__).resolve().parent / "concurrent_writer.py"


def run_together(db: Path, tmp_path: Path, *writers: tuple[str, str, int]) -> list[tuple[list[dict], int]]:
    """Start one process per (annotator, article or "any", actions), release them at once, collect acks."""
    start = tmp_path / "go"
    processes = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(seed), str(actions), who, article, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed, (who, article, actions) in enumerate(writers)
    ]
    for process in processes:
        assert process.stdout is not None
        assert json.loads(process.stdout.readline()) == {"ready": True}
    start.touch()
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert (process.returncode, err) == (0, ""), err
        lines = [json.loads(line) for line in out.splitlines()]
        results.append((lines[:-1], lines[-1]["conflicts"]))
    return results


def assert_all_present(db: Path, acks: list[dict], who: str) -> None:
    connection = sqlite3.connect(db)
    stored = {row[0]: row[1:] for row in connection.execute("SELECT id, action, article_id, annotator FROM events")}
    connection.close()
    assert [a for a in acks if stored.get(a["event"]) != (a["action"], a["article"], who)] == []


def test_two_annotators_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    prepare(db)
    (alice, _), (bob, _) = run_together(db, tmp_path, ("alice", "any", 60), ("bob", "any", 60))
    assert (len(alice), len(bob)) == (60, 60)
    assert_all_present(db, alice, "alice")
    assert_all_present(db, bob, "bob")
    with Store.open(db) as store:
        assert check(store) == []


def test_one_annotator_in_two_windows_on_one_article_is_told_not_overwritten(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    article = prepare(db)[1]
    (first, first_conflicts), (second, second_conflicts) = run_together(
        db, tmp_path, ("alice", article, 40), ("alice", article, 40)
    )
    assert (len(first), len(second)) == (40, 40)
    assert_all_present(db, first + second, "alice")
    assert first_conflicts + second_conflicts > 0
    with Store.open(db) as store:
        assert check(store) == []


def test_the_second_window_sees_the_first_ones_change_when_it_reloads(db_path: Path, small_article: str) -> None:
    with Store.open(db_path) as first, Store.open(db_path) as second:
        second.view(small_article, "alice")
        first.view(small_article, "alice")
        first.accept_all(small_article, "alice")
        assert len(second.view(small_article, "alice").spans) == 4


def test_an_edit_after_another_window_changed_the_annotation_is_refused(db_path: Path, small_article: str) -> None:
    with Store.open(db_path) as first, Store.open(db_path) as second:
        first.view(small_article, "alice")
        second.view(small_article, "alice")
        first.set_status(small_article, "alice", "done")
        events = len(second.events(small_article))
        with pytest.raises(
            Conflict, match=r"changed in another window since it was shown here, so nothing was written"
        ):
            second.set_status(small_article, "alice", "flagged")
        assert (len(second.events(small_article)), second.status(small_article, "alice").value) == (events, "done")


def test_after_reloading_the_second_window_may_edit(db_path: Path, small_article: str) -> None:
    with Store.open(db_path) as first, Store.open(db_path) as second:
        first.view(small_article, "alice")
        second.view(small_article, "alice")
        first.set_status(small_article, "alice", "done")
        second.view(small_article, "alice")
        second.undo(small_article, "alice")
        assert first.status(small_article, "alice").value == "todo"


def test_a_window_keeps_editing_after_its_own_edits(store: Store, small_article: str) -> None:
    store.view(small_article, "alice")
    store.accept_all(small_article, "alice")
    store.undo(small_article, "alice")
    store.redo(small_article, "alice")
    assert len(store.spans(small_article, "alice")) == 4


def test_other_annotators_do_not_conflict(db_path: Path, small_article: str) -> None:
    with Store.open(db_path) as alice, Store.open(db_path) as bob:
        alice.view(small_article, "alice")
        bob.view(small_article, "bob")
        bob.accept_all(small_article, "bob")
        alice.accept_all(small_article, "alice")
        assert (len(alice.spans(small_article, "alice")), len(alice.spans(small_article, "bob"))) == (4, 4)


def test_a_writer_waits_for_another_ones_transaction(db_path: Path, small_article: str) -> None:
    with Store.open(db_path) as holder, Store.open(db_path) as waiter:
        holding = threading.Event()

        def hold() -> None:
            with holder.write():
                holder.set_status(small_article, "bob", "done")
                holding.set()
                time.sleep(0.5)

        thread = threading.Thread(target=hold)
        thread.start()
        holding.wait()
        waiter.set_status(small_article, "alice", "done")
        thread.join()
        assert [e.annotator for e in waiter.events(small_article)] == ["bob", "alice"]


def test_a_lock_held_past_the_busy_timeout_is_one_clear_error(db_path: Path, small_article: str) -> None:
    with Store.open(db_path) as holder, Store.open(db_path) as waiter:
        waiter.db.execute("PRAGMA busy_timeout = 50")
        with holder.write(), pytest.raises(WriteFailed, match=r"^not saved: another process kept the database locked"):
            waiter.set_status(small_article, "alice", "done")
        assert waiter.events(small_article) == []


def test_a_cursor_that_cannot_be_saved_is_not_an_error(db_path: Path, small_article: str) -> None:
    with Store.open(db_path) as holder, Store.open(db_path) as waiter:
        waiter.db.execute("PRAGMA busy_timeout = 50")
        with holder.write():
            assert waiter.save_cursor(small_article, "alice", 12) is False
        assert waiter.save_cursor(small_article, "alice", 12) is True
