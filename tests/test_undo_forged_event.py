"""Undo and redo of an event another program added (attacker's trial): the events table is append-only, but an
INSERT gets through, and undo wrote the event's spans back by their ids. An `accept_all` event whose `before`
held span 1 (bob's 'Alice Smith' at 0:11) at 0:99999 made alice's u overwrite bob's row with alice's 'zz'. Now
undo and redo refuse an event whose rows are not this article's and annotator's own, or do not fit the text, or
are no JSON a command writes, in one line naming the event, and write nothing: the file is left byte for byte.
An event annotator wrote still undoes and redoes.

Real files made by the console script, the real sqlite3 module as the other program, the real app by Pilot.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store
from annotator.store.event_fit import DamagedEvent
from annotator.store.nothing_to import NothingTo
from annotator.tui.app import AnnotatorApp

ARTICLES = [
    {"id": "m1", "title": "One", "text": "Alice Smith said the port in Boston closed on Monday."},
    {"id": "m2", "title": "Two", "text": "Bob Jones visited Paris and Berlin last week."},
]
AT = "2026-12-05T05:50:00.000000Z"
#: Bob's span 1 as the tables hold it (accepted from suggestion 1).
BOBS = {"id": 1, "start": 0, "end": 11, "label": "ACTOR", "text": "Alice Smith", "speaker_start": None,
        "speaker_end": None, "suggestion_id": 1}  # fmt: skip


def span(**changed: object) -> dict[str, object]:
    return {**BOBS, "suggestion_id": None, **changed}


def change(*spans: dict[str, object], **more: object) -> str:
    return json.dumps({"spans": list(spans), **more} if spans or more else {})


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """r.db: m1 and m2 ingested (suggestions 1-2 on m1, 3-5 on m2), bob accepted every one and is done (spans
    1-5); then alice accepted m1's two (spans 6 and 7, one event)."""
    folder = tmp_path_factory.mktemp("forged")
    (folder / "arts.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    for args in (("ingest", "arts.jsonl"), ("--annotator", "bob", "accept", "--done"),
                 ("--annotator", "alice", "accept", "m1")):  # fmt: skip
        done = annotator("--db", "r.db", *args, cwd=folder)
        assert done.returncode == 0, done.stderr
    return folder / "r.db"


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(template, tmp_path / "u.db"))


def another_program(db: Path, article: str, action: str, before: str, after: str = "{}") -> int:
    with closing(sqlite3.connect(db)) as connection, connection:
        cursor = connection.execute(
            "INSERT INTO events (article_id, annotator, action, before, after, target, at) "
            "VALUES (?, 'alice', ?, ?, ?, NULL, ?)",
            [article, action, before, after, AT],
        )
        return int(cursor.lastrowid or 0)


def rows(db: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(
            'SELECT id, article_id, annotator, start, "end", text FROM spans ORDER BY id'
        ).fetchall()


def refusal(db: Path, event: int, why: str, action: str = "accept_all", done: str = "undone") -> str:
    return (
        f"event {event} ({action!r}) was not written by annotator: {why}; nothing was {done} "
        f"(annotator check --db {db} lists every problem)"
    )


FORGED = {
    "the attacker's: bob's span 1 put back at 0:99999": (
        change(span(end=99999, text="zz"), decisions=[], status="done"),
        "{}",
        "span 1 belongs to annotator 'bob' on article 'm1'",
    ),
    "bob's span on another article": (change(span(id=3)), "{}", "span 3 belongs to annotator 'bob' on article 'm2'"),
    "bob's span taken away by the undo": ("{}", change(BOBS), "span 1 belongs to annotator 'bob' on article 'm1'"),
    "a span id never handed out": (change(span(id=999)), "{}", "span id 999 was never handed out in this database"),
    "alice's span outside the text": (
        change(span(id=6, end=99999, text="zz")),
        "{}",
        "span 6: offsets 0:99999 are not within the text's 53 characters",
    ),
    "a text that is not the article's": (
        change(span(id=6, text="Bob")),
        "{}",
        "span 6: its text 'Bob' is not the article's 'Alice Smith' at 0:11",
    ),
    "a speaker on an ACTOR": (
        change(span(id=6, speaker_start=29, speaker_end=35)),
        "{}",
        "span 6: a speaker on its ACTOR span: only a QUOTE has one",
    ),
    "a decision on another article's suggestion": (
        change(decisions=[{"suggestion_id": 3, "decision": "rejected"}]),
        "{}",
        "suggestion 3 is of article 'm2'",
    ),
    "a span linked to another article's suggestion": (
        change(span(id=6, suggestion_id=4)),
        "{}",
        "suggestion 4 is of article 'm2'",
    ),
    "an unknown label": (
        change(span(id=6, label="BOGUS")),
        "{}",
        "column 'before': span 0 of 'spans': 'label' is \"BOGUS\", not one of ACTOR, FIGURE, LOCATION, QUOTE",
    ),
    "an unknown status": (
        change(status="finished"),
        "{}",
        "column 'before': 'status' is \"finished\", not one of done, flagged, in_progress, skipped, todo",
    ),
    "not JSON": ("notjson", "{}", "column 'before': not JSON: 'notjson'"),
    "a list": ("[]", "{}", "column 'before': not a JSON object: '[]'"),
}


@pytest.mark.parametrize(("before", "after", "why"), FORGED.values(), ids=FORGED.keys())
def test_undo_refuses_a_forged_event_and_writes_nothing(db: Path, before: str, after: str, why: str) -> None:
    event = another_program(db, "m1", "accept_all", before, after)
    bytes_before, spans_before = db.read_bytes(), rows(db)
    with Store.open(db) as store, pytest.raises(DamagedEvent) as refused:
        store.undo("m1", "alice")
    assert str(refused.value) == refusal(db, event, why)
    assert rows(db) == spans_before and spans_before[0] == (1, "m1", "bob", 0, 11, "Alice Smith")
    assert db.read_bytes() == bytes_before


def test_redo_refuses_a_forged_event_undone_by_a_forged_undo(db: Path) -> None:
    forged = change(span(end=99999, text="zz"))
    event = another_program(db, "m1", "accept_all", "{}", forged)
    another_program(db, "m1", "undo", forged, "{}")
    bytes_before = db.read_bytes()
    with Store.open(db) as store, pytest.raises(DamagedEvent) as refused:
        store.redo("m1", "alice")
    why = "span 1 belongs to annotator 'bob' on article 'm1'"
    assert str(refused.value) == refusal(db, event, why, done="redone")
    assert db.read_bytes() == bytes_before


def test_an_undo_with_nothing_to_undo_is_refused_and_found_by_check(db: Path) -> None:
    """It ended undo and redo in an IndexError traceback, even on another article (the hint naming one)."""
    event = another_program(db, "m2", "undo", "{}")
    bytes_before = db.read_bytes()
    with Store.open(db) as store:
        for act, done in ((store.undo, "undone"), (store.redo, "redone")):
            with pytest.raises(DamagedEvent) as refused:
                act("m2", "alice")
            why = "an undo with no edit before it to undo"
            assert str(refused.value) == refusal(db, event, why, action="undo", done=done)
        with pytest.raises(NothingTo) as nothing:  # m2's stray undo leaves m1's hint alone
            store.redo("m1", "alice")
        assert str(nothing.value) == "nothing to redo on this article: nothing on it was undone"
    assert db.read_bytes() == bytes_before
    result = annotator("check", "--db", db)
    assert result.stderr == (
        f"annotator: error: {db}: problem 1 of 1: table 'events', event {event} (article 'm2', annotator 'alice', "
        "action 'undo'): an undo with no edit before it to undo\n"
    )


def test_events_annotator_wrote_still_undo_and_redo(db: Path) -> None:
    with Store.open(db) as store:
        assert store.undo("m1", "alice").message == ("undid accept all of ACTOR 'Alice Smith' at 0:11 and 1 other span")
        assert store.redo("m1", "alice").message.startswith("redid accept all of ACTOR 'Alice Smith' at 0:11")
    assert annotator("check", "--db", db).returncode == 0


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_screen_says_the_refusal_on_its_status_line(db: Path, size: tuple[int, int]) -> None:
    event = another_program(db, "m1", "accept_all", FORGED["the attacker's: bob's span 1 put back at 0:99999"][0])
    app = AnnotatorApp(Store.open(db), "alice")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.article_id == "m1"
        await pilot.press("u")
        await pilot.pause()
        said = app.screen.status_line.text.plain
        assert app.is_running
    why = "span 1 belongs to annotator 'bob' on article 'm1'"
    assert said == f"Not done: {refusal(db, event, why)}"
    assert rows(db)[0] == (1, "m1", "bob", 0, 11, "Alice Smith")


def test_a_span_removed_before_a_pack_is_put_back_by_undo_in_the_pack(db: Path, tmp_path: Path) -> None:
    """A pack copies alice's events, not the sequence that handed out their span ids: span 8, removed before
    packing, is above every id the pack holds, and named by alice's own events there, so its undo passes."""
    assert annotator("--db", db, "assign", "--annotators", "alice", "--overlap", "1").returncode == 0
    with Store.open(db) as store:
        added = store.add_span("m1", "alice", 46, 52, "LOCATION").spans[0]
        store.remove_span("m1", "alice", added.id)
    assert added.id == 8
    packed = annotator("--db", db, "pack", "--annotator", "alice", "-o", tmp_path / "alice.db")
    assert packed.returncode == 0, packed.stderr
    with Store.open(tmp_path / "alice.db") as store:
        assert store.undo("m1", "alice").message == "undid remove of LOCATION 'Monday' at 46:52"
        assert [(s.id, s.text) for s in store.spans("m1", "alice")] == [
            (6, "Alice Smith"),
            (7, "Boston"),
            (8, "Monday"),
        ]


def test_a_pack_never_hands_out_a_span_id_its_events_name(db: Path, tmp_path: Path) -> None:
    """The pack's sequence started at its highest copied span (6): a new span there got id 7, which alice's remove
    event names, so the undo of that remove would write span 7 over it (now refused: it is on another article)."""
    assert annotator("--db", db, "assign", "--annotators", "alice", "--overlap", "1").returncode == 0
    with Store.open(db) as store:
        store.remove_span("m1", "alice", 7)
    packed = annotator("--db", db, "pack", "--annotator", "alice", "-o", tmp_path / "alice.db")
    assert packed.returncode == 0, packed.stderr
    with Store.open(tmp_path / "alice.db") as store:
        assert store.add_span("m2", "alice", 18, 23, "LOCATION").spans[0].id == 8
        assert store.undo("m1", "alice").message == "undid remove of LOCATION 'Boston' at 29:35"
        assert [(s.id, s.text) for s in store.spans("m1", "alice")] == [(6, "Alice Smith"), (7, "Boston")]
