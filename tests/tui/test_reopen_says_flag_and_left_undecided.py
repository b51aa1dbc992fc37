"""A newcomer's findings on O (reopen): on a flagged article it took the flag's reason away without a word (u gave
it back); and an article opened that is done with suggestions left undecided said nothing of them until tab did.
A reason belongs to the flag (the store keeps none on an article not flagged; d clears it too), so O takes both
off and says so, naming the reason; and opening a done article with suggestions left undecided says so at once.
Pilot on the real app and a real SQLite file."""

from __future__ import annotations

from annotator.store import Store
from annotator.vocabulary import Status
from tests.tui.conftest import WHO

LEFT = (
    "Done, with 15 suggestions left undecided when it was marked done (not pending while it is done); "
    "O reopens it to decide them"
)


async def test_o_on_a_flagged_article_says_the_flag_and_its_reason_go_and_u_gives_them_back(
    running, tui_db, read_store
) -> None:
    with Store.open(tui_db) as store:
        store.set_status("seed", WHO, Status.FLAGGED, reason="unclear speaker")
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("p")  # the screen opens on the article still to do
        await pilot.pause()
        assert app.screen.article_id == "seed"
        await pilot.press("O")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Reopened: in progress again, 15 suggestions pending again (tab goes to them); the flag is off, and "
            "its reason 'unclear speaker' with it (u puts them back; C keeps a note as a comment)"
        )
        with read_store() as store:
            assert (store.status("seed", WHO), store.flag_reason("seed", WHO)) == (Status.IN_PROGRESS, None)
        await pilot.press("u")
        await pilot.pause()
    with read_store() as store:
        assert (store.status("seed", WHO), store.flag_reason("seed", WHO)) == (Status.FLAGGED, "unclear speaker")


async def test_opening_a_done_article_with_suggestions_left_undecided_says_so_at_once(running) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("d", "l")  # done, leaving them undecided: the next article opens
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.article_id == "seed"
        assert app.messages[-1][1] == LEFT
        assert app.screen.status_line.text.plain == LEFT


async def test_the_screen_opening_on_such_an_article_says_so_at_once(running, tui_db) -> None:
    with Store.open(tui_db) as store:
        store.set_status("seed", WHO, Status.DONE)
        store.set_status("hostile", WHO, Status.DONE)  # none left to do: the screen opens on the first
    async with running(size=(200, 50)) as (app, pilot):
        await pilot.pause()
        assert app.screen.article_id == "seed"
        assert app.screen.status_line.text.plain == LEFT
