"""Trial s57 F7: what the review panel's first line says of the spans all annotators agree on that gold does not
hold as agreed (annotator.review_agreed, which the panel shows; the screen in tests/tui/test_review_agreed_out.py):
taken out or changed by a later change of gold (u undoes it), or at an open item where gold is unlike all (a pick
puts it in). Real SQLite files: tests/review_db.py and tests/gold_unlike_db.py."""

from __future__ import annotations

from pathlib import Path

from gold_unlike_db import bob_adds_20, reviewed
from review_db import make_review_db

from annotator.gold import open_for_review, pick_version, review_state, take_back_agreed
from annotator.gold_agreed import AgreedOut
from annotator.review_agreed import agreed_line
from annotator.store import Store
from annotator.vocabulary import GOLD, Label, Status

WHO = ["alice", "bob"]


def said(store: Store, article_id: str) -> tuple[AgreedOut, str]:
    state = review_state(store, article_id, WHO)
    return state.agreed_out, agreed_line(state)


def test_taken_out_and_changed_by_hand_are_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        assert said(store, article_id) == (AgreedOut(0, 0, 0), "2 agreed spans in gold")
        israel, sderot = store.spans(article_id, GOLD)
        store.remove_span(article_id, GOLD, israel.id)
        assert said(store, article_id) == (
            AgreedOut(1, 0, 0, undos=1),
            "1/2 agreed spans in gold, 1 taken out (u undoes)",
        )
        store.relabel_span(article_id, GOLD, sderot.id, Label.ACTOR)
        assert said(store, article_id) == (
            AgreedOut(1, 1, 0, undos=1),
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


def test_after_later_changes_of_gold_the_hint_says_how_many_u(tmp_path: Path) -> None:
    """s57 t15 F5: after x took 'Israel' out, a pick and gold marked done came later; the first u takes back the
    mark, the second the pick, the third the x: the line says so, and u by u it counts down."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        [israel] = [s for s in store.spans(article_id, GOLD) if s.text == "Israel"]
        store.remove_span(article_id, GOLD, israel.id)
        hamas = review_state(store, article_id, WHO).disagreements[0]
        pick_version(store, article_id, hamas, "alice", "carol")
        store.set_status(article_id, GOLD, Status.DONE)
        lines = [said(store, article_id)]
        for _ in range(3):
            store.undo(article_id, GOLD)
            lines.append(said(store, article_id))
    assert lines == [
        (AgreedOut(1, 0, 0, undos=3), "1/2 agreed spans in gold, 1 taken out (u ×3 undoes)"),
        (AgreedOut(1, 0, 0, undos=2), "1/2 agreed spans in gold, 1 taken out (u ×2 undoes)"),
        (AgreedOut(1, 0, 0, undos=1), "1/2 agreed spans in gold, 1 taken out (u undoes)"),
        (AgreedOut(0, 0, 0), "2 agreed spans in gold"),
    ]


def test_changed_twice_u_goes_back_to_the_change_of_the_agreed_span(tmp_path: Path) -> None:
    """'Sderot' relabelled, then its label changed again: the second change replaced no agreed span, but u must
    undo both to bring the agreed one back."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        [sderot] = [s for s in store.spans(article_id, GOLD) if s.text == "Sderot"]
        store.relabel_span(article_id, GOLD, sderot.id, Label.ACTOR)
        store.relabel_span(article_id, GOLD, sderot.id, Label.FIGURE)
        assert said(store, article_id) == (
            AgreedOut(0, 1, 0, undos=2),
            "1/2 agreed spans in gold, 1 changed (u ×2 undoes)",
        )
