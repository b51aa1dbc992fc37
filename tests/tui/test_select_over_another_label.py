"""Trial 23: on "Alternative" in "Alternative for Germany", with LOCATION 'Germany' accepted, `shift+→ shift+→ 1`
said "Not done: it would overlap LOCATION 'Germany'" and offered no way forward. Selected words that take in
exactly one entity span, only adding words at its edges, make that span the new words with the key's label: one
edit, one undo (as a key of the span's own label resized it since trial 21). A selection that crosses a span's
edge is still refused. Pilot on a real database.
"""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "The far-right Alternative for Germany doubled its share in the state."


def germany_marked(path: Path, part: str = "Germany", label: str = "LOCATION") -> Path:
    db = one_article(path, TEXT)
    with Store.open(db) as store:
        store.add_span("n", WHO, TEXT.index(part), TEXT.index(part) + len(part), label)
    return db


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_the_selection_over_a_span_of_another_label_relabels_and_resizes_it(tmp_path: Path) -> None:
    db = germany_marked(tmp_path / "g.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Alternative", "enter", "shift+right", "shift+right")
        assert status(app) == (
            "Selected 'Alternative for Germany': 1-3 resize LOCATION 'Germany' to it with the key's label, "
            "4 adds a quote, escape clears"
        )
        await pilot.press("1")
        assert app.messages[-1][1] == "LOCATION 'Germany' at 30:37 is now ACTOR 'Alternative for Germany' at 14:37"
        assert held_spans(db, WHO) == [("ACTOR", "Alternative for Germany")]
        await pilot.press("u")
    assert held_spans(db, WHO) == [("LOCATION", "Germany")]


async def test_a_selection_crossing_a_span_is_still_refused(tmp_path: Path) -> None:
    db = germany_marked(tmp_path / "g.db", "Alternative for Germany", "ACTOR")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Germany", "enter", "shift+right")
        assert status(app) == "Selected 'Germany doubled': 4 only: 1-3 overlap an ACTOR, escape clears"
        await pilot.press("2")
        assert app.messages[-1][1] == "Not added: it would overlap ACTOR 'Alternative for Germany' at 14:37"
    assert held_spans(db, WHO) == [("ACTOR", "Alternative for Germany")]


def test_an_actor_taken_into_a_location_leaves_its_quotes_without_a_speaker(tmp_path: Path) -> None:
    """`Store.resize_span` with another label: one edit that undo takes back whole; a quote the ACTOR spoke loses its
    speaker, as a relabel leaves it."""
    text = 'Mayor Ana Costa said: "The bridge stays shut." Costa Street was empty.'
    db = one_article(tmp_path / "q.db", text)
    with Store.open(db) as store:
        actor = store.add_span("n", WHO, text.index("Costa Street"), text.index("Costa Street") + 5, "ACTOR")
        quote = store.add_span("n", WHO, text.index("The bridge"), text.index('."') + 1, "QUOTE")
        store.set_speaker("n", WHO, quote.spans[0].id, actor.spans[0].id)
        edit = store.resize_span(
            "n", WHO, actor.spans[0].id, text.index("Costa Street"), text.index(" was"), "LOCATION"
        )
        assert edit.message == (
            "ACTOR 'Costa' at 47:52 is now LOCATION 'Costa Street' at 47:59; 1 quote it spoke now has no speaker "
            "('The bridge stays shut.')"
        )
        assert [(s.label.value, s.text, s.speaker) for s in store.spans("n", WHO)] == [
            ("QUOTE", "The bridge stays shut.", None),
            ("LOCATION", "Costa Street", None),
        ]
        store.undo("n", WHO)
        spans = store.spans("n", WHO)
    assert [(s.label.value, s.text) for s in spans] == [("QUOTE", "The bridge stays shut."), ("ACTOR", "Costa")]
    assert spans[0].speaker is not None and (spans[0].speaker.start, spans[0].speaker.end) == (47, 52)
