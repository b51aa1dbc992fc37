"""Marking a flagged article done clears why it was flagged, whichever way it is marked: `annotator accept --done`
(and the screen's d, "accept them all", the same `Store.accept_all(done=True)`) kept the old reason beside the
status done, so an export still carried `flag_reason` for finished work. The reason goes through the event log
as `set_status` writes it: undo gives the flag and its reason back, redo clears it again, and `annotator check`
finds every step explained. The real console script on a database `annotator ingest` made."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store

TEXTS = {
    "a1": "Rita Ora sang in Leeds on Friday before 3,000 fans, said Tom Jones.",
    "a2": "Nobody spoke.",
}
REASON = "unclear speaker"


def ok(*args: str | Path) -> str:
    result = annotator(*args, timeout=120)
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def row(db: Path, article_id: str) -> tuple[str, str | None]:
    with sqlite3.connect(db) as conn:
        found = conn.execute(
            "SELECT status, flag_reason FROM annotations WHERE article_id = ? AND annotator = 'alice'", [article_id]
        ).fetchone()
    return found[0], found[1]


def clean(db: Path, events: int) -> str:
    """What `annotator check` prints when every annotation is what its event log replays to."""
    return f"{db}: ok (integrity check passed; {events} event(s) replay to the stored annotations)\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in TEXTS.items()))
    ok("ingest", tmp_path / "in.jsonl", "--db", path)
    with Store.open(path) as store:
        assert [len(store.pending(i, "alice")) for i in TEXTS] == [5, 0]
        store.set_status("a1", "alice", "flagged", REASON)
        store.set_status("a2", "alice", "flagged", REASON)
    return path


def test_accept_done_on_a_flagged_article_clears_its_reason(db: Path) -> None:
    assert ok("accept", "a1", "--done", "--annotator", "alice", "--db", db).splitlines()[0] == (
        f"alice: 5 suggestion(s) accepted in 1 article(s), 1 marked done -> {db}"
    )
    assert row(db, "a1") == ("done", None)
    record = json.loads(ok("export", "--annotator", "alice", "-o", "-", "--db", db))
    assert (record["article_id"], record["status"], "flag_reason" in record) == ("a1", "done", False)
    assert ok("check", "--db", db) == clean(db, 3)


def test_accept_done_with_nothing_pending_clears_the_reason_too(db: Path) -> None:
    ok("accept", "a2", "--done", "--annotator", "alice", "--db", db)
    assert row(db, "a2") == ("done", None)
    assert ok("check", "--db", db) == clean(db, 3)


def test_undo_gives_the_flag_and_its_reason_back_and_redo_clears_it(db: Path) -> None:
    ok("accept", "a1", "--done", "--annotator", "alice", "--db", db)
    with Store.open(db) as store:
        store.undo("a1", "alice")
    assert row(db, "a1") == ("flagged", REASON)
    assert ok("check", "--db", db) == clean(db, 4)
    with Store.open(db) as store:
        store.redo("a1", "alice")
    assert row(db, "a1") == ("done", None)
    assert ok("check", "--db", db) == clean(db, 5)
