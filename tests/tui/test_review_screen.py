"""`annotator review`, driven with Pilot on a two-annotator database; each test checks the database afterwards.

Disagreements of the review article, in text order: Hamas (alice only), "20 rockets" / "20", bob's quote,
bob's "the army" (see tests/review_db.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from review_db import make_review_db
from textual.pilot import Pilot

from annotator.errors import InputError
from annotator.gold import decisions, review_state
from annotator.models import Status
from annotator.store import Store
from annotator.tui.review import ReviewApp, make_review_app
from annotator.tui.screens.review import ReviewScreen
from annotator.vocabulary import GOLD

WHO = ["alice", "bob"]


@pytest.fixture
def review_db(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "review.db"
    return path, make_review_db(path)


@asynccontextmanager
async def reviewing(path: Path) -> AsyncIterator[tuple[ReviewApp, Pilot]]:
    """The review app on `path` as carol, at 100x32, once its first article is open."""
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        yield app, pilot


def gold(path: Path, article_id: str) -> list[tuple[str, str, str | None]]:
    with Store.open(path) as store:
        text = store.article_text(article_id)
        return [
            (s.label.value, s.text, text[s.speaker.start : s.speaker.end] if s.speaker else None)
            for s in store.spans(article_id, GOLD)
        ]


async def test_two_annotators_become_gold(review_db) -> None:
    path, article_id = review_db
    async with reviewing(path) as (app, pilot):
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("a", "b", "j", "b", "b", "d")
    assert gold(path, article_id) == [
        ("ACTOR", "Israel", None),
        ("ACTOR", "Hamas", None),
        ("FIGURE", "20", None),
        ("LOCATION", "Sderot", None),
        ("QUOTE", "We are ready,", "the army"),
        ("ACTOR", "the army", None),
    ]
    with Store.open(path) as store:
        assert store.status(article_id, GOLD) == Status.DONE
        made = [(d.source, d.reviewer, [s.text for s in d.spans]) for d in decisions(store, article_id)]
    assert made == [
        ("all", "carol", ["Israel", "Sderot"]),
        ("alice", "carol", ["Hamas"]),
        ("bob", "carol", ["20"]),
        ("bob", "carol", ["the army"]),
        ("bob", "carol", ["We are ready,"]),
    ]


async def test_g_takes_the_agreed_spans_back_and_puts_them_back(review_db) -> None:
    path, article_id = review_db
    async with reviewing(path) as (_, pilot):
        await pilot.press("g")
        await pilot.pause()
        assert gold(path, article_id) == []
        await pilot.press("g")
    assert [text for _, text, _ in gold(path, article_id)] == ["Israel", "Sderot"]


async def test_the_reviewer_edits_gold_with_the_annotation_keys(review_db) -> None:
    """At the first disagreement the cursor is on "Hamas": 1 marks it ACTOR in gold, settled by the reviewer."""
    path, article_id = review_db
    async with reviewing(path) as (_, pilot):
        await pilot.press("1")
    assert [text for _, text, _ in gold(path, article_id)] == ["Israel", "Hamas", "Sderot"]
    with Store.open(path) as store:
        assert review_state(store, article_id, WHO).settled_by == ["reviewer", None, None, None]


async def test_progress_is_shown(review_db) -> None:
    path, _ = review_db
    async with reviewing(path) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        shown = str(app.screen.query_one("#disputes").render())
    assert "Disagreement 2/4 · 3 open" in shown
    assert "a alice\n  FIG 20 rockets\nb bob\n  FIG 20" in shown


def test_review_screen_snapshot(snap_compare, review_db) -> None:
    path, _ = review_db
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    assert snap_compare(app, press=["a"], terminal_size=(80, 24))


async def test_gold_edited_by_hand_names_the_reviewer(review_db) -> None:
    path, article_id = review_db
    async with reviewing(path) as (_, pilot):
        await pilot.press("tab", "x")
    with Store.open(path) as store:
        removed = store.events(article_id, GOLD)[-1]
    assert (removed.action, removed.after["reviewer"]) == ("remove", "carol")


async def test_skip_and_flag_keys_are_not_review_keys(review_db) -> None:
    path, article_id = review_db
    async with reviewing(path) as (app, pilot):
        await pilot.press("S", "F")
        assert app.screen.article_id == article_id
    with Store.open(path) as store:
        assert store.status(article_id, GOLD) is Status.IN_PROGRESS


def test_a_keymap_that_takes_a_pick_key_is_refused_for_review(review_db, tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('accept = "a"\n')  # fine for annotating, where a picks nothing
    with pytest.raises(InputError, match=r"field 'accept': key 'a' is also pick_1's: remap pick_1 too"):
        make_review_app(review_db[0], "carol", WHO, keymap_path=keymap)
