"""The header's span count is what is stored, whatever is shown (a newcomer's trial): with rejected suggestions
shown (`R`) it counted them as spans ("0? 89✓" over 88 spans and one rejected suggestion). Pilot on the real app
and a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.widgets.info import Legend
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Anna Berg met Tom Hale in Oslo and Bergen on Monday.\n"


def _suggestion(part: str, label: str) -> Suggestion:
    start = TEXT.index(part)
    return Suggestion(start=start, end=start + len(part), label=label, text=part, suggester="test.v1")


def _header(app) -> str:
    return "".join(segment.text for segment in app.screen.query_one(Legend).render_line(4)).strip()


async def test_rejected_suggestions_shown_are_not_counted_as_spans(tmp_path: Path) -> None:
    db = one_article(tmp_path / "c.db", TEXT, [_suggestion("Oslo", "LOCATION"), _suggestion("Bergen", "LOCATION")])
    with Store.open(db) as store:
        store.add_span("n", WHO, 0, 9, "ACTOR")
        store.add_span("n", WHO, TEXT.index("Tom"), TEXT.index("Tom") + 8, "ACTOR")
        rejected = next(s.id for s in store.suggestions("n") if s.text == "Oslo")
        store.reject_suggestion("n", WHO, rejected)
    for size in [(80, 24), (200, 50)]:
        app = make_app(db, WHO, keymap_path=False)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("R")
            await pilot.pause()
            shown = _header(app)
            await pilot.press("u")  # takes the rejection back: Oslo pending again
            await pilot.pause()
            undone = _header(app)
            await pilot.press("ctrl+r", "R")
            await pilot.pause()
            hidden = _header(app)
        assert ("1 pending · 2 spans" in shown) or ("1? 2✓" in shown), (size, shown)
        assert ("2 pending · 2 spans" in undone) or ("2? 2✓" in undone), (size, undone)
        assert ("1 pending · 2 spans" in hidden) or ("1? 2✓" in hidden), (size, hidden)
