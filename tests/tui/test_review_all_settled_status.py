"""A newcomer's re-trial (34): once every disagreement was settled, the status line on a word with nothing of gold
still said "a/b pick a version of the disagreement (marked in rose)". With none open it says all are settled and
what d does, then what the label keys add. Pilot on a real two-annotator database, tokenized by spaCy."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.review import make_review_app
from tests.tui.test_review_highlight import boundary_disagreement
from tests.tui.test_review_panel_hints import panel_rows as app_panel_rows


async def test_with_every_disagreement_settled_the_status_line_no_longer_asks_for_a_pick(tmp_path: Path) -> None:
    path, _ = boundary_disagreement(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("a", "left", "left")  # alice's version; then 'Divers', where gold has nothing
        await pilot.pause()
        screen = app.screen
        assert screen.review is not None and screen.review.open == []
        assert screen.status_line.text.plain == (
            "all settled: d marks gold done · 1/2 add 'Divers' · j/k: disagreements · ?: help"
        )


async def test_on_an_article_whose_gold_is_done_it_says_so_not_what_d_does(tmp_path: Path) -> None:
    """Trial 37b: re-reviewing an article whose gold was marked done still said "all settled: d marks gold done"."""
    path, _ = boundary_disagreement(tmp_path / "review.db")
    first = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with first.run_test(size=(100, 32)) as pilot:
        await pilot.press("a", "d")  # alice's version; gold done
        await pilot.pause()
    again = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("left", "left")
        await pilot.pause()
        screen = again.screen
        assert screen.model.status.value == "done"
        assert screen.status_line.text.plain == (
            "all settled, gold done · 1/2 add 'Divers' · j/k: disagreements · ?: help"
        )
        panel = app_panel_rows(again)
        assert "All settled, gold done" in panel and "All settled: d marks gold done" not in panel  # a re-trial, 38c


async def test_the_title_bar_says_an_article_s_gold_is_done(tmp_path: Path) -> None:
    """Stop 38's trial: on an article whose gold was marked done, the title bar still said only "article 1 of 1 up
    for review", as on one still to do."""
    path, _ = boundary_disagreement(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.screen.header[2] == "article 1 of 1 up for review"
        await pilot.press("a", "d")  # alice's version; gold done: the only article, so the list opens
        await pilot.pause()
    again = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert again.screen.header[2] == "article 1 of 1 up for review, gold done"


async def test_the_title_bar_follows_gold_s_status_as_it_changes_here(tmp_path: Path) -> None:
    """A re-check (39c, P9): after `u` undid the done mark the title bar still said "gold done" (it was read again
    only on another article or another process's change, not on this screen's own)."""
    path, _ = boundary_disagreement(tmp_path / "review.db")
    first = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with first.run_test(size=(100, 32)) as pilot:
        await pilot.press("a", "d")  # gold done: the only article, so the list opens
        await pilot.pause()
    again = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert again.screen.header[2] == "article 1 of 1 up for review, gold done"
        await pilot.press("u")  # the done mark undone
        await pilot.pause()
        assert again.screen.model.status.value != "done"
        assert again.screen.header[2] == "article 1 of 1 up for review"
