"""A tester's trial: where gold, done, no longer holds what the annotators now all agree on because one changed
their done article after carol's picks, review listed nothing open and gold kept a span nobody has (or lacked one
both have). `review_state` lists such a place as an open disagreement, "gold unlike all", whose pick puts their
agreement in; gold is never changed unasked, and a place the reviewer edited by hand stays hers. Real SQLite files
(tests/gold_unlike_db.py)."""

from __future__ import annotations

from pathlib import Path

from gold_unlike_db import WHO, alice_drops_300, bob_adds_20, reviewed

from annotator.gold import pick_version, review_state
from annotator.store import Store
from annotator.vocabulary import GOLD


def gold(path: Path, article_id: str) -> list[str]:
    with Store.open(path) as store:
        return [s.text for s in store.spans(article_id, GOLD)]


def test_gold_holding_a_span_nobody_has_now_is_an_open_place_with_both_versions_empty(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = reviewed(path)
    alice_drops_300(path, article)
    with Store.open(path) as store:
        state = review_state(store, article, WHO)
        place = state.disagreements[state.gold_unlike[0]]
        assert (state.gold_unlike, state.open, state.kind(0)) == ((0,), [0], "gold unlike all")
        assert ((place.layer, place.start, place.end), place.versions) == (("entity", 15, 18), {"alice": [], "bob": []})
        assert (len(state.disagreements), state.settled_by) == (2, [None, "bob"])


def test_picking_a_version_of_the_place_puts_their_agreement_in_and_the_place_goes(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = reviewed(path)
    alice_drops_300(path, article)
    with Store.open(path) as store:
        pick_version(store, article, review_state(store, article, WHO).disagreements[0], "bob", "carol")
        state = review_state(store, article, WHO)
        assert (len(state.disagreements), state.gold_unlike, state.open) == (1, (), [])
    assert gold(path, article) == ["Officials", "Lima"]


def test_gold_without_a_span_both_now_have_is_an_open_place_with_their_versions(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = reviewed(path)
    bob_adds_20(path, article)
    with Store.open(path) as store:
        state = review_state(store, article, WHO)
        assert (len(state.disagreements), state.gold_unlike, state.open, state.settled_by) == (
            2, (1,), [1], ["alice", None]
        )  # fmt: skip
        place = state.disagreements[1]
        assert {name: [s.text for s in spans] for name, spans in place.versions.items()} == {
            "alice": ["20"], "bob": ["20"]
        }  # fmt: skip
        pick_version(store, article, place, "alice", "carol")
        assert review_state(store, article, WHO).gold_unlike == ()
    assert gold(path, article) == ["Officials", "300", "20", "Lima"]


def test_a_place_the_reviewer_edited_by_hand_after_the_pick_stays_her_decision(tmp_path: Path) -> None:
    """carol took alice's picked 300 out of gold by hand (x): bob adding a 300 later does not reopen it."""
    path = tmp_path / "r.db"
    article = reviewed(path)
    with Store.open(path) as store:
        store.reviewer = "carol"
        [three_hundred] = [s for s in store.spans(article, GOLD) if s.text == "300"]
        store.remove_span(article, GOLD, three_hundred.id)
    with Store.open(path) as store:
        store.replace_annotation(
            article, "bob", [*store.spans(article, "bob"), three_hundred], store.status(article, "bob")
        )
        state = review_state(store, article, WHO)
        assert ([d.start for d in state.disagreements], state.gold_unlike, state.open) == ([35], (), [])
    assert gold(path, article) == ["Officials", "Lima"]


def test_an_agreed_span_both_annotators_removed_since_is_an_open_place_too(tmp_path: Path) -> None:
    """The agreed spans put in are gold's decision as a pick is: both removing Lima leaves a Lima nobody has."""
    path = tmp_path / "r.db"
    article = reviewed(path)
    with Store.open(path) as store:
        for name in WHO:
            store.replace_annotation(
                article, name, [s for s in store.spans(article, name) if s.text != "Lima"], store.status(article, name)
            )
        state = review_state(store, article, WHO)
        assert ([(d.start, d.end) for d in state.disagreements], state.gold_unlike, state.open) == (
            [(15, 18), (35, 37), (54, 58)], (2,), [2]
        )  # fmt: skip
    assert gold(path, article) == ["Officials", "300", "Lima"]
