"""Trial 10: windows A and B on one article; A marks it done; B, shown it as stored, said "LOCATION 'Rome' is no
longer suggested as it was" (it still was: the article was done), and refused B's O at once ("the pending
suggestions changed when the article was shown as stored (0 pending now, not 2); press the key again"). B now says
the article was marked done in another window, and O reopens it at once. Pilot on two real apps at once on one real
SQLite file."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import washington_article


async def test_shown_as_stored_says_the_article_was_marked_done_elsewhere(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    window_a, window_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with window_a.run_test(size=(80, 24)) as pilot_a, window_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_a.press("d", "l")  # done, its suggestions left undecided
        await pilot_b.press("right")
        await pilot_b.pause()
        said = window_b.messages[-1][1]
    assert said == (
        "Shown as stored now: the article was marked done in another window since it was shown here; O reopens it "
        "to change it; the key was not applied: press it again"
    )


async def test_o_reopens_at_once_after_another_window_marked_done(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    window_a, window_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with window_a.run_test(size=(80, 24)) as pilot_a, window_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_a.press("d", "l")
        await pilot_b.press("right")  # shown as stored: done
        await pilot_b.press("O")
        await pilot_b.pause()
        said = window_b.messages[-1][1]
    assert said == "Reopened: in progress again, 2 suggestions pending again (tab goes to them)"


async def test_enter_after_another_window_marked_done_says_so(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    window_a, window_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with window_a.run_test(size=(80, 24)) as pilot_a, window_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_a.press("d", "l")
        await pilot_b.press("enter")  # before B showed it as stored
        await pilot_b.pause()
        said = window_b.messages[-1][1]
    assert said == "Not done: the article was marked done in another window; O reopens it to change it"
