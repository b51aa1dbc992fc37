"""A newcomer's trial: ctrl+c (which does not quit, Textual's choice) showed Textual's notice with its markup
literally, "Press [b]q[/b] to quit the app", on the article's status line, and in a toast over the article list's
titles. It is said in plain words, on the article's status line and on the list's own line, and quits nothing.
Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from annotator.tui.app import make_app
from annotator.tui.screens.article_list import ArticleListScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

SAID = "ctrl+c does not quit: press q to quit (everything is saved already)"


async def test_ctrl_c_on_the_article_says_which_key_quits_in_plain_words(tmp_path: Path) -> None:
    app = make_app(one_article(tmp_path / "n.db", "Police said Rafah was hit."), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert (app.screen.status_line.text.plain, app.is_running) == (SAID, True)


async def test_ctrl_c_on_the_article_list_says_it_on_the_lists_own_line_with_no_toast(tmp_path: Path) -> None:
    from textual.widgets._toast import Toast

    app = make_app(one_article(tmp_path / "n.db", "Police said Rafah was hit."), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        note = str(screen.query_one("#list-note", Static).render())
        assert (note, len(screen.query(Toast)), app.is_running) == (SAID, 0, True)
