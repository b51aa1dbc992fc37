"""`S` on an article already skipped asked "Skip this article?", and only after `y` said "Already skipped". `d` on
a done article writes nothing and says so at once; `S` on a skipped one now does the same, with no question (`F`
on a flagged one still asks, as its reason may change, and enter with the same reason says "Already flagged").
Pilot on the real app and a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from annotator.vocabulary import Status
from tests.tui.conftest import WHO

TEXTS = (("a", "Port talks stalled again."), ("b", "Rail strike ends."))


def skipped_and_to_do(path: Path) -> Path:
    """Article "a" skipped, "b" to do."""
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id=name, title=name.upper(), text=text), tokenize([text])[0], [])
                            for name, text in TEXTS])  # fmt: skip
        store.set_status("a", WHO, Status.SKIPPED)
    return path


def actions(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [event.action for event in store.events("a", WHO)]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_s_on_a_skipped_article_says_so_at_once_and_goes_on(tmp_path: Path, size: tuple[int, int]) -> None:
    db = skipped_and_to_do(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("p", "S")  # from b to the skipped article a, then S
        await pilot.pause()
        shown, opened, said = type(app.screen).__name__, app.screen.article_id, app.messages[-1][1]
        line = app.screen.status_line.text.plain
    assert (shown, opened, said, line) == ("AnnotateScreen", "b", "Already skipped: A", "Already skipped: A")
    assert actions(db) == ["status"]
