"""A newcomer's trial: on the quote 'We will rebuild the bridge,' (in '... on Monday. "We will rebuild the bridge,"
said ...'), `[` gave "resized to QUOTE '. \"We will rebuild the bridge,' at 37:67", starting on the previous sentence's
full stop, and `}` gave '. "We will rebuild the bridge," said'. A quote is the words between its quotation marks
(the guide): its edges move word by word inside them, take the sentence's own punctuation, and stop at the marks,
saying so. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = 'The old bridge fell on Monday. "We will rebuild the bridge," said Ana Lima.'
WORDS = "We will rebuild the bridge"


async def test_a_quotes_edges_stop_at_its_quotation_marks(tmp_path: Path) -> None:
    start = TEXT.index(WORDS)
    quote = Suggestion(start=start, end=start + len(WORDS), label="QUOTE", text=WORDS, suggester="test.v1")
    db = one_article(tmp_path / "q.db", TEXT, [quote])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("right_curly_bracket")  # the sentence's own comma, inside the marks
        await pilot.pause()
        assert held_spans(db, WHO) == [("QUOTE", "We will rebuild the bridge,")]
        await pilot.press("escape", "right_curly_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not moved: the quote ends just before its closing mark: a quote is the words between the quotation "
            "marks, without them"
        )
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not moved: the quote starts just after its opening mark: a quote is the words between the quotation "
            "marks, without them"
        )
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
    assert held_spans(db, WHO) == [("QUOTE", "We will rebuild the bridge,")]
