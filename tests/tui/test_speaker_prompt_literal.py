"""A newcomer's trial: the speaker prompt showed `'…"likely" Iran\'s doing.…'` for an article saying `Iran's`:
stored text was put in the line with Python's repr, which escapes a quote mark when the text holds both kinds and
doubles every backslash. The prompt now quotes stored text without escaping it (`literal.quoted`). Pilot on a real
database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from annotator.tui.screens.speaker import SpeakerScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = 'Lee said: "Lee\'s "likely" copy is in C:\\dir." Police left.'
QUOTE = 'Lee\'s "likely" copy is in C:\\dir.'


def suggested(words: str, label: str, occurrence: int = 0) -> Suggestion:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="t.v1")


async def test_the_speaker_prompt_shows_quote_marks_and_backslashes_as_stored(tmp_path: Path) -> None:
    suggestions = [suggested("Lee", "ACTOR"), suggested(QUOTE, "QUOTE"), suggested("Lee", "ACTOR", 1)]
    db = one_article(tmp_path / "s.db", TEXT, suggestions)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"copy", "enter", "s", "tab")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.below.status_line.text.plain.startswith(
            "Speaker of 'Lee's \"likely\" copy is in C:\\dir.'? 'Lee' (a pending ACTOR suggestion: enter accepts it "
            "too) 2 of 2, the 2nd of 2 named so: '…said: \"Lee's \"likely…' · "
        )
