"""`annotator accept`: the model's pending suggestions accepted without a screen, as the TUI's "accept all" (A)
does, article by article: what a team does to start from the model (Label Studio's "create annotations from
predictions"). A newcomer found no way but the screen: importing an `export --suggestions` file under a name is
refused, rightly (suggestions are never a person's work). The real console script on a real database."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize

TEXTS = {
    "a1": "Ann met Bob in Lyon.",
    "a2": "Carla flew to Rome.",
    "a3": "Nobody spoke.",
}


def suggestion(text: str, words: str, label: str) -> Suggestion:
    start = text.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="t.v1")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    suggestions = {
        "a1": [suggestion(TEXTS["a1"], "Ann", "ACTOR"), suggestion(TEXTS["a1"], "Lyon", "LOCATION")],
        "a2": [suggestion(TEXTS["a2"], "Carla", "ACTOR"), suggestion(TEXTS["a2"], "Rome", "LOCATION")],
        "a3": [],
    }
    with Store.open(path) as store:
        articles = [ArticleIn(id=i, text=t) for i, t in TEXTS.items()]
        tokens = tokenize([a.text for a in articles])
        store.add_articles([(a, k, suggestions[a.id]) for a, k in zip(articles, tokens, strict=True)])
    return path


def spans(db: Path, who: str) -> dict[str, list[tuple[str, str]]]:
    with Store.open(db) as store:
        return {i: [(s.text, s.label) for s in store.spans(i, who)] for i in store.article_ids()}


def statuses(db: Path, who: str) -> dict[str, str]:
    with Store.open(db) as store:
        return {i: store.status(i, who).value for i in store.article_ids()}


def test_accepts_every_pending_suggestion_of_every_article(db: Path) -> None:
    result = annotator("accept", "--annotator", "alice", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"alice: 4 suggestion(s) accepted in 2 article(s) -> {db}\n"
        "nothing pending: 1 article(s)\n"
        "each article's accept is one action: undo it there with u (a screen open since before it: quit, open it again)\n"
    )
    assert spans(db, "alice") == {"a1": [("Ann", "ACTOR"), ("Lyon", "LOCATION")], "a2": [("Carla", "ACTOR"), ("Rome", "LOCATION")], "a3": []}  # fmt: skip
    assert statuses(db, "alice") == {"a1": "in_progress", "a2": "in_progress", "a3": "todo"}
    assert spans(db, "bob") == {"a1": [], "a2": [], "a3": []}


def test_done_marks_the_articles_done(db: Path) -> None:
    result = annotator("accept", "a1", "--done", "--annotator", "alice", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"alice: 2 suggestion(s) accepted in 1 article(s), 1 marked done -> {db}"  # fmt: skip
    assert statuses(db, "alice") == {"a1": "done", "a2": "todo", "a3": "todo"}


def test_articles_done_or_flagged_are_left_unless_named(db: Path) -> None:
    with Store.open(db) as store:
        store.set_status("a2", "alice", "done")
    result = annotator("accept", "--annotator", "alice", "--db", db)
    assert result.stdout.splitlines() == [
        f"alice: 2 suggestion(s) accepted in 1 article(s) -> {db}",
        "nothing pending: 1 article(s)",
        "left as they are: 1 article(s) done, skipped or flagged (name them to accept there too)",
        "each article's accept is one action: undo it there with u (a screen open since before it: quit, open it again)",
    ]
    assert spans(db, "alice")["a2"] == []
    assert annotator("accept", "a2", "--annotator", "alice", "--db", db).returncode == 0
    assert spans(db, "alice")["a2"] == [("Carla", "ACTOR"), ("Rome", "LOCATION")]
    assert statuses(db, "alice")["a2"] == "done"


def test_an_annotator_with_assignments_gets_their_own_articles(db: Path) -> None:
    assert annotator("assign", "--annotators", "alice,bob", "--db", db).returncode == 0
    with Store.open(db) as store:
        from annotator.store.assignments import assigned

        mine = assigned(store, "alice")
    assert annotator("accept", "--annotator", "alice", "--db", db).returncode == 0
    assert sorted(i for i, s in spans(db, "alice").items() if s) == sorted(i for i in mine if i != "a3")


def test_a_suggestion_overlapping_an_accepted_one_is_covered_not_pending(tmp_path: Path) -> None:
    """Trial 31: the entity layer is flat, so once "Ann" is accepted the ACTOR "Ann met Bob" over it is covered
    (`store.current.is_pending`), not left pending: the article is done."""
    path, text = tmp_path / "o.db", TEXTS["a1"]
    overlapping = [suggestion(text, "Ann", "ACTOR"), suggestion(text, "Ann met Bob", "ACTOR")]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id="a1", text=text), tokenize([text])[0], overlapping)])
    result = annotator("accept", "--done", "--annotator", "alice", "--db", path)
    assert result.stdout.splitlines()[0] == f"alice: 1 suggestion(s) accepted in 1 article(s), 1 marked done -> {path}"
    assert spans(path, "alice") == {"a1": [("Ann", "ACTOR")]}
    assert statuses(path, "alice") == {"a1": "done"}


def test_the_accept_is_undone_like_the_screens(db: Path) -> None:
    assert annotator("accept", "a1", "--annotator", "alice", "--db", db).returncode == 0
    with Store.open(db) as store:
        store.undo("a1", "alice")
    assert spans(db, "alice")["a1"] == []


def test_an_unknown_article_is_one_line_and_nothing_is_written(db: Path) -> None:
    before = spans(db, "alice")
    assert one_error_line(annotator("accept", "a1", "nope\x1b[2J", "--annotator", "alice", "--db", db)) == (
        f"{db}: no article 'nope\\x1b[2J'; nothing was accepted"
    )
    assert spans(db, "alice") == before


def test_a_models_name_is_refused(db: Path) -> None:
    line = one_error_line(annotator("accept", "--annotator", "model:x", "--db", db))
    assert "model:x" in line and "--annotator" in line


def test_in_a_pack_the_login_works_as_the_packs_annotator(db: Path, tmp_path: Path) -> None:
    """A pack is one annotator's: accept there by the login is that annotator's work, as the screen takes it."""
    assert annotator("assign", "--annotators", "bob", "--db", db).returncode == 0
    pack = tmp_path / "bob.db"
    assert annotator("pack", "--annotator", "bob", "-o", pack, "--db", db).returncode == 0
    result = annotator("accept", "--db", pack)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "accepting as bob: the articles here are assigned to bob only (--annotator NAME for another)",
        f"bob: 4 suggestion(s) accepted in 2 article(s) -> {pack}",
    ]


def test_a_login_with_no_part_in_a_teams_file_is_asked_for_a_name(db: Path) -> None:
    assert annotator("assign", "--annotators", "alice,bob", "--db", db).returncode == 0
    line = one_error_line(annotator("accept", "--db", db, env={"USER": "zed", "LOGNAME": "zed"}))
    assert line == (
        f"{db} assigns articles to alice, bob, and your login name 'zed' has neither work nor an assignment in "
        "it: give --annotator NAME (one of them, or your own to work on unassigned articles)"
    )
    assert spans(db, "zed") == {"a1": [], "a2": [], "a3": []}


def test_done_marks_articles_with_nothing_left_pending_done(db: Path) -> None:
    assert annotator("accept", "--annotator", "alice", "--db", db).returncode == 0
    result = annotator("accept", "--done", "--annotator", "alice", "--db", db)
    assert result.stdout.splitlines() == [
        f"alice: 0 suggestion(s) accepted in 0 article(s), 3 marked done -> {db}",
        "nothing pending: 3 article(s)",
    ]
    assert statuses(db, "alice") == {"a1": "done", "a2": "done", "a3": "done"}


def test_skipped_articles_are_put_aside_too(db: Path) -> None:
    with Store.open(db) as store:
        store.set_status("a1", "alice", "skipped")
        store.set_status("a2", "alice", "flagged")
    result = annotator("accept", "--annotator", "alice", "--db", db)
    assert result.stdout.splitlines() == [
        f"alice: 0 suggestion(s) accepted in 0 article(s) -> {db}",
        "nothing pending: 1 article(s)",
        "left as they are: 2 article(s) done, skipped or flagged (name them to accept there too)",
    ]


def test_a_done_article_with_nothing_pending_is_left_as_it_is(db: Path) -> None:
    """atk34 12: naming a done article with nothing pending wrote done -> in progress -> done and restamped it (its
    first undo left it in progress, and a pack's newer work then merged as a conflict): nothing is written."""

    def state() -> list[tuple[object, ...]]:
        with closing(sqlite3.connect(db)) as connection:
            events = connection.execute("SELECT COUNT(*) FROM events").fetchall()
            rows = connection.execute("SELECT article_id, status, updated_at FROM annotations ORDER BY 1").fetchall()
            return [*events, *rows]

    assert annotator("accept", "a1", "--done", "--annotator", "alice", "--db", db).returncode == 0
    before = state()
    result = annotator("accept", "a1", "--done", "--annotator", "alice", "--db", db)
    assert (result.returncode, result.stdout.splitlines()[:2]) == (
        0,
        [f"alice: 0 suggestion(s) accepted in 0 article(s) -> {db}", "nothing pending: 1 article(s)"],
    )
    assert state() == before
    assert statuses(db, "alice")["a1"] == "done"
