"""`annotator adjudicate --auto` leaves gold a reviewer has begun on the review screen to the reviewer (attacker
trial 43a: carol opened an article in `review`, removed a FIGURE both annotators had marked, and a later
`adjudicate --auto` put it back, marked her unfinished gold done and said nothing). The real console script on a
real SQLite file; the reviewer's actions through the calls the review screen makes."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import nth, word_tokens

from annotator.gold import open_for_review
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.vocabulary import GOLD, Status

TEXTS = ["Ann met 12 people in Paris.", "Bob flew to Oslo."]


def both_done(db: Path) -> tuple[str, str]:
    """Two articles alice and bob finished alike: the first with an ACTOR and a FIGURE, the second an ACTOR."""
    with Store.open(db) as store:
        (first, second), _ = store.add_articles(
            [(ArticleIn(text=t, title=f"T{n}"), word_tokens(t), []) for n, t in enumerate(TEXTS)]
        )
        for who in ("alice", "bob"):
            store.add_span(first, who, 0, 3, "ACTOR")
            store.add_span(first, who, nth(TEXTS[0], "12"), nth(TEXTS[0], "12") + 2, "FIGURE")
            store.add_span(second, who, 0, 3, "ACTOR")
            for article in (first, second):
                store.set_status(article, who, "done")
    return first, second


def begin_review(db: Path, article: str, reviewer: str) -> None:
    """`reviewer` opens the article in `annotator review --reviewer NAME` (the agreed spans go into gold) and takes
    its first span away ('x' on the screen), through the calls the screen makes, its events naming them."""
    with Store.open(db) as store:
        open_for_review(store, article, ["alice", "bob"], reviewer)
        store.reviewer = reviewer  # as the review screen sets it: gold edited by hand names its reviewer
        store.remove_span(article, GOLD, store.spans(article, GOLD)[-1].id)


def test_gold_under_a_reviewers_hands_is_left_to_the_reviewer_and_said(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    first, second = both_done(db)
    with Store.open(db) as store:
        open_for_review(store, first, ["alice", "bob"], "carol")  # the review screen opens it: agreed spans in
        [figure] = [s for s in store.spans(first, GOLD) if s.label.value == "FIGURE"]
        store.remove_span(first, GOLD, figure.id)  # carol removes the FIGURE ('.' then 'x' on the screen)
    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "2 article(s) compared (done by all of alice, bob): 1 agreed span(s) into gold, 1 article(s) settled, "
        f"0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) carol has begun left to the review ({first!r}: "
        f"`annotator review --db {db} --annotators alice,bob --reviewer carol` goes on)\n"
    )
    with Store.open(db, read_only=True) as store:
        assert [(s.start, s.end, s.label.value) for s in store.spans(first, GOLD)] == [(0, 3, "ACTOR")]
        assert store.status(first, GOLD) == Status.IN_PROGRESS
        assert store.status(second, GOLD) == Status.DONE


def test_the_command_that_goes_on_names_the_reviewer_who_began_it_not_this_runs(tmp_path: Path) -> None:
    """carol began the review; dave runs `adjudicate --auto --reviewer dave`: it named dave in the command that
    goes on with carol's review (a fresh clone's trial)."""
    db = tmp_path / "r.db"
    first, _ = both_done(db)
    begin_review(db, first, "carol")
    result = annotator("adjudicate", "--auto", "--reviewer", "dave", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.endswith(
        f"; 1 article(s) carol has begun left to the review ({first!r}: `annotator review --db {db} --annotators "
        "alice,bob --reviewer carol` goes on)\n"
    )


def test_articles_two_reviewers_began_are_named_under_each(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    first, second = both_done(db)
    begin_review(db, first, "carol")
    begin_review(db, second, "dave")
    result = annotator("adjudicate", "--auto", "--reviewer", "erin", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "2 article(s) compared (done by all of alice, bob): 0 agreed span(s) into gold, 0 article(s) settled, "
        f"0 disagreement(s) left for review in the articles adjudicated now; 2 article(s) reviewers have begun left to the review (carol: {first!r}; "
        f"dave: {second!r}): `annotator review --db {db} --annotators alice,bob --reviewer NAME` goes on, NAME the "
        "one who began it\n"
    )
