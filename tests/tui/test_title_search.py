"""The article list's status filter and title search show exactly the right rows: through the trigram index
(three characters or more), by reading the titles (shorter needles), on a database an older release made
(upgraded by the TUI, or read as it is by a read-only opening), and after articles are added or retitled
(the triggers keep the index in step). Pilot on real SQLite files; the rows are read from the list widget."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations
from support import word_tokens
from textual import events
from textual.widgets import Input

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.store.examining import APPLICATION_ID
from annotator.store.listing import ListFilter
from annotator.store.merge import merge
from annotator.store.rowkeys import ArticleKeys
from annotator.store.schema import MIGRATION_SET, SCHEMA_VERSION, migrate
from annotator.store.schema import migrations as today
from annotator.tui.app import make_app
from annotator.tui.screens.article_list import ArticleListScreen
from annotator.vocabulary import Status, content_hash

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TITLES = [
    "Storm hits coast",
    "ÉCOLE closes after storm",
    'Le "storm" quoted',
    "Markets fall 50%",
    "brainstorming session",
    "Élan vital",
]


def articles(titles: list[str]) -> list[tuple[ArticleIn, list, list]]:  # type: ignore[type-arg]
    texts = [f"{title} today, officials said." for title in titles]
    return [(ArticleIn(text=t, title=title), word_tokens(t), []) for title, t in zip(titles, texts, strict=True)]


def make_db(path: Path) -> list[str]:
    with Store.open(path) as store:
        ids, _ = store.add_articles(articles(TITLES))
    return ids


def shown(screen: ArticleListScreen) -> list[str]:
    rows = screen.rows
    return [rows.row_at(i).title for i in range(len(rows.keys))]


async def searched(path: Path, *keys: str, who: str = "alice") -> tuple[list[str], str]:
    """The titles the list shows, and its progress line, after these keys (from the article screen)."""
    app = make_app(path, who, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", *keys)
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        return shown(screen), screen.summary()


async def test_three_characters_on_search_every_case_of_every_letter_and_take_quotes_literally(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    rows, summary = await searched(tmp_path / "a.db", "slash", *"STORM")
    assert rows == [TITLES[0], TITLES[1], TITLES[2], TITLES[4]]
    assert "showing 4: all, titles with 'STORM' (f, /)" in summary
    assert (await searched(tmp_path / "a.db", "slash", *"école"))[0] == [TITLES[1]]  # É folded too
    assert (await searched(tmp_path / "a.db", "slash", *'"storm"'))[0] == [TITLES[2]]
    assert (await searched(tmp_path / "a.db", "slash", *"l 50%"))[0] == [TITLES[3]]  # % is a character
    assert (await searched(tmp_path / "a.db", "slash", *"l 5_"))[0] == []  # _ too


async def test_a_needle_under_three_characters_reads_the_titles(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    rows, summary = await searched(tmp_path / "a.db", "slash", "S", "t")
    assert rows == [TITLES[0], TITLES[1], TITLES[2], TITLES[4]]
    assert "showing 4: all, titles with 'St' (f, /)" in summary
    assert (await searched(tmp_path / "a.db", "slash", "%"))[0] == [TITLES[3]]


async def test_the_status_filter_and_the_search_together(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store:
        store.set_status(ids[1], "alice", Status.DONE)
        store.set_status(ids[4], "alice", Status.IN_PROGRESS)
    rows, summary = await searched(tmp_path / "a.db", "f", "slash", *"storm")  # f: to do
    assert rows == [TITLES[0], TITLES[2]]
    assert "showing 2: to do, titles with 'storm' (f, /)" in summary
    rows, summary = await searched(tmp_path / "a.db", "f", "f", "f", "slash", *"storm")  # f f f: done
    assert (rows, "showing 1: done" in summary) == ([TITLES[1]], True)
    rows, _ = await searched(tmp_path / "a.db", "f", "slash", "s")  # to do, and a short needle
    assert rows == [TITLES[0], TITLES[2], TITLES[3]]


async def test_added_and_retitled_articles_are_found_by_their_new_titles(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store:
        store.add_articles(articles(["Hailstorm warning"]))
        store.add_articles(articles(["Snowstorm later"]))
        (first,) = [a for a in store.conn.execute("SELECT id FROM articles WHERE title = 'Snowstorm later'")]
        retitled = ArticleIn(id=first[0], text="Sunny later today, officials said.", title="Sunny later")
        store.replace_article(retitled, word_tokens(retitled.text), [])
    rows, _ = await searched(tmp_path / "a.db", "slash", *"storm")
    assert rows == [TITLES[0], TITLES[1], TITLES[2], TITLES[4], "Hailstorm warning"]
    assert (await searched(tmp_path / "a.db", "slash", *"sunny"))[0] == ["Sunny later"]


def schema_3_db(path: Path, titles: list[str]) -> None:
    """A file as the release before the title search made it: migrations 1 to 3, articles written then."""
    earlier = Migrations(MIGRATION_SET)
    for migration in today()._migrations[:3]:
        earlier(name=migration.name)(migration.fn)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA journal_mode = wal")
    migrate(Database(db), earlier)
    for n, title in enumerate(titles):
        text = f"{title} yesterday, officials said."  # other texts than `articles` gives: six more articles
        tokens = json.dumps([[t.start, t.end] for t in word_tokens(text)])
        db.execute(
            "INSERT INTO articles (id, title, text, content_hash, chars, tokens, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [f"a{n}", title, text, content_hash(text), len(text), tokens, "2026-01-01T00:00:00Z"],
        )
    db.commit()
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    db.close()


async def test_a_schema_3_file_is_upgraded_by_the_tui_and_searched_through_the_index(tmp_path: Path) -> None:
    schema_3_db(tmp_path / "old.db", TITLES)
    rows, summary = await searched(tmp_path / "old.db", "slash", *"storm")
    assert rows == [TITLES[0], TITLES[1], TITLES[2], TITLES[4]]
    assert "showing 4: all, titles with 'storm'" in summary
    db = sqlite3.connect(tmp_path / "old.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    assert db.execute("SELECT rowid FROM title_search WHERE title_search MATCH '\"storm\"'").fetchall() == [
        (1,),
        (2,),
        (3,),
        (5,),
    ]
    db.close()


def test_a_schema_3_file_read_only_is_read_as_it_is_and_searched_without_the_index(tmp_path: Path) -> None:
    """No copy in memory (for a newsroom-size file that would be the whole file): the search reads the titles."""
    schema_3_db(tmp_path / "old.db", TITLES)
    before = (tmp_path / "old.db").read_bytes()
    with Store.open(tmp_path / "old.db", read_only=True) as store:
        assert Path(store.conn.execute("PRAGMA database_list").fetchone()[2]) == (tmp_path / "old.db").resolve()
        keys = ArticleKeys(store, "alice")
        assert list(keys.keys(ListFilter(title="STORM"))) == [1, 2, 3, 5]
        assert list(keys.keys(ListFilter(title="école"))) == []  # reading the titles: ASCII case only
        assert list(keys.keys(ListFilter(status=Status.TODO, title="storm"))) == [1, 2, 3, 5]
    assert (tmp_path / "old.db").read_bytes() == before


async def test_the_first_releases_file_is_upgraded_and_searched(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "release-0.1.0.db", tmp_path / "old.db")
    rows, summary = await searched(tmp_path / "old.db", "slash", *"mal")
    assert rows == ["Small"]
    assert "showing 1: all, titles with 'mal'" in summary
    with Store.open(tmp_path / "old.db") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
        assert store.conn.execute("SELECT COUNT(*) FROM spans").fetchone()[0] == 8


async def test_keys_typed_at_once_after_slash_all_go_into_the_search(tmp_path: Path) -> None:
    """Found in tmux: "/storm" sent at once left the search empty; the letters after / reached the list (where
    q quits) because the search box took the focus only after the keys already waiting."""
    make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        for key, char in [("slash", "/"), ("s", "s"), ("t", "t"), ("o", "o"), ("r", "r"), ("q", "q")]:
            app.post_message(events.Key(key, char))  # all waiting before the first is handled
        await pilot.pause()
        screen = app.screen
        assert app.is_running and isinstance(screen, ArticleListScreen)
        assert screen.query_one("#search", Input).value == "storq"
        assert shown(screen) == [] and "showing 0: all, titles with 'storq'" in screen.summary()


async def test_a_slash_in_the_search_is_a_character_of_the_title(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        store.add_articles(articles(["Talks on 9/11 memorial", "Markets fall"]))
    rows, summary = await searched(tmp_path / "a.db", "slash", "9", "slash", "1")
    assert rows == ["Talks on 9/11 memorial"] and "titles with '9/1'" in summary


def test_a_schema_3_file_merges_as_it_is_and_its_articles_are_found_by_title(tmp_path: Path) -> None:
    """merge reads the other file read-only: a schema-3 file is read as it is (no copy in memory, no error), and
    the articles it brings are indexed by the triggers."""
    schema_3_db(tmp_path / "old.db", TITLES)
    before = (tmp_path / "old.db").read_bytes()
    make_db(tmp_path / "ours.db")  # the same titles, other texts: six more articles
    with Store.open(tmp_path / "ours.db") as store:
        merge(store, [tmp_path / "old.db"])
        assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 12
        keys = ArticleKeys(store, "alice")
        found = [
            store.conn.execute("SELECT id FROM articles WHERE rowid = ?", [r]).fetchone()[0]
            for r in keys.keys(ListFilter(title="école"))
        ]
    assert found[1] == "a1" and len(found) == 2
    assert (tmp_path / "old.db").read_bytes() == before
