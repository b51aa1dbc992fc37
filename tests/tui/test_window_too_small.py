"""A key acts on a span only when the window shows the article's text (trial s59 t19 F1: at 30x8 the article column
was 0 wide, and x removed ACTOR 'AFP', which nobody could see). The text wraps at no fewer than 8 columns, so a view
narrower than that cuts every line; the key then says how much larger the window must be and does nothing. Pilot on
a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Police said John Smith closed the roads."


def database(tmp_path: Path) -> Path:
    police = Suggestion(start=0, end=6, label="ACTOR", text="Police", suggester="test.v1")
    smith = Suggestion(start=12, end=22, label="ACTOR", text="John Smith", suggester="test.v1")
    return one_article(tmp_path / "n.db", TEXT, [police, smith])


def held(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return [s.text for s in store.pending("n", WHO)]


async def test_x_in_a_window_too_narrow_to_show_the_text_does_nothing_and_says_how_much_wider(tmp_path: Path) -> None:
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not done: the window is too small to show the article's text: make it 10 column(s) wider "
            "(a key acts only on what the window shows)"
        )
    assert held(db) == ["Police", "John Smith"]


async def test_x_at_40_columns_acts_on_the_span_it_shows(tmp_path: Path) -> None:
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.messages[-1][1] == "rejected ACTOR 'Police' at 0:6"
    assert held(db) == ["John Smith"]


async def test_the_window_made_wider_lets_the_key_act(tmp_path: Path) -> None:
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.messages[-1][1] == "rejected ACTOR 'Police' at 0:6"
    assert held(db) == ["John Smith"]


async def test_x_in_a_window_two_rows_high_where_the_key_bar_covers_the_text_does_nothing_and_says_how_much_taller(
    tmp_path: Path,
) -> None:
    """At 80x2 the title bar and the key bar take both rows: the view's one row is under the key bar (tried in tmux:
    x removed ACTOR 'Israel' there, unseen)."""
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 2)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not done: the window is too small to show the article's text: make it 1 row(s) taller "
            "(a key acts only on what the window shows)"
        )
    assert held(db) == ["Police", "John Smith"]


async def test_x_at_three_rows_acts_on_the_span_its_one_row_shows(tmp_path: Path) -> None:
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 3)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.messages[-1][1] == "rejected ACTOR 'Police' at 0:6"
    assert held(db) == ["John Smith"]


def status(db: Path) -> str:
    with Store.open(db, read_only=True) as store:
        return store.status("n", WHO).value


REFUSED = (
    "Not done: the window is too small to show the article's text: make it {} (a key acts only on what the window "
    "shows)"
)


async def test_d_in_a_window_too_narrow_asks_nothing_and_marks_nothing(tmp_path: Path) -> None:
    """Trial s60 t21 F1: at 30x8 d, then a in its prompt, accepted 4 suggestions and marked done an article whose
    text was never shown."""
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert (type(app.screen).__name__, app.messages[-1][1]) == (
            "AnnotateScreen",
            REFUSED.format("10 column(s) wider"),
        )
    assert (status(db), held(db)) == ("todo", ["Police", "John Smith"])


async def test_accept_all_under_a_key_bar_covering_the_text_accepts_nothing(tmp_path: Path) -> None:
    """Trial s60 t21 F1: at 80x2 A accepted 3 suggestions with no text and no message in view."""
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 2)) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert app.messages[-1][1] == REFUSED.format("1 row(s) taller")
    assert held(db) == ["Police", "John Smith"]


async def test_skip_and_flag_in_a_window_too_narrow_ask_nothing(tmp_path: Path) -> None:
    db = database(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        for key in ("S", "F"):
            await pilot.press(key)
            await pilot.pause()
            assert (key, type(app.screen).__name__, app.messages[-1][1]) == (
                key,
                "AnnotateScreen",
                REFUSED.format("10 column(s) wider"),
            )
    assert status(db) == "todo"
