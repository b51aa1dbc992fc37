"""A newcomer's trial (22): at 200x50 the span list kept the 40 columns it has at 110, and cut every quote after a
word or two ("Executive Maria Fernandes: W…") beside 160 columns of article. On a wide screen the list takes a
third of it, so a row shows what fits there. Pilot on a real database, rows read as drawn."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from annotator.tui.widgets.span_panel import SpanPanel
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = '"We have never seen reservoirs this low," said Rita Lobo, who runs the water company.'
QUOTE = "We have never seen reservoirs this low,"


def article(path: Path) -> Path:
    start, speaker = TEXT.index(QUOTE), TEXT.index("Rita Lobo")
    quote = Suggestion(
        start=start,
        end=start + len(QUOTE),
        label="QUOTE",
        text=QUOTE,
        speaker={"start": speaker, "end": speaker + len("Rita Lobo")},
        suggester="t.v1",
    )
    actor = Suggestion(start=speaker, end=speaker + 9, label="ACTOR", text="Rita Lobo", suggester="t.v1")
    return one_article(path, TEXT, [quote, actor])


async def rows(path: Path, size: tuple[int, int]) -> list[str]:
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(SpanPanel)
        return [panel.render_line(y).text.rstrip() for y in range(2)]


async def test_at_200_columns_a_quote_row_shows_its_speaker_and_words_whole(tmp_path: Path) -> None:
    assert await rows(article(tmp_path / "w.db"), (200, 50)) == [
        f"▶ ? QUO Rita Lobo: {QUOTE}",
        "  ? ACT Rita Lobo",
    ]


async def test_at_80_columns_the_list_keeps_its_narrow_width_and_says_where_it_cuts(tmp_path: Path) -> None:
    assert await rows(article(tmp_path / "w.db"), (80, 24)) == ["▶ ? QUO Rita Lobo: We ha…", "  ? ACT Rita Lobo"]
