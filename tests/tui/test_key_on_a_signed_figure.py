"""Re-trial findings: with nothing selected, `3` (FIGURE) on "-3 million" added '-3', on "-10 to -15C" one figure of
the two ends of the range, and on "km" of "a 20 km queue" the preview offered 'km queue'. The keys now add the signed
figure whole, the range as one FIGURE (the house conventions: "6% to 11%"), and on a unit a space after its number
the number, as on a glued one. Pilot on a real database with no suggestions."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "The firm lost -3 million in the year. Nights fell to -10 to -15C here. A 20 km queue formed."


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_the_figure_key_on_signed_figures_and_on_a_spaced_unit(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"million", "enter")
        assert status(app).startswith("3 adds '-3 million'")
        await pilot.press("3")
        await pilot.press("slash", *"-15C", "enter")
        assert status(app).startswith("3 adds '-10 to -15C'")
        await pilot.press("3")
        await pilot.press("slash", *"km", "enter")
        assert status(app).startswith("3 adds '20'")
    assert held_spans(db, WHO) == [("FIGURE", "-3 million"), ("FIGURE", "-10 to -15C")]
