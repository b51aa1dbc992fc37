"""A tester's trial: carol's done gold kept alice's picked FIG 300 after alice removed it (both annotators now agree
on nothing there), and the panel said "No disagreements: gold done"; or lacked the 20 bob put back after his
"(nothing)" was picked, and said "No disagreements" under "5/6 agreed spans in gold". The place is an open item,
"gold unlike all", whose pick key puts the annotators' agreement in. Pilot at 80x24 on a real database
(tests/gold_unlike_db.py)."""

from __future__ import annotations

from pathlib import Path

from gold_unlike_db import WHO, alice_drops_300, bob_adds_20, reviewed

from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD


def panel_rows(app) -> list[str]:
    """The rows the disagreement panel draws, as text."""
    panel = app.screen.query_one("#disputes")
    return ["".join(segment.text for segment in panel.render_line(y)).rstrip() for y in range(panel.size.height)]


async def test_gold_holding_a_span_nobody_has_now_opens_as_the_open_item(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = reviewed(path)
    alice_drops_300(path, article)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panel_rows(app)[:5] == [
            "2 agreed spans in gold",
            "Disagreement 1/2 · 1 open",
            "gold unlike all · open",
            "a alice (nothing)",
            "b bob (nothing)",
        ]


async def test_picking_at_the_place_takes_the_span_nobody_has_out_of_gold(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = reviewed(path)
    alice_drops_300(path, article)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert panel_rows(app)[:3] == ["2 agreed spans in gold", "Disagreement 1/1 · 0 open", "All settled, gold done"]
    with Store.open(path) as store:
        assert [s.text for s in store.spans(article, GOLD)] == ["Officials", "Lima"]


async def test_gold_without_a_span_both_now_have_opens_as_the_open_item(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    article = reviewed(path)
    bob_adds_20(path, article)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panel_rows(app)[:8] == [
            "2/3 agreed spans in gold,",
            "1 open",
            "Disagreement 2/2 · 1 open",
            "gold unlike all · open",
            "a alice",
            "  FIG 20",
            "b bob",
            "  FIG 20",
        ]
