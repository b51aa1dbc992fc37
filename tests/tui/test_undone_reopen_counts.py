"""A trial on the seed article: `d` leaving suggestions undecided, `O`, then `u`: the title bar said
"article 1 of 1 · done · 89 pending", while the same done article freshly opened says "article 1 of 1 · done" (a
done article asks about nothing: `store.current.is_pending`). The screen's model let the reopen ask about them
again, and the undo marking it done again did not settle them. Pilot on the real app and a real SQLite file."""

from __future__ import annotations

from tests.tui.test_done_article_locked import SOME, done_seed


async def test_undoing_a_reopen_shows_the_title_a_done_article_opened_shows(running, tui_db) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await done_seed(app, pilot, tui_db, SOME)
        assert app.screen.header[2] == "article 1 of 2 · done"
        await pilot.press("O", "u")
        await pilot.pause()
        assert app.screen.header[2] == "article 1 of 2 · done"


async def test_redoing_the_reopen_counts_the_suggestions_pending_again(running, tui_db) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await done_seed(app, pilot, tui_db, SOME)
        await pilot.press("O")
        await pilot.pause()
        reopened = app.screen.header[2]
        await pilot.press("u", "ctrl+r")
        await pilot.pause()
        assert (reopened, app.screen.header[2]) == ("article 1 of 2 · 13 pending", "article 1 of 2 · 13 pending")
