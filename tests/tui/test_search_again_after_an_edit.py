"""A newcomer's trial: `/` `Khan` `enter` put the cursor on the first "Khan", inside ACTOR 'Usman Khan'; `{` moved
the span's end off it, and the edit put the cursor on the span's first word, "Usman"; `ctrl+n` then went from
there to the same "Khan" again (now unmarked), and only a second `ctrl+n` moved on. An edit that puts the cursor
back on the start of what it acted on does not move the search's place: `ctrl+n` goes on from the match the
person acted on. Pilot on a real database, exact offsets."""

from __future__ import annotations

from pathlib import Path

from support import nth

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article, seed_tokens

TEXT = "Police said Usman Khan stabbed two people. Officers shot Khan on the bridge. Khan died there."


def actor(text: str, part: str) -> Suggestion:
    start = text.index(part)
    return Suggestion(start=start, end=start + len(part), label="ACTOR", text=part, suggester="test.v1")


def with_suggestion(path: Path, part: str = "Usman Khan") -> Path:
    return one_article(path, TEXT, [actor(TEXT, part)])


def cursor_offset(app: AnnotatorApp) -> int:
    screen = app.screen
    return screen.model.tokens[screen.cursor].start  # type: ignore[attr-defined]


async def test_ctrl_n_after_an_edge_move_goes_to_the_next_match(tmp_path: Path) -> None:
    db = with_suggestion(tmp_path / "k.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Khan", "enter")
        assert cursor_offset(app) == nth(TEXT, "Khan", 0)
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("ACTOR", "Usman")]
        assert cursor_offset(app) == nth(TEXT, "Usman")  # the edit shows the span from its start
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Khan", 1)


async def test_ctrl_n_after_moving_away_from_the_edit_goes_on_from_the_cursor(tmp_path: Path) -> None:
    """The place the edit kept is the search's only while the cursor stays where the edit put it."""
    db = with_suggestion(tmp_path / "k.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Khan", "enter", "left_curly_bracket")
        await pilot.pause()
        await pilot.press("left")  # from "Usman" to "said"
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "said")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Khan", 0)


async def test_slash_enter_after_an_edge_move_goes_to_the_next_match(tmp_path: Path) -> None:
    """`/` then enter repeats the last search (the key table): from the same place as ctrl+n."""
    db = with_suggestion(tmp_path / "k.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Khan", "enter", "left_curly_bracket")
        await pilot.pause()
        await pilot.press("slash", "enter")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Khan", 1)


async def test_ctrl_n_in_the_next_article_goes_on_from_its_cursor(tmp_path: Path) -> None:
    """The place an edit kept is that article's: in the next one, opened with its cursor on the same token index
    (2, "Ahmed"), ctrl+n goes from the cursor there."""
    other = "Reporters saw Ahmed Khan leave. Later Khan spoke."
    db = tmp_path / "two.db"
    with Store.open(db) as store:
        store.add_articles(
            [
                (ArticleIn(text=text, id=id, title=id.upper()), seed_tokens(text), [actor(text, part)])
                for id, text, part in (("a", TEXT, "Usman Khan"), ("b", other, "Ahmed"))
            ]
        )
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Khan", "enter", "left_curly_bracket")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert (app.screen.article_id, cursor_offset(app)) == ("b", nth(other, "Ahmed"))  # type: ignore[attr-defined]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(other, "Khan")


async def test_ctrl_n_after_a_digit_added_a_span_goes_to_the_next_match(tmp_path: Path) -> None:
    """A digit on an unmarked match adds the span there and moves the cursor on to the next place `;` stops at,
    here the next "Khan" itself: ctrl+n goes on from the match the span was added on, to that "Khan"."""
    db = with_suggestion(tmp_path / "k.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Khan", "enter", "ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Khan", 1)
        await pilot.press("1")
        await pilot.pause()
        assert held_spans(db, WHO) == [("ACTOR", "Khan")]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Khan", 2)
