"""A newcomer's trial: `w` stopped at "cargo" ("1-3 add 'Big cargo'") and then at "ships" ("1-3 add 'cargo ships'"):
twice in one phrase, though its help says once a phrase. It stops at the plural the noun before it modifies, and
the key there adds the whole group. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Officials said two cargo ships were stranded. Analysts said fuel prices are high."
HINTS = " · tab: next to decide · v: select · ?: help"


async def test_w_stops_once_at_a_plural_that_a_noun_modifies(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        shown = []
        for _ in range(4):  # from Officials
            await pilot.press("w")
            shown.append(app.screen.status_line.text.plain)
        assert shown == [
            "3 adds 'two'" + HINTS,
            "1/2 add 'cargo ships'" + HINTS,
            "1/2 add 'Analysts'" + HINTS,
            "1/2 add 'fuel prices'" + HINTS,
        ]
        await pilot.press("W", "W", "1")
    assert held_spans(db, WHO) == [("ACTOR", "cargo ships")]
