"""`train --include-in-progress` learns half-done articles: all their unmarked text is taught as "not an entity". A
newcomer's trial: it said nothing of it. Now a note says how many in-progress articles are in, and how many
suggestions nobody decided on they still hold, naming the first articles. The real console script, real SQLite."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, TEAM_TEXTS, find, word_tokens

from annotator.models import ArticleIn, Span, Suggestion
from annotator.store import Store
from annotator.vocabulary import Status


def test_in_progress_articles_and_their_pending_suggestions_are_named(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    texts = [*TEAM_TEXTS, SMALL_TEXT]
    people = {"Ann": "ACTOR", "Carol": "ACTOR", "Oslo": "LOCATION", "Eve": "ACTOR", "Rome": "LOCATION"}
    people |= {"Washington": "ACTOR", "Gaza": "LOCATION", "at least 35": "FIGURE"}
    with Store.open(db) as store:
        ids = []
        for text in texts:
            offered = [Suggestion(**find(text, w, label), suggester="entities.v1") for w, label in people.items()
                       if w in text]  # fmt: skip
            ids += store.add_articles([(ArticleIn(text=text), word_tokens(text), offered)])[0]
        done, settled, half, small = ids
        store.replace_annotation(done, "alice", [Span(**find(TEAM_TEXTS[0], "Ann", "ACTOR"))], Status.DONE)
        carol = [Span(**find(TEAM_TEXTS[1], "Carol", "ACTOR")), Span(**find(TEAM_TEXTS[1], "Oslo", "LOCATION"))]
        store.replace_annotation(settled, "alice", carol, Status.IN_PROGRESS)  # both suggestions marked: none pending
        store.replace_annotation(half, "alice", [], Status.IN_PROGRESS)  # Eve and Rome pending
        store.replace_annotation(small, "alice", [], Status.IN_PROGRESS)  # three pending
        assert [len(store.pending(i, "alice")) for i in ids] == [0, 0, 2, 3]
    result = annotator("train", "--db", db, "--annotator", "alice", "--include-in-progress", "--out", tmp_path / "m",
                       "--epochs", "1")  # fmt: skip
    assert result.returncode == 0, result.stderr
    first, second = sorted([half, small])
    assert result.stderr.splitlines()[0] == (
        "annotator: note: 3 in-progress article(s) included (--include-in-progress): what nobody marked in them is learned as "
        f"no entity; 2 of them still hold 5 suggestion(s) nobody decided on ({first}, {second}): finish them (or "
        "leave out --include-in-progress) if those name entities"
    )


def test_without_in_progress_articles_there_is_no_note(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        for text in TEAM_TEXTS:
            [article] = store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])[0]
            store.replace_annotation(article, "alice", [], Status.DONE)
    result = annotator("train", "--db", db, "--annotator", "alice", "--include-in-progress", "--out", tmp_path / "m",
                       "--epochs", "1")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "note:" not in result.stderr
