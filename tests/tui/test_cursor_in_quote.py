"""A newcomer's trial: a move that lands inside a quote made the quote current and drew no cursor, so nothing
showed which word a label key would then mark (it adds an entity at the cursor, "inside a quote too"). With a
quote current the cursor's token is drawn too, on top of the quote's current style. Pilot on a real database."""

from __future__ import annotations

from annotator.tui.styles import CURSOR
from annotator.tui.widgets.article_view import ArticleView


async def test_the_cursor_is_drawn_inside_a_current_quote(running) -> None:
    async with running() as (app, pilot):
        await pilot.press("enter", "enter", "x", "2", *["tab"] * 6)  # as the annotate snapshot: a quote current
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and item.is_quote
        view = screen.query_one(ArticleView)
        marks = view.marks
        assert marks.show_cursor and marks.cursor is not None and marks.current is not None
        assert marks.current[0] <= marks.cursor[0] < marks.cursor[1] <= marks.current[1]
        style = view._style_at(marks.cursor[0], [], [])
        assert style.reverse is CURSOR.reverse is True
        outside = marks.cursor[1] + 1 if marks.cursor[1] + 1 < marks.current[1] else marks.current[0]
        assert not view._style_at(outside, [], []).reverse


async def test_no_cursor_is_drawn_over_a_current_entity(running) -> None:
    async with running() as (app, _pilot):
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and not item.is_quote  # on opening: the first suggestion, an entity
        assert not screen.query_one(ArticleView).marks.show_cursor


def _hint(app) -> str:
    line = app.screen.status_line.text.plain
    return line[line.rindex("  (") :]


async def test_the_status_line_inside_a_quote_says_what_the_keys_do_there(running) -> None:
    """A newcomer's trial: with the cursor inside a pending quote the status line offered "1-4 label", while a
    label digit there adds an entity at the cursor and x rejects the quote. It says what each key does there, and
    which words a digit adds; on an entity, 1-3 (4 adds a quote around it instead)."""
    from tests.tui.test_tui_keys import go_to_word

    async with running() as (app, pilot):
        assert _hint(app) == "  (enter accept, x reject, 1-3 label)"  # on opening: Israel, a pending entity
        await go_to_word(pilot, app, "occupation")
        item = app.screen.model.get(app.screen.current)
        assert item is not None and item.is_quote and item.pending
        assert (
            _hint(app)
            == "  (enter or 4 accept the quote, x reject it, s choose its speaker; 1-3 add 'The occupation' at the cursor)"
        )
        await pilot.press("enter")
        await go_to_word(pilot, app, "occupation")
        assert _hint(app) == "  (x remove the quote, s choose its speaker; 1-3 add 'The occupation' at the cursor)"
