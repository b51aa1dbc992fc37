"""Changes `annotator merge` brings into a file a screen has open were named as "made in another window" (the line
that shows the article as stored, and the refused undo), while a command's changes are named with the command
("changed by `annotator accept`"). A merge that copies an annotator's events, or appends those their own file made
since (a file that continues this one's history), records which events it wrote (its `merged` event, as for a
pack merged back), and the screen names them "by `annotator merge`". Pilot on the real app on one real SQLite file
while the real console script merges a second real database into it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens import article
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, washington_article

WASHINGTON = "ACTOR 'Washington' at 0:10"


def accepted(path: Path, text: str) -> None:
    with Store.open(path) as store:
        store.accept_suggestion("n", WHO, next(s.id for s in store.suggestions("n") if s.text == text))


def status(app) -> str:
    return app.screen.status_line.text.plain


@pytest.fixture(autouse=True)
def key_before_the_tick(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen's every-2-s look at the database (`ArticleScreen._tick`) would show the merge by itself when the
    merge takes longer than that on a loaded machine (s56: hA and hC saw tab show the pending hint); these tests
    are about the key that comes first."""
    monkeypatch.setattr(article, "CURSOR_SAVE_SECONDS", 3600.0)


def merged(into: Path, other: Path) -> None:
    result = annotator("merge", other, "--db", into)
    assert result.returncode == 0, result.stderr


async def test_work_copied_by_a_merge_is_named_as_the_merge(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    other = tmp_path / "other.db"
    shutil.copy(db, other)
    accepted(other, "Washington")  # alice's work in the other file; none here
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        merged(db, other)
        await pilot.press("tab")  # shows the article as stored
        shown = status(app)
        await pilot.press("u")
        refused = status(app)
    assert shown == (
        "Shown as stored now: the annotation was changed by `annotator merge` since it was shown here; ACTOR "
        "'Washington' is no longer suggested as it was; highlighted now: the span ACTOR 'Washington' at 0:10; the key "
        "was not applied: press it again"
    )
    assert refused == (
        f"Not undone: the last change here, accept of {WASHINGTON}, was made by `annotator merge` since this "
        "window opened: quit and open it again to undo it; shown as stored now"
    )
    assert held_spans(db, WHO) == [("ACTOR", "Washington")]


async def test_events_a_merge_appends_are_named_as_the_merge(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    accepted(db, "Washington")
    other = tmp_path / "other.db"
    shutil.copy(db, other)
    accepted(other, "Gaza")  # the other file goes on from this one's history
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        merged(db, other)
        await pilot.press("u")
        refused = status(app)
    assert refused == (
        "Not undone: the last change here, accept of LOCATION 'Gaza' at 23:27, was made by `annotator merge` since "
        "this window opened: quit and open it again to undo it; shown as stored now"
    )
    assert held_spans(db, WHO) == [("ACTOR", "Washington"), ("LOCATION", "Gaza")]


async def test_after_opening_again_the_merged_change_undoes_as_one_from_before(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    other = tmp_path / "other.db"
    shutil.copy(db, other)
    accepted(other, "Washington")
    merged(db, other)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        said = status(app)
    assert said == f"undid accept of {WASHINGTON}, a change made before this window opened"
    assert held_spans(db, WHO) == []
