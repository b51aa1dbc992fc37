"""A newcomer's trial (F9): bob changed his 'Tom' to alice's 'Tom Lee' after `adjudicate --auto` (before or while
the review was open); the screen showed the disagreement gone and "2/3 agreed spans in gold", said "All settled: d
marks gold done", and d marked gold done without 'Tom Lee'. Opening the article, and reading it again when an
annotator's work changed, puts what all agree on since into gold and says so; done gold lacking it opens on it,
"gold unlike all". Pilot on the real review app on a real SQLite file (tests/agreed_since_db.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from agreed_since_db import WHO, adjudicated, bob_agrees, done_without_tom_lee, gold

from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.vocabulary import GOLD, Status
from tests.tui.test_review_panel_hints import panel_rows


def status(app) -> str:
    return app.screen.status_line.text.plain


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_opening_puts_the_span_agreed_since_into_gold_and_says_so(tmp_path: Path, size) -> None:
    path = tmp_path / "s.db"
    article = adjudicated(path)
    bob_agrees(path, article)
    app = make_review_app(path, "lead", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        said, rows = status(app), panel_rows(app)[:1]
    assert (said, rows) == ("Agreed spans into gold: 1 span from all", ["3 agreed spans in gold"])
    assert gold(path, article) == ["Anna Berg", "Tom Lee", "Oslo"]


async def test_reading_again_after_bob_agrees_puts_it_in_and_d_marks_gold_done_with_it(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    article = adjudicated(path)
    app = make_review_app(path, "lead", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = panel_rows(app)[:2]
        bob_agrees(path, article)
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)
        said, after = status(app), panel_rows(app)[:3]
        await pilot.press("d")
        await pilot.pause()
    assert before == ["2 agreed spans in gold", "Disagreement 1/1 · 1 open"]
    assert said == (
        "Shown as stored now: bob's annotation was changed by `annotator import` since it was shown here; "
        "disagreement 1/1 ('Tom Lee' at 14:21) is no longer there; no disagreement is left; agreed spans into gold: "
        "1 span from all"
    )
    assert after == ["3 agreed spans in gold", "No disagreements: d marks", "gold done"]
    with Store.open(path) as store:
        assert store.status(article, GOLD) == Status.DONE
    assert gold(path, article) == ["Anna Berg", "Tom Lee", "Oslo"]


async def test_done_gold_lacking_a_span_all_have_opens_on_it_as_open(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    done_without_tom_lee(path)
    app = make_review_app(path, "lead", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = panel_rows(app)[:8]
    assert rows == [
        "2/3 agreed spans in gold,",
        "1 open",
        "Disagreement 1/1 · 1 open",
        "gold unlike all · open",
        "a alice",
        "  ACT Tom Lee",
        "b bob",
        "  ACT Tom Lee",
    ]
