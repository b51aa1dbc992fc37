"""A trial from a fresh clone: choosing a quote's speaker first offered the nearest ACTOR, 'Police' in the next
sentence, over 'Mayor Ann Lee', who says the quote in its own sentence. The choice now offers first the quote's
suggested speaker, else the ACTORs of the quote's own sentence (and, for a quote that is a sentence of its own,
the sentence before it), nearest first, then the rest (`annotator.speaker_offers.speakers_first`). Pilot on a real
database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from annotator.tui.screens.speaker import SpeakerScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = 'Mayor Ann Lee said on Monday: "We will stay." Police said nothing.'


def suggested(words: str, label: str) -> Suggestion:
    start = TEXT.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="t.v1")


async def test_the_actor_of_the_quotes_own_sentence_is_offered_before_a_nearer_one_in_the_next(
    tmp_path: Path,
) -> None:
    suggestions = [
        suggested("Mayor Ann Lee", "ACTOR"),
        suggested("We will stay.", "QUOTE"),
        suggested("Police", "ACTOR"),
    ]
    db = one_article(tmp_path / "s.db", TEXT, suggestions)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"stay", "enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        assert [c.text for c in app.screen.candidates] == ["Mayor Ann Lee", "Police"]
        assert app.screen.below.status_line.text.plain.startswith(
            "Speaker of 'We will stay.'? 'Mayor Ann Lee' (a pending ACTOR suggestion: enter accepts it too) 1 of 2 · "
        )
