"""t5: the article list's search for two words ("poland fire") is a filter over the titles holding every word, in any
order and case, as a filter box is; the list keeps its own order (assigned articles first, then ingest order), and
enter, enter opens the row the list highlights. Pilot on a real database; the rows are read from the list widget."""

from __future__ import annotations

from pathlib import Path

from support import word_tokens
from textual import events

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.store.listing import ListFilter, row_keys_among
from annotator.store.rowkeys import ArticleKeys
from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article_list import ArticleListScreen

TITLES = [
    "Catalonia apartment block fire kills three, injures sixteen",
    "Arrest made as mayor of Gdańsk, Poland stabbed on stage",
    "Escape room fire kills five teen girls in Koszalin, Poland",
    "Florida highway pileup, fire kills five children, two truck drivers",
    "Poland's forest fire season begins early",
]


def make_db(path: Path, titles: list[str] = TITLES) -> list[str]:
    with Store.open(path) as store:
        texts = [f"{title}. Officials said so today." for title in titles]
        ids, _ = store.add_articles(
            (ArticleIn(text=text, title=title), word_tokens(text), [])
            for title, text in zip(titles, texts, strict=True)
        )
    return ids


def shown(screen: ArticleListScreen) -> list[str]:
    return [screen.rows.row_at(i).title for i in range(len(screen.rows.keys))]


async def searched(path: Path, query: str) -> tuple[list[str], str]:
    """The titles the list shows and its summary line after `/` and `query` typed into the search."""
    app = make_app(path, "alice", keymap_path=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("l", "slash", *["space" if c == " " else c for c in query])
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        return shown(screen), screen.summary()


async def test_two_words_list_the_titles_holding_both_in_any_order(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    rows, summary = await searched(tmp_path / "a.db", "poland fire")
    assert rows == [TITLES[2], TITLES[4]]
    assert "showing 2: all, titles with 'poland' and 'fire' (f, /)" in summary


async def test_three_words_in_other_cases_narrow_to_the_one_title_holding_them_all(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    rows, summary = await searched(tmp_path / "a.db", "KILLS poland Fiv")
    assert rows == [TITLES[2]]
    assert "showing 1: all, titles with 'KILLS', 'poland' and 'Fiv' (f, /)" in summary


async def test_a_short_word_beside_a_long_one_reads_the_titles_for_the_short_one(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    assert (await searched(tmp_path / "a.db", "fire tw"))[0] == [TITLES[3]]


async def test_the_words_as_typed_together_still_find_their_titles(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    assert (await searched(tmp_path / "a.db", "fire kills"))[0] == [TITLES[0], TITLES[2], TITLES[3]]


def test_words_most_titles_hold_are_combined_as_the_titles_without_them(tmp_path: Path) -> None:
    """A word in most titles is kept as the titles without it (`Matches.keep` false): the words together are still
    the titles holding each one."""
    titles = [f"Fire report {n}" for n in range(6)] + ["Flood report", "Fire and flood", "Quiet day"]
    make_db(tmp_path / "a.db", titles)
    with Store.open(tmp_path / "a.db", read_only=True) as store:
        keys = ArticleKeys(store, "alice")
        assert list(keys.keys(ListFilter(title="report fire"))) == [1, 2, 3, 4, 5, 6]
        assert list(keys.keys(ListFilter(title="report flood"))) == [7]
        assert list(keys.keys(ListFilter(title="po fire"))) == [1, 2, 3, 4, 5, 6]  # "po": read from the titles


def test_the_review_list_takes_every_word_too(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db", read_only=True) as store:
        found = row_keys_among(store, "alice", ids, ListFilter(title="poland fire"))
    assert found == [3, 5]


async def test_enter_enter_opens_the_row_the_search_highlights(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("l", "slash", *"poland", "space", *"fire", "enter")
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        highlighted = screen.rows.row_at(screen.rows.cursor)
        assert (highlighted.title, highlighted.id) == (TITLES[2], ids[2])
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen) and app.screen.article_id == ids[2]


def burst(app: AnnotatorApp, keys: list[str]) -> None:
    """Every key waiting for the app at once, as tmux send-keys in one call delivers them."""
    characters = {"slash": "/", "enter": "\r", "space": " "}
    for key in keys:
        app.post_message(events.Key(key, characters.get(key, key)))


async def test_the_words_and_two_enters_sent_at_once_open_the_first_title_holding_both(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("l")
        burst(app, ["slash", *"fire", "space", *"poland", "enter", "enter"])
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen) and app.screen.article_id == ids[2]
