"""Killing an annotating process at random moments loses nothing it acknowledged and corrupts nothing.

The short version of benchmarks/crash.py: three SIGKILLs over about a hundred actions.
"""

from __future__ import annotations

from pathlib import Path

from crashing import crash_run, prepare

from annotator.store import Store
from annotator.store.verify import check


def test_sigkill_loses_no_acknowledged_action(tmp_path: Path) -> None:
    report = crash_run(tmp_path / "crash.db", kills=3, actions=100, seed=6)
    assert (report.kills, report.lost, report.integrity, report.inconsistent, report.undo_redo_failures) == (
        3,
        [],
        [],
        [],
        [],
    )
    assert report.acknowledged >= 50


def test_a_fresh_database_checks_clean(tmp_path: Path) -> None:
    prepare(tmp_path / "fresh.db")
    with Store.open(tmp_path / "fresh.db") as store:
        assert check(store) == []


def test_the_check_notices_tables_that_disagree_with_the_log(tmp_path: Path) -> None:
    prepare(tmp_path / "tampered.db")
    with Store.open(tmp_path / "tampered.db") as store:
        article = store.article_ids()[0]
        store.accept_all(article, "alice")
        store.db.execute("DELETE FROM spans WHERE id = (SELECT MIN(id) FROM spans)")
        store.db.conn.commit()
        [problem] = check(store)
        assert problem.startswith(f"article {article}, annotator alice: spans differ from the event log")
