"""A newcomer's trial (22): in `annotator review`, d marked gold done while disagreements were still open, without a
word, and their spans went into gold as nothing (gold had 88 spans where the annotator had 89). With disagreements
open, d asks, as d asks in the annotate screen with suggestions pending: y marks gold done without them, escape
keeps reviewing. Pilot on a real two-annotator database (tests/review_db.py: four disagreements)."""

from __future__ import annotations

from pathlib import Path

from review_db import make_review_db

from annotator.models import Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.tui.screens.prompts import OpenDisagreementsPrompt
from annotator.tui.screens.review import ReviewScreen
from annotator.vocabulary import GOLD

WHO = ["alice", "bob"]


def gold_status(path: Path, article_id: str) -> Status | None:
    with Store.open(path) as store:
        return store.status(article_id, GOLD)


async def test_d_with_disagreements_open_asks_and_escape_keeps_reviewing(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "d")  # one disagreement settled, three open
        await pilot.pause()
        assert isinstance(app.screen, OpenDisagreementsPrompt)
        assert "3 disagreements are still open" in str(app.screen.query_one("#open-question").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.status_line.text.plain == "Not marked done: 3 disagreements still open (tab goes to them)"
    assert gold_status(path, article_id) is not Status.DONE


async def test_d_then_y_marks_gold_done_without_them(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, OpenDisagreementsPrompt)
        await pilot.press("y")
        await pilot.pause()
    assert gold_status(path, article_id) is Status.DONE


async def test_d_with_every_disagreement_settled_asks_nothing(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "b", "j", "b", "b", "d")
        await pilot.pause()
    assert gold_status(path, article_id) is Status.DONE
