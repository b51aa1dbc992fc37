"""Trial finding: 1 on a pending FIGURE suggestion '128' relabelled it ACTOR '128', when 1 on the number with no
suggestion there refuses it ("is a number, a FIGURE by the guide"). A relabel by a key with nothing selected follows
the label keys' rule as an add does, in its words: a number alone is no ACTOR nor LOCATION, words with no number no
FIGURE, on a suggestion or an accepted span; a selection (v) still marks the words. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Officials said 128 residents left Dunmore and at least 35 stayed."
ANYWAY = "; v selects it, then the key marks it anyway"


def suggested(words: str, label: str) -> Suggestion:
    start = TEXT.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="t.v1")


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_a_key_relabels_only_what_it_would_add(tmp_path: Path) -> None:
    found = [suggested("128", "FIGURE"), suggested("residents", "ACTOR"), suggested("at least 35", "FIGURE")]
    db = one_article(tmp_path / "n.db", TEXT, found)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"128", "enter", "1")
        assert status(app) == f"Not relabelled: FIGURE '128' is a number, a FIGURE by the guide: 3 accepts it{ANYWAY}"
        await pilot.press("2")
        assert status(app) == f"Not relabelled: FIGURE '128' is a number, a FIGURE by the guide: 3 accepts it{ANYWAY}"
        await pilot.press("slash", *"residents", "enter", "3")
        assert status(app) == (
            f"Not relabelled: ACTOR 'residents' holds no number, and a FIGURE is a number (the guide){ANYWAY}"
        )
        await pilot.press("2")  # a label that fits: relabelled, accepted
        await pilot.press("slash", *"least", "enter", "enter")  # accepted as FIGURE: a span
        await pilot.press("slash", *"least", "enter", "1")
        assert status(app) == f"Not relabelled: FIGURE 'at least 35' is a number, a FIGURE by the guide{ANYWAY}"
        await pilot.press("slash", *"128", "enter", "v", "1")  # the user's choice: a selection marks it all the same
    assert held_spans(db, WHO) == [("ACTOR", "128"), ("LOCATION", "residents"), ("FIGURE", "at least 35")]
