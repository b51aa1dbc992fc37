"""The keys read after t or T wait until the jump waits for its character (`AnnotatorApp.on_event`); a time limit
let them go after 3 seconds whether t had acted or not. When t had not (another process changed the article: t was
refused, "the key was not applied"; or the machine was busy: t still on its way), the character typed after it
acted as a key of its own: `t d` marked the article done. The held keys go on once t has come back to the app and
acted, however long that takes, and a jump is not refused by an article shown as stored first (it goes by the
text's characters, which no annotation changes). An article ingested by the real console script, another real
process writing to it, Pilot on the real app."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator
from textual import events

from annotator.store import Store
from annotator.tui.app import JUMP_HOLD_SECONDS, AnnotatorApp, make_app
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.vocabulary import Status
from tests.tui.conftest import WHO
from tests.tui.fixtures import ingest_stories, writing

TEXT = "Police said John Smith met Mary Jones in London during the day."


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_stories(tmp_path_factory.mktemp("ingested"), [{"id": "s", "title": "Smith", "text": TEXT}])


@pytest.fixture
def db(ingested: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(ingested, tmp_path / "story.db"))


def burst(app: AnnotatorApp, typed: str) -> None:
    """Every key waiting for the app at once (a paste, tmux send-keys, keys typed while it is busy)."""
    for character in typed:
        app.post_message(events.Key(character, character))


def shown(app: AnnotatorApp) -> tuple[str, str, int | None]:
    """The screen on top, the word under the article's cursor, and a jump still waiting for its character."""
    screen = app.screen
    if not isinstance(screen, AnnotateScreen):
        return type(screen).__name__, "", None
    start, end = screen.model.tokens[screen.cursor]
    return type(screen).__name__, TEXT[start:end], screen.jump_step


def stored(db: Path) -> tuple[Status | None, list[str]]:
    with Store.open(db, read_only=True) as store:
        return store.status("s", WHO), [s.text for s in store.spans("s", WHO)]


async def test_t_and_d_after_another_process_changed_the_article_jump_and_mark_nothing_done(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app) == ("AnnotateScreen", "Police", None)
        accepted = annotator("accept", "--annotator", WHO, "--db", db, "s")  # another terminal
        assert (accepted.returncode, accepted.stderr) == (0, ""), accepted.stderr
        burst(app, "td")
        await pilot.pause(JUMP_HOLD_SECONDS + 0.5)  # past the time limit the held keys had
        await pilot.pause()
        assert shown(app) == ("AnnotateScreen", "during", None)
        assert app.messages[-1][1] == (
            "Shown as stored now: the annotation was changed by `annotator accept` since it was shown here; ACTOR "
            "'Police' is no longer suggested as it was; highlighted now: the span ACTOR 'Police' at 0:6"
        )
    assert stored(db) == (Status.IN_PROGRESS, ["Police", "John Smith", "Mary Jones", "London"])


async def test_a_comment_saved_while_another_process_writes_then_t_d_jump_and_mark_nothing_done(db: Path) -> None:
    """`C`, a comment, enter, then `t d`, at once while an import writes: the comment waits for the write lock,
    longer than the keys after enter were held; t is then read on the article, and the comment screen, gone only
    then, let go of the keys t was holding: d acted as a key of its own. The keys after t wait for t."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        writer = writing(db, 1.5)
        for key, character in [("C", "C"), ("o", "o"), ("k", "k"), ("enter", "\r"), ("t", "t"), ("d", "d")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        writer.wait()
        await pilot.pause(JUMP_HOLD_SECONDS + 0.5)
        await pilot.pause()
        assert shown(app) == ("AnnotateScreen", "during", None)
    with Store.open(db, read_only=True) as store:
        assert [(who, text) for who, text, _ in store.comments("s")] == [(WHO, "ok")]
    assert stored(db) == (Status.TODO, [])


#: Another process damaging the database file in place (a disk fault, a stray write): every page after the first.
DAMAGING = """
import sys
with open(sys.argv[1], "r+b") as file:
    file.seek(4096)
    file.write(bytes(range(256)) * 64 * 64)
"""


async def test_t_d_when_showing_the_article_as_stored_fails_jump_and_mark_nothing_done(db: Path) -> None:
    """The database file damaged while the screen has it open: the catch-up before t failed on it, t was not run,
    and d acted as a key of its own. A jump goes by the text shown: the error is said, and t waits for its
    character all the same."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        accepted = annotator("accept", "--annotator", WHO, "--db", db, "s")  # another terminal
        assert (accepted.returncode, accepted.stderr) == (0, ""), accepted.stderr
        damaged = subprocess.run([sys.executable, "-c", DAMAGING, str(db)], capture_output=True, text=True)
        assert (damaged.returncode, damaged.stderr) == (0, "")
        burst(app, "td")
        await pilot.pause(JUMP_HOLD_SECONDS + 0.5)
        await pilot.pause()
        assert shown(app) == ("AnnotateScreen", "during", None)
        unreadable = (
            f"Not done: {db} cannot be read (database disk image is malformed); it was replaced, removed or "
            f"overwritten since it was opened: quit, then run `annotator check --db {db}`"
        )
        assert {message for _, message in app.messages} == {unreadable}  # said as each key met it
        assert app.screen.status_line.text.plain == unreadable


SHOWN_AS_STORED = (
    "Shown as stored now: the annotation was changed by `annotator accept` since it was shown here; ACTOR 'Police' "
    "is no longer suggested as it was; highlighted now: the span ACTOR 'Police' at 0:6"
)
#: What the status line says while t waits for its character.
JUMP_HINT = "t: the first character of the next word to go to (escape: stay)"


def status(app: AnnotatorApp) -> str:
    screen = app.screen
    assert isinstance(screen, AnnotateScreen)
    return screen.status_line.render().plain


async def test_t_after_another_process_changed_the_article_says_both_what_changed_and_what_the_next_key_does(
    db: Path,
) -> None:
    """t shows the article as stored first: its hint took the status line at once, and what had changed was
    said only in the message log (M). Both stand, the hint under it, until the character comes."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        accepted = annotator("accept", "--annotator", WHO, "--db", db, "s")  # another terminal
        assert (accepted.returncode, accepted.stderr) == (0, ""), accepted.stderr
        burst(app, "t")
        await pilot.pause()
        assert (shown(app), status(app)) == (("AnnotateScreen", "Police", 1), f"{SHOWN_AS_STORED}\n{JUMP_HINT}")
        burst(app, "d")
        await pilot.pause()
        assert shown(app) == ("AnnotateScreen", "during", None)
        assert JUMP_HINT not in status(app)


async def test_the_reload_timer_showing_the_article_as_stored_keeps_the_hint_of_a_waiting_jump(db: Path) -> None:
    """t waits for its character; another process accepts on the article, and the screen's timer shows it as
    stored: its line took the hint's place, though the next key was still taken as the character. The status
    line says what the next key does."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "t")
        await pilot.pause()
        assert shown(app)[2] == 1
        accepted = annotator("accept", "--annotator", WHO, "--db", db, "s")  # another terminal
        assert (accepted.returncode, accepted.stderr) == (0, ""), accepted.stderr
        await pilot.pause(CURSOR_SAVE_SECONDS + 0.5)  # the timer's round: it reads what another process changed
        assert (shown(app), status(app)) == (("AnnotateScreen", "Police", 1), f"{SHOWN_AS_STORED}\n{JUMP_HINT}")
        burst(app, "d")
        await pilot.pause()
        assert shown(app) == ("AnnotateScreen", "during", None)
    assert stored(db) == (Status.IN_PROGRESS, ["Police", "John Smith", "Mary Jones", "London"])
