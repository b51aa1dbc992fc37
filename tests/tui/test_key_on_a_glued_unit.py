"""Trial finding N4: after `x` on the suggestion '€410m' the cursor stood on '€410', the status line offered
"1-3 add '€410'" and `3` added the figure without its multiplier; on the 'm' alone it offered "1-3 add 'm'", and on
"km" of "20km" the unit. The keys now add the money figure whole and, on a unit, the number the house conventions
mark ("20"). Pilot on a real database holding the real pipeline's suggestions."""

from __future__ import annotations

from pathlib import Path

from annotator.suggest import suggest_doc
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Sales rose to €410m. A 20km queue formed."
AFTER = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_the_keys_on_a_rejected_money_figure_and_on_a_unit(nlp, tmp_path: Path) -> None:
    suggestions = suggest_doc(nlp(TEXT))
    assert [(s.text, s.label.value) for s in suggestions] == [("€410m", "FIGURE"), ("20", "FIGURE")]
    db = one_article(tmp_path / "n.db", TEXT, suggestions)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x")  # the first suggestion, '€410m', rejected
        assert status(app) == "rejected FIGURE '€410m' at 14:19"
        await pilot.press("slash", *"410", "enter")
        assert status(app).startswith("3 adds '€410m'")
        await pilot.press("right")  # on the 'm' alone
        assert status(app).startswith("3 adds '€410m'")
        await pilot.press("3")
        assert status(app) == "accepted FIGURE '€410m' at 14:19"  # the span the suggestion had: it is taken back
        await pilot.press("slash", *"km", "enter")
        assert status(app).startswith("3 accepts the suggestion FIGURE '20'")
    assert held_spans(db, WHO) == [("FIGURE", "€410m")]
