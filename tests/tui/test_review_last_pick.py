"""A newcomer's trial (31): after a pick on the last disagreement the cursor wrapped silently to an earlier one, and
the next keys overwrote a pick there; every pick said only "root's version into gold: 1 span(s) from root". A pick
names the spans it took; after the last disagreement the screen goes back only to one still open and says so, and
with none open it stays and says all are settled. Pilot on a real two-annotator database (tests/review_db.py:
Hamas, "20 rockets" / "20", bob's quote, bob's "the army")."""

from __future__ import annotations

from pathlib import Path

from review_db import TEXT, make_review_db

from annotator.gold import review_state
from annotator.store import Store
from annotator.tui.review import make_review_app

WHO = ["alice", "bob"]


def at(words: str) -> str:
    start = TEXT.index(words)
    return f"{start}:{start + len(words)}"


async def test_after_the_last_pick_the_screen_says_where_it_went_and_each_pick_names_its_spans(tmp_path: Path):
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # Hamas: alice's
        assert app.messages[-1][1] == f"alice's version into gold: ACTOR 'Hamas' at {at('Hamas')}"
        await pilot.press("j", "j", "b")  # the last (4/4) before the second (2/4, open)
        said = app.messages[-1][1]
        assert (
            said == f"bob's version into gold: ACTOR 'the army' at {at('the army')}; back to 2/4, the first still open"
        )
        assert app.screen.index == 1
        await pilot.press("b")  # "20": on to the quote, 3/4, the last open
        assert app.messages[-1][1] == f"bob's version into gold: FIGURE '20' at {at('20')}"
        await pilot.press("a")  # alice has no quote there
        assert app.messages[-1][1] == "alice's version into gold: no span; all settled: d marks gold done"
        assert app.screen.index == 2  # stays on the one just picked
    with Store.open(path) as store:
        assert review_state(store, article_id, WHO).open == []
