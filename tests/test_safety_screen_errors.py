"""Issue 10, a trial's leftover: the TUI on a file copied over while it is open (`cp other.db x.db`, the same
inode). An edit after another window's edit was taken for that window's change (`Conflict`): the screen reloaded
the article from the copied bytes and crashed with a traceback (`NotFound`, or SQLite's raw "database disk image is
malformed"), and the process exited 0. The article list crashed the same way. Now the store refuses the edit as not
saved, any store error reaching the screen is one line on it and the app goes on, and an app that does crash ends
the command with one line and exit status 1.

Real files, a real second process, the app driven by Pilot; the exit status through the console script in tmux.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import small_database
from support import word_tokens
from test_safety_overwritten_in_place import copy_onto, refused
from tmux_tui import HAVE_TMUX, kill_server, tmux

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.tui.app import AnnotatorApp

WHO = "z"
#: Another window of the same annotator marks the article done: a real second process.
OTHER_WINDOW = (
    "import sys; from annotator.store import Store\n"
    "with Store.open(sys.argv[1]) as store:\n"
    "    store.set_status(sys.argv[2], sys.argv[3], 'done')\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, str]:
    """x.db: one article with a suggestion, and 50 more articles (more pages than one copy's); other.db: another
    database of ours."""
    db, other = tmp_path / "x.db", tmp_path / "other.db"
    article = small_database(db)
    texts = [f"Article {n} tells of Paris and Berlin. " + "Words follow here. " * 60 for n in range(50)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=text), word_tokens(text), []) for text in texts])
    small_database(other, "bob", text="Completely other text about Boston and Chicago.")
    return db, other, article


def session(db: Path, keys_after_copy: list[str], before_copy=None) -> tuple[list[str], list[str], int | None]:
    """Open the app as z, accept the suggestion, copy other.db onto x.db (after `before_copy`), press each key:
    the status line after each, the message log, and the app's return code (None: still running)."""
    app = AnnotatorApp(Store.open(db), WHO)
    statuses: list[str] = []

    async def run() -> int | None:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("tab", "enter")
            await pilot.pause()
            if before_copy is not None:
                before_copy()
            copy_onto(db.with_name("other.db"), db)
            for key in keys_after_copy:
                await pilot.press(key)
                await pilot.pause()
                status = app.screen.status_line.text.plain if hasattr(app.screen, "status_line") else ""
                statuses.append(status)
            return app.return_code

    code = asyncio.run(run())
    return statuses, [message for _time, message in app.messages], code


def test_an_edit_after_another_window_s_edit_and_a_copy_onto_the_file_is_refused_in_one_line(
    files: tuple[Path, Path, str],
) -> None:
    """The trial's sequence: the other window's edit makes this one look like a conflict, whose reload read the
    copied file; now the store sees that the file is not the one it opened, and every edit says so."""
    db, _other, article = files

    def other_window() -> None:
        subprocess.run([sys.executable, "-c", OTHER_WINDOW, db, article, WHO], check=True, timeout=60)

    statuses, messages, code = session(db, ["x", "x", "u"], before_copy=other_window)
    line = f"Not done: {refused(db)}"
    assert (statuses, code) == ([line, line, line], None)
    assert messages[-3:] == [line, line, line]


def test_the_article_list_of_a_copied_over_file_is_one_line_and_the_screen_goes_on(
    files: tuple[Path, Path, str],
) -> None:
    db, _other, _article = files
    statuses, messages, code = session(db, ["l", "escape", "x"])
    unreadable = (
        f"Not done: {db} cannot be read (database disk image is malformed); it was replaced, removed or overwritten "
        f"since it was opened: quit, then run `annotator check --db {db}`"
    )
    assert code is None
    assert messages[-2:] == [unreadable, f"Not done: {refused(db)}"]
    assert statuses[-1] == f"Not done: {refused(db)}"


#: The console script with a bug planted where `?` lands (its help), as a wrapper process runs it.
PLANTED = """
import sys
from annotator.tui.screens.article import ArticleScreen

def help_with_a_bug(self):
    raise RuntimeError("a bug planted by the test")

ArticleScreen.action_help = help_with_a_bug
from annotator.cli import main
sys.argv[0] = "annotator"
main()
"""


@pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
def test_an_app_that_crashes_ends_the_command_with_one_line_and_status_1(tmp_path: Path) -> None:
    """It printed Textual's traceback and exited 0, as if all went well."""
    db = tmp_path / "c.db"
    small_database(db)
    wrapper = tmp_path / "planted.py"
    wrapper.write_text(PLANTED, encoding="utf-8")
    socket = f"hr-safety-crash-{os.getpid()}-{time.monotonic_ns()}"
    command = (f"TMPDIR={tmp_path} {sys.executable} {wrapper} annotate --db {db} --annotator {WHO}; "
               "echo status=$?; sleep 60")  # fmt: skip
    tmux(socket, "new-session", "-d", "-s", "crash", "-x", "200", "-y", "50", command)
    try:
        screen = ""
        deadline = time.monotonic() + 30
        while "pending" not in screen:
            assert time.monotonic() < deadline, screen
            time.sleep(0.1)
            screen = tmux(socket, "capture-pane", "-p", "-J", "-t", "crash")
        tmux(socket, "send-keys", "-t", "crash", "?")
        while "status=" not in screen:
            assert time.monotonic() < deadline, screen
            time.sleep(0.1)
            screen = tmux(socket, "capture-pane", "-p", "-J", "-t", "crash")
    finally:
        kill_server(socket)
    said = [line for line in screen.splitlines() if line.strip()]
    [kept] = tmp_path.glob("annotator-crash-*.txt")
    assert said == [
        "annotator: error: the screen stopped on an unexpected error, RuntimeError: a bug planted by the test (the "
        f"details are in {kept}); every action it showed as done is stored",
        "status=1",
    ]
    assert re.search(r"RuntimeError: a bug planted by the test", kept.read_text(encoding="utf-8"))


def test_a_reload_that_cannot_read_the_file_is_one_line_and_the_screen_goes_on(files: tuple[Path, Path, str]) -> None:
    """The path the trial's traceback came through (`reloading.retried` reloading after a conflict): another window
    changed this annotation, and another program dropped a table the article is read from. The key is refused in
    one line naming the file and what to do (it crashed on SQLite's own error); the next key too; the app runs on."""
    db, _other, article = files
    app = AnnotatorApp(Store.open(db), WHO)
    statuses: list[str] = []

    async def run() -> int | None:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("tab", "enter")
            await pilot.pause()
            subprocess.run([sys.executable, "-c", OTHER_WINDOW, db, article, WHO], check=True, timeout=60)
            subprocess.run(["sqlite3", db, "DROP TABLE decisions"], check=True, timeout=60)
            for key in ("x", "x"):
                await pilot.press(key)
                await pilot.pause()
                statuses.append(app.screen.status_line.text.plain)
            return app.return_code

    code = asyncio.run(run())
    reload = f"Not done: {db} cannot be read (no such table: decisions): quit, then run `annotator check --db {db}`"
    edit = f"Not done: not saved: no such table: decisions ({db}); nothing of this change was written"
    assert (statuses, code) == ([reload, edit], None)


@pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
def test_the_real_tui_on_a_copied_over_file_says_each_refusal_in_one_line_and_quits_with_status_0(
    files: tuple[Path, Path, str],
) -> None:
    """The trial's sequence in a terminal: accept, `cp other.db x.db`, two editing keys, the article list (which
    crashed the app with a traceback and status 0), back, quit: every refusal is a line, and quitting ends it
    normally."""
    from tmux_tui import Session

    db, other, _article = files
    status = db.with_name("status")
    session = Session(db, annotator=WHO, status_to=status)
    try:
        assert session.started()
        session.settle()
        session.press_and_read("Tab")
        session.press_and_read("Enter")
        copy_onto(other, db)
        refusals = []
        for _ in range(2):
            session.press_and_read("x")
            refusals.append("".join("".join(session.screen()).split()))  # without white space: lines wrap anywhere
        session.press("l")  # the list reads the copied file: under load it may take longer than a key's settling
        session.wait_for(lambda: "cannotberead" in "".join("".join(session.screen()).split()), timeout=30)
        listed = "\n".join(session.screen())
        session.press_and_read("Escape")
        session.quit_and_wait(status)
    finally:
        session.kill()
    line = "".join(f"Not done: {refused(db)}".split())
    assert [line in shown for shown in refusals] == [True, True]
    assert "Traceback" not in listed, listed
    toast = "".join("".join(row.rpartition("▌")[2] for row in listed.splitlines()).split())  # right of the list
    assert "cannotberead(databasediskimageismalformed)" in toast, listed  # wrapped where the box's width says
    assert status.read_text() == "0\n"
