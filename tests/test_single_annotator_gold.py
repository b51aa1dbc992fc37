"""Trial 25: a team of one could not reach gold: `adjudicate` and `review` wanted two annotators. Named alone with
--annotators, one annotator's finished work is what `adjudicate --auto` takes into gold and what `review` opens for
a reviewer to check; chosen by default, two are still needed (a second annotator may not have finished yet, and
gold taken from the first alone would then clash). `agreement` still needs two. Real processes, a real database,
the real review app driven by Pilot."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from review_db import ALICE, TEXT
from support import word_tokens

from annotator.models import ArticleIn, Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD


def alone(path: Path) -> str:
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Rockets"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", ALICE, Status.DONE)
    return article_id


def gold_spans(path: Path, article_id: str) -> list[tuple[int, int, str]]:
    with Store.open(path) as store:
        return sorted((s.start, s.end, s.label) for s in store.spans(article_id, GOLD))


def test_adjudicate_takes_one_named_annotators_work_into_gold(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    article_id = alone(db)
    result = annotator("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stdout) == (
        0,
        "1 article(s) compared (done by alice): 4 span(s) into gold, 1 article(s) settled, 0 disagreement(s) left for review\n",
    )
    assert gold_spans(db, article_id) == sorted((s.start, s.end, s.label) for s in ALICE)
    exported = annotator("export", "--annotator", GOLD, "--db", db, "-o", tmp_path / "gold.jsonl")
    assert exported.returncode == 0, exported.stderr
    [record] = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text("utf-8").splitlines()]
    assert len(record["spans"]) == 4


def test_adjudicate_by_default_still_wants_two_and_says_how_to_take_one(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    article_id = alone(db)
    result = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: adjudication needs two or more annotators (finished an article: alice; in the "
        "database: alice); name them with --annotators A,B (or one, --annotators alice, to take one annotator's "
        "work as gold)\n",
    )
    assert gold_spans(db, article_id) == []


def test_agreement_still_needs_two_named(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    alone(db)
    result = annotator("agreement", "--annotators", "alice", "--db", db)
    assert result.stderr == (
        "annotator: error: agreement needs two or more annotators (finished an article: alice; in the database: "
        "alice); name them with --annotators A,B\n"
    )


async def test_review_of_one_annotator_opens_with_their_spans_in_gold_and_d_marks_it_done(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    article_id = alone(db)
    app = make_review_app(db, "carol", ["alice"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    assert gold_spans(db, article_id) == sorted((s.start, s.end, s.label) for s in ALICE)
    with Store.open(db) as store:
        assert store.status(article_id, GOLD) is Status.DONE
