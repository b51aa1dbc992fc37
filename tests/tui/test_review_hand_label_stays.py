"""A newcomer's trial (s51 t5, F7): on the review screen a label key given by hand on a disagreement ("2" for
gold's LOCATION) went on to the annotate pass's next `;` stop, an unmarked word no annotator marked ("next: 1/2 add
'a leader'"), while the panel still showed the disagreement just settled: a reviewer's next 1 would have put that
word into gold. On the review screen the cursor stays on the span the key added; tab goes on to the next
disagreement still open. Pilot on a real two-annotator database (tests/review_db.py)."""

from __future__ import annotations

from pathlib import Path

from review_db import TEXT, make_review_db

from annotator.gold import review_state
from annotator.store import Store
from annotator.tui.review import make_review_app

WHO = ["alice", "bob"]
HAMAS = TEXT.index("Hamas")


async def test_a_label_key_on_a_disagreement_stays_on_the_span_it_added(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.screen.index == 0  # Hamas: alice's ACTOR, bob has none
        await pilot.press("1")
        assert app.messages[-1][1] == f"added ACTOR 'Hamas' at {HAMAS}:{HAMAS + 5}"
        item = app.screen.model.get(app.screen.current)
        assert (item.kind, item.start, item.end) == ("span", HAMAS, HAMAS + 5)
        assert app.screen.index == 0
        await pilot.press("tab")
        assert app.screen.index == 1  # "20 rockets" / "20", the next still open
    with Store.open(path) as store:
        assert review_state(store, article_id, WHO).open == [1, 2, 3]
