"""`annotator adjudicate --auto` says two disagreement counts on one line: those left in the articles it adjudicated
now (gold not done) and those `review` shows in the articles whose gold is done, which it leaves as they are. The
line said "1 disagreement(s) left for review; ... with 1 disagreement(s) `annotator review` shows", and a reader
could not tell what each counted. The real console script on a real SQLite file, alice and bob."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import nth, word_tokens

from annotator.models import ArticleIn
from annotator.store import Store

TEXTS = ("Ann met Bob in Paris on Monday.", "Ann met Bob in Paris on Friday.")  # one text is one article


def test_the_line_says_which_articles_each_disagreement_count_is_in(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    paris = nth(TEXTS[0], "Paris")
    with Store.open(db) as store:
        (open_one, settled), _ = store.add_articles(
            [(ArticleIn(text=text, title=text), word_tokens(text), []) for text in TEXTS]
        )
        for who in ("alice", "bob"):
            for article in (open_one, settled):
                store.add_span(article, who, 0, 3, "ACTOR")
            if who == "alice":  # bob leaves Paris out of the first: one disagreement there
                store.add_span(open_one, who, paris, paris + 5, "LOCATION")
            for article in (open_one, settled):
                store.set_status(article, who, "done")
    assert annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db).returncode == 0
    with Store.open(db) as store:  # gold of the second is done; bob then adds Paris there: one disagreement
        store.add_span(settled, "bob", paris, paris + 5, "LOCATION")

    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "2 article(s) compared (done by all of alice, bob): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) with nothing new for gold, "
        "with 1 disagreement(s) left for review in them; 1 article(s) whose gold is done left as they are, with 1 "
        "disagreement(s) open in them, which "
        f"`annotator review --db {db} --annotators alice,bob --reviewer carol` shows\n"
    )


def test_a_run_with_nothing_new_counts_no_disagreement_as_adjudicated_now(tmp_path: Path) -> None:
    """Trial 10: run again with nothing new, the line said "0 agreed span(s) into gold, 0 article(s) settled, 2
    disagreement(s) left for review in the articles adjudicated now", though it wrote no gold: those were in
    articles a run before had adjudicated. They are counted with the articles it had nothing new for."""
    db = tmp_path / "r.db"
    paris = nth(TEXTS[0], "Paris")
    with Store.open(db) as store:
        (open_one, settled), _ = store.add_articles(
            [(ArticleIn(text=text, title=text), word_tokens(text), []) for text in TEXTS]
        )
        for who in ("alice", "bob"):
            for article in (open_one, settled):
                store.add_span(article, who, 0, 3, "ACTOR")
            if who == "alice":  # bob leaves Paris out of the first: one disagreement there
                store.add_span(open_one, who, paris, paris + 5, "LOCATION")
            for article in (open_one, settled):
                store.set_status(article, who, "done")
    assert annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db).returncode == 0

    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "2 article(s) compared (done by all of alice, bob): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) with nothing new for gold, "
        "with 1 disagreement(s) left for review in them; 1 article(s) whose gold is done left as they are\n"
    )
