"""Issue 10: what the screen and the CLI show of stored text (items 4, 5, 18, 19 and 20's CRLF): literally, on its
characters, inside its region. The real TUI (in tmux, or through Pilot on a real database file) and the real
console script."""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import locale
import re
import time
from pathlib import Path

import pytest
from processes import annotator
from support import word_tokens
from textual.widgets._toast import Toast
from tmux_tui import HAVE_TMUX, Session

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def database(path: Path, text: str, title: str, suggestions: list[tuple[str, str]] = ()) -> str:
    with Store.open(path) as store:
        found = [Suggestion(start=(s := text.index(part)), end=s + len(part), label=label, text=part,
                            suggester="entities.v0") for part, label in suggestions]  # fmt: skip
        [article] = store.add_articles([(ArticleIn(text=text, title=title, id="a"), word_tokens(text), found)])[0]
        return article


# -- item 4: markup in notifications ------------------------------------------------------------------------------


async def test_markup_in_titles_and_span_texts_is_shown_literally_in_notices(tmp_path: Path) -> None:
    text = 'Ann said "[/x] works" in [Update] and "[b]old"; the end.\nNext line.'
    db = tmp_path / "m.db"
    database(db, text, "[Update] Storm hits coast [/nope]", [("[/x] works", "QUOTE"), ("[/x]", "QUOTE")])
    with Store.open(db) as store:  # a second article to go on to
        store.add_articles([(ArticleIn(text="Second article.", id="b"), word_tokens("Second article."), [])])
    app = make_app(db, "alice", keymap_path=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("A")  # accepts the quote '[/x]'; the quote '[/x] works' around it stays pending
        await pilot.press("enter")  # '[/x] works' is current now; accepting it is refused, quoting '[/x]'
        await pilot.pause()
        refused = (app.screen.status_line.text.plain, list(app.screen.query(Toast)))  # no toast over the text
        await pilot.press("d", "l")  # done, leaving the refused one undecided: the next article's status line says it
        await pilot.pause(0.2)
        marked = app.screen.status_line.text.plain
        toasts = list(app.screen.query(Toast))
    assert refused == ("Not done: it would overlap QUOTE '[/x]' at 10:14", [])
    assert (marked, toasts) == ("Marked: [Update] Storm hits coast [/nope]: done, 1 left undecided", [])
    with Store.open(db, read_only=True) as store:
        assert store.status("a", "alice").value == "done"


# -- item 5: redo after `annotator suggest --all` ------------------------------------------------------------


async def test_redo_after_suggest_all_replaced_the_suggestion_is_one_line_not_a_crash(tmp_path: Path) -> None:
    text = "Barack Obama visited Paris on Monday, officials said.\n"
    db = tmp_path / "r.db"
    database(db, text, "Visit", [("Barack Obama", "ACTOR")])
    app = make_app(db, "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter", "u")  # accept the suggestion, then undo: nobody decides on it now
        await pilot.pause()
        result = annotator("suggest", "--all", "--db", db)  # another process replaces the undecided suggestions
        assert result.returncode == 0, result.stderr
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)  # the window shows the new suggestions by itself
        assert app.screen.status_line.text.plain == (
            "Shown as stored now: its suggestions were recomputed by another command since it was shown here"
        )
        await pilot.press("U")  # redone (once) on them
        await pilot.pause()
        first = app.screen.status_line.text.plain
        await pilot.press("U")
        await pilot.pause()
        second = app.screen.status_line.text.plain
    assert first == (
        "redid accept of ACTOR 'Barack Obama' at 0:12; the suggestion it named was replaced by a later "
        "`annotator suggest`, so that link was skipped"
    )
    assert second == "Nothing to redo on this article: every undo on it is redone already"
    with Store.open(db, read_only=True) as store:
        assert [(s.text, s.suggestion_id) for s in store.spans("a", "alice")] == [("Barack Obama", None)]
        from annotator.store.verify import check

        assert check(store) == []


# -- item 18: control characters in stored strings reach no terminal through the CLI ---------------------------


def test_annotator_names_with_escape_sequences_are_printed_literally(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    text = "Ann Lee visited Paris on Monday."
    article = database(db, text, "T\x1b]0;title\x07")
    evil = ["\x1b]0;pwned\x07", "\x1b]52;c;cHduZWQ=\x07\u009b31m"]
    with Store.open(db) as store:
        for who in evil:
            store.add_span(article, who, text.index("Paris"), text.index("Paris") + 5, "LOCATION")
            store.set_status(article, who, "done")
    for command in (["stats"], ["agreement"], ["agreement", "--json"], ["evaluate", "--annotator", evil[0],
                    "--gold-from", evil[1]], ["export", "--annotator", "nobody"]):  # fmt: skip
        result = annotator(*command, "--db", db)
        assert CONTROL.findall(result.stdout + result.stderr) == [], (command, result.stdout, result.stderr)
        if command == ["stats"]:
            names = [line.split("  ")[0] for line in result.stdout.splitlines()[-2:]]
            assert sorted(names) == ["␛]0;pwned␇", "␛]52;c;cHduZWQ=␇⟨U+009B⟩31m"], result.stdout
        if command == ["agreement", "--json"]:
            assert json.loads(result.stdout)["annotators"] == sorted(evil)  # the same names, escaped in JSON


# -- items 19 and 20: widths of every script, CRLF --------------------------------------------------------------

WIDTHS = (
    "Hindi: यह विकास का काम है और सरकार ने कहा Paris.\r\n"
    "Emoji: family 👩\u200d👩\u200d👧 thumbs 👍🏽 heart ❤\ufe0f flag 🇫🇷 then Paris here.\r\n"
    "CJK: 東京の会議 met in Paris today.\r\n"
    "Combining: e\u0301te\u0301 cafe\u0301 na\u0308ive Paris done.\r\n"
    "Unassigned: \u0378\u0379 and \U000e0080 Paris end.\r\n"
    "Long: " + "ক্ষমা করো " * 12 + "Paris.\r\n"
)


def terminal_widths() -> ctypes.CDLL:
    """The C library's wcwidth, which tmux uses to place characters in cells."""
    name = ctypes.util.find_library("c")
    if not name:
        pytest.skip("no C library wcwidth to measure the screen with")
    libc = ctypes.CDLL(name)
    libc.wcwidth.argtypes = [ctypes.c_wchar]
    locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    return libc


@pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_every_script_keeps_highlights_on_their_characters_and_inside_the_view(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    libc = terminal_widths()
    db = tmp_path / "w.db"
    database(db, WIDTHS, "Widths")
    with Store.open(db) as store:
        for found in re.finditer("Paris", WIDTHS):
            store.add_span("a", "alice", found.start(), found.end(), "LOCATION")
    session = Session(db)
    try:
        session.tmux("resize-window", "-t", session.name, "-x", str(size[0]), "-y", str(size[1]))
        assert session.started()
        session.settle()
        time.sleep(0.5)
        plain = session.screen()
        styled = session.tmux("capture-pane", "-e", "-p", "-t", session.name).splitlines()
    finally:
        session.kill()
    borders = set()
    for row in plain[1:-3]:  # the article view's rows: its right edge is the side panel's border
        column = 0
        for char in row:
            if char == "│":
                borders.add(column)
                break
            column += max(libc.wcwidth(char), 0)
    assert len(borders) == 1, "\n".join(plain)  # no row drew past the view into the side panel
    view = "\n".join(row.split("│")[0] for row in styled[1:-3])  # each row up to the side panel's border
    assert re.findall(r"\x1b\[[0-9;]*48;5;71m([^\x1b]*)", view) == ["Paris"] * 6, "\n".join(styled)
    assert "␍" not in "\n".join(plain)  # CR LF is a line break, not a character to show
