"""`annotator adjudicate --auto` by default takes everyone who finished an article and compares the articles all
of them finished; a pair that finished more together is named, with its count and the command that adjudicates
them, as `agreement` names it (the same pairs, `reports.agreement.pair_articles`). The real console script on a
real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import pair_and_a_third


def test_a_pair_that_finished_more_articles_than_all_is_named_with_the_command_that_adjudicates_them(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.db"
    pair_and_a_third(db)
    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1 article(s) compared (done by all of alice, bob, root; alice and bob both finished 3: --annotators "
        "alice,bob): 1 agreed span(s) into gold, 1 article(s) settled, 0 disagreement(s) left for review\n"
    )
    assert result.stderr == (
        "annotator: note: alice and bob both finished 3 articles (1 compared here): "
        f"`annotator adjudicate --auto --db {db} --annotators alice,bob --reviewer carol`\n"
    )

    pair = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db, "--annotators", "alice,bob")
    assert (pair.returncode, pair.stderr) == (0, "")
    assert pair.stdout == (
        "3 article(s) compared (done by all of alice, bob): 2 agreed span(s) into gold, 2 article(s) settled, "
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) whose gold is done left as they are\n"
    )


def test_train_on_too_little_gold_names_the_pair_whose_finished_articles_are_not_in_gold_yet(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    pair_and_a_third(db)
    assert annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db).returncode == 0
    result = annotator("train", "--db", db, "--out", tmp_path / "model")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines()[-1] == (
        "annotator: error: training needs at least 2 finished articles, one to learn from and one to hold out; "
        "found 1 (alice and bob both finished 3 articles, 2 of them not in gold: "
        f"`annotator adjudicate --auto --db {db} --annotators alice,bob` takes what they agree on into gold)"
    )
    assert not (tmp_path / "model").exists()
