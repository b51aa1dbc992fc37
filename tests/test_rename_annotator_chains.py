"""Undo and redo of a rename the other name has moved on from since (a trial: A renamed B, B renamed C, then u as A
took back A's half only: the work stood under A and C both, and `check` said ok). Refused in one line naming what to
undo first, nothing written; a round trip and a cycle undo in order. Real console script, real SQLite."""

from __future__ import annotations

import sqlite3
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from exchange_support import SEED, SMALL, add, build
from processes import annotator

from annotator.errors import Refused
from annotator.store import Store
from annotator.store.verify import check


def renamed(folder: Path, *names: str) -> None:
    """Renames in turn (OLD NEW pairs), each by the real console script."""
    for old, new in pairwise(names):
        assert annotator("rename-annotator", old, new, "--db", "a.db", cwd=folder).returncode == 0


def rows(db: Path) -> list[tuple[Any, ...]]:
    """Every annotation and span row and the count of events: what a refused undo must leave as it was."""
    with sqlite3.connect(db) as connection:
        work = connection.execute("SELECT article_id, annotator, status FROM annotations ORDER BY 1, 2").fetchall()
        spans = connection.execute("SELECT article_id, annotator, start, end, label FROM spans ORDER BY 1, 2, 3")
        events = connection.execute("SELECT count(*) FROM events").fetchone()
        return [*work, *spans.fetchall(), events]


def whose(db: Path, article: str) -> list[tuple[str, str]]:
    """Who has work (beyond an untouched to do) on the article, and its status."""
    with sqlite3.connect(db) as connection:
        sql = """SELECT annotator, status FROM annotations a WHERE article_id = ? AND (status != 'todo' OR EXISTS
                 (SELECT 1 FROM spans s WHERE s.article_id = a.article_id AND s.annotator = a.annotator)) ORDER BY 1"""
        return list(connection.execute(sql, [article]))


@pytest.fixture
def small(tmp_path: Path) -> str:
    """alice's two articles in a.db; the small one's id."""
    with build(tmp_path / "a.db") as store:
        return store.article_ids()[0]


def test_undo_of_a_rename_renamed_on_is_refused_naming_the_next(tmp_path: Path, small: str) -> None:
    renamed(tmp_path, "alice", "bea", "cara")
    before = rows(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store, pytest.raises(Refused) as refusal:
        store.undo(small, "alice")
    assert str(refusal.value) == (
        "the rename of 'alice' to 'bea' was moved on since ('bea' renamed 'cara'): undo that first, as 'cara'"
    )
    assert rows(tmp_path / "a.db") == before


def test_undone_in_order_the_two_renames_give_the_work_back_once(tmp_path: Path, small: str) -> None:
    renamed(tmp_path, "alice", "bea", "cara")
    with Store.open(tmp_path / "a.db") as store:
        store.undo(small, "cara")
        store.undo(small, "alice")
        assert check(store) == []
    assert whose(tmp_path / "a.db", small) == [("alice", "done")]


def test_undo_after_the_new_names_own_edit_is_refused(tmp_path: Path, small: str) -> None:
    renamed(tmp_path, "alice", "bea")
    with Store.open(tmp_path / "a.db") as store:
        _, big = store.article_ids()
        add(store, big, "bea", SEED.read_text("utf-8"), "Rafah", "LOCATION")
    before = rows(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store, pytest.raises(Refused) as refusal:
        store.undo(big, "alice")
    assert str(refusal.value) == (
        "the rename of 'alice' to 'bea' was moved on since ('bea' changed the work there): undo that first, as 'bea'"
    )
    assert rows(tmp_path / "a.db") == before


def test_a_round_trip_undoes_both_renames_in_turn(tmp_path: Path, small: str) -> None:
    renamed(tmp_path, "alice", "bea", "alice")
    with Store.open(tmp_path / "a.db") as store:
        store.undo(small, "alice")
        assert whose(tmp_path / "a.db", small) == [("bea", "done")]
        store.undo(small, "alice")
        assert check(store) == []
    assert whose(tmp_path / "a.db", small) == [("alice", "done")]


def test_a_cycle_refuses_the_second_undo_naming_the_middle_rename(tmp_path: Path, small: str) -> None:
    renamed(tmp_path, "alice", "bea", "cara", "alice")
    with Store.open(tmp_path / "a.db") as store:
        store.undo(small, "alice")
        assert whose(tmp_path / "a.db", small) == [("cara", "done")]
        before = rows(tmp_path / "a.db")
        with pytest.raises(Refused) as refusal:
            store.undo(small, "alice")
    assert str(refusal.value) == (
        "the rename of 'alice' to 'bea' was moved on since ('bea' renamed 'cara'): undo that first, as 'cara'"
    )
    assert rows(tmp_path / "a.db") == before


def test_redo_after_the_new_name_worked_there_is_refused(tmp_path: Path, small: str) -> None:
    renamed(tmp_path, "alice", "bea")
    with Store.open(tmp_path / "a.db") as store:
        _, big = store.article_ids()
        store.undo(big, "bea")
        add(store, big, "bea", SEED.read_text("utf-8"), "Israel", "ACTOR")
    before = rows(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store, pytest.raises(Refused) as refusal:
        store.redo(big, "alice")
    assert str(refusal.value) == (
        "the rename of 'alice' to 'bea' cannot be redone: the work of 'bea' on this article changed since it was undone"
    )
    assert rows(tmp_path / "a.db") == before


def test_undo_that_would_bring_back_a_look_alike_of_a_name_with_work_since_is_refused(
    tmp_path: Path, small: str
) -> None:
    """Re-trial s54 t9 S2: after alice was renamed bea, a name like alice ("Alice") took work (a name renamed away is
    compared with none); u of the rename brought alice back beside it, and `check` and `merge` refused the file."""
    renamed(tmp_path, "alice", "bea")
    with Store.open(tmp_path / "a.db") as store:
        add(store, small, "Alice", SMALL, "Washington", "ACTOR")
    before = rows(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store, pytest.raises(Refused) as refusal:
        store.undo(small, "bea")
    assert str(refusal.value) == (
        "the rename of 'alice' to 'bea' cannot be undone: 'alice' looks like 'Alice', who has work or an assignment "
        "in this database (a name of its own may not look like another's)"
    )
    assert rows(tmp_path / "a.db") == before
    with Store.open(tmp_path / "a.db") as store:
        assert check(store) == []


def test_undo_of_a_rename_to_a_look_alike_that_keeps_other_articles_advises_the_rename_back(
    tmp_path: Path, small: str
) -> None:
    """alice renamed Alice (a typo's fix) over two articles, then u on one: alice back on one and Alice on the other
    would look alike, which `check` refuses (re-trial s54 t9 S2); the refusal names the rename back, which moves both."""
    renamed(tmp_path, "alice", "Alice")
    before = rows(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store, pytest.raises(Refused) as refusal:
        store.undo(small, "Alice")
    assert str(refusal.value) == (
        "the rename of 'alice' to 'Alice' cannot be undone: 'alice' looks like 'Alice', who has work or an assignment "
        "in this database (a name of its own may not look like another's); `annotator rename-annotator Alice alice` "
        "takes it back everywhere"
    )
    assert rows(tmp_path / "a.db") == before
    renamed(tmp_path, "Alice", "alice")
    assert whose(tmp_path / "a.db", small) == [("alice", "done")]
    with Store.open(tmp_path / "a.db") as store:
        assert check(store) == []
