"""A newcomer's trial: an article assigned to neither alice nor bob (to carol and dan) was compared and adjudicated
for alice and bob, while one assigned to alice only was left out; and `adjudicate --auto --annotators carol,dan`
made gold for an article assigned to alice and bob, who had not started it. One rule now (`assignments.team_of`):
an article with assignments is its assignees' team work, others' work on it is left out (counted, with the
--ignore-assignments command); an article nobody is assigned is open to all. The real console script on a real
SQLite file, the plan made by the real `assign`."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.vocabulary import GOLD


def _articles(db: Path, count: int) -> None:
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(count)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=t, title=f"A{n}"), word_tokens(t), []) for n, t in enumerate(texts)])


def finish(db: Path, who: str, *which: int) -> None:
    """`who` marks done, with one span, the articles at these positions (in ingest order)."""
    with Store.open(db) as store:
        ids = store.article_ids()
        for n in which:
            start = store.article_text(ids[n]).index("Washington")
            span = Span(start=start, end=start + 10, label="ACTOR", text="Washington")
            store.replace_annotation(ids[n], who, [span], Status.DONE)


def assign_by_cli(db: Path, *args: str) -> None:
    done = annotator("assign", "--db", db, *args)
    assert done.returncode == 0, done.stderr


def _gold_statuses(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return [store.status(article_id, GOLD).value for article_id in store.article_ids()]


def test_only_an_articles_assignees_are_compared_and_an_article_nobody_is_assigned_is_open(tmp_path: Path) -> None:
    """A0 assigned to alice and bob, A1 to alice and dan, A2 to carol and dan, A3 to nobody; alice and bob finish
    all four: A0 and A3 are theirs to compare; A1 and A2 are left out alike, and counted."""
    db = tmp_path / "team.db"
    _articles(db, 4)
    assign_by_cli(db, "--annotators", "alice,bob", "--overlap", "2", "--limit", "1")
    finish(db, "alice", 0)
    finish(db, "bob", 0)
    assign_by_cli(db, "--annotators", "alice", "--overlap", "1", "--limit", "2")
    finish(db, "alice", 1)
    assign_by_cli(db, "--annotators", "carol,dan", "--overlap", "2", "--limit", "3")
    finish(db, "alice", 2, 3)
    finish(db, "bob", 1, 2, 3)
    result = annotator("agreement", "--db", db, "--annotators", "alice,bob")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:6] == [
        "articles compared  2 (done by all of alice, bob)",
        "tokens             36",
        "articles differing 0",
        "speaker agreement  n/a (0 jointly found quote pairs)",
        "note: alice and bob both finished 2 articles not assigned to both (with assignments only an article's "
        f"assignees are compared): `annotator agreement --db {db} --annotators alice,bob --ignore-assignments` "
        "compares them too",
        "",
    ]
    auto = annotator("adjudicate", "--auto", "--db", db, "--annotators", "alice,bob", "--reviewer", "lead")
    assert (auto.returncode, auto.stderr) == (  # what it left out, as agreement says it (a re-trial, 38c)
        0,
        "annotator: note: alice and bob both finished 2 articles not assigned to both (with assignments only an "
        f"article's assignees are compared): `annotator adjudicate --auto --db {db} --annotators alice,bob --reviewer "
        "lead --ignore-assignments` compares them too\n",
    )
    assert auto.stdout == (
        "2 article(s) compared (done by all of alice, bob): 2 agreed span(s) into gold, 2 article(s) settled, "
        "0 disagreement(s) left for review\n"
    )
    assert _gold_statuses(db) == ["done", "todo", "todo", "done"]


def test_work_on_an_article_assigned_to_others_who_have_not_started_it_makes_no_gold(tmp_path: Path) -> None:
    """A0 is assigned to alice and bob, who have not started it; carol and dan finished it unassigned."""
    db = tmp_path / "team.db"
    _articles(db, 2)
    assign_by_cli(db, "--annotators", "alice,bob", "--overlap", "2", "--limit", "1")
    finish(db, "carol", 0)
    finish(db, "dan", 0)
    why = (
        "no article is marked done by all of carol, dan: carol and dan both finished 1 article, but with assignments "
        "only an article's assignees are compared, and it is not assigned to both (it is alice and bob's to annotate); "
    )
    auto = annotator("adjudicate", "--auto", "--db", db, "--annotators", "carol,dan", "--reviewer", "lead")
    assert one_error_line(auto) == why + (
        f"`annotator adjudicate --auto --db {db} --annotators carol,dan --reviewer lead --ignore-assignments` "
        "compares it anyway"
    )
    assert _gold_statuses(db) == ["todo", "todo"]
    review = annotator("review", "--db", db, "--annotators", "carol,dan", "--reviewer", "lead")
    assert one_error_line(review) == why + (
        f"`annotator review --db {db} --annotators carol,dan --reviewer lead --ignore-assignments` reviews it anyway"
    )
    agreement = annotator("agreement", "--db", db, "--annotators", "carol,dan")
    assert one_error_line(agreement) == why + (
        f"`annotator agreement --db {db} --annotators carol,dan --ignore-assignments` compares it anyway"
    )
    alone = annotator("adjudicate", "--auto", "--db", db, "--annotators", "carol", "--reviewer", "lead")
    assert one_error_line(alone) == (  # a team of one takes into gold only what is hers, or nobody's
        "no article is marked done by carol: carol finished 1 article, but with assignments only an article's "
        "assignees are compared, and it is not assigned to carol (it is alice and bob's to annotate); "
        f"`annotator adjudicate --auto --db {db} --annotators carol --reviewer lead --ignore-assignments` compares it "
        "anyway"
    )
    anyway = annotator(
        "adjudicate", "--auto", "--db", db, "--annotators", "carol,dan", "--reviewer", "lead", "--ignore-assignments"
    )
    assert (anyway.returncode, anyway.stderr) == (0, "")
    assert anyway.stdout == (
        "1 article(s) compared (done by all of carol, dan): 1 agreed span(s) into gold, 1 article(s) settled, "
        "0 disagreement(s) left for review\n"
    )
    assert _gold_statuses(db) == ["done", "todo"]
