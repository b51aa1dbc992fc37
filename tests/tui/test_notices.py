"""No notice stands over an article's text: what a toast said there goes on the status line, where the screen says
every outcome (a newcomer's trial: at 80x24 a refused key's toast covered the cursor's line for seconds)."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from textual.widgets._toast import Toast

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Title\n\nShort line. Sunita Rao said the plan works, saving 4.2 billion crowns.\n"


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_a_refused_key_is_said_on_the_status_line_and_nothing_covers_the_article(tmp_path, size):
    app = make_app(one_article(tmp_path / "n.db", TEXT), WHO, keymap_path=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        screen._move_to(screen.model.token_index(TEXT.index(".")))  # the full stop after "Short line"
        await pilot.press("1")
        await pilot.pause()
        view = screen.view.region
        above = [w for w in screen.query("*") if w.region.overlaps(view) and w not in screen.view.ancestors_with_self]
        covering = [type(w).__name__ for w in above]  # a toast, or anything else drawn over the text
        said = screen.status_line.text.plain
        toasts = list(app.screen.query(Toast))
    assert said == "Not done: an ACTOR span may not start or end with punctuation ('.' ... '.')"
    assert covering == []
    assert toasts == []
    assert [m for _, m in app.messages] == [said]  # kept once in the message log (M)


async def test_on_the_article_list_a_notice_is_said_on_the_lists_own_line_shown_literally(tmp_path):
    """On the list, a notice goes on the list's own line under its counts (a toast stood over the titles), and stored
    text in it is never read as markup."""
    app = make_app(one_article(tmp_path / "n.db", TEXT), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        app.notify("[/x] and [Update] \x1b[31m", title="[b]Title", severity="warning")
        await pilot.pause()
        note = str(app.screen.query_one("#list-note", Static).render())
        toasts = list(app.screen.query(Toast))
    assert (note, toasts) == ("[b]Title: [/x] and [Update] ␛[31m", [])


async def test_elsewhere_a_notice_is_a_toast_shown_literally(tmp_path):
    """Off the article and its list (here the help over the list), a notice is still a toast; stored text in it is
    never read as markup."""
    app = make_app(one_article(tmp_path / "n.db", TEXT), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("?")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        app.notify("[/x] and [Update] \x1b[31m", title="[b]Title", severity="warning")
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
    assert toasts == ["[b]Title\n[/x] and [Update] ␛[31m"]
