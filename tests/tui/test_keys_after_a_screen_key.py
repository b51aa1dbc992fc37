"""A tester's trial: on the article screen, `l / p o r t enter enter` sent at once (tmux send-keys in one call): the
keys after `l` reached the article screen before the list was shown: its own search went to 'Port Mellin' and the
second enter accepted the suggestion there, silently. The keys read after a key that opens (or closes) a screen
wait until that screen is mounted and has the focus (`KeysAheadApp`, `screens.opening`), then act on it in the
order typed. Pilot on a real database, every key waiting for the app at once."""

from __future__ import annotations

from pathlib import Path

from textual import events

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.screens.annotate import AnnotateScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import seed_tokens

CHARACTERS = {"slash": "/", "enter": "\r", "escape": "\x1b", "question_mark": "?"}
TEXT = "Soldiers arrived in Port Mellin on Tuesday, officials said."
PORT = "Ferries return to the harbour, officials said."


def make_db(path: Path) -> Path:
    """Two articles: 'n' (title 'Storm hits coast') with a LOCATION suggestion 'Port Mellin' pending, and 'm',
    titled 'Port strike ends', the only title with 'port' in it."""
    start = TEXT.index("Port Mellin")
    mellin = Suggestion(start=start, end=start + 11, label="LOCATION", text="Port Mellin", suggester="test.v1")
    with Store.open(path) as store:
        store.add_articles(
            [
                (ArticleIn(text=TEXT, id="n", title="Storm hits coast"), seed_tokens(TEXT), [mellin]),
                (ArticleIn(text=PORT, id="m", title="Port strike ends"), seed_tokens(PORT), []),
            ]
        )
    return path


def burst(app: AnnotatorApp, keys: list[str]) -> None:
    """Every key waiting for the app at once, as a paste or tmux send-keys in one call delivers them."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))


def written(path: Path) -> tuple[int, int]:
    """How many decisions and spans the database holds."""
    with Store.open(path) as store:
        decisions = store.conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
        spans = store.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    return decisions, spans


async def settled(pilot: object) -> None:
    for _ in range(4):
        await pilot.pause()  # type: ignore[attr-defined]


async def test_the_list_search_typed_at_once_after_l_opens_the_match_and_changes_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "a.db")
    before = written(db)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == "n"
        burst(app, ["l", "slash", *"port", "enter", "enter"])
        await settled(pilot)
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == "m"
    assert written(db) == before


async def test_keys_typed_at_once_after_help_and_its_escape_act_on_the_article(tmp_path: Path) -> None:
    """`? escape` then the list's search at once: the help opens, escape closes it (not the article's escape,
    read before the help was there), and `l` opens the list over the article."""
    db = make_db(tmp_path / "a.db")
    before = written(db)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, ["question_mark", "escape", "l", "slash", *"port", "enter", "enter"])
        await settled(pilot)
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == "m"
    assert written(db) == before
