"""A newcomer's trial: on "[red]1.2 tonnes[/red]", } moved the end of the FIGURE "1.2 tonnes" into the closing tag
("1.2 tonnes[/red"), where no span edge may rest. The edge keys pass over a markup-like bracket tag as they pass
over punctuation; an editor's brackets around words ("[Smith] was right") are no tag. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.edges import move_edge
from annotator.models import Suggestion
from annotator.tui.app import make_app
from annotator.vocabulary import Label
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article, seed_tokens

TEXT = "The ship carried [red]1.2 tonnes[/red] of cocaine, police said."


def article(path: Path) -> Path:
    start = TEXT.index("1.2 tonnes")
    figure = Suggestion(start=start, end=start + 10, label="FIGURE", text="1.2 tonnes", suggester="t.v1")
    return one_article(path, TEXT, [figure])


async def test_the_edge_keys_pass_over_a_markup_tag(tmp_path: Path) -> None:
    db = article(tmp_path / "m.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the FIGURE accepted
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("FIGURE", "1.2 tonnes[/red] of")]
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("FIGURE", "1.2 tonnes")]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("FIGURE", "carried [red]1.2 tonnes")]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert held_spans(db, WHO) == [("FIGURE", "1.2 tonnes")]


def test_an_editors_brackets_around_a_word_are_no_tag() -> None:
    text = '"[Smith] was right," she said.'
    tokens = [(t.start, t.end) for t in seed_tokens(text)]
    start = text.index("was")
    assert move_edge(text, tokens, start, start + 3, Label.ACTOR, "start", -1) == (2, start + 3)
