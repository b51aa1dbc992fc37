"""A newcomer's trial: `w` on "victims" in "...deployed, helping victims overnight." offered 'helping victims
overnight' (and stopped at "overnight" too), `;` on "families" in "Troops stayed, guarding families overnight."
offered 'guarding families', and on "shippers" 'costing shippers'; `1` added them so. A word in -ing after a comma is
the verb of a clause and an adverb of time no noun: the keys offer and add the noun group alone, and `w` passes the
adverb. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = (
    "Crews were deployed, helping victims overnight. Troops stayed, guarding families overnight.\n"
    "Fuel prices rose, costing shippers millions."
)
HINTS = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_w_and_semicolon_offer_the_noun_group_without_the_clause_verb_or_the_adverb(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        shown = []
        for _ in range(3):  # from Crews
            await pilot.press("w")
            shown.append(status(app))
        assert shown == ["1/2 add 'victims'" + HINTS, "1/2 add 'Troops'" + HINTS, "1/2 add 'families'" + HINTS]
        await pilot.press("W", "W", "1")
        assert status(app) == "added ACTOR 'victims' at 29:36; next: 1/2 add 'Troops' (`,` goes back to the span added)"
        await pilot.press("slash", *"Troops", "enter", "semicolon")
        assert status(app) == "1/2 add 'families'" + HINTS
        await pilot.press("slash", *"shippers", "enter")
        assert status(app) == "1/2 add 'shippers'" + HINTS
        await pilot.press("1")
    assert held_spans(db, WHO) == [("ACTOR", "victims"), ("ACTOR", "shippers")]
