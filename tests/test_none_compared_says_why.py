"""A newcomer's trial: `agreement`, `review` and `adjudicate --auto` comparing no article said only "no article is
marked done by all of ...", though the people named had finished articles together: assignments left them out
(only an article's assignees are compared), or no article was finished by all of four. The real console script
on real database files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), label="ACTOR", text=part)


def _database(path: Path, done: dict[str, list[int]], articles: int = 3) -> list[str]:
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(articles)]
    with Store.open(path) as store:
        ids, _ = store.add_articles(
            [(ArticleIn(text=t, title=f"A{n}"), word_tokens(t), []) for n, t in enumerate(texts)]
        )
        for who, which in done.items():
            for n in which:
                store.replace_annotation(ids[n], who, [_span(texts[n], "Washington")], Status.DONE)
    return ids


def test_assignments_that_leave_a_pair_out_are_named_with_the_way_to_compare_them(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    _database(db, {"bob": [0, 1, 2], "root": [0, 1, 2]})
    before = annotator("agreement", "--db", db, "--annotators", "bob,root")
    assert before.returncode == 0, before.stderr
    assert before.stdout.startswith("articles compared  3 ")
    assert annotator("assign", "--db", db, "--annotators", "root,dave", "--overlap", "2").returncode == 0
    why = (
        "bob and root both finished 3 articles, but with assignments only an article's assignees are compared, "
        "and none of those 3 is assigned to both"
    )
    result = annotator("agreement", "--db", db, "--annotators", "bob,root")
    assert result.returncode == 1
    assert result.stderr == (
        f"annotator: error: no article is marked done by all of bob, root: {why}; "
        f"`annotator agreement --db {db} --annotators bob,root --ignore-assignments` compares them anyway\n"
    )
    anyway = annotator("agreement", "--db", db, "--annotators", "bob,root", "--ignore-assignments")
    assert anyway.returncode == 0, anyway.stderr
    assert anyway.stdout.startswith("articles compared  3 ")
    review = annotator("review", "--db", db, "--annotators", "bob,root", "--reviewer", "carol")
    assert review.returncode == 1
    assert review.stderr == (
        f"annotator: error: no article is marked done by all of bob, root: {why}; "
        f"`annotator review --db {db} --annotators bob,root --reviewer carol --ignore-assignments` reviews them "
        "anyway\n"
    )
    anyway = annotator("review", "--db", db, "--annotators", "bob,root", "--reviewer", "carol", "--ignore-assignments")
    assert "needs a terminal" in anyway.stderr, anyway.stderr  # past the check: the screen would open on the 3
    auto = annotator("adjudicate", "--auto", "--db", db, "--reviewer", "carol")  # by default bob and root
    assert auto.returncode == 1
    assert auto.stdout == ""
    assert auto.stderr == (
        f"annotator: error: no article is marked done by all of bob, root: {why}; "
        f"`annotator adjudicate --auto --db {db} --annotators bob,root --reviewer carol --ignore-assignments` compares "
        "them anyway\n"
    )
    anyway = annotator("adjudicate", "--auto", "--db", db, "--reviewer", "carol", "--ignore-assignments")
    assert anyway.returncode == 0, anyway.stderr
    assert anyway.stdout.startswith(
        "3 article(s) compared (done by all of bob, root): 3 agreed span(s) into gold, 3 article(s) settled"
    )


def test_the_review_screen_with_ignore_assignments_offers_what_they_both_finished(tmp_path: Path) -> None:
    from annotator.store import Store
    from annotator.tui.review import ReviewApp

    db = tmp_path / "annotations.db"
    ids = _database(db, {"bob": [0, 1, 2], "root": [0, 1, 2]})
    assert annotator("assign", "--db", db, "--annotators", "root,dave", "--overlap", "2").returncode == 0
    assert ReviewApp(Store.open(db), "carol", ["bob", "root"]).article_order() == []
    app = ReviewApp(Store.open(db), "carol", ["bob", "root"], by_assignment=False)
    assert (app.article_order(), app.annotators_for(ids[0])) == (ids, ["bob", "root"])


def test_the_in_progress_hint_ends_the_sentence(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    ids = _database(db, {"dave": [0]})
    with Store.open(db) as store:
        store.set_status(ids[0], "root", Status.IN_PROGRESS)
        store.replace_annotation(ids[0], "root", [], Status.IN_PROGRESS)
    result = annotator("agreement", "--db", db, "--annotators", "dave,root")
    assert result.returncode == 1
    assert result.stderr == (
        "annotator: error: no article is marked done by all of dave, root (--include-in-progress also compares "
        "articles still in progress)\n"
    )


def test_with_four_annotators_the_pairs_that_finished_together_are_named(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    _database(db, {"bob": [0, 1], "root": [0, 1, 2], "carl": [2], "dave": [2]})
    result = annotator("agreement", "--db", db)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "annotator: error: no article is marked done by all of bob, carl, dave, root; some finished articles "
        "together: bob and root 2, carl, dave and root 1",  # nothing in progress: no --include-in-progress hint
        f"annotator: note: `annotator agreement --db {db} --annotators bob,root` compares those 2",
        f"annotator: note: `annotator agreement --db {db} --annotators carl,dave,root` compares that 1",
    ]
    review = annotator("review", "--db", db, "--reviewer", "carol")
    assert review.returncode == 1
    assert review.stderr.splitlines() == [
        "annotator: error: no article is marked done by all of bob, carl, dave, root; some finished articles "
        "together: bob and root 2, carl, dave and root 1",
        f"annotator: note: `annotator review --db {db} --annotators bob,root --reviewer carol` reviews those 2",
        f"annotator: note: `annotator review --db {db} --annotators carl,dave,root --reviewer carol` reviews that 1",
    ]


def _finish_assigned(path: Path, who: str, of: str) -> None:
    """`who` marks done, with one span, every article assigned to `of` in the database at `path`."""
    from annotator.store.assignments import assigned

    with Store.open(path) as store:
        for article_id in assigned(store, of):
            text = store.article_text(article_id)
            store.replace_annotation(article_id, who, [_span(text, "Washington")], Status.DONE)


def test_a_pair_that_finished_outside_its_assignments_is_named_among_the_groups(tmp_path: Path) -> None:
    """A newcomer's trial: bob's unstarted pack was taken back and given to carol, then both finished its 2
    articles (bob offline, merged back): with alice, three names, the error named no group and suggested
    --include-in-progress with nothing in progress."""
    db, pack = tmp_path / "s2.db", tmp_path / "bobpack.db"
    _database(db, {}, articles=4)
    first = annotator("assign", "--db", db, "--annotators", "alice,bob", "--overlap", "1", "--limit", "4")
    assert first.returncode == 0, first.stderr
    assert annotator("pack", "--db", db, "--annotator", "bob", "-o", pack).returncode == 0
    again = annotator("assign", "--db", db, "--annotators", "alice,carol", "--overlap", "1", "--limit", "4")
    assert "taken back: 2 assignment(s) nobody had started" in again.stdout, again.stdout
    _finish_assigned(pack, "bob", "bob")
    assert annotator("merge", "--db", db, pack).returncode == 0
    _finish_assigned(db, "carol", "carol")
    _finish_assigned(db, "alice", "alice")
    head = (
        "annotator: error: no article is marked done by all of alice, bob, carol; some finished articles together: "
        "bob and carol 2 (none assigned to both); with assignments only an article's assignees are compared"
    )
    result = annotator("agreement", "--db", db)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        head,
        f"annotator: note: `annotator agreement --db {db} --annotators bob,carol --ignore-assignments` compares "
        "those 2",
    ]
    auto = annotator("adjudicate", "--auto", "--db", db, "--reviewer", "dan")
    assert (auto.returncode, auto.stdout) == (1, "")
    assert auto.stderr.splitlines() == [
        head,
        f"annotator: note: `annotator adjudicate --auto --db {db} --annotators bob,carol --reviewer dan "
        "--ignore-assignments` compares those 2",
    ]
    review = annotator("review", "--db", db, "--reviewer", "dan")
    assert review.returncode == 1
    assert review.stderr.splitlines() == [
        head,
        f"annotator: note: `annotator review --db {db} --annotators bob,carol --reviewer dan --ignore-assignments` "
        "reviews those 2",
    ]
    anyway = annotator("agreement", "--db", db, "--annotators", "bob,carol", "--ignore-assignments")
    assert anyway.returncode == 0, anyway.stderr
    assert anyway.stdout.startswith("articles compared  2 (done by all of bob, carol)")


def test_with_ignore_assignments_the_groups_and_their_commands_ignore_them_too(tmp_path: Path) -> None:
    db = tmp_path / "annotations.db"
    _database(db, {"bob": [0, 1], "root": [0, 1], "carl": [2]})
    assert annotator("assign", "--db", db, "--annotators", "carl,dave", "--overlap", "2").returncode == 0
    result = annotator("agreement", "--db", db, "--ignore-assignments")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "annotator: error: no article is marked done by all of bob, carl, root; some finished articles together: "
        "bob and root 2",
        f"annotator: note: `annotator agreement --db {db} --annotators bob,root --ignore-assignments` compares those 2",
    ]


def test_one_article_left_out_by_assignments_is_said_in_the_singular(tmp_path: Path) -> None:
    """ "none of those 1 is assigned to both" (a newcomer's re-trial, 37b, 9)."""
    db = tmp_path / "annotations.db"
    _database(db, {"bob": [0], "root": [0]}, articles=1)
    assert annotator("assign", "--db", db, "--annotators", "root,dave", "--overlap", "2").returncode == 0
    result = annotator("agreement", "--db", db, "--annotators", "bob,root")
    assert result.stderr.startswith(
        "annotator: error: no article is marked done by all of bob, root: bob and root both finished 1 article, but "
        "with assignments only an article's assignees are compared, and it is not assigned to both; "
    ), result.stderr
