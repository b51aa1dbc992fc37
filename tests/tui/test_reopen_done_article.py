"""Finding 3 (newcomer 42k): suggestions left undecided on a done article (`d`, then `l`) could not be found again:
tab said "Nothing is left to decide here: d marks the article done", R showed none, and no key, command or doc
said how to reopen the article, which `stats` and the README say asks about them again. Now tab on such an article
says how many were left and that O reopens it; O marks it in progress, and they are pending again. Pilot on the
real app and a real SQLite file."""

from __future__ import annotations

from annotator.vocabulary import Status
from tests.tui.conftest import WHO


async def test_tab_on_a_done_article_names_what_was_left_and_o_reopens_it_with_them_pending(
    running, read_store
) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        with read_store() as store:
            left = len(store.pending("seed", WHO))
        assert left == 15
        await pilot.press("d", "l")  # done, leaving them undecided: the next article opens
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert (screen.article_id, screen.model.pending_count) == ("seed", 0)
        await pilot.press("tab")
        assert app.messages[-1][1] == (
            "Nothing is pending on a done article: 15 suggestions were left undecided when it was marked done; "
            "O reopens it to decide them"
        )
        await pilot.press("O")
        await pilot.pause()
        assert app.messages[-1][1] == "Reopened: in progress again, 15 suggestions pending again (tab goes to them)"
        assert screen.model.pending_count == 15
        await pilot.press("tab")
        item = screen.model.get(screen.current)
        assert item is not None and item.kind == "pending"
    with read_store() as store:
        assert store.status("seed", WHO) is Status.IN_PROGRESS
        assert len(store.pending("seed", WHO)) == 15


async def test_o_on_an_article_not_done_changes_nothing_and_says_why(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("O")
        await pilot.pause()
        assert app.messages[-1][1] == "Not reopened: this article is not marked done, skipped or flagged"
    with read_store() as store:
        assert [e.action for e in store.events("seed", WHO)] == []


async def test_o_logs_one_message(running) -> None:
    """A trial from a fresh clone: O kept two messages in the log (M), the status change's own and "Reopened: ..."."""
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("d", "l", "p")
        await pilot.pause()
        before = len(app.messages)
        await pilot.press("O")
        await pilot.pause()
        assert [message for _, message in app.messages[before:]] == [
            "Reopened: in progress again, 15 suggestions pending again (tab goes to them)"
        ]
