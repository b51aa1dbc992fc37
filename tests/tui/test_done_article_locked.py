"""A team trial: bob's article was done (it later went into gold); a search in the article list opened it by mistake,
and `x` removed its LOCATION 'Goa' without a word, the article still done (a second `x` removed a quote). Now an
annotator's done article is locked on the annotate screen, as INCEpTION locks a finished document: each key that
would change its spans, labels, edges, speakers or quotes writes nothing and says so in one line; O reopens it, and
the same key works then. Skipped and flagged articles are not finished work and stay open to edits. Pilot on the
real app and a real SQLite file, whose events are counted."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from annotator.tui.screens.speaker import SpeakerScreen
from annotator.wording import DONE_LOCKED
from tests.tui.conftest import WHO

#: Where the keys below start: the LOCATION 'Gaza Strip' (`.` from the unique word before it, the rejected 'Israel'
#: hidden), the ACTOR 'Palestinians' two items on, the rejected 'Israel' R shows, a word no span marks.
GAZA = ("slash", *"bombardments", "enter", "full_stop")
PALESTINIANS = (*GAZA, "full_stop", "full_stop")
ISRAEL = ("R", "slash", *"bombardments", "enter", "comma")
UNMARKED = ("slash", *"bombardments", "enter")
#: The ACTOR 'one resident', which 3 may relabel: it holds a number ('Gaza Strip' holds none, and 3 refuses it).
ONE_RESIDENT = ("slash", *"one resident", "enter")
#: Alice's work: 'Israel' rejected, every other suggestion accepted (A), marked done; or only 'Gaza Strip' accepted
#: and the rest left undecided, for A.
ALL, SOME = ("x", "A", "d", "l"), ("x", "enter", "d", "l")

#: Each editing key: (alice's work, the keys, the event it writes once the article is reopened).
KEYS = {
    "x": (ALL, (*GAZA, "x"), "remove"),
    "delete": (ALL, (*GAZA, "delete"), "remove"),
    "1": (ALL, (*GAZA, "1"), "relabel"),
    "2": (ALL, (*PALESTINIANS, "2"), "relabel"),
    "3": (ALL, (*ONE_RESIDENT, "3"), "relabel"),
    "v 1": (ALL, (*UNMARKED, "v", "1"), "add"),
    "v 4": (ALL, (*UNMARKED, "v", "4"), "add"),
    "[": (ALL, (*GAZA, "left_square_bracket"), "resize"),
    "]": (ALL, (*GAZA, "right_square_bracket"), "resize"),
    "{": (ALL, (*GAZA, "left_curly_bracket"), "resize"),
    "}": (ALL, (*GAZA, "right_curly_bracket"), "resize"),
    "*": (ALL, (*GAZA, "asterisk"), "add"),
    "A": (SOME, ("A",), "accept_all"),
    "enter on a rejected suggestion": (ALL, (*ISRAEL, "enter"), "accept"),
}


def events(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [action for (action,) in conn.execute("SELECT action FROM events ORDER BY id")]


def spans(db: Path) -> list[tuple[int, int, str, int | None]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(
            'SELECT start, "end", label, speaker_start FROM spans WHERE annotator = ? ORDER BY start', [WHO]
        ).fetchall()


async def done_seed(app, pilot, tui_db: Path, work: tuple[str, ...] = ALL) -> list[str]:
    """The seed article as alice marked it (`work`), open again (p from the next one to do); the events stored."""
    await pilot.press(*work, "p")
    await pilot.pause()
    assert app.screen.article_id == "seed"
    return events(tui_db)


@pytest.mark.parametrize("case", KEYS)
async def test_an_editing_key_on_a_done_article_writes_nothing_and_says_o_reopens_it(case, running, tui_db) -> None:
    work, keys, _ = KEYS[case]
    async with running(size=(80, 24)) as (app, pilot):
        written = await done_seed(app, pilot, tui_db, work)
        held = spans(tui_db)
        await pilot.press(*keys)
        await pilot.pause()
        assert app.messages[-1][1] == DONE_LOCKED
    assert (events(tui_db), spans(tui_db)) == (written, held)


@pytest.mark.parametrize("case", KEYS)
async def test_the_same_key_after_o_changes_the_article(case, running, tui_db) -> None:
    work, keys, action = KEYS[case]
    async with running(size=(80, 24)) as (app, pilot):
        written = await done_seed(app, pilot, tui_db, work)
        await pilot.press("O", *keys)
        await pilot.pause()
    assert events(tui_db) == [*written, "status", action]


async def test_s_on_a_done_article_opens_no_speaker_choice(running, tui_db) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        written = await done_seed(app, pilot, tui_db)
        await pilot.press("slash", *"occupation", "enter", "s")
        await pilot.pause()
        assert not isinstance(app.screen, SpeakerScreen)
        assert app.messages[-1][1] == DONE_LOCKED
    assert events(tui_db) == written


@pytest.mark.parametrize("status", [("S", "y"), ("F", "enter")], ids=["skipped", "flagged"])
async def test_x_on_a_skipped_or_flagged_article_removes_the_span(status, running, tui_db) -> None:
    """Skipped and flagged articles are put aside, not finished work (no review takes them into gold)."""
    async with running(size=(80, 24)) as (app, pilot):
        written = await done_seed(app, pilot, tui_db, ("x", "A", *status))
        await pilot.press(*GAZA, "x")
        await pilot.pause()
        assert app.messages[-1][1].startswith("removed LOCATION 'Gaza Strip' at 51:61")
    assert events(tui_db) == [*written, "remove"]


async def test_u_on_a_done_article_undoes_the_done_mark_and_then_x_removes(running, tui_db) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        written = await done_seed(app, pilot, tui_db)
        await pilot.press("u", *GAZA, "x")
        await pilot.pause()
        assert app.messages[-1][1].startswith("removed LOCATION 'Gaza Strip' at 51:61")
    assert events(tui_db) == [*written, "undo", "remove"]


async def test_a_comment_on_a_done_article_is_saved(running, tui_db) -> None:
    """A comment is a note on the article, no event and no change of its annotation (a reviewer reads it): C stays
    open on a done article."""
    async with running(size=(80, 24)) as (app, pilot):
        written = await done_seed(app, pilot, tui_db)
        await pilot.press("C", *"checked", "enter")
        await pilot.pause()
        assert app.messages[-1][1] == "Comment saved"
    with closing(sqlite3.connect(tui_db)) as conn:
        assert conn.execute("SELECT annotator, text FROM comments").fetchall() == [(WHO, "checked")]
    assert events(tui_db) == written


async def test_a_key_the_edge_rules_would_refuse_says_the_lock_first(running, tui_db) -> None:
    """`{` on the one-word 'Palestinians' had said to remove it with x, which the lock refuses in turn."""
    async with running(size=(80, 24)) as (app, pilot):
        written = await done_seed(app, pilot, tui_db)
        await pilot.press(*PALESTINIANS, "left_curly_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == DONE_LOCKED
    assert events(tui_db) == written


async def test_the_status_line_offers_no_key_a_done_article_refuses(running, tui_db) -> None:
    """A re-trial: on a done article the lines still offered "1-3 add ..." and "Selected ...: 4 only ...", and each
    key then refused. They say what works instead: O."""
    async with running(size=(80, 24)) as (app, pilot):
        await done_seed(app, pilot, tui_db)
        await pilot.press(*UNMARKED)
        await pilot.pause()
        assert str(app.screen.status_line.text).startswith("Done: O reopens it to change it")
        await pilot.press("shift+right")
        await pilot.pause()
        assert str(app.screen.status_line.text).endswith(": done: O reopens it to change it")
        await pilot.press("escape", *GAZA)
        await pilot.pause()
        assert str(app.screen.status_line.text).endswith("(done: O reopens it to change it)")
