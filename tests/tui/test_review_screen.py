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
from textual import events
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
        shown = "\n".join(panel_rows(app.screen.query_one("#disputes")))
    assert "Disagreement 2/4 · 3 open" in shown
    assert "a alice\n  FIG 20 rockets · 24:34\nb bob\n  FIG 20 · 24:26" in shown  # other ends: their offsets


def test_review_screen_snapshot(snap_compare, review_db) -> None:
    path, _ = review_db
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    assert snap_compare(app, press=["a"], terminal_size=(80, 24))


async def test_gold_edited_by_hand_names_the_reviewer(review_db) -> None:
    path, article_id = review_db
    async with reviewing(path) as (_, pilot):
        await pilot.press("full_stop", "x")
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


def panel_rows(panel) -> list[str]:
    return ["".join(segment.text for segment in panel.render_line(y)).rstrip() for y in range(panel.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (100, 32), (200, 50)])
async def test_the_gold_panel_shows_its_first_rows_fills_its_height_and_scrolls(tmp_path: Path, size) -> None:
    """27 agreed spans of a dev gold article: the panel starts on the first, with no blank row while spans are
    left below, whatever the disagreement panel above it takes; the wheel scrolls it and a click goes there."""
    from annotator.models import ArticleIn, NativeRecord
    from annotator.suggest.tokens import tokenize

    gold_file = Path(__file__).resolve().parents[1] / "fixtures" / "gold" / "dev.jsonl"
    record = NativeRecord.model_validate_json(gold_file.read_text("utf-8").splitlines()[0])
    spans = [s for s in record.spans if s.label.value != "QUOTE"][:30]
    path = tmp_path / "review.db"
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=record.text, title="T"), tokenize([record.text])[0], [])])
        store.replace_annotation(article_id, "alice", spans, Status.DONE)
        store.replace_annotation(article_id, "bob", spans[:-3], Status.DONE)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#spans")
        rows = panel_rows(panel)
        assert rows[0].endswith("ACT Israel")
        assert all(rows[:27])
        await pilot.press("a", "a", "a")  # every disagreement settled: the panel above shrinks
        await pilot.pause()
        rows = panel_rows(panel)
        assert "" not in rows[: min(len(rows), 30 - panel._first)]
        for wheel in (events.MouseScrollUp, events.MouseScrollUp):
            panel.post_message(wheel(panel, 1, 1, 0, -1, 0, False, False, False))
        await pilot.pause()
        top = panel._first
        assert top == max(min(panel._window_start(), 30 - panel.size.height) - 6, 0)
        panel.post_message(events.MouseScrollDown(panel, 1, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert panel._first == max(min(top + 3, 30 - panel.size.height), 0)
        clicked = app.screen.model.order[panel._first][1]
        await pilot.click(panel, offset=(4, 0))
        assert app.screen.current == clicked


async def test_tab_goes_among_the_disagreements_still_open(review_db) -> None:
    path, article_id = review_db
    async with reviewing(path) as (app, pilot):
        assert app.screen.index == 0
        await pilot.press("a")  # alice's Hamas into gold: on to the next open one
        assert app.screen.index == 1
        await pilot.press("tab", "tab")
        assert app.screen.index == 3
        await pilot.press("tab")  # round past the settled first one
        assert app.screen.index == 1
        await pilot.press("shift+tab")
        assert app.screen.index == 3
    with Store.open(path) as store:
        assert "Hamas" in [s.text for s in store.spans(article_id, GOLD)]


def another_window(path: Path, article_id: str, change) -> None:
    """Another review window on the same gold makes a change after this one showed the article."""
    with Store.open(path) as other:
        other.view(article_id, GOLD)
        change(other)


async def test_a_pick_after_another_window_changed_gold_is_applied_after_the_reload(review_db) -> None:
    """Another window flagged the gold: b on the second disagreement ("20 rockets" / "20") still means bob's
    version of it, so the article is reloaded (on the same disagreement) and the pick is made, saying so."""
    path, article_id = review_db
    async with reviewing(path) as (app, pilot):
        await pilot.press("j")
        another_window(path, article_id, lambda other: other.set_status(article_id, GOLD, "flagged"))
        await pilot.press("b")
        said = app.messages[-1][1]
    assert (
        said
        == "bob's version into gold: FIGURE '20' at 24:26 (after reloading: the annotation was changed in another window)"
    )
    assert gold(path, article_id) == [("ACTOR", "Israel", None), ("FIGURE", "20", None), ("LOCATION", "Sderot", None)]


async def test_g_after_another_window_changed_gold_puts_the_agreed_spans_back_after_the_reload(review_db) -> None:
    path, article_id = review_db
    async with reviewing(path) as (app, pilot):
        await pilot.press("g")
        another_window(path, article_id, lambda other: other.set_status(article_id, GOLD, "flagged"))
        await pilot.press("g")
        said = app.messages[-1][1]
    assert said == "Agreed: 2 spans from all (after reloading: the annotation was changed in another window)"
    assert [text for _, text, _ in gold(path, article_id)] == ["Israel", "Sderot"]


async def test_g_is_not_pressed_again_when_another_window_put_the_agreed_spans_back(review_db) -> None:
    """g (the agreed spans out), then g meant "put them back"; another window put them back already: after the
    reload, taking them out would do the opposite of what was pressed, so nothing is done and the screen says
    why."""
    from annotator.gold import accept_agreed

    path, article_id = review_db
    async with reviewing(path) as (app, pilot):
        await pilot.press("g")
        another_window(path, article_id, lambda other: accept_agreed(other, article_id, WHO, "dave"))
        await pilot.press("g")
        said = app.messages[-1][1]
    assert said == (
        "Not done: the agreed spans are in gold already (after reloading: the annotation was changed in another window)"
    )
    assert [text for _, text, _ in gold(path, article_id)] == ["Israel", "Sderot"]
