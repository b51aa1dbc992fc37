"""A newcomer's trial (22): before a name with a capitalised title ("Environment Minister Joao Silva", "Mayor Ana
Costa", "Chief Executive Maria Fernandes"), `;` stopped on the title's words and a label key there added the title
with the name. Titles stay off person spans (the guide): the stop is the name, a digit on a title word adds the name
alone, and the status line says so. Pilot on a real database; what the key adds is checked in it."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = (
    "Rivers ran low, and Environment Minister Joao Silva said pumps would run. Mayor Ana Costa visited farms. "
    "Rain fell, said Chief Executive Maria Fernandes."
)


def status(app) -> str:
    return app.screen.status_line.text.plain


def cursor_word(app) -> str:
    model, cursor = app.screen.model, app.screen.cursor
    return model.text[model.tokens[cursor].start : model.tokens[cursor].end]


async def test_semicolon_stops_at_the_names_not_at_their_titles(tmp_path: Path) -> None:
    app = make_app(one_article(tmp_path / "t.db", TEXT), WHO, keymap_path=False)
    found = []
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        for _ in range(3):
            await pilot.press("semicolon")
            found.append(cursor_word(app))
    assert found == ["Joao", "Ana", "Maria"]


async def test_a_digit_on_a_title_word_adds_the_name_alone_as_the_status_line_says(tmp_path: Path) -> None:
    db = one_article(tmp_path / "t.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Mayor", "enter")
        assert status(app).startswith("1/2 add 'Ana Costa' · ")
        await pilot.press("1")
        await pilot.press("slash", *"Environment", "enter")
        assert status(app).startswith("1/2 add 'Joao Silva' · ")
        await pilot.press("1")
        await pilot.press("slash", *"Chief", "enter")
        assert status(app).startswith("1/2 add 'Maria Fernandes' · ")
        await pilot.press("1")
    assert held_spans(db, WHO) == [("ACTOR", "Joao Silva"), ("ACTOR", "Ana Costa"), ("ACTOR", "Maria Fernandes")]
