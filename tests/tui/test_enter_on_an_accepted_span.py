"""Trial s55 t10 T7: enter on a span accepted already (current after a resize, or moved back onto) said
"Nothing to accept: it is accepted already" and stayed, where the README says enter moves on to the next item to
decide. It keeps the span, writes nothing, and goes on. Pilot on a real database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Tom Hart met Jo Wells in Leeds."


def suggested(words: str, label: str) -> Suggestion:
    start = TEXT.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="test.v1")


def events(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM events").fetchone()[0])


async def test_enter_on_an_accepted_span_keeps_it_and_goes_on(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT, [suggested("Tom Hart", "ACTOR"), suggested("Jo Wells", "ACTOR")])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "left", "left")
        await pilot.pause()
        written = events(db)
        await pilot.press("enter")
        await pilot.pause()
        said, current = app.messages[-1][1], app.screen.model.get(app.screen.current)
    assert said == "kept ACTOR 'Tom Hart' at 0:8; next: the suggestion ACTOR 'Jo Wells' at 13:21, still to decide"
    assert current is not None and (current.text, current.pending) == ("Jo Wells", True)
    assert events(db) == written


async def test_enter_on_the_last_accepted_span_says_nothing_is_left(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT, [suggested("Leeds", "LOCATION")])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        said = app.messages[-1][1]
    assert said == "kept LOCATION 'Leeds' at 25:30; nothing is left to decide: d marks the article done"
