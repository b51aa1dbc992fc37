"""Re-trial findings: with nothing selected, 1 on "km" of "a 20 km line" added ACTOR '20' and 2 LOCATION '20', 1 on
"twelve" ACTOR 'twelve', 3 on "line" FIGURE 'line' (no number in it), and 1 on "-3 million" was refused as "may not
start with punctuation ('-')", the number's minus sign. A number alone is a FIGURE and a FIGURE holds a number (the
guide): the keys say so, offer only what fits, and a selection still marks what the user chose. Pilot on a real
database with no suggestions."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "The firm lost -3 million in the year. A 20 km line formed. The fleet will number twelve."
ANYWAY = "; v selects it, then the key marks it anyway"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_the_keys_offer_and_add_a_number_as_a_figure_only(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("slash", *"km", "enter")
        assert status(app).startswith("3 adds '20' · ")
        await pilot.press("1")
        assert status(app) == "Not added: '20' is a number, a FIGURE by the guide: 3 marks it" + ANYWAY
        await pilot.press("2")
        assert status(app) == "Not added: '20' is a number, a FIGURE by the guide: 3 marks it" + ANYWAY
        await pilot.press("3")
        await pilot.press("slash", *"line", "enter")
        assert status(app).startswith("1/2 add 'line' · ")
        await pilot.press("3")
        assert status(app) == "Not added: 'line' holds no number, and a FIGURE is a number (the guide)" + ANYWAY
        await pilot.press("slash", *"-3", "enter", "1")
        assert status(app) == "Not added: '-3 million' is a number, a FIGURE by the guide: 3 marks it" + ANYWAY
        await pilot.press("slash", *"twelve", "enter", "1")
        assert status(app) == "Not added: 'twelve' is a number, a FIGURE by the guide: 3 marks it" + ANYWAY
        await pilot.press("v", "1")  # the user's choice: "the 20 who were arrested" may be one
    assert held_spans(db, WHO) == [("FIGURE", "20"), ("ACTOR", "twelve")]
