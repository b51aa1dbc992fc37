"""`annotator adjudicate --auto` leaves an article whose gold is done as it is (docs/teams.md), and says so: when
another annotator finishes it later, differently, the line counts the disagreements `review` shows there (the same
`gold.review_state`), with the command that opens them. The real console script on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import nth, word_tokens

from annotator.gold import review_state
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.vocabulary import GOLD, Status

TEXT = "Ann met Bob in Paris on Monday."


def test_done_gold_that_a_later_annotator_disagrees_with_is_counted_and_named_with_the_review_command(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        (article,), _ = store.add_articles([(ArticleIn(text=TEXT, title="T"), word_tokens(TEXT), [])])
        for who in ("alice", "bob"):
            store.add_span(article, who, 0, 3, "ACTOR")
            store.add_span(article, who, nth(TEXT, "Paris"), nth(TEXT, "Paris") + 5, "LOCATION")
            store.set_status(article, who, "done")
    first = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert first.stdout == (
        "1 article(s) compared (done by all of alice, bob): 2 agreed span(s) into gold, 1 article(s) settled, "
        "0 disagreement(s) left for review\n"
    )
    with Store.open(db) as store:  # dan finishes it later without Paris
        store.add_span(article, "dan", 0, 3, "ACTOR")
        store.set_status(article, "dan", "done")

    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "1 article(s) compared (done by all of alice, bob, dan): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review; 1 article(s) whose gold is done left as they are, with 1 "
        f"disagreement(s) `annotator review --db {db} --annotators alice,bob,dan --reviewer carol` shows\n"
    )
    with Store.open(db) as store:  # what review counts, and gold untouched
        assert len(review_state(store, article, ["alice", "bob", "dan"]).open) == 1
        assert store.status(article, GOLD) == Status.DONE
        assert len(store.spans(article, GOLD)) == 2


def test_done_gold_everyone_agrees_with_is_named_as_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        (article,), _ = store.add_articles([(ArticleIn(text=TEXT, title="T"), word_tokens(TEXT), [])])
        for who in ("alice", "bob"):
            store.add_span(article, who, 0, 3, "ACTOR")
            store.set_status(article, who, "done")
    assert annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db).returncode == 0
    again = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == (
        "1 article(s) compared (done by all of alice, bob): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review; 1 article(s) whose gold is done left as they are\n"
    )
