"""Trial 34 (12-accept-noop-writes-events.sh): `annotator accept` naming an article already done, with nothing
to accept, said "0 suggestion(s) accepted / nothing pending" yet wrote two status events (done -> in progress
-> done) and restamped the annotation: the first undo left the article "in progress", a state nobody set, and a
pack's newer work no longer merged back as "brought up to date". Nothing accepted now writes nothing; something
accepted on a done article is one action that leaves it done. The real console script on a real database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from processes import annotator
from test_accept_command import suggestion

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize

TEXTS = {"a1": "Ann met Bob in Lyon.", "a2": 'Carla said "we will go home now" in Rome.'}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """a1 with two entity suggestions; a2 with two quotes over each other (one stays pending beside the other)."""
    path = tmp_path / "t.db"
    suggestions = {
        "a1": [suggestion(TEXTS["a1"], "Ann", "ACTOR"), suggestion(TEXTS["a1"], "Lyon", "LOCATION")],
        "a2": [suggestion(TEXTS["a2"], "we will go home", "QUOTE"), suggestion(TEXTS["a2"], "we will go home now", "QUOTE")],
    }  # fmt: skip
    with Store.open(path) as store:
        articles = [ArticleIn(id=i, text=t) for i, t in TEXTS.items()]
        tokens = tokenize([a.text for a in articles])
        store.add_articles([(a, k, suggestions[a.id]) for a, k in zip(articles, tokens, strict=True)])
    return path


def stored(db: Path) -> tuple[list[tuple], list[tuple]]:
    """Every event, and every annotation with its status and timestamp."""
    with Store.open(db, read_only=True) as store:
        events = store.conn.execute("SELECT * FROM events ORDER BY id").fetchall()
        annotations = store.conn.execute("SELECT * FROM annotations ORDER BY article_id, annotator").fetchall()
    return events, annotations


@pytest.mark.parametrize("done", [[], ["--done"]], ids=["accept", "accept --done"])
def test_accept_on_a_done_article_with_nothing_to_accept_writes_nothing(db: Path, done: list[str]) -> None:
    assert annotator("accept", "a1", "--done", "--annotator", "alice", "--db", db).returncode == 0
    before = stored(db)
    time.sleep(1.1)  # a restamp would show in the timestamp's seconds
    result = annotator("accept", "a1", *done, "--annotator", "alice", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"alice: 0 suggestion(s) accepted in 0 article(s) -> {db}\nnothing pending: 1 article(s)\n"
    assert stored(db) == before
    with Store.open(db) as store:
        store.undo("a1", "alice")  # takes back the accept that marked it done, not an accept that did nothing
        assert (store.status("a1", "alice").value, store.spans("a1", "alice")) == ("todo", [])


def test_accept_on_a_done_article_whose_suggestion_overlaps_a_span_writes_nothing(db: Path) -> None:
    with Store.open(db) as store:
        store.accept_all("a2", "alice")
        store.set_status("a2", "alice", "done")
    before = stored(db)
    time.sleep(1.1)
    result = annotator("accept", "a2", "--annotator", "alice", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"alice: 0 suggestion(s) accepted in 0 article(s) -> {db}\n"
    assert stored(db) == before


def test_accept_on_a_done_article_is_one_action_that_leaves_it_done(db: Path) -> None:
    with Store.open(db) as store:
        store.set_status("a1", "alice", "done")  # marked done without deciding on its suggestions
        events = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    result = annotator("accept", "a1", "--annotator", "alice", "--db", db)
    assert result.stdout.splitlines()[0] == f"alice: 2 suggestion(s) accepted in 1 article(s) -> {db}"
    with Store.open(db) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events + 1
        assert store.status("a1", "alice").value == "done"
        assert [(s.text, s.label) for s in store.spans("a1", "alice")] == [("Ann", "ACTOR"), ("Lyon", "LOCATION")]
        store.undo("a1", "alice")  # one undo takes the accept back, and the article is still done
        assert (store.status("a1", "alice").value, store.spans("a1", "alice")) == ("done", [])


def test_a_packs_newer_work_still_merges_back_after_an_accept_with_nothing_to_accept(db: Path, tmp_path: Path) -> None:
    assert annotator("accept", "a1", "--done", "--annotator", "alice", "--db", db).returncode == 0
    assert annotator("assign", "--annotators", "alice", "--overlap", "1", "--db", db).returncode == 0
    pack = tmp_path / "alice.db"
    assert annotator("pack", "--annotator", "alice", "-o", pack, "--db", db).returncode == 0
    with Store.open(pack) as store:
        store.undo("a1", "alice")  # alice goes on working in her pack
    assert annotator("accept", "a1", "--annotator", "alice", "--db", db).returncode == 0  # nothing to accept here
    result = annotator("merge", pack, "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert "0 conflict(s)" in result.stdout
    assert "1 annotation(s) brought up to date" in result.stdout
