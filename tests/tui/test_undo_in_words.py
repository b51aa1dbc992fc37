"""A newcomer's trial (31): `u` after `d` said "undid status: done -> in_progress", an internal status name; and
confirming a quote's unchanged speaker with `s`, enter made an undo step whose undo said only "undid speaker". The
undo says the status in words; a confirmation that changes nothing records no event. Pilot on a real database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.models import Status
from tests.tui.conftest import WHO


def events(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM events").fetchone()[0]


async def test_undoing_done_says_the_status_in_words(running, read_store) -> None:
    async with running() as (app, pilot):
        await pilot.press("enter")  # one accepted: the article is in progress
        await pilot.press("d", "l")  # done, the pending ones left undecided: on to the next article
        await pilot.press("p", "u")
        said = app.messages[-1][1]
        await pilot.press("U")
        redid = app.messages[-1][1]
    assert said == "undid: status done -> in progress"
    assert redid == "redid: status in progress -> done"
    with read_store() as store:
        assert store.status("seed", WHO) is Status.DONE


async def test_confirming_an_unchanged_speaker_records_nothing(running, tui_db: Path) -> None:
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 10)
        await pilot.press("enter")  # the quote and its speaker "one resident"
        before = events(tui_db)
        await pilot.press("s", "enter")  # the speaker as it is, confirmed
        said = app.messages[-1][1]
        assert app.screen.status_line.text.plain == said  # on the status line, not only in the log
        assert events(tui_db) == before
        await pilot.press("u")
        undid = app.messages[-1][1]
    assert said.startswith("Speaker unchanged: 'one resident' for the quote"), said
    assert not undid.startswith("undid speaker"), undid


async def test_the_side_panel_names_the_status_as_the_list_does(tmp_path: Path) -> None:
    """At 80x24 the side panel read "0? 0✓ todo": the stored value, where the article list says "to do"."""
    from annotator.tui.app import make_app
    from tests.tui.fixtures import one_article
    from tests.tui.test_review_panel_hints import panel_rows

    app = make_app(one_article(tmp_path / "n.db", "Storms hit Oslo."), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panel_rows(app, "#legend")[4] == "0? 0✓ to do"
