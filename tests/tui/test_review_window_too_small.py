"""The review screen's pick keys act on the disagreement, and only when the window shows the article's text (trial
s59 t19 F1 on the annotation screen; the review shares `in_view.too_small`): at 30 columns the text is not shown, a
pick is refused with how much wider to make the window, and gold is untouched; at 80x24 the same key picks. Pilot on
a real two-annotator database, the scrolled-away test's."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.review import make_review_app
from tests.tui.test_review_pick_scrolled_away import gold, review_db


async def test_a_pick_in_a_window_too_narrow_to_show_the_text_picks_nothing_and_says_how_much_wider(
    tmp_path: Path,
) -> None:
    path, article_id = review_db(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not done: the window is too small to show the article's text: make it 10 column(s) wider "
            "(a key acts only on what the window shows)"
        )
    assert gold(path, article_id) == []


async def test_the_review_window_made_wider_lets_the_pick_act(tmp_path: Path) -> None:
    path, article_id = review_db(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.messages[-1][1].startswith("bob's version into gold: ")
    assert gold(path, article_id) == ["two more"]
