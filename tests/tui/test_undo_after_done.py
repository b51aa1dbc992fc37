"""A newcomer's trial: `u` right after `d` (which marks the article done and opens the next) undid an older change
in the next article, while the done mark stayed. As a Prodigy or doccano user expects, the first `u` after `d`,
before any change in the article it opened, goes back to the article just marked done and undoes its done mark;
ctrl+r then marks it done again and opens the next, as `d` did. Pilot on the real app and a real SQLite file."""

from __future__ import annotations

from annotator.wording import clipped
from tests.tui.conftest import WHO


async def test_u_right_after_d_goes_back_and_undoes_the_done_mark(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.pause()
        first = app.screen.article_id
        title = app.screen.model.title
        await pilot.press("n", "x")  # an older change in the next article: its suggestion rejected
        await pilot.pause()
        second = app.screen.article_id
        await pilot.press("p", "d", "l")  # done, leaving its suggestions undecided: the next one to do opens
        await pilot.pause()
        assert app.screen.article_id == second
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.article_id == first
        assert app.messages[-1][1] == (
            f"undid: status done -> to do, on {clipped(title, 40)!r}, the article just marked done (ctrl+r marks "
            "it done again and goes on)"
        )
        with read_store() as store:
            assert (store.status(first, WHO).value, store.status(second, WHO).value) == ("todo", "in_progress")
            assert [d for d in store.decisions(second, WHO).values()] == ["rejected"]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.article_id == second
        assert app.messages[-1][1].startswith(f"redid: status to do -> done, on {title!r}; the next one to do is open")
        with read_store() as store:
            assert store.status(first, WHO).value == "done"
        await pilot.press("u")  # again right after the done mark: back again
        await pilot.pause()
        assert app.screen.article_id == first
        with read_store() as store:
            assert store.status(first, WHO).value == "todo"


async def test_u_after_a_change_in_the_article_d_opened_undoes_that_change(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.pause()
        first = app.screen.article_id
        await pilot.press("d", "l")
        await pilot.pause()
        second = app.screen.article_id
        await pilot.press("x", "u")  # a change here first: u undoes it, here
        await pilot.pause()
        assert app.screen.article_id == second
        assert app.messages[-1][1].startswith("undid reject of ")
        with read_store() as store:
            assert store.status(first, WHO).value == "done"
            assert store.decisions(second, WHO) == {}


async def test_u_right_after_a_skip_goes_back_and_undoes_the_skip(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.pause()
        first = app.screen.article_id
        await pilot.press("S", "y")
        await pilot.pause()
        assert app.screen.article_id != first
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.article_id == first
        assert app.messages[-1][1].startswith("undid: status skipped -> to do, on ")
        assert app.messages[-1][1].endswith(
            "the article just marked skipped (ctrl+r marks it skipped again and goes on)"
        )
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.article_id != first
        with read_store() as store:
            assert store.status(first, WHO).value == "skipped"
