"""A key read with a click that opens another screen (a double click on a row of the article list, a click on the
key bar's ?) acts on the screen the click opened, as a key that opens a screen lets the keys after it go once that
screen is ready (`MouseOrderApp` holds them till the click's message has acted). These passed when written: they
guard the case. The bytes are a real terminal's (SGR mouse reports) read by Textual's parser and driver; the
articles are ingested by the real console script."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article_list import ArticleListScreen
from annotator.tui.widgets.article_rows import ArticleRows
from annotator.tui.widgets.bars import KeyBar
from tests.tui.conftest import WHO
from tests.tui.fixtures import ingest_stories, sgr_click, terminal_read

STORIES = [
    {"id": "a", "title": "Smith", "text": "Police said John Smith met Mary Jones in London during the day."},
    {"id": "b", "title": "Harbour", "text": "Mayor Ann Lee opened the harbour in Dover on Monday."},
    {"id": "c", "title": "Roads", "text": "Engineers said Tom Hall closed the roads in Leeds at night."},
]


def pending(db: Path, article: str) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return [s.text for s in store.pending(article, WHO)]


async def test_a_double_click_on_a_row_and_x_in_one_read_reject_that_articles_first_item(tmp_path: Path) -> None:
    db = ingest_stories(tmp_path, STORIES)
    before = pending(db, "b")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)
        rows = app.screen.query_one(ArticleRows)
        ids = [summary.id for summary in map(rows.row_at, range(len(rows.keys))) if summary is not None]
        row = rows.region.y + ids.index("b") - int(rows.scroll_offset.y) + 1
        terminal_read(app, sgr_click(rows.region.x + 3, row) * 2 + "x")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert (app.screen.article_id, app.messages[-1][1]) == ("b", f"rejected ACTOR {before[0]!r} at 6:13")
    assert pending(db, "b") == before[1:]


async def test_a_click_on_the_key_bars_help_then_q_and_x_in_one_read_act_in_that_order(tmp_path: Path) -> None:
    """The key bar's ? opens the help screen; q, read with the click, closes it (not the app), and x rejects on the
    article (escape would not do: ESC then x in one read is alt+x, as a terminal sends it)."""
    db = ingest_stories(tmp_path, STORIES[:1])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        terminal_read(app, sgr_click(bar.region.x + line.index(" ? Help") + 2, bar.region.y + 1) + "qx")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.messages[-1][1] == "rejected ACTOR 'Police' at 0:6"
    assert pending(db, "a") == ["John Smith", "Mary Jones", "London"]
