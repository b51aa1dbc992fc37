"""Trial 26: `;` on "Riverside won 3-1 in the last quarter, said the team's leader." stopped at "1" of the score
(where a digit added "1" alone) and at "quarter" of "the last quarter" (a part of the match, no figure). Now it
stops at the score's first number and at the noun for people; the status line names what the digit adds, and the
digit adds it. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Riverside won 3-1 in the last quarter, said the team's leader."
AFTER = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_semicolon_stops_once_at_the_score_and_at_the_leader(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("semicolon")
        assert status(app) == "3 adds '3-1'" + AFTER
        await pilot.press("semicolon")
        assert status(app) == '1/2 add "the team\'s leader"' + AFTER
        await pilot.press("semicolon")
        assert status(app) == "No unmarked name, number or noun for people after this one"
        await pilot.press("colon")
        assert status(app) == "3 adds '3-1'" + AFTER
        await pilot.press("3")
        assert status(app).startswith("added FIGURE '3-1' at 14:17; next: 1/2 add \"the team's leader\"")
        await pilot.press("1")
    assert held_spans(db, WHO) == [("FIGURE", "3-1"), ("ACTOR", "the team's leader")]
