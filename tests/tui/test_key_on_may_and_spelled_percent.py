"""Re-trial findings on the hint and the label keys with nothing selected: on "May 3" as a date the hint offered "1/2
add 'May'" and "3 adds '3'", where "March 3" was offered nothing (the guide makes a date no entity and no figure); on
"percent" of "thirteen percent" it offered 'percent' alone to 1/2, where "13 percent" gave the figure. "May" the name
is offered as before. Pilot on a real database with no suggestions."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Theresa May spoke on May 3 in Leeds. Prices rose thirteen percent in a year."
ANYWAY = "; v selects it, then the key marks it anyway"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_the_keys_offer_no_date_of_may_and_the_spelled_percentage(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("slash", *"May", "enter")
        assert status(app).startswith("1/2 add 'Theresa May' · ")
        await pilot.press("1")
        await pilot.press("slash", *"May 3", "enter")
        assert status(app).startswith("no label key adds anything here")
        await pilot.press("1")
        assert status(app) == "Not added: 'May' alone is a date, no mention (the guide)" + ANYWAY
        await pilot.press("w", "3")
        assert status(app) == "Not added: '3' alone is a date, no mention (the guide)" + ANYWAY
        await pilot.press("slash", *"percent", "enter")
        assert status(app).startswith("3 adds 'thirteen percent' · ")
        await pilot.press("3")
    assert held_spans(db, WHO) == [("ACTOR", "Theresa May"), ("FIGURE", "thirteen percent")]
