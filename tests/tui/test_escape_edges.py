"""Trial 26: a span's edge moved by keys could rest on a terminal escape sequence ("John Smith ESC[0m"): its token
"[0m" ends in a letter, and the span rules judged the edge by it. The keys step over it now, as over punctuation
(`spans.escape_at_edge`). Pilot on a real database with the tokens `ingest` stores."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import AnnotatorApp, make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "John Smith\x1b[0m said the plan was fine."


def opened(tmp_path: Path) -> AnnotatorApp:
    return make_app(one_article(tmp_path / "n.db", TEXT), WHO, keymap_path=False)


async def test_moving_a_spans_end_right_steps_over_the_sequence(tmp_path: Path) -> None:
    async with opened(tmp_path).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        for key in ("1", "right_curly_bracket"):  # an ACTOR on the name, then its end one token right
            await pilot.press(key)
            await pilot.pause()
    assert held_spans(tmp_path / "n.db", WHO) == [("ACTOR", "John Smith\x1b[0m said")]


async def test_moving_a_spans_start_left_steps_over_a_c1_sequence(tmp_path: Path) -> None:
    """The one-character CSI U+009B: its token is "0m", which starts with a digit, yet no place to start."""
    text = "Officials said\x9b0m John Smith resigned."
    app = make_app(one_article(tmp_path / "n.db", text), WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        for key in ("right", "right", "right", "1", "left_square_bracket"):  # an ACTOR on "John", its start left
            await pilot.press(key)
            await pilot.pause()
    assert held_spans(tmp_path / "n.db", WHO) == [("ACTOR", "said\x9b0m John")]
