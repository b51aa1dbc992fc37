"""t7: with the cursor on "died" in "At least 12 people died in the floods.", 1 added ACTOR 'people died'. A past
after its subject is a verb, no mention (the guide): the status line offers nothing there, the key adds nothing and
says why in one line, and on "people" the key adds 'people' alone. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "At least 12 people died in the floods."
HINTS = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_a_label_key_on_died_adds_nothing_and_says_it_is_a_verb(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("slash", *"died", "enter")
        assert status(app) == "no label key adds anything here" + HINTS
        await pilot.press("1")
        assert status(app) == (
            "Not added: 'died' alone is a verb after its subject, no mention (the guide); v selects it, then the key "
            "marks it anyway"
        )
    assert held_spans(db, WHO) == []


async def test_the_key_on_the_subject_adds_the_noun_alone(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("slash", *"people", "enter", "1")
    assert held_spans(db, WHO) == [("ACTOR", "people")]
