"""A review screen open while `annotator merge` brings an annotator's newer work on its article (a newcomer's
re-trial, N8: bob dropped 'Sderot', which gold holds as agreed): the screen said nothing, and after the next key its
panel read "Disagreement 2/5" where it had shown 2/4, a new disagreement among them. The screen reads the
annotators' versions again at its tick as it reads gold, says who changed them, and keeps the disagreement it shows
(its number may change: the panel and the gold list are read together); a pick pressed before the tick is made on
the versions as they are once the screen has read them, or not at all when the disagreement shown changed. Pilot on
the real review app on one real SQLite file; the real console script merges a real second database into it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from processes import annotator
from review_db import BOB, TEXT, make_review_db, mark

from annotator.gold import decisions
from annotator.models import Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.tui.screens.review import ReviewScreen
from tests.tui.test_review_panel_hints import panel_rows

WHO = ["alice", "bob"]
MERGED = "bob's annotation was changed by `annotator merge`"


def status(app) -> str:
    return app.screen.status_line.text.plain


def disputed(app) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    start, end = screen._marks().disputed
    return TEXT[start:end]


def merged_in(tmp_path: Path, path: Path, article_id: str, bob: list) -> None:
    """bob's newer work on the article, made in a copy of the database and merged back by the console script."""
    other = tmp_path / "copy.db"
    shutil.copy(path, other)
    with Store.open(other) as store:
        store.replace_annotation(article_id, "bob", bob, Status.DONE)
    done = annotator("merge", other, "--db", path)
    assert done.returncode == 0, done.stderr


def picks(path: Path, article_id: str) -> list[tuple[str, list[str]]]:
    with Store.open(path) as store:
        return [(d.source, [s.text for s in d.spans]) for d in decisions(store, article_id) if d.source != "all"]


WITHOUT_SDEROT = [s for s in BOB if s.text != "Sderot"]


@pytest.fixture
def no_tick(monkeypatch: pytest.MonkeyPatch) -> None:
    """No tick while a test presses a key "before the tick": the merge runs in a subprocess that blocks the app's
    loop, and on a loaded machine it can outlast the tick's interval, which then fires before the key."""
    monkeypatch.setattr("annotator.tui.screens.article.CURSOR_SAVE_SECONDS", 3600.0)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_tick_shows_a_merged_version_and_keeps_the_disagreement_shown(tmp_path: Path, size) -> None:
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")  # on bob's quote, 3/4
        before = panel_rows(app)[:2]
        merged_in(tmp_path, path, article_id, WITHOUT_SDEROT)
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)
        shown, now, rows, gold = status(app), disputed(app), panel_rows(app)[:3], panel_rows(app, "#spans")[:3]
        await pilot.press("b")
        picked = status(app)
    assert before == ["2 agreed spans in gold", "Disagreement 3/4 · 4 open"]
    assert shown == f"Shown as stored now: {MERGED} since it was shown here"
    assert now == "We are ready,"
    assert rows == ["1 agreed span in gold", "Disagreement 4/5 · 5 open", "missing · open"]
    assert [row.strip() for row in gold] == ["✓ ACT Israel", "✓ LOC Sderot", ""]
    assert picked.startswith("bob's version into gold: QUOTE 'We are ready,' at 47:60")
    assert picks(path, article_id) == [("bob", ["We are ready,"])]


async def test_a_pick_before_the_tick_is_made_on_the_merged_versions(tmp_path: Path, no_tick) -> None:
    """The merge changed bob's version elsewhere: the pick acts on the disagreement shown, once read again."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        merged_in(tmp_path, path, article_id, WITHOUT_SDEROT)
        await pilot.press("b")
        picked, now = status(app), panel_rows(app)[:2]
    assert picked == (
        f"bob's version into gold: QUOTE 'We are ready,' at 47:60; 1 quote without their speaker, who is not decided "
        f"yet (after reloading: {MERGED})"
    )
    assert now == ["1 agreed span in gold", "Disagreement 5/5 · 4 open"]
    assert picks(path, article_id) == [("bob", ["We are ready,"])]


async def test_a_pick_on_a_version_changed_before_the_tick_is_not_made(tmp_path: Path, no_tick) -> None:
    """The merge changed bob's version of the disagreement shown ('20' became '20 rockets', as alice's): `b` was
    aimed at the '20' shown, and nothing is written."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")  # '20 rockets' against '20', 2/4
        bob = [mark("20 rockets", "FIGURE") if s.text == "20" else s for s in BOB]
        merged_in(tmp_path, path, article_id, bob)
        await pilot.press("b")
        refused, now = status(app), disputed(app)
    assert refused == (
        f"Not done: {MERGED}, and disagreement 2/4 ('20 rockets' at 24:34) is no longer there; highlighted now: 2/3"
    )  # its number at 80 columns (`review_shown.kept`); the disagreement highlighted shows its words
    assert now == "We are ready,"
    assert picks(path, article_id) == []


async def test_a_pick_on_a_disagreement_whose_versions_changed_before_the_tick_is_not_made(
    tmp_path: Path, no_tick
) -> None:
    """The merge took the speaker off bob's quote: the disagreement is where it was, but `b` was aimed at the quote
    with 'the army' as its speaker; pressed again, it picks the quote as bob has it now."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        bob = [mark("We are ready,", "QUOTE") if s.text == "We are ready," else s for s in BOB]
        merged_in(tmp_path, path, article_id, bob)
        await pilot.press("b")
        refused, now = status(app), disputed(app)
        assert picks(path, article_id) == []
        await pilot.press("b")
        picked = status(app)
    assert refused == (
        f"Not done: {MERGED}, and disagreement 3/4 ('We are ready,' at 47:60): bob's version was changed"
    )
    assert now == "We are ready,"
    assert picked.startswith("bob's version into gold: QUOTE 'We are ready,' at 47:60")
    assert picks(path, article_id) == [("bob", ["We are ready,"])]


async def test_an_edit_by_hand_before_the_tick_keeps_the_disagreement_shown(tmp_path: Path, no_tick) -> None:
    """1 on 'the army' (bob's ACTOR, 4/4) after the merge, before the tick: the screen reads the versions again
    first and the edit goes on at the disagreement shown, now 5/5 (the panel went on counting from what it had
    read: 4/5, the quote)."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j")
        before = panel_rows(app)[1]
        merged_in(tmp_path, path, article_id, WITHOUT_SDEROT)
        await pilot.press("1")  # ACTOR by hand
        added, rows, now = status(app), panel_rows(app)[:4], disputed(app)
    assert before == "Disagreement 4/4 · 4 open"
    assert added == f"added ACTOR 'the army' at 62:70 (after reloading: {MERGED})"
    assert rows == ["1 agreed span in gold", "Disagreement 5/5 · 4 open", "missing · settled:", "reviewer"]
    assert now == "the army"
