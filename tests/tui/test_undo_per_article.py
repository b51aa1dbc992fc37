"""`u` where this article has nothing to undo says that undo goes per article (a newcomer's trial: after edits in
the article before, "Not done: nothing to undo" read as if the history were lost). Pilot on the real app and a real
SQLite file."""

from __future__ import annotations

from tests.tui.conftest import WHO


async def test_undo_with_nothing_here_says_it_goes_per_article(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        first = app.screen.article_id
        await pilot.press("enter")  # accepts the first suggestion: history in this article
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.article_id != first
        await pilot.press("u")
        said = app.screen.status_line.text.plain
        await pilot.press("p", "u")
        undid = app.screen.status_line.text.plain
    assert said == (
        "Nothing to undo on this article yet: undo goes per article, and your last change is on "
        '"Israel\'s aerial and ground bombardments…"'
    )
    assert undid.startswith("undid accept of ")
    with read_store() as store:
        assert store.spans(first, WHO) == []
