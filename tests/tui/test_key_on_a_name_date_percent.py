"""Trial findings on the hint and the label keys with nothing selected: 1 on "Harbor" after the dateline "PORT MAREN -"
(a LOCATION span) added ACTOR 'Harbor' alone, the dash read as a name's hyphen; the hint offered "1/2 add 'Thursday'"
and "3 adds '2016'" of "in 2016", dates the guide makes no entity and no figure; on "percent" of "13 percent" it
offered 'percent' alone. Pilot on a real database with no suggestions."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "PORT MAREN - Harbor Bank was fined on Thursday. Prices rose 13 percent in 2016."
ANYWAY = "; v selects it, then the key marks it anyway"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_the_keys_offer_the_name_the_figure_and_no_date(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("slash", *"PORT", "enter", "2")
        await pilot.press("slash", *"Harbor", "enter")
        assert status(app).startswith("1/2 add 'Harbor Bank' · ")
        await pilot.press("1")
        await pilot.press("slash", *"Thursday", "enter")
        assert status(app).startswith("no label key adds anything here")
        await pilot.press("1")
        assert status(app) == "Not added: 'Thursday' alone is a date, no mention (the guide)" + ANYWAY
        await pilot.press("slash", *"percent", "enter")
        assert status(app).startswith("3 adds '13 percent' · ")
        await pilot.press("3")
        await pilot.press("slash", *"2016", "enter", "3")
        assert status(app) == "Not added: '2016' alone is a date, no mention (the guide)" + ANYWAY
        await pilot.press("v", "3")  # the user's choice: a selection marks it all the same
    assert held_spans(db, WHO) == [
        ("LOCATION", "PORT MAREN"),
        ("ACTOR", "Harbor Bank"),
        ("FIGURE", "13 percent"),
        ("FIGURE", "2016"),
    ]
