"""A newcomer's trial (34): in an article in British house style ('...,' said X) `4` said "Not added: no quotation
marks around the cursor" inside a quotation in single marks. `4` adds it now, and `"` on its closing mark makes the
quote current; an apostrophe (the drivers' union) is still no quotation mark. Pilot on a real SQLite database."""

from __future__ import annotations

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Ferry chief Ola Brun said: 'We won't sail until the storm's gone.' The drivers' union agreed."


async def test_4_inside_single_marks_adds_the_quotation(tmp_path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"sail", "enter", "4")
        await pilot.pause()
        assert type(app.screen).__name__ != "AnnotateScreen"  # the speaker question
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash", *"union", "enter", "4")
        await pilot.pause()
        assert app.screen.status_line.text.plain.startswith("Not added: no quotation marks around the cursor")
    assert held_spans(db, WHO) == [("QUOTE", "We won't sail until the storm's gone.")]


async def test_quotation_mark_key_on_a_closing_single_mark_makes_its_quote_current(tmp_path) -> None:
    from annotator.store import Store

    db = one_article(tmp_path / "n.db", TEXT)
    with Store.open(db) as store:
        store.add_span("n", WHO, TEXT.index("We"), TEXT.index("' The"), "QUOTE")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"gone", "enter", "right", "right")
        screen = app.screen
        assert screen.model.text[slice(*screen.model.tokens[screen.cursor])] == "'"
        await pilot.press("quotation_mark")
        item = screen.model.get(screen.current)
        assert screen.selection_start is None
        assert (item.kind, item.text) == ("span", "We won't sail until the storm's gone.")


GERMAN = "Die Ministerin Ola Brun sagte: ‚Wir schließen den Hafen.‘ Der Rat stimmte zu."


async def test_4_inside_german_low_single_marks_adds_the_quotation(tmp_path) -> None:
    """Trial s57 G3: `4` inside ‚…‘ said "Not added: no quotation marks around the cursor"."""
    db = one_article(tmp_path / "n.db", GERMAN)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Hafen", "enter", "4")
        await pilot.pause()
        assert type(app.screen).__name__ != "AnnotateScreen"  # the speaker question
        await pilot.press("escape")
        await pilot.pause()
    assert held_spans(db, WHO) == [("QUOTE", "Wir schließen den Hafen.")]
