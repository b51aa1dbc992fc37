"""The screen's d on a flagged article with suggestions pending, then a (accept them all, then mark it done): the
article is done and its flag reason gone, as `annotator accept --done` leaves it (`Store.accept_all(done=True)`);
u there gives the flag back with its reason. Pilot on a real database; what is stored is read from it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support import word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app

TEXT = "Carla flew to Rome."


def stored(path: Path) -> tuple[str, str | None]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT status, flag_reason FROM annotations WHERE annotator = 'alice'").fetchone()


async def test_done_with_accept_all_on_a_flagged_article_clears_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store.open(path) as store:
        suggestions = [
            Suggestion(start=0, end=5, label="ACTOR", text="Carla", suggester="t.v1"),
            Suggestion(start=14, end=18, label="LOCATION", text="Rome", suggester="t.v1"),
        ]
        (article_id,), _ = store.add_articles([(ArticleIn(text=TEXT), word_tokens(TEXT), suggestions)])
        store.set_status(article_id, "alice", "flagged", "which Rome?")
    app = make_app(path, "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.article_id == article_id
        await pilot.press("d", "a")  # 2 pending: accept them all, then mark it done
        await pilot.pause()
        assert stored(path) == ("done", None)
    with Store.open(path) as store:
        store.undo(article_id, "alice")
    assert stored(path) == ("flagged", "which Rome?")
