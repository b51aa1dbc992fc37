"""Gold takes no suggestions: its spans come from the annotators' versions, and the review screen shows none. The
store still asked gold about the model's suggestions (`store.current.pending_ids`, `undecided_ids`), so every
suggestion was pending for gold: `train --include-in-progress` on gold that `adjudicate --auto` left in progress said
its articles "still hold 5 suggestion(s) nobody decided on" where alice and bob had decided on every one, and the
article list counted them for gold (s58 leftover; `Store.remove_span` had skipped "is pending again" for gold alone).
The real console script on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import TEAM_TEXTS, find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.store.listing import rows
from annotator.vocabulary import GOLD, Status

NAMES = {"Ann": "ACTOR", "Bob": "ACTOR", "Paris": "LOCATION", "Carol": "ACTOR", "Oslo": "LOCATION", "Dan": "ACTOR"}


def disagreed(db: Path) -> list[str]:
    """Two articles, each with three suggestions: alice accepts all of them and bob all but the last, both done;
    `adjudicate --auto` leaves gold in progress on both, the last name open."""
    with Store.open(db) as store:
        ids = []
        for text in TEAM_TEXTS[:2]:
            offered = [Suggestion(**find(text, w, label), suggester="entities.v1") for w, label in NAMES.items()
                       if w in text]  # fmt: skip
            ids += store.add_articles([(ArticleIn(text=text), word_tokens(text), offered)])[0]
        for article in ids:
            store.accept_all(article, "alice", done=True)
            last = max(store.pending(article, "bob"), key=lambda suggestion: suggestion.start)
            store.reject_suggestion(article, "bob", last.id)
            store.accept_all(article, "bob", done=True)
    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert result.returncode == 0, result.stderr
    with Store.open(db, read_only=True) as store:
        assert [store.status(article, GOLD) for article in ids] == [Status.IN_PROGRESS] * 2
    return ids


def test_train_on_gold_in_progress_names_no_suggestion_as_undecided(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    disagreed(db)
    result = annotator("train", "--db", db, "--include-in-progress", "--out", tmp_path / "m", "--epochs", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "annotator: note: 2 in-progress article(s) included (--include-in-progress): what nobody marked in them is "
        "learned as no entity"
    )


def test_nothing_is_pending_for_gold_in_the_list_nor_the_store(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = disagreed(db)
    with Store.open(db, read_only=True) as store:
        assert [store.pending(article, GOLD) for article in ids] == [[], []]
        rowids = [store.conn.execute("SELECT rowid FROM articles WHERE id = ?", [i]).fetchone()[0] for i in ids]
        assert [row.pending for row in rows(store, GOLD, rowids).values()] == [0, 0]
        assert [summary.pending for summary in store.summaries(GOLD)] == [0, 0]
        assert [len(store.pending(article, who)) for article in ids for who in ("alice", "bob")] == [0, 0, 0, 0]


def test_gold_removing_a_span_makes_no_suggestion_pending_again(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    first, _ = disagreed(db)
    with Store.open(db) as store:
        ann = next(span for span in store.spans(first, GOLD) if span.text == "Ann")
        assert store.remove_span(first, GOLD, ann.id).message == "removed ACTOR 'Ann' at 0:3"
        assert store.pending(first, GOLD) == []
