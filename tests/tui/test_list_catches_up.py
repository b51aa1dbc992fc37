"""A team trial (s46, F10): an article list left open never showed what another process did meanwhile. ann's list,
up after her last `d`, still said "No article is left to do" 24 minutes later, though the lead had ingested
articles and `assign` had given her more; only leaving the list and coming back showed them. The list now reads the
database again on the article screen's tick when another process wrote to it (SQLite's data version, one PRAGMA
while nothing changed), the highlight kept on the same article. The real console script in a subprocess, Pilot on
the real app, a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.review import make_review_app
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.tui.screens.article_list import ArticleListScreen
from annotator.wording import own_status_words

FIRST = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
]
LATER = [{"id": "third", "title": "Storm", "text": "A storm hit Brest on Monday, the mayor said."}]


def run(folder: Path, *args: str) -> None:
    result = annotator(*args, cwd=folder)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def ingest(folder: Path, name: str, records: list[dict[str, str]]) -> None:
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run(folder, "ingest", name, "--no-suggest", "--db", "team.db")


def shown(screen: ArticleListScreen) -> list[str]:
    """Each row's status (as the list words it) and title."""
    summaries = [screen.rows.row_at(i) for i in range(len(screen.rows.keys))]
    return [f"{own_status_words(s.status.value, s.others)}: {s.title}" for s in summaries if s is not None]


def note(screen: ArticleListScreen) -> str:
    return str(screen.query_one("#list-note").render())


async def test_the_list_left_open_shows_articles_ingested_and_assigned_meanwhile(tmp_path: Path) -> None:
    ingest(tmp_path, "a.jsonl", FIRST)
    run(tmp_path, "assign", "--annotators", "alice", "--db", "team.db")
    with Store.open(tmp_path / "team.db") as store:
        store.set_status("first", "alice", "done")
    app = make_app(tmp_path / "team.db", "alice", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")  # Two done: no article is left to do, the list comes up
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        assert screen.summary() == "2 of 2 assigned articles done · 0 in progress · showing 2: all (f, /)"
        assert note(screen) == "Marked: Two: done. No article is left to do: every status is below."
        assert screen.rows.current is not None and screen.rows.current.id == "second"
        ingest(tmp_path, "b.jsonl", LATER)
        run(tmp_path, "assign", "--annotators", "alice", "--db", "team.db")
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)  # the list's tick
        assert app.screen is screen
        assert screen.summary() == "2 of 3 assigned articles done · 0 in progress · showing 3: all (f, /)"
        assert shown(screen) == ["done: One", "done: Two", "to do: Storm"]
        assert note(screen) == "Work came in meanwhile (another process): 'Storm' is to do"
        assert screen.rows.current is not None and screen.rows.current.id == "second"  # the highlight stayed


async def test_the_highlight_stays_on_its_article_when_an_assignment_moves_it_and_nothing_is_read_while_unchanged(
    tmp_path: Path,
) -> None:
    """alice's list, all articles in ingest order, the highlight on One; `assign` in another terminal gives her Two
    (assigned articles come first): One moves down a row, and the highlight with it. A tick with nothing changed
    reads no row again."""
    ingest(tmp_path, "a.jsonl", FIRST + LATER)
    app = make_app(tmp_path / "team.db", "alice", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        assert shown(screen) == ["to do: One", "to do: Two", "to do: Storm"]
        assert screen.rows.cursor == 0
        keys, fetches = screen.rows.keys, screen.rows.fetches
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)  # a tick, nothing changed: nothing read
        assert (screen.rows.keys is keys, screen.rows.fetches) == (True, fetches)
        run(tmp_path, "assign", "--annotators", "alice,bob", "--db", "team.db")  # Two to alice, One and Storm to bob
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)
        assert screen.summary() == "0 of 1 assigned articles done · 0 in progress · showing 3: all (f, /)"
        assert shown(screen) == ["to do: Two", "others': One", "others': Storm"]
        assert (screen.rows.cursor, screen.rows.current.id) == (1, "first")


async def test_the_review_list_left_open_shows_an_article_finished_meanwhile(tmp_path: Path) -> None:
    """The reviewer's list after the last `d` (no article left to do); alice and bob then finish another article in
    other terminals (`annotator import`): it is up for review, and the list says so."""
    records = FIRST + LATER
    ingest(tmp_path, "a.jsonl", records)
    for name in ("alice", "bob"):
        done = [
            {"article_id": r["id"], "text": r["text"], "annotator": name, "status": "done", "spans": []}
            for r in records
        ]
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(done[0]) + "\n", encoding="utf-8")
        (tmp_path / f"{name}-later.jsonl").write_text(json.dumps(done[2]) + "\n", encoding="utf-8")
        run(tmp_path, "import", f"{name}.jsonl", "--db", "team.db")
    app = make_review_app(tmp_path / "team.db", "lead", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")  # One's gold done: none left, the list comes up
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        assert note(screen) == "Marked: One: done. No article is left to do: every status is below."
        for name in ("alice", "bob"):
            run(tmp_path, "import", f"{name}-later.jsonl", "--db", "team.db")
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)
        assert screen.summary() == "1 of 2 articles up for review done · 0 in progress · showing 2: all (f, /)"
        assert shown(screen) == ["done: One", "to do: Storm"]
        assert note(screen) == "Work came in meanwhile (another process): 'Storm' is to do"
        assert screen.rows.current is not None and screen.rows.current.id == "first"
