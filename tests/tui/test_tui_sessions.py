"""Restarts, the article list, keymaps, safety of article text, and what is imported at start-up."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from processes import in_a_terminal

from annotator.errors import InputError
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article_list import ArticleListScreen
from annotator.tui.widgets.bars import KeyBar
from tests.tui.conftest import WHO
from tests.tui.fixtures import region_of, seed_article


async def test_resumes_the_article_and_cursor_after_a_restart(running):
    async with running() as (app, pilot):
        await pilot.press("n", "right", "right", "q")  # "hostile" opens on its suggestion, "Not"; two tokens on
    async with running() as (app, pilot):
        assert app.screen.article_id == "hostile"
        assert app.screen.model.tokens[app.screen.cursor].start == 14  # the sixth token, "[" of "[/]"


async def test_undo_and_redo_survive_a_restart(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("enter", "enter", "q")
    async with running() as (_, pilot):
        await pilot.press("u")
    with read_store() as store:
        assert [s.text for s in store.spans("seed", WHO)] == ["Israel"]
    async with running() as (_, pilot):
        await pilot.press("U")
    with read_store() as store:
        assert [s.text for s in store.spans("seed", WHO)] == ["Israel", "Gaza Strip"]


def statuses(table) -> list[str]:
    return [table.row_at(i).status.value for i in range(len(table.keys))]


async def test_list_shows_status_filters_and_opens_with_enter(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("d", "l", "l")  # seed done (its suggestions left undecided), hostile open; the list
        assert isinstance(app.screen, ArticleListScreen)
        table = app.screen.query_one("#articles")
        assert statuses(table) == ["done", "todo"]
        await pilot.press("f")  # to do only
        assert statuses(table) == ["todo"]
        await pilot.press("f", "f")  # in progress, then done
        assert statuses(table) == ["done"]
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == "seed"
    with read_store() as store:
        assert store.last_opened(WHO) == "seed"


async def test_list_starts_on_the_open_article_and_escape_goes_back_to_it(running):
    async with running() as (app, pilot):
        await pilot.press("n", "l")  # hostile open
        await pilot.press("escape")
        assert (type(app.screen), app.screen.article_id) == (AnnotateScreen, "hostile")
        await pilot.press("l", "enter")
        assert (type(app.screen), app.screen.article_id) == (AnnotateScreen, "hostile")


def visible_text(app) -> list[str]:
    view = app.screen.query_one("#article")
    return ["".join(segment.text for segment in view.render_line(y)).rstrip() for y in range(view.size.height)]


async def test_markup_escape_codes_and_control_characters_are_shown_literally(running):
    async with running(size=(120, 24)) as (app, pilot):
        await pilot.press("n")
        lines = visible_text(app)
        width = app.screen.query_one("#article").size.width
    assert lines[0] == "› [bold]Not bold[/] and [red]not red[/red] [link=http://x]x[/link]"
    assert lines[1] == "  Escape ␛[31mred␛[0m and bell ␇ and tab    here."
    assert lines[2] == "  Carriage␍return and ⟨U+202E⟩override⟨U+202C⟩ done; wide 漢字 ok."
    assert lines[3].startswith("  longlong") and len(lines[3]) == width - 2  # cut before the margin and scrollbar
    assert not any("\x1b" in line or "\t" in line or "\r" in line for line in lines)


async def test_highlight_columns_stay_right_after_wide_and_control_characters(running, read_store):
    async with running(size=(120, 24)) as (app, pilot):
        await pilot.press("n")
        view = app.screen.query_one("#article")
        text = app.screen.model.text
        region = region_of(view, text.index("ok."))
        assert region.x == 2 + len("Carriage␍return and ⟨U+202E⟩override⟨U+202C⟩ done; wide ") + 4 + 1  # 漢字: 4 cells
        await pilot.click(view, offset=(region.x, region.y))
        await pilot.press("v", "1")  # the word alone (1 by itself takes the noun group: "wide 漢字 ok")
    with read_store() as store:
        assert [s.text for s in store.spans("hostile", WHO)] == ["ok"]


async def test_keymap_file_remaps_a_binding(running, read_store, tmp_path: Path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('accept = "a"\nnext_undecided = ["j", "tab"]\n')
    async with running(keymap_path=keymap) as (_, pilot):
        await pilot.press("a", "j", "a")
    with read_store() as store:
        assert [s.text for s in store.spans("seed", WHO)] == ["Israel", "at least 35"]


async def test_key_line_shows_remapped_keys(running, tmp_path: Path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('accept = "a"\n')
    async with running(keymap_path=keymap) as (app, _):
        line = str(app.screen.query_one(KeyBar).render())
    # the order of the screen's active bindings, as Textual's Footer had it: a remapped key comes last
    assert line == " tab Next  x Reject  s Speaker  u Undo  d Done  ? Help  q Quit  a Accept "


async def test_clicking_a_key_in_the_key_line_presses_it(running, read_store):
    async with running() as (app, pilot):
        line = str(app.screen.query_one(KeyBar).render())
        for shown in (" tab Next", " ⏎ Accept"):
            await pilot.click(KeyBar, offset=(line.index(shown) + 1, 0))
            await pilot.pause()
    with read_store() as store:
        assert [s.text for s in store.spans("seed", WHO)] == ["Gaza Strip"]


def test_keymap_giving_a_key_two_bindings_is_one_line_error(tui_db: Path, tmp_path: Path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('next_undecided = "q"\n')
    with pytest.raises(
        InputError, match=r"keymap.toml:1: field 'next_undecided': key 'q' is also quit's: remap quit too"
    ):
        make_app(tui_db, WHO, keymap_path=keymap)


def test_keymap_moving_both_keys_is_fine(tui_db: Path, tmp_path: Path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('next_undecided = "q"\nquit = "ctrl+x"\n')
    app = make_app(tui_db, WHO, keymap_path=keymap)
    app.store.close()
    assert app.keymap == {"next_undecided": "q", "quit": "ctrl+x"}


def test_keymap_with_an_unknown_binding_is_one_line_error(tui_db: Path, tmp_path: Path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('acept = "a"\n')
    with pytest.raises(InputError, match=r"keymap.toml:1: field 'acept': unknown binding id"):
        make_app(tui_db, WHO, keymap_path=keymap)


# The first frame, reached the two ways a user starts the TUI: whatever loads pydantic or spaCy on the way shows up.
START_UP = """
import asyncio, sys
import annotator.tui.app
from textual.app import App
run = App.run
def first_frame(app, **options):
    async def report(pilot):
        await pilot.pause()
        print(type(app.screen).__name__, "pydantic" in sys.modules, "spacy" in sys.modules, "thinc" in sys.modules)
        app.exit()
    return run(app, headless=True, auto_pilot=report)
App.run = first_frame
"""
THROUGH_MAKE_APP = "annotator.tui.app.make_app(sys.argv[1], 'alice').run()"
THROUGH_THE_COMMAND = (
    "sys.argv[1:] = ['--db', sys.argv[1], '--annotator', 'alice']; import annotator.cli; annotator.cli.main()"
)


@pytest.mark.parametrize("start", [THROUGH_MAKE_APP, THROUGH_THE_COMMAND], ids=["make_app", "command"])
def test_start_up_imports_neither_spacy_nor_pydantic(tui_db: Path, tmp_path: Path, start: str):
    keymap = tmp_path / "keymap.toml"  # a keymap file is read at start-up too
    keymap.write_text('reject = "x,delete"\n')
    result = in_a_terminal(  # the command refuses to start a screen without a terminal
        [sys.executable, "-c", START_UP + start, str(tui_db)],
        cwd=None,
        timeout=120,
        env={**os.environ, "ANNOTATOR_KEYMAP": str(keymap)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["AnnotateScreen", "False", "False", "False"]


async def test_the_header_says_which_database_where_and_how_much_is_left(running):
    async with running() as (app, pilot):
        assert app.screen.header == ("alice · annotations.db", app.screen.model.title, "article 1 of 2 · 15 pending")
        await pilot.press("enter")
        assert app.screen.header[2] == "article 1 of 2 · 14 pending"
        await pilot.press("n")
        assert app.screen.header[2] == "article 2 of 2 · 1 pending"


async def test_a_tui_that_creates_its_database_says_so(tmp_path: Path):
    app = make_app(tmp_path / "mistyped.db", WHO, keymap_path=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert any("mistyped.db did not exist: a new database was created" in m for _, m in app.messages)
    app_existing = make_app(tmp_path / "mistyped.db", WHO, keymap_path=False)
    async with app_existing.run_test() as pilot:
        await pilot.pause()
        assert not any("did not exist" in m for _, m in app_existing.messages)


async def test_the_new_database_notice_is_on_the_status_line_until_the_first_key(tmp_path: Path):
    """Not a toast: at 80x24 one stood over the article's first lines (a newcomer's trial, the refusals' toasts)."""
    from textual.widgets._toast import Toast

    db = tmp_path / "fresh.db"
    with Store.open(db) as store:  # as `annotator` does on a new file: the seed article first
        store.add_articles([seed_article()])
    app = make_app(db, WHO, keymap_path=False, created=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        first = app.screen.status_line.text.plain
        await pilot.press("enter")
        await pilot.pause()
        said = app.screen.status_line.text.plain
    assert toasts == []
    assert first == (
        "New database: fresh.db did not exist: a new database was created with the seed article. If you meant "
        "another file, quit (q) and give its name with --db."
    )
    assert said == "accepted ACTOR 'Israel' at 0:6"
    with Store.open(db) as store:
        assert [(s.label.value, s.text) for s in store.spans("seed", WHO)] == [("ACTOR", "Israel")]


async def test_the_header_counts_articles_another_process_ingested_while_the_article_is_open(running, tui_db):
    from support import word_tokens

    from annotator.models import ArticleIn
    from annotator.tui.screens.article import CURSOR_SAVE_SECONDS

    async with running() as (app, pilot):
        before = app.screen.header[2]
        with Store.open(tui_db) as other_process:
            texts = [f"Article number {n} is here." for n in range(25)]
            other_process.add_articles(
                [(ArticleIn(text=t, id=f"n{i}", title=t), word_tokens(t), []) for i, t in enumerate(texts)]
            )
        await pilot.pause(CURSOR_SAVE_SECONDS + 0.5)
        waited = app.screen.header[2]
        await pilot.press("enter")
        edited = app.screen.header[2]
    assert (before, waited, edited) == (
        "article 1 of 2 · 15 pending",
        "article 1 of 27 · 15 pending",
        "article 1 of 27 · 14 pending",
    )
    with Store.open(tui_db) as store:
        assert len(store.spans("seed", WHO)) == 1
