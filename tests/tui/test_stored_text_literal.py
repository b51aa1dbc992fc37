"""Stored text in the article screen's lines is quoted as it is: the selection, a span's words, a title, typed
search words. Before, they were put in with Python's repr, which doubles a backslash (`C:\\dir` showed `C:\\\\dir`)
and escapes a quote mark when the text holds both kinds (`Lee\\'s`); now they go through `literal.quoted` (the
speaker prompt did the same in e413778). Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article, seed_tokens

TEXT = 'Lee\'s "likely" copy is in C:\\dir today. Police left.'
TITLE = 'Lee\'s "likely" copy in C:\\dir'
ARTICLES = [("a", TITLE, TEXT), ("b", "B", "Police came later.")]


def status(app) -> str:
    return app.screen.status_line.text.plain


def two_articles(db: Path) -> Path:
    """The first titled TITLE: `d` on it opens the second, and `u` there goes back."""
    with Store.open(db) as store:
        store.add_articles(
            [(ArticleIn(text=text, id=id, title=title), seed_tokens(text), []) for id, title, text in ARTICLES]
        )
    return db


async def test_the_selected_line_quotes_the_words_as_stored(tmp_path: Path) -> None:
    app = make_app(one_article(tmp_path / "s.db", TEXT), WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("v", *["shift+right"] * 8)
        await pilot.pause()
        assert (
            status(app) == "Selected 'Lee's \"likely\" copy is in C:\\dir': 1-4 add it with that label, escape clears"
        )


async def test_the_next_suggestion_to_decide_is_named_by_its_words_as_stored(tmp_path: Path) -> None:
    text = 'Police came. Lee\'s "likely" copy C:\\dir left.'
    words = 'Lee\'s "likely" copy C:\\dir'
    start = text.index(words)
    suggestion = Suggestion(start=start, end=start + len(words), label="ACTOR", text=words, suggester="t.v1")
    app = make_app(one_article(tmp_path / "s.db", text, [suggestion]), WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+up", "1")  # "Police" as an ACTOR: the line names the suggestion next to decide
        await pilot.pause()
        assert app.messages[-1][1] == (
            "added ACTOR 'Police' at 0:6; next: the suggestion ACTOR 'Lee's \"likely\" copy C:\\dir' at 13:39, still "
            "to decide (enter accept, x reject, 1/2 label; `,` goes back to the span added)"
        )


async def test_a_search_with_no_match_quotes_the_typed_words_as_typed(tmp_path: Path) -> None:
    app = make_app(one_article(tmp_path / "s.db", TEXT), WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *'D:\\x "y\'s"', "enter")
        await pilot.pause()
        assert app.messages[-1][1] == "No match for 'D:\\x \"y's\"' in this article"


async def test_undo_after_done_names_the_title_as_stored(tmp_path: Path) -> None:
    app = make_app(two_articles(tmp_path / "s.db"), WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert app.screen.article_id == "a"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "undid: status done -> to do, on 'Lee's \"likely\" copy in C:\\dir', the article just marked done "
            "(ctrl+r marks it done again and goes on)"
        )


async def test_redo_of_done_names_the_title_as_stored(tmp_path: Path) -> None:
    app = make_app(two_articles(tmp_path / "s.db"), WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "redid: status to do -> done, on 'Lee's \"likely\" copy in C:\\dir'; the next one to do is open"
        )
