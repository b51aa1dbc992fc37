"""`stats`' time spent after `rename-annotator` (s58): the screens' events and sessions stay under the old name (the
event log is append-only), so `rename-annotator bob dan` showed dan 0.5 min where bob's 3.0 and dan's 0.5 were one
person's 3.5, and bob was no longer listed. Time spent now goes to the name the work went to, where the rename stands
(article by article: a rename undone on one article leaves bob's time there bob's). The real console script on a real
SQLite file; the sittings written through the store functions the screens use, at fixed moments, and the edits
through the store with their moments set (no sleeping)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store
from annotator.store.sessions import close_session, open_session

TEXTS = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
    {"id": "third", "title": "Three", "text": "Crowds in Nice said 4 boats sank."},
]


def at(clock: str) -> str:
    return f"2026-12-01T{clock}.000000Z"


def run(folder: Path, *args: str) -> list[str]:
    """The command's standard output lines; it must succeed."""
    result = annotator(*args, "--db", "team.db", cwd=folder)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def sitting(
    db: Path, who: str, article: str, opened: str, edits: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`who`'s article open on a screen from `opened` to 5 minutes later, with its edits (a span on the first word,
    or a status) written by the store at their moments."""
    with Store.open(db) as store:
        session = open_session(store, article, who, at=at(opened))
    for clock, change in edits:
        monkeypatch.setattr("annotator.store.changes.utc_now", lambda clock=clock: at(clock))
        with Store.open(db) as store:
            if change == "span":
                store.add_span(article, who, 0, 9, "ACTOR")
            else:
                store.set_status(article, who, change)
    hour, minute, second = opened.split(":")
    with Store.open(db) as store:
        assert session is not None and close_session(store, session, at=at(f"{hour}:{int(minute) + 5:02}:{second}"))


def team(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bob: 60 + 90 s on the first article, 30 s on the third (3.0 min); dan: 30 s on the second (0.5 min)."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--no-suggest")
    db = folder / "team.db"
    sitting(db, "bob", "first", "10:00:00", [("10:01:00", "span"), ("10:02:30", "done")], monkeypatch)
    sitting(db, "bob", "third", "10:30:00", [("10:30:30", "span")], monkeypatch)
    sitting(db, "dan", "second", "11:00:00", [("11:00:30", "span")], monkeypatch)


def time_spent(folder: Path) -> dict[str, str]:
    """Each annotator's time spent, as the table of annotations says it."""
    lines = run(folder, "stats")
    rows = iter(lines[lines.index(next(line for line in lines if line.startswith("annotator "))) + 2 :])
    return {row.split()[0]: row.rsplit(None, 2)[-2] for row in itertools.takewhile(lambda row: row != "", rows)}


def test_a_renamed_names_time_is_the_new_names_and_not_listed_under_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team(tmp_path, monkeypatch)
    assert time_spent(tmp_path) == {"bob": "3.0", "dan": "0.5"}
    assert run(tmp_path, "rename-annotator", "bob", "dan")[-1].startswith("moved 2 article(s) of bob to dan")
    assert time_spent(tmp_path) == {"dan": "3.5"}
    run(tmp_path, "rename-annotator", "dan", "eve")  # a chain: bob's time follows his work on to eve
    assert time_spent(tmp_path) == {"eve": "3.5"}


def test_a_rename_undone_on_one_article_leaves_the_time_there_the_old_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team(tmp_path, monkeypatch)
    run(tmp_path, "rename-annotator", "bob", "dan")
    monkeypatch.setattr("annotator.store.changes.utc_now", lambda: at("12:00:00"))
    with Store.open(tmp_path / "team.db") as store:  # u on the third article, as dan: bob's work is back there
        assert store.undo("third", "dan").message.startswith("undid")
    # bob is someone again, with his 30 s on the third article; his 150 s on the first are still dan's: none twice
    assert time_spent(tmp_path) == {"bob": "0.5", "dan": "3.0"}
