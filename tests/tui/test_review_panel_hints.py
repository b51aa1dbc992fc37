"""A newcomer's trial: at 80x24 the review screen's disagreement panel cut its hints ("All settled: d marks gol…",
"Disagreement 1/11 · 11 o…"). Its hints wrap onto as many rows as they need; the annotators' span texts, which
the article shows in full, are still cut to a row each. Pilot on a real two-annotator database, reading the rows
the panel draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_db import make_review_db
from support import word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.review import make_review_app

WHO = ["alice", "bob"]
NAMES = ["Anna", "Ben", "Carl", "Dora", "Emil", "Fay", "Gus", "Hal", "Ida", "Jan", "Kai"]
ELEVEN = "In Oslo " + ", ".join(NAMES[:-1]) + f" and {NAMES[-1]} met."


def eleven_disagreements(path: Path) -> Path:
    """alice marks eleven names ACTOR, bob none: eleven disagreements; both marked the article done."""
    spans = [Span(start=ELEVEN.index(n), end=ELEVEN.index(n) + len(n), label="ACTOR", text=n) for n in NAMES]
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=ELEVEN, title="Eleven"), word_tokens(ELEVEN), [])])
        store.replace_annotation(article_id, "alice", spans, Status.DONE)
        store.replace_annotation(article_id, "bob", [], Status.DONE)
    return path


def panel_rows(app, panel_id: str = "#disputes") -> list[str]:
    """The rows a side panel draws, as text."""
    panel = app.screen.query_one(panel_id)
    return ["".join(segment.text for segment in panel.render_line(y)).rstrip() for y in range(panel.size.height)]


@pytest.mark.parametrize(
    ("size", "rows"),
    [
        ((80, 24), ["2 agreed spans in gold", "Disagreement 3/4 · 0 open", "All settled: d marks gold", "done",
                    "missing · settled: bob", "a alice (nothing)", "b bob", "  QUO the army: We are r…"]),
        ((200, 50), ["2 agreed spans in gold", "Disagreement 3/4 · 0 open", "All settled: d marks gold done",
                     "missing · settled: bob", "a alice (nothing)", "b bob", "  QUO the army: We are ready,"]),
    ],
)  # fmt: skip
async def test_all_settled_shows_every_word(tmp_path: Path, size: tuple[int, int], rows: list[str]) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", "b", "j", "b", "b")  # every disagreement settled, on bob's quote
        await pilot.pause()
        assert panel_rows(app) == rows


async def test_two_digit_counts_show_every_word_at_80x24(tmp_path: Path) -> None:
    app = make_review_app(eleven_disagreements(tmp_path / "review.db"), "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panel_rows(app)[:4] == [
            "No span agreed by all", "Disagreement 1/11", "11 open", "missing · open"
        ]  # fmt: skip  # nothing agreed: no "not in gold (g puts them back)"; the count of open ones whole (trial 24)


async def test_agreed_spans_taken_out_show_the_whole_hint_at_80x24(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert panel_rows(app)[:3] == [
            "2 agreed spans not in",
            "gold (g puts them back)",
            "Disagreement 1/4 · 4 open",
        ]


@pytest.mark.parametrize(
    ("size", "rows"),
    [((80, 24), ["No spans yet: move with ←", "→, select with shift,", "press 1-4."]),
     ((200, 50), ["No spans yet: move with ← →, select with shift, press 1-4."])],
)  # fmt: skip
async def test_the_span_list_hint_below_shows_every_word(tmp_path: Path, size: tuple[int, int], rows) -> None:
    app = make_review_app(eleven_disagreements(tmp_path / "review.db"), "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert panel_rows(app, "#spans")[: len(rows) + 1] == [*rows, ""]


@pytest.mark.parametrize(
    ("size", "line"),
    [
        ((80, 24), " tab Next  u Undo  d Done  ? Help  q Quit  j Next disagreement  g Agreed in/out "),
        ((200, 50), " tab Next  ⏎ Accept  x Reject  s Speaker  u Undo  d Done  ? Help  q Quit  j Next disagreement  "
                    "g Agreed in/out "),
    ],
)  # fmt: skip
async def test_the_key_line_keeps_the_review_keys_whole(tmp_path: Path, size: tuple[int, int], line: str) -> None:
    """At 80x24 the key line was cut at "q Quit  j Next" (trial 24): where it does not fit, it leaves out the keys
    the review needs least (accept: gold has no suggestions; speaker, reject: in the help), whole."""
    from annotator.tui.widgets.bars import KeyBar

    app = make_review_app(eleven_disagreements(tmp_path / "review.db"), "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one(KeyBar).render()) == line
