"""Trial s57 F7: what the review panel's first line says of the spans all annotators agree on that gold does not
hold as agreed (annotator.review_agreed, which the panel shows; the screen in tests/tui/test_review_agreed_out.py):
taken out or changed by a later change of gold (u undoes it), or at an open item where gold is unlike all (a pick
puts it in). Real SQLite files: tests/review_db.py and tests/gold_unlike_db.py."""

from __future__ import annotations

from pathlib import Path

from gold_unlike_db import bob_adds_20, reviewed
from review_db import make_review_db

from annotator.gold import open_for_review, review_state, take_back_agreed
from annotator.review_agreed import AgreedOut, agreed_line, agreed_out
from annotator.store import Store
from annotator.vocabulary import GOLD, Label

WHO = ["alice", "bob"]


def said(store: Store, article_id: str) -> tuple[AgreedOut, str]:
    state, gold = review_state(store, article_id, WHO), store.spans(article_id, GOLD)
    return agreed_out(state, gold), agreed_line(state, gold)


def test_taken_out_and_changed_by_hand_are_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        assert said(store, article_id) == (AgreedOut(0, 0, 0), "2 agreed spans in gold")
        israel, sderot = store.spans(article_id, GOLD)
        store.remove_span(article_id, GOLD, israel.id)
        assert said(store, article_id) == (AgreedOut(1, 0, 0), "1/2 agreed spans in gold, 1 taken out (u undoes)")
        store.relabel_span(article_id, GOLD, sderot.id, Label.ACTOR)
        assert said(store, article_id) == (
            AgreedOut(1, 1, 0),
            "0/2 agreed spans in gold, 1 taken out, 1 changed (u undoes)",
        )


def test_taken_back_with_g_they_are_not_in_gold_and_g_puts_them_back(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        take_back_agreed(store, article_id)
        assert said(store, article_id)[1] == "2 agreed spans not in gold (g puts them back)"


def test_a_span_all_agree_on_since_a_pick_is_an_open_item(tmp_path: Path) -> None:
    """carol picked bob's nothing over alice's FIG 20; bob then added the 20: gold lacks what both now have."""
    path = tmp_path / "r.db"
    article_id = reviewed(path)
    bob_adds_20(path, article_id)
    with Store.open(path) as store:
        assert said(store, article_id) == (AgreedOut(0, 0, 1), "2/3 agreed spans in gold, 1 open")
