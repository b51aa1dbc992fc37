"""`annotator adjudicate --auto` leaves an article whose gold is done as it is (docs/teams.md), and says so: when
another annotator finishes it later, differently, the line counts the disagreements `review` shows there (the same
`gold.review_state`), with the command that opens them. The real console script on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from gold_unlike_db import bob_adds_20, reviewed
from processes import annotator
from support import nth, word_tokens

from annotator.gold import pick_version, review_state
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.vocabulary import GOLD, Label, Status

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
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) whose gold is done left as they are, with 1 "
        f"disagreement(s) open in them, which `annotator review --db {db} --annotators alice,bob,dan --reviewer carol` shows\n"
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
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) whose gold is done left as they are\n"
    )


GOA = "Ann flew from Delhi to Goa on Monday."


def test_done_gold_whose_picked_version_its_annotator_changed_since_counts_that_disagreement_open(
    tmp_path: Path,
) -> None:
    """A newcomer's trial: carol picked bob's Goa into gold and marked it done; bob then removed Goa from his done
    article. The line said "0 disagreement(s) ... left as they are" while gold holds a Goa that bob's version no
    longer has: the pick no longer settles it, and gold stays as it is for the reviewer to decide."""
    db = tmp_path / "r.db"
    goa = nth(GOA, "Goa")
    with Store.open(db) as store:
        (article,), _ = store.add_articles([(ArticleIn(text=GOA, title="T"), word_tokens(GOA), [])])
        for who in ("alice", "bob", "dan"):
            store.add_span(article, who, 0, 3, "ACTOR")
            if who != "dan":
                store.add_span(article, who, goa, goa + 3, "LOCATION")
            store.set_status(article, who, "done")
    assert annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db).returncode == 0
    with Store.open(db) as store:  # carol picks bob's Goa in review and marks gold done
        state = review_state(store, article, ["alice", "bob", "dan"])
        pick_version(store, article, state.disagreements[0], "bob", "carol")
        store.set_status(article, GOLD, Status.DONE)
        [bobs] = [s for s in store.spans(article, "bob") if s.label is Label.LOCATION]
        store.remove_span(article, "bob", bobs.id)  # bob's article stays done

    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "1 article(s) compared (done by all of alice, bob, dan): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) whose gold is done left as they are, with 1 "
        f"disagreement(s) open in them, which `annotator review --db {db} --annotators alice,bob,dan --reviewer carol` shows\n"
    )
    with Store.open(db) as store:  # gold untouched: the reviewer decides
        assert [(s.label.value, s.text) for s in store.spans(article, GOLD)] == [("ACTOR", "Ann"), ("LOCATION", "Goa")]
        assert store.status(article, GOLD) == Status.DONE


def test_done_gold_holding_a_picked_span_its_annotator_removed_since_so_all_agree_without_it_is_counted(
    tmp_path: Path,
) -> None:
    """A tester's trial: carol picked alice's FIG 300 over bob's nothing, gold done; alice then removed hers, so
    alice and bob agree on nothing there. The line said nothing was left while gold held a 300 nobody has."""
    db, exported, lima = tmp_path / "r.db", tmp_path / "alice.jsonl", tmp_path / "alice_lima.jsonl"
    article = reviewed(db)
    assert annotator("--db", db, "export", "--annotator", "alice", "-o", exported).returncode == 0
    record = json.loads(exported.read_text(encoding="utf-8"))  # alice's work again, without her 300
    record["spans"] = [span for span in record["spans"] if span["text"] != "300"]
    lima.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert annotator("--db", db, "--annotator", "alice", "import", lima, "--replace").returncode == 0

    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "1 article(s) compared (done by all of alice, bob): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) whose gold is done left as they are, with 1 "
        f"disagreement(s) open in them, which `annotator review --db {db} --annotators alice,bob --reviewer carol` shows\n"
    )
    with Store.open(db) as store:  # gold untouched: the reviewer decides
        assert [s.text for s in store.spans(article, GOLD)] == ["Officials", "300", "Lima"]


def test_done_gold_without_a_span_all_agree_on_since_a_picked_nothing_was_put_back_is_counted(
    tmp_path: Path,
) -> None:
    """The reverse: carol picked bob's nothing over alice's FIG 20; bob then put the 20 in, so both agree on it,
    and the line said "0 agreed span(s) into gold" and nothing left, the 20 staying out of gold."""
    db = tmp_path / "r.db"
    article = reviewed(db)
    bob_adds_20(db, article)

    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "1 article(s) compared (done by all of alice, bob): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review in the articles adjudicated now; 1 article(s) whose gold is done left as they are, with 1 "
        f"disagreement(s) open in them, which `annotator review --db {db} --annotators alice,bob --reviewer carol` shows\n"
    )
    with Store.open(db) as store:
        assert [s.text for s in store.spans(article, GOLD)] == ["Officials", "300", "Lima"]
