"""A key read with the mouse event before it (one read of the terminal: a paste, tmux send-keys, ssh, or any key
and click typed while the screen was busy) acts on what the click made current, as if typed slowly. Textual runs a
key's binding as it comes back to the app, but hands a mouse event to the widget under the pointer, which handles
it (and the message it posts, `ArticleView.Pointed`, `SpanPanel.Chosen`) later from its own queue: a newcomer's
click on 'India' and `x` in one write rejected the quote current before the click, and the click's status line
then hid it. The bytes here are a real terminal's (SGR mouse reports), read by Textual's own parser and driver as
from a terminal; the article is ingested by the real console script; the write lock is held by a real process."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.widgets.bars import KeyBar
from annotator.tui.widgets.span_panel import SpanPanel
from tests.tui.conftest import WHO
from tests.tui.fixtures import ingest_stories, on_screen, sgr_click, terminal_read, writing

TEXT = "Police said John Smith met Mary Jones in London during the day."


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_stories(tmp_path_factory.mktemp("ingested"), [{"id": "s", "title": "Smith", "text": TEXT}])


@pytest.fixture
def db(ingested: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(ingested, tmp_path / "story.db"))


def at_word(app: AnnotatorApp, word: str) -> tuple[int, int]:
    """The terminal's (1-based) column and row of the first character of `word` in the article."""
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return on_screen(screen.view, TEXT.index(word))


def at_row(app: AnnotatorApp, word: str) -> tuple[int, int]:
    """The terminal's column and row of the span list's row of the suggestion `word`."""
    panel = app.screen.query_one(SpanPanel)
    assert panel.model is not None
    rows = [panel.model.items[key].text for _, key in panel.model.order]
    return panel.region.x + 3, panel.region.y + rows.index(word) - panel._first + 1


def click(column_row: tuple[int, int]) -> str:
    return sgr_click(*column_row)


def drag(start: tuple[int, int], end: tuple[int, int]) -> str:
    return f"\x1b[<0;{start[0]};{start[1]}M\x1b[<32;{end[0]};{end[1]}M\x1b[<0;{end[0]};{end[1]}m"


def status(app: AnnotatorApp) -> str:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen.status_line.text.plain


def stored(db: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """The accepted spans (label, words) and the suggestions still pending."""
    with Store.open(db, read_only=True) as store:
        return [(s.label.value, s.text) for s in store.spans("s", WHO)], [s.text for s in store.pending("s", WHO)]


async def test_a_click_on_a_word_and_x_in_one_read_reject_the_span_clicked(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert status(app).startswith("? ACT Police")
        terminal_read(app, click(at_word(app, "London")) + "x")
        await pilot.pause()
        await pilot.pause()
        assert app.messages[-1][1] == "rejected LOCATION 'London' at 41:47"
    assert stored(db) == ([], ["Police", "John Smith", "Mary Jones"])


async def test_a_drag_and_a_digit_in_one_read_add_the_words_dragged_over(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        start, end = at_word(app, "the day"), at_word(app, "day")
        terminal_read(app, drag(start, (end[0] + 2, end[1])) + "2")
        await pilot.pause()
        await pilot.pause()
        assert app.messages[-1][1] == "added LOCATION 'the day' at 55:62"
    assert stored(db) == ([("LOCATION", "the day")], ["Police", "John Smith", "Mary Jones", "London"])


async def test_a_click_on_a_row_of_the_span_list_and_x_in_one_read_reject_the_row_clicked(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        terminal_read(app, click(at_row(app, "Mary Jones")) + "x")
        await pilot.pause()
        await pilot.pause()
        assert app.messages[-1][1] == "rejected ACTOR 'Mary Jones' at 27:37"
    assert stored(db) == ([], ["Police", "John Smith", "London"])


async def test_enter_a_click_and_x_typed_while_another_process_writes_act_in_the_order_typed(db: Path) -> None:
    """enter waits for the write lock; the click and x, typed meanwhile by a person (a terminal's reader thread
    sends them on), act once it is done: x on the span clicked, not on the one enter moved on to."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        london = at_word(app, "London")
        writer = writing(db, 1.5)
        terminal_read(app, "\r")
        person = threading.Timer(0.3, lambda: terminal_read(app, click(london) + "x"))
        person.start()
        await pilot.pause()
        person.join()
        writer.wait()
        await pilot.pause()
        await pilot.pause()
        assert [message for _, message in app.messages[-2:]] == [
            "accepted ACTOR 'Police' at 0:6",
            "rejected LOCATION 'London' at 41:47",
        ]
    assert stored(db) == ([("ACTOR", "Police")], ["John Smith", "Mary Jones"])


async def test_a_click_on_the_key_bar_and_x_in_one_read_act_in_that_order(db: Path) -> None:
    """The key bar's key acts before the keys read after its click (tab moves on, then x rejects where it went)."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        terminal_read(app, click((bar.region.x + line.index(" tab Next") + 2, bar.region.y + 1)) + "x")
        await pilot.pause()
        await pilot.pause()
        assert app.messages[-1][1] == "rejected ACTOR 'John Smith' at 12:22"
    assert stored(db) == ([], ["Police", "Mary Jones", "London"])
