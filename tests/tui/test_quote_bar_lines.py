"""A newcomer's trial: `┆He reportedly said that Israel has "not achieved` looked as if the whole line were quoted
from "He", as the bar stands before the line's first word. The bar is the line's: it stands in the margin of every
line holding some of the quote's words, one the quote starts or ends inside too (a short quote inside one line
would otherwise have none); the quote's own words are the italic ones (docs/annotating.md says so). Pilot on a
real database, the lines as drawn at 80 columns."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from annotator.tui.widgets.article_view import GUTTER, ArticleView
from tests.tui.conftest import WHO
from tests.tui.fixtures import drawn, one_article

QUOTED = "not achieved any of the strategic aims of the war"
TEXT = f'He reportedly said that Israel has "{QUOTED}," according to the report.\nThe meeting ended at noon.'


def gutters_and_italics(view: ArticleView, line: int) -> tuple[str, str]:
    """A screen line's margin bar, and its text's characters drawn italic."""
    gutter, *text = view.render_line(line)
    assert len(gutter.text) == GUTTER
    return gutter.text[1], "".join(s.text for s in text if s.style is not None and s.style.italic)


async def test_the_bar_marks_each_line_holding_quoted_words_and_the_italic_marks_the_words(tmp_path: Path) -> None:
    start = TEXT.index(QUOTED)
    quote = Suggestion(start=start, end=start + len(QUOTED), label="QUOTE", text=QUOTED, suggester="test.v1")
    db = one_article(tmp_path / "q.db", TEXT, [quote])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert [drawn(view, line) for line in range(4)] == [
            'He reportedly said that Israel has "not achieved',
            'any of the strategic aims of the war," according',
            "to the report.",
            "The meeting ended at noon.",
        ]
        assert [gutters_and_italics(view, line) for line in range(4)] == [
            ("┆", "not achieved "),
            ("┆", "any of the strategic aims of the war"),
            (" ", ""),
            (" ", ""),
        ]
