"""In the speaker choice (`s`) a click on the article moves its cursor there, as a moving key does, so an ACTOR
clicked is offered, and enter links it (docs/annotating.md: the moving keys move the cursor there, on an ACTOR that
one is offered; the mouse picks a span). A trial: a click on an ACTOR did nothing, the prompt kept offering the
first candidate. A click on a row of the span list goes to its item; a drag selects the speaker's words. The article
is ingested by the real console script; the clicks are a terminal's SGR mouse reports, read by Textual's parser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.speaker import SpeakerScreen
from annotator.tui.widgets.span_panel import SpanPanel
from tests.tui.conftest import WHO
from tests.tui.fixtures import ingest_stories, on_screen, sgr_click, terminal_read

TEXT = 'John Smith said "the bridge is closed until Friday" on Monday, and Mary Jones agreed with the city engineer.'


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_stories(tmp_path_factory.mktemp("ingested"), [{"id": "q", "title": "Bridge", "text": TEXT}])


@pytest.fixture
def db(ingested: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(ingested, tmp_path / "q.db"))


def below(app: AnnotatorApp) -> AnnotateScreen:
    screen = app.screen_stack[-2]
    assert isinstance(app.screen, SpeakerScreen) and isinstance(screen, AnnotateScreen)
    return screen


def at_word(app: AnnotatorApp, word: str, nth: int = 0) -> tuple[int, int]:
    column, row = on_screen(below(app).view, TEXT.index(word))
    return column + nth, row


def prompt(app: AnnotatorApp) -> str:
    return below(app).status_line.text.plain.split(" · tab")[0]


def speakers(db: Path) -> list[tuple[str, str, str | None]]:
    with Store.open(db, read_only=True) as store:
        spans = store.spans("q", WHO)
    return [(s.label.value, s.text, TEXT[s.speaker.start : s.speaker.end] if s.speaker else None) for s in spans]


async def open_choice(app: AnnotatorApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("tab", "s")  # from 'John Smith' to the quote, then its speaker
    assert prompt(app) == (
        "Speaker of 'the bridge is closed until Friday'? 'John Smith' (a pending ACTOR suggestion: enter accepts it "
        "too) 1 of 2"
    )


async def test_a_click_on_an_actor_offers_it_and_enter_links_it(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_choice(app, pilot)
        terminal_read(app, sgr_click(*at_word(app, "Jones", 2)))
        await pilot.pause()
        assert prompt(app) == (
            "Speaker of 'the bridge is closed until Friday'? 'Mary Jones' (a pending ACTOR suggestion: enter accepts "
            "it too) 2 of 2"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen)
    assert speakers(db) == [("QUOTE", "the bridge is closed until Friday", "Mary Jones"), ("ACTOR", "Mary Jones", None)]


async def test_a_click_on_a_word_then_1_makes_it_a_new_actor_and_the_speaker(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_choice(app, pilot)
        terminal_read(app, sgr_click(*at_word(app, "engineer")))
        await pilot.pause()
        assert prompt(app) == (
            "Speaker of 'the bridge is closed until Friday'? no ACTOR here; 1: 'the city engineer' as a new ACTOR"
        )
        await pilot.press("1")
    assert speakers(db) == [
        ("QUOTE", "the bridge is closed until Friday", "the city engineer"),
        ("ACTOR", "the city engineer", None),
    ]


async def test_a_drag_selects_the_speakers_words(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_choice(app, pilot)
        (column, row), (end, _) = at_word(app, "city"), at_word(app, "engineer", 3)
        terminal_read(app, f"\x1b[<0;{column};{row}M\x1b[<32;{end};{row}M\x1b[<0;{end};{row}m")
        await pilot.pause()
        assert prompt(app) == "Speaker of 'the bridge is closed until Friday'? enter: 'city engineer' as a new ACTOR"
        await pilot.press("enter")
    assert speakers(db) == [
        ("QUOTE", "the bridge is closed until Friday", "city engineer"),
        ("ACTOR", "city engineer", None),
    ]


async def test_a_click_on_a_row_of_the_span_list_offers_its_actor(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_choice(app, pilot)
        panel = below(app).query_one(SpanPanel)
        assert panel.model is not None
        rows = [panel.model.items[key].text for _, key in panel.model.order]
        terminal_read(app, sgr_click(panel.region.x + 4, panel.region.y + rows.index("Mary Jones") - panel._first + 1))
        await pilot.pause()
        assert prompt(app) == (
            "Speaker of 'the bridge is closed until Friday'? 'Mary Jones' (a pending ACTOR suggestion: enter accepts "
            "it too) 2 of 2"
        )
        await pilot.press("enter")
    assert speakers(db) == [("QUOTE", "the bridge is closed until Friday", "Mary Jones"), ("ACTOR", "Mary Jones", None)]
