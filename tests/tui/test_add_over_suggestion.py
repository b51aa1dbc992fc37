"""A span the annotator adds over a pending suggestion of its layer decides it: rejected as replaced, in the
add's own event (one undo), so it never stays pending for good."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.vocabulary import GOLD
from tests.tui.conftest import WHO
from tests.tui.fixtures import seed_tokens

TEXT = "Prime Minister Benjamin Netanyahu spoke in Gaza."


def database(path: Path) -> Path:
    suggestions = [
        Suggestion(start=15, end=33, label="ACTOR", text="Benjamin Netanyahu", suggester="t.v1"),
        Suggestion(start=43, end=47, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=TEXT, id="a", title="A"), seed_tokens(TEXT), suggestions)])
    return path


def shown(app) -> list[tuple[str, str]]:
    return sorted((i.kind, i.text) for i in app.screen.model.items.values())


async def test_adding_a_span_over_a_pending_suggestion_rejects_it_as_replaced_and_undo_takes_both_back(
    tmp_path: Path,
):
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("home", "shift+right", "shift+right", "shift+right", "1")
        added, after_add = app.screen.status_line.text.plain, shown(app)
        with Store.open(db) as store:
            stored = (
                [(s.text, s.label.value) for s in store.spans("a", WHO)],
                store.decisions("a", WHO),
                [e.action for e in store.events("a", WHO)],
                [s.text for s in store.pending("a", WHO)],
            )
        await pilot.press("u")
        after_undo = shown(app)
    assert added == (
        "added ACTOR 'Prime Minister Benjamin Netanyahu' at 0:33; the suggestion it covers, "
        "ACTOR 'Benjamin Netanyahu' at 15:33, is rejected as replaced"
    )
    assert after_add == [("pending", "Gaza"), ("span", "Prime Minister Benjamin Netanyahu")]
    first = min(s.id for s in Store.open(db).suggestions("a"))
    assert stored == ([("Prime Minister Benjamin Netanyahu", "ACTOR")], {first: "rejected"}, ["add"], ["Gaza"])
    assert after_undo == [("pending", "Benjamin Netanyahu"), ("pending", "Gaza")]
    with Store.open(db) as store:
        assert (store.spans("a", WHO), store.decisions("a", WHO)) == ([], {})
        assert [s.text for s in store.pending("a", WHO)] == ["Benjamin Netanyahu", "Gaza"]


def test_a_span_exactly_where_a_suggestion_is_accepts_it_and_one_elsewhere_touches_nothing(tmp_path: Path):
    """Exactly a suggestion's words and label: the suggestion itself (tests/test_add_over_a_suggestion.py)."""
    db = database(tmp_path / "e.db")
    with Store.open(db) as store:
        first = min(s.id for s in store.suggestions("a"))
        same = store.add_span("a", WHO, 15, 33, "ACTOR")
        other = store.add_span("a", WHO, 0, 5, "FIGURE")
        assert (same.decided, same.message) == (
            {first: "accepted"},
            "accepted ACTOR 'Benjamin Netanyahu' at 15:33",
        )
        assert (other.decided, other.message) == ({}, "added FIGURE 'Prime' at 0:5")
        assert store.decisions("a", WHO) == {first: "accepted"}


def test_gold_takes_no_suggestions_so_a_span_added_to_gold_decides_none(tmp_path: Path):
    db = database(tmp_path / "g.db")
    with Store.open(db) as store:
        edit = store.add_span("a", GOLD, 0, 33, "ACTOR")
        assert (edit.decided, edit.message) == ({}, "added ACTOR 'Prime Minister Benjamin Netanyahu' at 0:33")
        assert store.decisions("a", GOLD) == {}


def test_a_span_grown_over_a_pending_suggestion_rejects_it_as_replaced_and_undo_takes_both_back(tmp_path: Path):
    db = database(tmp_path / "r.db")
    with Store.open(db) as store:
        span = store.add_span("a", WHO, 0, 5, "ACTOR").spans[0]
        edit = store.resize_span("a", WHO, span.id, 0, 33)
        first = min(s.id for s in store.suggestions("a"))
        assert (edit.decided, edit.message) == (
            {first: "rejected"},
            "resized to ACTOR 'Prime Minister Benjamin Netanyahu' at 0:33; the suggestion it covers, "
            "ACTOR 'Benjamin Netanyahu' at 15:33, is rejected as replaced",
        )
        assert [s.text for s in store.pending("a", WHO)] == ["Gaza"]
        store.undo("a", WHO)
        assert [(s.text, store.decisions("a", WHO)) for s in store.spans("a", WHO)] == [("Prime", {})]
        assert [s.text for s in store.pending("a", WHO)] == ["Benjamin Netanyahu", "Gaza"]


QUOTED = 'Gaza said: "We will stay." Then it left.'


def quoted_database(path: Path) -> Path:
    suggestions = [
        Suggestion(start=0, end=4, label="LOCATION", text="Gaza", suggester="t.v1"),
        Suggestion(start=12, end=25, label="QUOTE", text="We will stay.", suggester="t.v1"),
    ]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=QUOTED, id="q", title="Q"), seed_tokens(QUOTED), suggestions)])
    return path


def test_a_span_relabelled_into_the_quote_layer_over_a_pending_quote_rejects_it_in_the_same_event(tmp_path: Path):
    db = quoted_database(tmp_path / "x.db")
    with Store.open(db) as store:
        ids = {s.text: s.id for s in store.suggestions("q")}
        span = store.add_span("q", WHO, 12, 14, "ACTOR").spans[0]
        edit = store.relabel_span("q", WHO, span.id, "QUOTE")
        assert (edit.decided, edit.message) == (
            {ids["We will stay."]: "rejected"},
            "ACTOR 'We' at 12:14 is now QUOTE; the suggestion it overlaps, QUOTE 'We will stay.' at 12:25, is rejected "
            "as replaced",
        )
        assert [s.text for s in store.pending("q", WHO)] == ["Gaza"]
        assert [e.action for e in store.events("q", WHO)] == ["add", "relabel"]
        store.undo("q", WHO)
        assert [(s.text, s.label.value) for s in store.spans("q", WHO)] == [("We", "ACTOR")]
        assert (store.decisions("q", WHO), [s.text for s in store.pending("q", WHO)]) == ({}, ["Gaza", "We will stay."])


def test_a_quote_relabelled_into_the_entity_layer_over_a_pending_entity_rejects_it_in_the_same_event(
    tmp_path: Path,
):
    db = quoted_database(tmp_path / "y.db")
    with Store.open(db) as store:
        ids = {s.text: s.id for s in store.suggestions("q")}
        quote = store.add_span("q", WHO, 0, 9, "QUOTE").spans[0]
        edit = store.relabel_span("q", WHO, quote.id, "ACTOR")
        assert (edit.decided, edit.message) == (
            {ids["Gaza"]: "rejected"},
            "QUOTE 'Gaza said' at 0:9 is now ACTOR; the suggestion it covers, LOCATION 'Gaza' at 0:4, is rejected "
            "as replaced",
        )
        assert [s.text for s in store.pending("q", WHO)] == ["We will stay."]


async def test_removing_the_span_that_replaced_a_suggestion_shows_it_pending_again(tmp_path: Path):
    """A newcomer's trial: x on the span that replaced a suggestion left the suggestion rejected (gone from the
    screen), though only that span stood in its way; u and U give back each state exactly."""
    db = database(tmp_path / "r.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("home", "shift+right", "shift+right", "shift+right", "1", "x")
        removed, after_remove = app.screen.status_line.text.plain, shown(app)
        await pilot.press("u")
        after_undo = shown(app)
        await pilot.press("U")
        after_redo = shown(app)
    assert removed == (
        "removed ACTOR 'Prime Minister Benjamin Netanyahu' at 0:33; the suggestion it covered, "
        "ACTOR 'Benjamin Netanyahu' at 15:33, rejected as replaced, is pending again"
    )
    assert after_remove == after_redo == [("pending", "Benjamin Netanyahu"), ("pending", "Gaza")]
    assert after_undo == [("pending", "Gaza"), ("span", "Prime Minister Benjamin Netanyahu")]
    with Store.open(db) as store:
        assert (store.spans("a", WHO), store.decisions("a", WHO)) == ([], {})
        assert [e.action for e in store.events("a", WHO)] == ["add", "remove", "undo", "redo"]
