"""h7: a newcomer searched for a group's first words (`/business secretary`, `/competition regulators`, `/regional
assembly`), enter putting the cursor on the first word, and pressed 1: it added ACTOR 'the business',
'competition', and on "the" before "regional" 'the regional'. The key on a group's first word adds the whole
group, as on its last. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Ministers met the business secretary and competition regulators on Monday. He wrote to the regional assembly."


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_1_on_a_groups_first_word_adds_the_whole_group(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("slash", *"business secretary", "enter")
        assert status(app).startswith("1/2 add 'the business secretary'")
        await pilot.press("1")
        await pilot.press("slash", *"competition regulators", "enter", "1")
        await pilot.press("slash", *"regional assembly", "enter", "left")
        assert status(app).startswith("1/2 add 'the regional assembly'")
        await pilot.press("1")
    assert sorted(held_spans(db, WHO)) == [
        ("ACTOR", "competition regulators"),
        ("ACTOR", "the business secretary"),
        ("ACTOR", "the regional assembly"),
    ]
