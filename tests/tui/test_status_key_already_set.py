"""`d` on an article already done wrote a status event that changed nothing (trial 10): it cleared the redo waiting
there (after `u` undid `annotator accept` on the done article, `d`, then ctrl+r there said "Nothing to redo"). Now
`d` there writes nothing, says the article was done already, and opens the next one as `d` does. Pilot on the real
app, a real SQLite file, the real console script."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from annotator.vocabulary import Status
from tests.tui.conftest import WHO

TEXT = "Washington sent aid to Gaza."
OTHER = "Paris hosted the talks."


def done_and_accepted(path: Path) -> Path:
    """Article "a" done, then accepted on by `annotator accept` naming it; "b" to do."""
    suggestions = [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1"),
        Suggestion(start=23, end=27, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    with Store.open(path) as store:
        store.add_articles([
            (ArticleIn(id="a", title="A", text=TEXT), tokenize([TEXT])[0], suggestions),
            (ArticleIn(id="b", title="B", text=OTHER), tokenize([OTHER])[0], []),
        ])  # fmt: skip
        store.set_status("a", WHO, Status.DONE)
    accepted = annotator("accept", "a", "--db", str(path), "--annotator", WHO)
    assert accepted.returncode == 0, accepted.stderr
    return path


def actions(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [event.action for event in store.events("a", WHO)]


async def test_d_on_a_done_article_says_so_writes_nothing_and_goes_on(tmp_path: Path) -> None:
    db = done_and_accepted(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p", "d")  # from b to the done article a, then d
        await pilot.pause()
        opened, said = app.screen.article_id, app.messages[-1][1]
    assert (opened, said) == ("b", "Already done: A")
    assert actions(db) == ["status", "accept_all"]


async def test_redo_waiting_on_a_done_article_stays_after_d(tmp_path: Path) -> None:
    db = done_and_accepted(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p", "u", "d")  # a: the accept undone, then d
        await pilot.pause()
        await pilot.press("p", "ctrl+r")  # back on a: the accept again
        await pilot.pause()
        said = app.messages[-1][1]
    assert said == "redid accept all of ACTOR 'Washington' at 0:10 and 1 other span"
    assert actions(db) == ["status", "accept_all", "undo", "redo"]
