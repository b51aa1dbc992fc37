"""A status key on an article already so marked (`d` on a done one, `S` on a skipped one, `F` on a flagged one with
the same reason) changes nothing, and writes nothing: trial 10 logged `status {"status":"done"} -> {"status":"done"}`,
an event that cleared the redo waiting there (a new window's `u` had undone `annotator accept` on the done
article; after `d`, ctrl+r said "Nothing to redo") and that other windows' `u` then refused to take back as a change
"made in another window". Real SQLite files, the real console script."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Status

TEXT = "Washington sent aid to Gaza."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "n.db"
    suggestions = [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1"),
        Suggestion(start=23, end=27, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id="n", text=TEXT), tokenize([TEXT])[0], suggestions)])
    return path


def actions(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [event.action for event in store.events("n", "alice")]


def test_done_on_a_done_article_writes_nothing_and_keeps_the_redo(db: Path) -> None:
    with Store.open(db) as store:
        store.set_status("n", "alice", Status.DONE)
    accepted = annotator("accept", "n", "--db", str(db), "--annotator", "alice")
    assert accepted.returncode == 0, accepted.stderr
    with Store.open(db).as_screen() as screen:
        screen.undo("n", "alice")
        again = screen.set_status("n", "alice", Status.DONE)
        redone = screen.redo("n", "alice")
    assert (again.event_id, again.message) == (0, "already done")
    assert redone.message == "redid accept all of ACTOR 'Washington' at 0:10 and 1 other span"
    assert actions(db) == ["status", "accept_all", "undo", "redo"]


@pytest.mark.parametrize(("status", "reason"), [(Status.SKIPPED, None), (Status.FLAGGED, "odd"), (Status.DONE, None)])
def test_a_status_mark_already_there_writes_no_event(db: Path, status: Status, reason: str | None) -> None:
    with Store.open(db) as store:
        store.set_status("n", "alice", status, reason=reason)
        again = store.set_status("n", "alice", status, reason=reason)
    assert (again.event_id, again.message) == (0, f"already {status.value}")
    assert actions(db) == ["status"]


def test_flagging_a_flagged_article_with_another_reason_is_a_change(db: Path) -> None:
    with Store.open(db) as store:
        store.set_status("n", "alice", Status.FLAGGED, reason="odd")
        again = store.set_status("n", "alice", Status.FLAGGED, reason="wrong text")
        reason = store.flag_reason("n", "alice")
    assert (again.message, reason) == ("marked flagged: wrong text", "wrong text")
    assert actions(db) == ["status", "status"]
