"""A trial from a fresh clone: in `annotator review`, x on a span both annotators agreed on took it out of gold,
and the panel still said "2 agreed spans in gold". It now counts those gold holds ("1/2 agreed spans in gold"),
and u brings the whole count back. Pilot on a real two-annotator database (tests/review_db.py: both agreed on
ACTOR 'Israel' and LOCATION 'Sderot')."""

from __future__ import annotations

from pathlib import Path

from review_db import make_review_db

from annotator.gold import open_for_review, review_state
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD
from tests.tui.test_review_panel_hints import panel_rows

WHO = ["alice", "bob"]


async def test_removing_an_agreed_span_from_gold_is_counted_on_the_panel(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panel_rows(app)[0] == "2 agreed spans in gold"
        await pilot.press("slash", *"Israel", "enter", "x")
        await pilot.pause()
        assert app.messages[-1][1] == "removed ACTOR 'Israel' at 0:6"
        assert panel_rows(app)[:2] == ["1/2 agreed spans in gold,", "1 taken out (u undoes)"]


async def test_undoing_the_removal_counts_it_in_gold_again(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Israel", "enter", "x", "u")
        await pilot.pause()
        assert panel_rows(app)[0] == "2 agreed spans in gold"


def test_the_review_state_counts_the_agreed_spans_gold_holds(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")  # the agreed spans go into gold, as on opening
        [israel] = [s for s in store.spans(article_id, GOLD) if s.text == "Israel"]
        store.remove_span(article_id, GOLD, israel.id)
        assert review_state(store, article_id, WHO).agreed_in_gold == 1
