"""A key pressed on an article whose suggestions another command recomputed (`annotator suggest --all` run in another
terminal on the same database while the screen is open): the screen shows the article as stored, and the key acts
on the item highlighted after that only if it is the one the person saw (same kind, start, end and label); if the
highlight changed, one line says so and nothing is done, so that no key acts on an item nobody saw highlighted.
Whether the key comes before the screen noticed (the Store refuses it, `reloading.retried` reloads and acts again)
or just after the screen's tick showed the new suggestions (it then moved the highlight under the person's key: a
newcomer's x rejected a suggestion it had never shown). Nothing acknowledged is lost. The real console script in a
subprocess, Pilot on the real app, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.items import Item, highlight_moved, pending_moved
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.vocabulary import Label
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Washington sent aid to Gaza on Monday, officials said."
RECOMPUTED = "its suggestions were recomputed by another command"


def article(path: Path, label: str) -> Path:
    """Washington suggested as `label` (today's suggester says ACTOR), Gaza already a LOCATION span of alice's."""
    db = one_article(path, TEXT, [Suggestion(start=0, end=10, label=label, text="Washington", suggester="t.v1")])
    with Store.open(db) as store:
        store.add_span("n", WHO, 23, 27, "LOCATION")
    return db


def status(app) -> str:
    return app.screen.status_line.text.plain


def current(app) -> tuple[str, str, str] | None:
    item = app.screen.model.get(app.screen.current)
    return (item.kind, item.label.value, item.text) if item else None


def suggest_all(db: Path) -> None:
    done = annotator("suggest", "--all", "--db", db)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr


@pytest.fixture
def no_tick(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen's tick (which would notice the change by itself) not before the key."""
    monkeypatch.setattr("annotator.tui.screens.article.CURSOR_SAVE_SECONDS", 3600.0)


@pytest.mark.parametrize(("key", "said", "spans"), [
    ("enter", "accepted ACTOR 'Washington' at 0:10", [("ACTOR", "Washington"), ("LOCATION", "Gaza")]),
    ("x", "rejected ACTOR 'Washington' at 0:10", [("LOCATION", "Gaza")]),
])  # fmt: skip
async def test_a_key_before_the_screen_noticed_acts_on_the_same_suggestion(tmp_path, no_tick, key, said, spans):
    db = article(tmp_path / "n.db", "ACTOR")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert current(app) == ("pending", "ACTOR", "Washington")
        suggest_all(db)
        await pilot.press(key)
        assert status(app) == f"{said} (after reloading: {RECOMPUTED})"
    assert held_spans(db, WHO) == spans
    with Store.open(db) as store:
        assert [s.suggester for s in store.current_suggestions("n") if s.text == "Washington"] == ["entities.v16"]


async def test_a_key_before_the_screen_noticed_does_nothing_when_the_highlight_changed(tmp_path, no_tick):
    db = article(tmp_path / "n.db", "LOCATION")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert current(app) == ("pending", "LOCATION", "Washington")
        suggest_all(db)
        await pilot.press("enter")
        refused = status(app)
        assert held_spans(db, WHO) == [("LOCATION", "Gaza")]
        assert current(app) == ("pending", "ACTOR", "Washington")
        await pilot.press("enter")  # seen now: it acts
        accepted = status(app)
    assert refused == (
        f"Not done: {RECOMPUTED}, and LOCATION 'Washington' is no longer suggested as it was; highlighted now: "
        "the suggestion ACTOR 'Washington' at 0:10"
    )
    assert accepted.startswith("accepted ACTOR 'Washington' at 0:10")
    assert held_spans(db, WHO) == [("ACTOR", "Washington"), ("LOCATION", "Gaza")]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_a_key_just_after_the_screen_showed_the_change_acts_on_the_same_suggestion(tmp_path, size):
    db = article(tmp_path / "n.db", "ACTOR")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        suggest_all(db)
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)  # the tick shows the article as stored
        assert status(app) == f"Shown as stored now: {RECOMPUTED} since it was shown here"
        await pilot.press("enter")
        assert status(app) == "accepted ACTOR 'Washington' at 0:10"
    assert held_spans(db, WHO) == [("ACTOR", "Washington"), ("LOCATION", "Gaza")]


@pytest.mark.parametrize("key", ["enter", "x"])
async def test_a_key_just_after_the_screen_moved_the_highlight_does_nothing(tmp_path, key):
    db = article(tmp_path / "n.db", "LOCATION")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        suggest_all(db)
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)  # the tick shows the article as stored, ACTOR highlighted
        shown = status(app)
        await pilot.press(key)  # pressed at once: aimed at the LOCATION the person saw
        refused = status(app)
        assert held_spans(db, WHO) == [("LOCATION", "Gaza")]
        await pilot.press(key)  # pressed again: at the ACTOR now highlighted
        acted = status(app)
    now = "the suggestion ACTOR 'Washington' at 0:10"
    assert shown == (
        f"Shown as stored now: {RECOMPUTED} since it was shown here; LOCATION 'Washington' is no longer suggested "
        f"as it was; highlighted now: {now}"
    )
    assert refused == (
        "Not done: the highlight moved when the article was shown as stored: LOCATION 'Washington' is no longer "
        f"suggested as it was; highlighted now: {now}; press the key again to act on it"
    )
    assert acted.startswith("accepted ACTOR 'Washington'" if key == "enter" else "rejected ACTOR 'Washington'")
    assert held_spans(db, WHO) == ([("ACTOR", "Washington")] if key == "enter" else []) + [("LOCATION", "Gaza")]


def item(kind: str, start: int, end: int, label: str, text: str) -> Item:
    return Item(id=1, start=start, end=end, label=Label(label), text=text, kind=kind)  # type: ignore[arg-type]


def test_highlight_moved_names_what_was_seen_and_what_is_highlighted_now() -> None:
    seen = item("pending", 0, 10, "LOCATION", "Washington")
    assert highlight_moved(seen, item("pending", 0, 10, "LOCATION", "Washington")) is None
    assert highlight_moved(None, item("pending", 0, 10, "ACTOR", "Washington")) is None
    assert highlight_moved(seen, item("pending", 0, 10, "ACTOR", "Washington")) == (
        "LOCATION 'Washington' is no longer suggested as it was; highlighted now: the suggestion ACTOR 'Washington' "
        "at 0:10"
    )
    assert highlight_moved(item("span", 0, 10, "ACTOR", "Washington"), None) == (
        "ACTOR 'Washington' is no longer marked as it was; nothing is highlighted now"
    )


async def test_accept_all_just_after_the_screen_showed_other_pending_suggestions_does_nothing(tmp_path):
    """A accepts what was pending as shown: right after the tick showed another set (officials is new), it is not
    applied; pressed again, it accepts what is shown now."""
    db = article(tmp_path / "n.db", "ACTOR")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        suggest_all(db)
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)
        shown = status(app)
        await pilot.press("A")
        refused = status(app)
        assert held_spans(db, WHO) == [("LOCATION", "Gaza")]
        await pilot.press("A")
        accepted = status(app)
    assert shown == f"Shown as stored now: {RECOMPUTED} since it was shown here"
    assert refused == (
        "Not done: the pending suggestions changed when the article was shown as stored (2 pending now, not 1); "
        "press the key again to act on them"
    )
    assert accepted.startswith("accepted 2 suggestions")
    assert held_spans(db, WHO) == [("ACTOR", "Washington"), ("LOCATION", "Gaza"), ("ACTOR", "officials")]


def test_pending_moved_says_how_the_pending_suggestions_changed() -> None:
    actor, place = ("pending", 0, 10, "ACTOR", None), ("pending", 0, 10, "LOCATION", None)
    assert pending_moved([actor], [actor]) is None
    assert pending_moved([actor], [actor, place]) == "2 pending now, not 1"
    assert pending_moved([actor], [place]) == "other suggestions pending now"
