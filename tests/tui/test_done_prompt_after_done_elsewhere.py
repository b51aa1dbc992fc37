"""Re-trial, two windows on one database: bottom `d` (the a/l prompt opens); top `d` `l` (marked done); bottom `a`
or `l`: nothing was written (right) but the line said "Not done: the annotation was changed in another window,
and the pending suggestions are not those it was shown". `a` says the article was marked done in another window
(as the editing keys say); `l` finds it done already. Pilot on two real apps at once on one real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from tests.tui.conftest import WHO

PORT, RAIL = "Washington sent aid to Gaza.", "Rail strike ends."


def two_articles(path: Path) -> Path:
    suggestions = [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1"),
        Suggestion(start=23, end=27, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    with Store.open(path) as store:
        store.add_articles([
            (ArticleIn(id="port", title="Port talks stall", text=PORT), tokenize([PORT])[0], suggestions),
            (ArticleIn(id="rail", title="Rail strike ends", text=RAIL), tokenize([RAIL])[0], []),
        ])  # fmt: skip
    return path


def actions(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT action FROM events ORDER BY id")]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("a", "Not done: the article was marked done in another window; O reopens it to change it"),
        ("l", "Already done: Port talks stall, 2 left undecided"),
    ],
)
async def test_the_d_prompt_answered_after_another_window_marked_done(tmp_path: Path, key: str, expected: str) -> None:
    db = two_articles(tmp_path / "n.db")
    top, bottom = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with top.run_test(size=(80, 24)) as pilot_top, bottom.run_test(size=(80, 24)) as pilot_bottom:
        await pilot_top.pause()
        await pilot_bottom.pause()
        await pilot_bottom.press("d")  # the a/l prompt opens
        await pilot_bottom.pause()
        await pilot_top.press("d", "l")  # marked done, its suggestions left undecided
        await pilot_top.pause()
        await pilot_bottom.press(key)
        await pilot_bottom.pause()
        said = bottom.messages[-1][1]
    assert (said, actions(db)) == (expected, ["status"])


async def test_skip_confirmed_after_another_window_marked_done_leaves_it_done(tmp_path: Path) -> None:
    db = two_articles(tmp_path / "n.db")
    top, bottom = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with top.run_test(size=(80, 24)) as pilot_top, bottom.run_test(size=(80, 24)) as pilot_bottom:
        await pilot_top.pause()
        await pilot_bottom.pause()
        await pilot_bottom.press("S")  # the skip prompt opens
        await pilot_bottom.pause()
        await pilot_top.press("d", "l")
        await pilot_top.pause()
        await pilot_bottom.press("y")
        await pilot_bottom.pause()
        said = bottom.messages[-1][1]
    assert (said, actions(db)) == (
        "Not done: the article was marked done in another window; O reopens it to change it",
        ["status"],
    )
