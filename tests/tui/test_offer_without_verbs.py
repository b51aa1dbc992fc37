"""A newcomer's trial: on "black" in "we see black smoke" the status line offered "1-3 add 'see black'" and 1
added ACTOR 'see black'; `w` stopped at "thick", "black" and "smoke" offering 'thick', 'thick black' and 'thick
black smoke', and at "heard", "loud", "explosions" offering 'heard', 'heard loud', 'heard loud explosions'. A noun
group is offered whole on any of its words, with no verb in it, and `w` stops once at its noun (as its help says);
on a common verb nothing is offered. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Residents saw thick black smoke. We heard loud explosions."
HINTS = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_w_stops_once_a_group_and_each_of_its_words_offers_it_whole(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        shown = []
        for _ in range(2):  # from Residents
            await pilot.press("w")
            shown.append(status(app))
        assert shown == ["1/2 add 'thick black smoke'" + HINTS, "1/2 add 'loud explosions'" + HINTS]
        await pilot.press("ctrl+left")  # loud
        assert status(app) == "1/2 add 'loud explosions'" + HINTS
        await pilot.press("ctrl+left")  # heard: a verb, no phrase
        assert status(app) == "no label key adds anything here" + HINTS
        await pilot.press("ctrl+left", "ctrl+left", "ctrl+left")  # We, smoke, black
        assert status(app) == "1/2 add 'thick black smoke'" + HINTS
        await pilot.press("1")
        assert status(app).startswith("added ACTOR 'thick black smoke'")
    assert held_spans(db, WHO) == [("ACTOR", "thick black smoke")]
