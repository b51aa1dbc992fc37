"""Trial s57 F7: after x took a span all annotators agreed on out of gold, the review panel said "1/2 agreed spans
in gold" with no word of what the other one was or what to do; and g, which a newcomer took to put it back, takes
the agreed spans still in out, refused here since the x came later. The panel now says what became of it and that u
undoes it, wrapped between clauses in the narrow panel of an 80-column screen. Pilot on a real two-annotator
database (tests/review_db.py: both agreed on ACTOR 'Israel' and LOCATION 'Sderot')."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_db import make_review_db
from rich.console import Console
from rich.style import Style

from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.tui.widgets.disagreements import _Clauses
from annotator.vocabulary import GOLD
from tests.tui.test_review_panel_hints import panel_rows

WHO = ["alice", "bob"]
NARROW, WIDE = (80, 24), (200, 50)


@pytest.mark.parametrize(
    ("size", "rows"),
    [
        (NARROW, ["1/2 agreed spans in gold,", "1 taken out (u undoes)", "Disagreement 1/4 · 4 open"]),
        (WIDE, ["1/2 agreed spans in gold, 1 taken out (u undoes)", "Disagreement 1/4 · 4 open", "missing · open"]),
    ],
    ids=["80x24", "200x50"],
)
async def test_an_agreed_span_taken_out_by_hand_is_named_with_u(tmp_path: Path, size, rows) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Israel", "enter", "x")
        await pilot.pause()
        assert panel_rows(app)[:3] == rows


async def test_g_after_the_x_is_refused_and_u_brings_the_span_back(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Israel", "enter", "x", "g")
        await pilot.pause()
        refused, after_g = app.messages[-1][1], panel_rows(app)[:2]
        await pilot.press("u")
        await pilot.pause()
        after_u = panel_rows(app)[:1]
    assert refused == "Not done: the agreed spans are not the last change to gold: undo the later ones first (u)"
    assert after_g == ["1/2 agreed spans in gold,", "1 taken out (u undoes)"]
    assert after_u == ["2 agreed spans in gold"]
    with Store.open(path) as store:
        assert [s.text for s in store.spans(article_id, GOLD)] == ["Israel", "Sderot"]


async def test_an_agreed_span_whose_edge_moved_is_changed_each_clause_on_its_row(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Israel", "enter", "x")
        await pilot.press("slash", *"Sderot", "enter", "left_square_bracket")
        await pilot.pause()
        said, rows = app.messages[-1][1], panel_rows(app)[:4]
    assert said == "resized to LOCATION 'at Sderot' at 35:44"
    assert rows == ["0/2 agreed spans in gold,", "1 taken out,", "1 changed (u undoes)", "Disagreement 1/4 · 4 open"]


@pytest.mark.parametrize(
    ("size", "after_pick", "after_one_u"),
    [
        (
            NARROW,
            ["1/2 agreed spans in gold,", "1 taken out (u ×2 undoes)", "Disagreement 2/4 · 3 open"],
            ["1/2 agreed spans in gold,", "1 taken out (u undoes)", "Disagreement 1/4 · 4 open"],
        ),
        (
            WIDE,
            ["1/2 agreed spans in gold, 1 taken out (u ×2 undoes)", "Disagreement 2/4 · 3 open"],
            ["1/2 agreed spans in gold, 1 taken out (u undoes)", "Disagreement 1/4 · 4 open"],
        ),
    ],
    ids=["80x24", "200x50"],
)
async def test_after_a_later_pick_the_hint_says_which_u_undoes_the_x(
    tmp_path: Path, size, after_pick, after_one_u
) -> None:
    """s57 t15 F5: after x took 'Israel' out and a pick came later, the panel still said "(u undoes)", and the
    first u took the pick back, not the x: it took two. It says which u does, and that u brings 'Israel' back."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Israel", "enter", "x", "a")  # a: alice's version of disagreement 1 (Hamas)
        await pilot.pause()
        picked, rows = app.messages[-1][1], panel_rows(app)[: len(after_pick)]
        await pilot.press("u")
        await pilot.pause()
        rows_one_u = panel_rows(app)[: len(after_one_u)]
        await pilot.press("u")
        await pilot.pause()
        rows_two_u = panel_rows(app)[:1]
    assert picked.startswith("alice's version into gold: ")
    assert rows == after_pick
    assert rows_one_u == after_one_u
    assert rows_two_u == ["2 agreed spans in gold"]
    with Store.open(path) as store:
        assert [s.text for s in store.spans(article_id, GOLD)] == ["Israel", "Sderot"]


def test_a_clause_wider_than_the_narrow_panel_breaks_before_its_hint() -> None:
    """At 80 columns the panel is 25 wide: "10 taken out (u ×2 undoes)" is 26, and broke inside its hint (a first
    clause wider than the panel wraps, as it did)."""
    console = Console(width=25)
    clauses = _Clauses(["0/10 agreed spans in gold", "10 taken out (u ×2 undoes)"], Style())
    rows = console.render_lines(clauses, console.options, pad=False)
    assert ["".join(segment.text for segment in row).rstrip() for row in rows] == [
        "0/10 agreed spans in",
        "gold,",
        "10 taken out",
        "(u ×2 undoes)",
    ]
