"""A newcomer's trial (F9): an agreement the annotators reached after `adjudicate --auto` (bob changed 'Tom' to
alice's 'Tom Lee') never reached gold: opening the article did not put it in, review showed nothing open there, and
gold was marked done without it. Opening (or reading again) an article whose gold is not done puts such spans in as
one agreed event; done gold lacking one lists it open, "gold unlike all". Real SQLite files
(tests/agreed_since_db.py)."""

from __future__ import annotations

from pathlib import Path

from agreed_since_db import WHO, adjudicated, bob_agrees, done_without_tom_lee, gold

from annotator.gold import open_for_review, pick_version, review_state, take_back_agreed
from annotator.store import Store
from annotator.vocabulary import GOLD


def test_opening_puts_a_span_agreed_since_into_gold(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = adjudicated(path)
    bob_agrees(path, article)
    with Store.open(path) as store:
        edit = open_for_review(store, article, WHO, "lead")
        assert edit is not None and edit.message == "1 span from all"
    assert gold(path, article) == ["Anna Berg", "Tom Lee", "Oslo"]


def test_the_span_put_in_is_one_event_an_undo_takes_out(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = adjudicated(path)
    bob_agrees(path, article)
    with Store.open(path) as store:
        open_for_review(store, article, WHO, "lead")
        store.undo(article, GOLD)
    assert gold(path, article) == ["Anna Berg", "Oslo"]


def test_a_span_agreed_since_taken_back_with_g_stays_out_on_opening_again(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = adjudicated(path)
    bob_agrees(path, article)
    with Store.open(path) as store:
        open_for_review(store, article, WHO, "lead")
        take_back_agreed(store, article)
        assert open_for_review(store, article, WHO, "lead") is None
        assert review_state(store, article, WHO).open == []
    assert gold(path, article) == ["Anna Berg", "Oslo"]


def test_an_agreed_span_taken_out_by_hand_stays_out_on_opening_again(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = adjudicated(path)
    with Store.open(path) as store:
        oslo = next(s for s in store.spans(article, GOLD) if s.text == "Oslo")
        store.remove_span(article, GOLD, oslo.id)
    bob_agrees(path, article)
    with Store.open(path) as store:
        open_for_review(store, article, WHO, "lead")
    assert gold(path, article) == ["Anna Berg", "Tom Lee"]


def test_done_gold_lacking_a_span_all_agree_on_has_it_open_as_gold_unlike_all(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = done_without_tom_lee(path)
    with Store.open(path) as store:
        state = review_state(store, article, WHO)
        place = state.disagreements[0]
        assert (len(state.disagreements), state.open, state.kind(0)) == (1, [0], "gold unlike all")
        assert ((place.layer, place.start, place.end), {n: [s.text for s in v] for n, v in place.versions.items()}) == (
            ("entity", 14, 21), {"alice": ["Tom Lee"], "bob": ["Tom Lee"]}
        )  # fmt: skip


def test_picking_there_puts_the_agreed_span_into_done_gold_and_nothing_is_open(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = done_without_tom_lee(path)
    with Store.open(path) as store:
        pick_version(store, article, review_state(store, article, WHO).disagreements[0], "bob", "lead")
        assert review_state(store, article, WHO).open == []
    assert gold(path, article) == ["Anna Berg", "Tom Lee", "Oslo"]
