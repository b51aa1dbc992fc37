"""A newcomer's trial: `[` on the pending suggestion ACTOR 'Soldiers', a sentence's first word, accepted it as
'metres. Soldiers'. The start stops at the sentence's end before it: the key is refused, saying why, and the
suggestion stays pending (`annotator.edges.move_edge`). Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "The river rose two metres. Soldiers arrived in Port Mellin on Tuesday."


async def test_start_left_on_a_sentences_first_word_is_refused_and_the_suggestion_stays_pending(tmp_path) -> None:
    start = TEXT.index("Soldiers")
    soldiers = Suggestion(start=start, end=start + 8, label="ACTOR", text="Soldiers", suggester="test.v1")
    db = one_article(tmp_path / "s.db", TEXT, [soldiers])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not moved: the span starts a sentence: its start does not cross the '.' that ends the one before"
        )
    assert held_spans(db, WHO) == []
    with Store.open(Path(db)) as store:
        assert store.decisions("n", WHO) == {}
