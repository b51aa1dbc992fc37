"""A trial: the side panel of a done article with no spans said "No spans yet: move with ← →, select with shift,
press 1-4.", while every label key there writes nothing (`annotator.locking`) and the key bar and title bar said
done. On a done article the panel's hint says it is done and that O reopens it, and again after an undone O.
Pilot on the real app and a real SQLite file, reading the rows the panel draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.tui.app import make_app
from annotator.tui.widgets.span_panel import EMPTY_HINT
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article
from tests.tui.test_done_article_locked import done_seed
from tests.tui.test_review_panel_hints import panel_rows

#: The seed article marked done with nothing accepted: `d`, leaving every suggestion undecided.
NOTHING = ("d", "l")


@pytest.mark.parametrize(
    ("size", "rows"),
    [((80, 24), ["No spans: this article is", "done; O reopens it to", "change it."]),
     ((200, 50), ["No spans: this article is done; O reopens it to change it."])],
)  # fmt: skip
async def test_the_panel_of_a_done_article_with_no_spans_says_o_reopens_it(running, tui_db, size, rows) -> None:
    async with running(size=size) as (app, pilot):
        await done_seed(app, pilot, tui_db, NOTHING)
        assert panel_rows(app, "#spans")[: len(rows) + 1] == [*rows, ""]


async def test_an_undone_reopen_leaves_the_panel_saying_it_is_done_again(running, tui_db) -> None:
    async with running(size=(200, 50)) as (app, pilot):
        await done_seed(app, pilot, tui_db, NOTHING)
        await pilot.press("O", "u")
        await pilot.pause()
        assert panel_rows(app, "#spans")[:2] == ["No spans: this article is done; O reopens it to change it.", ""]


async def test_o_on_a_done_article_with_nothing_to_list_gives_back_the_usual_hint(tmp_path: Path) -> None:
    """No span and no suggestion: the panel stays empty once reopened, and says what the keys do again."""
    app = make_app(one_article(tmp_path / "n.db", "Rain fell in Leeds."), WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("d", "enter")  # done: the list, as no article is left to do; enter opens it again
        await pilot.pause()
        hinted = panel_rows(app, "#spans")[0]
        await pilot.press("O")
        await pilot.pause()
        assert (hinted, panel_rows(app, "#spans")[0]) == (
            "No spans: this article is done; O reopens it to change it.",
            EMPTY_HINT,
        )
