"""A newcomer's trial: `S` (capital) marked the article skipped and opened the next one at once, with no question,
while `d` asks when suggestions are pending; a stray shift is easy. `S` asks, as `d` and `F` do, with a prompt
whose answer is `y` (escape keeps the article): not enter, the accept key a person presses next by habit. Pilot on
the seed and hostile articles of a real database."""

from __future__ import annotations

from annotator.models import Status
from tests.tui.conftest import WHO


async def test_s_asks_before_skipping_and_escape_keeps_the_article(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("S")
        await pilot.pause()
        assert type(app.screen).__name__ == "SkipPrompt"
        question = str(app.screen.query_one("#skip-question").render())
        assert question == (
            "Skip this article? 15 suggestions are still pending.\n\n y  mark it skipped and open the next one to do\n"
            " escape  cancel: keep working on it"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert (type(app.screen).__name__, app.screen.article_id) == ("AnnotateScreen", "seed")
        assert app.screen.status_line.text.plain == "Not skipped"
    with read_store() as store:
        assert store.status("seed", WHO) is Status.TODO


async def test_enter_after_s_skips_nothing(running, read_store) -> None:
    async with running() as (app, pilot):
        await pilot.press("S", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SkipPrompt"
    with read_store() as store:
        assert store.status("seed", WHO) is Status.TODO


async def test_s_then_y_skips_and_opens_the_next_article(running, read_store) -> None:
    async with running(size=(200, 50)) as (app, pilot):
        await pilot.press("S", "y")
        await pilot.pause()
        assert (type(app.screen).__name__, app.screen.article_id) == ("AnnotateScreen", "hostile")
        assert app.screen.status_line.text.plain.endswith(": skipped, 15 left undecided")
    with read_store() as store:
        assert store.status("seed", WHO) is Status.SKIPPED
