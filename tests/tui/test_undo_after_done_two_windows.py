"""Trial 10, two windows on one database: window 0 `d` on an article (the next one opens), window 1 a change on a
third article, then `u` in window 0 said "Not undone: the last change on this article, ... was made in another
window", never naming the done mark it had just made. The first `u` after `d` goes back to the article just marked
whatever another window changed meanwhile elsewhere. Pilot on two real apps at once on one real SQLite file."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from tests.tui.conftest import WHO

ARTICLES = (("a", "Washington sent aid to Gaza."), ("b", "Paris hosted the talks."), ("c", "Rome said no."))


def three_articles(path: Path) -> Path:
    rome = Suggestion(start=0, end=4, label="LOCATION", text="Rome", suggester="t.v1")
    with Store.open(path) as store:
        store.add_articles([
            (ArticleIn(id=name, title=name.upper(), text=text), tokenize([text])[0], [rome] if name == "c" else [])
            for name, text in ARTICLES
        ])  # fmt: skip
    return path


async def test_u_after_d_goes_back_though_another_window_changed_a_third_article(tmp_path: Path) -> None:
    db = three_articles(tmp_path / "n.db")
    window_0, window_1 = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with window_0.run_test(size=(80, 24)) as pilot_0, window_1.run_test(size=(80, 24)) as pilot_1:
        await pilot_0.pause()
        await pilot_1.pause()
        await pilot_1.press("n", "n")  # window 1 on c
        await pilot_0.press("d")  # a done: b opens
        await pilot_0.pause()
        await pilot_1.press("enter")  # c: Rome accepted
        await pilot_1.pause()
        await pilot_0.press("u")
        await pilot_0.pause()
        opened, said = window_0.screen.article_id, window_0.messages[-1][1]
    assert (opened, said) == (
        "a",
        "undid: status done -> to do, on 'A', the article just marked done (ctrl+r marks it done again and goes on)",
    )
