"""Trial 39c, P2: at a disagreement inside a quote both annotators agreed on, a first x removed gold's LOCATION
there; then the agreed QUOTE around it became current while the panel still showed the disagreement, and a second x
(a double tap, "make sure it is gone") removed the whole agreed quote from gold. After an edit at a disagreement, what
is current is the disagreement's (gold's span of its layer there, else nothing, the rose mark), as on reaching it:
never the quote around it. Pilot at 80x24 on a real two-annotator database, spaCy's tokens.
"""

from __future__ import annotations

from pathlib import Path

from annotator.tui.review import make_review_app
from tests.tui.test_review_inside_agreed_quote import QUOTE, gold, inside_agreed_quote, region


async def test_a_second_x_at_a_disagreement_inside_an_agreed_quote_leaves_the_quote(tmp_path: Path) -> None:
    path, article_id = inside_agreed_quote(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "a", "k")  # alice's Marbel into gold, then back to it (disagreement 2/3)
        await pilot.pause()
        screen = app.screen
        assert gold(path, article_id) == [("ACTOR", "Casicas"), ("QUOTE", QUOTE), ("LOCATION", "Marbel")]
        await pilot.press("x")
        await pilot.pause()
        assert screen.status_line.text.plain == "removed LOCATION 'Marbel' at 102:108"
        marks = screen.view.marks
        assert (screen.index, screen.current, marks.current, marks.disputed) == (1, None, None, region("Marbel"))
        assert screen.panel.current is None  # the span list's ▶ on nothing, not on the QUO
        assert screen.review is not None and screen.review.settled_by[1] == "reviewer"
        await pilot.press("x")
        await pilot.pause()
        said = "Nothing removed: gold has no entity span at disagreement 2/3 (a/b pick a version)"
        assert screen.status_line.text.plain == said
    assert gold(path, article_id) == [("ACTOR", "Casicas"), ("QUOTE", QUOTE)]


async def test_a_label_key_at_a_disagreement_inside_an_agreed_quote_makes_its_span_current(tmp_path: Path) -> None:
    """A label key there adds the entity under the cursor and stays on it (no `;` stop of the annotate pass: trial
    s51 t5), x removes it, and then nothing is current there: a second x removes nothing (not the quote)."""
    path, article_id = inside_agreed_quote(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "2")  # disagreement 2/3: LOCATION 'Marbel' added by hand
        await pilot.pause()
        screen = app.screen
        assert screen.status_line.text.plain == "added LOCATION 'Marbel' at 102:108"
        item = screen.model.get(screen.current)
        assert item is not None and (item.label.value, item.text) == ("LOCATION", "Marbel")
        await pilot.press("x")
        await pilot.pause()
        assert (screen.index, screen.current) == (1, None)
        await pilot.press("x")
        await pilot.pause()
    assert gold(path, article_id) == [("ACTOR", "Casicas"), ("QUOTE", QUOTE)]
