"""Re-trial at 80x24, two windows on one database: the top window accepts a quote with its speaker; the bottom's `u`
is refused, in a line that took 4 rows ("Not undone: the last change here, accept of QUOTE '...' at a:b and its
speaker ACTOR 'Ruiz' at c:d, was made in another window since this one opened; u takes back only this window's
own; the article is shown as stored now"). It fits 3 now. Pilot on two real apps at once on one real SQLite file."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = 'Union leader Ruiz said "the talks have stalled again over the port fees and the rail line" on Monday.'


def article(path: Path) -> Path:
    start, end = TEXT.index("the talks"), TEXT.index('" on')
    ruiz = TEXT.index("Ruiz")
    quote = Suggestion(start=start, end=end, label="QUOTE", text=TEXT[start:end],
                       speaker={"start": ruiz, "end": ruiz + 4}, suggester="quotes.v3")  # fmt: skip
    actor = Suggestion(start=ruiz, end=ruiz + 4, label="ACTOR", text="Ruiz", suggester="t.v1")
    return one_article(path, TEXT, [actor, quote])


async def test_a_refused_undo_of_a_quote_with_its_speaker_fits_three_rows(tmp_path: Path) -> None:
    db = article(tmp_path / "n.db")
    top, bottom = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with top.run_test(size=(80, 24)) as pilot_top, bottom.run_test(size=(80, 24)) as pilot_bottom:
        await pilot_top.pause()
        await pilot_bottom.pause()
        await pilot_top.press("tab", "enter")  # the quote, accepted with its speaker
        await pilot_top.pause()
        await pilot_bottom.press("u")
        await pilot_bottom.pause()
        said, rows = bottom.screen.status_line.text.plain, bottom.screen.status_line.size.height
    assert (said, rows) == (
        "Not undone: the last change here, accept of QUOTE 'the talks have … rail line' at 24:89 and its speaker "
        "ACTOR 'Ruiz' at 13:17, was made in another window since this one opened: u takes back only its own; shown "
        "as stored now",
        3,
    )
