"""What u and ctrl+r say when they have nothing to act on here (newcomers' trials): undo and redo go per article.
On a fresh first article u said "Not done: nothing to undo in this article (undo goes per article: p opens the one
before)", though nothing had been done anywhere and there is no article before; after an undo on another article,
ctrl+r said "Not done: nothing to redo", as if the undo were lost. Now one line says there is nothing to undo (or
redo) on this article, and, when there is on another, which one. Pilot on the real app and a real SQLite file; the
Store's refusals say the same."""

from __future__ import annotations

import pytest

from annotator.errors import Refused
from tests.tui.conftest import WHO

SEED_TITLE = '"Israel\'s aerial and ground bombardments…"'  # the seed's title, shortened as the line says it


def status(app) -> str:
    return app.screen.status_line.text.plain


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_u_on_a_fresh_first_article_says_nothing_was_done_here_yet(running, read_store, size) -> None:
    async with running(size=size) as (app, pilot):
        await pilot.press("u")
        said = status(app)
    assert said == "Nothing to undo on this article yet"
    with read_store() as store:
        assert store.spans("seed", WHO) == []


async def test_u_on_another_article_names_the_one_changed_last(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("enter", "n")  # accepts Israel on the seed, then opens the next article
        await pilot.pause()
        assert app.screen.article_id == "hostile"
        await pilot.press("u")
        said = status(app)
    assert (
        said == f"Nothing to undo on this article yet: undo goes per article, and your last change is on {SEED_TITLE}"
    )
    with read_store() as store:
        assert [s.text for s in store.spans("seed", WHO)] == ["Israel"]


async def test_u_after_every_change_here_is_undone_says_so(running) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("enter", "u", "u")
        said = status(app)
    assert said == "Nothing to undo on this article: every change made here is undone already"


async def test_ctrl_r_after_an_undo_on_another_article_names_it(running, read_store) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("enter", "u", "n")  # accept and undo on the seed, then open the next article
        await pilot.pause()
        await pilot.press("ctrl+r")
        said = status(app)
        await pilot.press("p", "ctrl+r")  # the redo is still there, on the article it belongs to
        redone = status(app)
    assert said == f"Nothing to redo on this article: redo goes per article, and your last undo is on {SEED_TITLE}"
    assert redone.startswith("redid accept of ACTOR 'Israel'")
    with read_store() as store:
        assert [s.text for s in store.spans("seed", WHO)] == ["Israel"]


async def test_ctrl_r_with_nothing_undone_anywhere(running) -> None:
    async with running(size=(200, 50)) as (app, pilot):
        await pilot.press("enter", "ctrl+r")
        said = status(app)
    assert said == "Nothing to redo on this article: nothing on it was undone"


def test_the_store_says_the_same(read_store) -> None:
    with read_store() as store:
        with pytest.raises(Refused) as fresh:
            store.undo("seed", WHO)
        suggestion = next(s.id for s in store.suggestions("seed") if s.text == "Israel")
        store.accept_suggestion("seed", WHO, suggestion)
        store.undo("seed", WHO)
        with pytest.raises(Refused) as elsewhere:
            store.redo("hostile", WHO)
    assert str(fresh.value) == "nothing to undo on this article yet"
    assert (
        str(elsewhere.value)
        == f"nothing to redo on this article: redo goes per article, and your last undo is on {SEED_TITLE}"
    )
