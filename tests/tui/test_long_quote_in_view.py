"""A newcomer's trial at 80x24: with a long quote current, its last lines stood below the view (the view kept only
its first word in sight), and a status line grown to three lines took rows from the view without it following the
cursor. The current span's end is kept in view where it fits below its start. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from annotator.tui.widgets.article_view import ArticleView
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

QUOTE = (
    "We still have crews on the ridge and we will keep them there for as long as the wind keeps turning, "
    "because the smoke over the valley is the worst we have seen in twenty years and the roads are closing "
    "one after another, so nobody should drive north tonight unless they are told to leave"
)
TEXT = "Crews met.\n" + "\n".join(f"Line {n} of the report." for n in range(1, 16)) + f'\n"{QUOTE}," Maarten said.'


async def test_a_long_current_quote_is_in_view_to_its_last_line(tmp_path: Path) -> None:
    start = TEXT.index(QUOTE)
    suggestions = [
        Suggestion(start=0, end=5, label="ACTOR", text="Crews", suggester="test.v1"),
        Suggestion(start=start, end=start + len(QUOTE), label="QUOTE", text=QUOTE, suggester="test.v1"),
    ]
    app = make_app(one_article(tmp_path / "n.db", TEXT, suggestions), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # from Crews, at the top, to the quote, whose first line is in view
        await pilot.pause()
        screen = app.screen
        assert screen.model.get(screen.current).is_quote
        view = screen.query_one(ArticleView)
        top, height = int(view.scroll_offset.y), view.size.height
        first, last = view.layout_.line_of(start), view.layout_.line_of(start + len(QUOTE) - 1)
        assert last - first >= 3  # a quote of several lines
        assert top <= first and last < top + height
