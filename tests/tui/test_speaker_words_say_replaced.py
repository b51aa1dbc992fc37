"""A trial from a fresh clone: in the speaker choice, words selected over a pending ACTOR suggestion became the new
ACTOR and the speaker, and rejected that suggestion as replaced without a word, where the label keys say it ("; the
suggestion it covers, ... is rejected as replaced"). The status line now says so in the same words. Pilot on a real
database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = '"It was a very difficult job," said station manager Paul Hughes.'
QUOTE = "It was a very difficult job,"


def suggested(words: str, label: str) -> Suggestion:
    start = TEXT.index(words)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="t.v1")


async def test_words_over_a_pending_actor_as_the_speaker_say_the_suggestion_is_replaced(tmp_path: Path) -> None:
    db = one_article(tmp_path / "p.db", TEXT, [suggested("Paul Hughes", "ACTOR")])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"difficult", "enter", "4")  # a quote without speaker: the choice opens
        await pilot.press("slash", *"station", "enter", "shift+right", "shift+right", "shift+right", "enter")
        await pilot.pause()
        assert app.messages[-1][1] == (
            f"speaker of QUOTE {QUOTE!r} at 1:29: 'station manager Paul Hughes' (added as an ACTOR); the suggestion "
            "it covers, ACTOR 'Paul Hughes' at 52:63, is rejected as replaced"
        )


async def test_words_over_a_pending_actor_as_a_pending_quotes_speaker_say_it_too(tmp_path: Path) -> None:
    """s on a pending quote accepts it with the speaker chosen: the same note, after the accept."""
    db = one_article(tmp_path / "q.db", TEXT, [suggested(QUOTE, "QUOTE"), suggested("Paul Hughes", "ACTOR")])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"difficult", "enter", "s")
        await pilot.press("slash", *"station", "enter", "shift+right", "shift+right", "shift+right", "enter")
        await pilot.pause()
        assert app.messages[-1][1] == (
            f"accepted QUOTE {QUOTE!r} at 1:29 with speaker 'station manager Paul Hughes' (added as an ACTOR); the "
            "suggestion it covers, ACTOR 'Paul Hughes' at 52:63, is rejected as replaced"
        )
