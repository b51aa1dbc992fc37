"""A done article is locked (`annotator.locking`; `test_done_article_locked`), and the screen says so where a person
looks for what works: the key bar offers what works there (O first) in place of Accept, Reject and Speaker, each of
which the lock refuses; the title bar says done (only the side panel did); the help and the README's key table
say the lock at `d`. Pilot on the real app and a real SQLite file."""

from __future__ import annotations

from annotator.tui.bindings import ARTICLE
from annotator.tui.widgets.bars import KeyBar
from tests.tui.test_done_article_locked import done_seed
from tests.tui.test_help_and_readme import README, joined, shown_lines

#: The key bar on a done article, and on one in progress (at 80 columns the last key is cut off, as ever).
DONE_BAR = " O Reopen  tab Next  C Comment  S Skip  F Flag  ? Help  q Quit "
OPEN_BAR = " tab Next  ⏎ Accept  x Reject  s Speaker  u Undo  d Done  ? Help  q Quit "
#: What `d` says in the help and in the README's key table.
DONE_LINE = (
    "mark the article done and open the next one to do; with suggestions pending or a quote without speaker it asks: "
    "a accept the suggestions all, l leave them, escape cancel. A done article is locked: a key that would change its "
    "spans, labels, edges, speakers or quotes writes nothing and says so; moving, C, u, d, S, F and O work, and O "
    "reopens it to change it"
)


def key_bar(app) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_the_key_bar_on_a_done_article_offers_what_works_there(running, tui_db) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await done_seed(app, pilot, tui_db)
        assert key_bar(app) == DONE_BAR


async def test_the_key_bar_offers_the_editing_keys_again_once_o_reopens_it(running, tui_db) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await done_seed(app, pilot, tui_db)
        await pilot.press("O")
        await pilot.pause()
        assert key_bar(app) == OPEN_BAR


async def test_the_title_bar_says_a_done_article_is_done(running, tui_db) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await done_seed(app, pilot, tui_db)
        assert app.screen.header[2] == "article 1 of 2 · done"
        await pilot.press("O")
        await pilot.pause()
        assert app.screen.header[2] == "article 1 of 2"


def test_the_readme_key_table_says_the_lock_at_d() -> None:
    done = next(binding for binding in ARTICLE if binding.id == "done")
    assert done.tooltip == DONE_LINE
    assert f"| `d` | {DONE_LINE} | `done` |" in README.read_text(encoding="utf-8")


async def test_the_help_says_the_lock_at_d(running) -> None:
    async with running() as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert f"{'d':>14}  {DONE_LINE}" in joined(shown_lines(app)[0])
