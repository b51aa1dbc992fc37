"""Re-trial: `F`, `legal`, enter; back on the article, `F`, enter: the prompt opened empty and enter wrote
{"status": "flagged", "flag_reason": null}, the reason gone without a word. The prompt opens with the reason the
article has, so enter keeps it (and writes nothing); clearing it on purpose says so. Pilot on a real app on a real
SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Input

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from tests.tui.conftest import WHO

TEXTS = (("a", "Port talks stalled again."), ("b", "Rail strike ends."))


def two_articles(path: Path) -> Path:
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id=name, title=name.upper(), text=text), tokenize([text])[0], [])
                            for name, text in TEXTS])  # fmt: skip
    return path


def status_events(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT after FROM events WHERE action = 'status' ORDER BY id")]


async def test_f_enter_on_a_flagged_article_keeps_its_reason(tmp_path: Path) -> None:
    db = two_articles(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("F", *"legal", "enter")  # a flagged: b opens
        await pilot.pause()
        await pilot.press("p")  # back on a
        await pilot.press("F")
        await pilot.pause()
        shown = app.screen.query_one(Input).value
        await pilot.press("enter")
        await pilot.pause()
        said = app.messages[-1][1]
    with Store.open(db) as store:
        reason = store.flag_reason("a", WHO)
    assert (shown, said, reason) == ("legal", "Already flagged: A", "legal")
    assert status_events(db) == ['{"status":"flagged","flag_reason":"legal"}']


async def test_clearing_the_reason_on_purpose_says_so(tmp_path: Path) -> None:
    db = two_articles(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("F", *"legal", "enter")
        await pilot.pause()
        await pilot.press("p", "F")
        await pilot.pause()
        await pilot.press(*["backspace"] * 5, "enter")
        await pilot.pause()
        said = app.messages[-1][1]
    with Store.open(db) as store:
        reason = store.flag_reason("a", WHO)
    assert (said, reason) == ("Marked: A: flagged; its reason 'legal' taken off (u puts it back)", None)
