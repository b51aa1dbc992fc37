"""Trial 40b: `[` pressed three times on a pending FIGURE 'sixteen' after ACTOR 'Journalists': the first accepted it
as 'reports sixteen', the second and third were refused, and the status line said only "Not done: it would
overlap ACTOR 'Journalists' ...", so it looked as if nothing had happened while gold had changed. A refused edge
move says what the span is as it stands. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Journalists reports sixteen deaths in the city."


def pending_figure(path: Path) -> Path:
    start = TEXT.index("sixteen")
    figure = Suggestion(start=start, end=start + 7, label="FIGURE", text="sixteen", suggester="test.v1")
    actor = Suggestion(start=0, end=11, label="ACTOR", text="Journalists", suggester="test.v1")
    return one_article(path, TEXT, [actor, figure])


async def test_a_refused_edge_move_says_what_the_span_is_now(tmp_path: Path) -> None:
    db = pending_figure(tmp_path / "j.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # ACTOR 'Journalists' accepted; the FIGURE is current
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("ACTOR", "Journalists"), ("FIGURE", "reports sixteen")]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not done: it would overlap ACTOR 'Journalists' at 0:11; FIGURE 'reports sixteen' at 12:27 is as it was"
        )
    assert held_spans(db, WHO) == [("ACTOR", "Journalists"), ("FIGURE", "reports sixteen")]
