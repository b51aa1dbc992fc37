"""A screen that shows its article as stored after a command changed it said "the annotation was changed in another
window" (trial 10: after `annotator accept`, whose own line says "undo it there with u"). It names the command, as a
refused undo does ("by `annotator accept`"); another window's change is still said so. Pilot on the real app, the real
console script, one real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import washington_article


async def test_shown_as_stored_after_annotator_accept_names_it(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        accepted = annotator("accept", "--db", str(db), "--annotator", WHO)
        assert accepted.returncode == 0, accepted.stderr
        await pilot.press("tab")
        await pilot.pause()
        said = app.messages[-1][1]
    assert said == (
        "Shown as stored now: the annotation was changed by `annotator accept` since it was shown here; ACTOR "
        "'Washington' is no longer suggested as it was; highlighted now: the span ACTOR 'Washington' at 0:10; the "
        "key was not applied: press it again"
    )


async def test_shown_as_stored_after_another_window_says_so(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    window_a, window_b = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with window_a.run_test(size=(80, 24)) as pilot_a, window_b.run_test(size=(80, 24)) as pilot_b:
        await pilot_a.pause()
        await pilot_b.pause()
        await pilot_a.press("enter")
        await pilot_b.press("tab")
        await pilot_b.pause()
        said = window_b.messages[-1][1]
    assert said == (
        "Shown as stored now: the annotation was changed in another window since it was shown here; ACTOR 'Washington' "
        "is no longer suggested as it was; highlighted now: the span ACTOR 'Washington' at 0:10; the key was not "
        "applied: press it again"
    )
