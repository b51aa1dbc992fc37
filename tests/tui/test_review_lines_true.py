"""Trial s58 t17: two status lines of the review screen that were untrue there. F2: x on a span all annotators agreed
on said "removed ACTOR 'Israel' at 0:6; ACTOR 'Israel' at 0:6 is pending again", where the header said 0 pending:
gold takes no suggestions (the screen shows none), so nothing is asked again; the annotate screen keeps the clause,
where it is true (tests/test_pending_done_covered.py). F3: after g took the agreed spans out of gold, u said only
"Nothing to undo on this article: every change made here is undone already"; only g puts them back, and the line
now says so. Pilot on a real two-annotator database whose article holds the model's suggestions of the two spans
both annotators marked (tests/review_db.py: ACTOR 'Israel' and LOCATION 'Sderot')."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_db import ALICE, BOB, TEXT
from support import find, word_tokens

from annotator.gold import accept_agreed
from annotator.models import ArticleIn, Status, Suggestion
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD
from tests.tui.test_review_panel_hints import panel_rows

WHO = ["alice", "bob"]
SIZES = pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])


def suggested_review_db(path: Path) -> str:
    """tests/review_db.py's article, with the model's suggestions of 'Israel' and 'Sderot'; alice and bob done."""
    suggested = [
        Suggestion(**find(TEXT, part, label), suggester="t.v1")
        for part, label in (("Israel", "ACTOR"), ("Sderot", "LOCATION"))
    ]
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Rockets"), word_tokens(TEXT), suggested)])
        store.replace_annotation(article_id, "alice", ALICE, Status.DONE)
        store.replace_annotation(article_id, "bob", BOB, Status.DONE)
    return article_id


@SIZES
async def test_x_on_an_agreed_span_says_it_removed_it_and_nothing_of_pending(tmp_path: Path, size) -> None:
    path = tmp_path / "review.db"
    article_id = suggested_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Israel", "enter", "x")
        await pilot.pause()
        said = app.messages[-1][1]
    assert said == "removed ACTOR 'Israel' at 0:6"
    with Store.open(path) as store:
        assert [s.text for s in store.spans(article_id, GOLD)] == ["Sderot"]


def test_removing_a_span_of_gold_names_no_suggestion_pending(tmp_path: Path) -> None:
    """The store's line (`Store.remove_span`), which the review screen's x shows: gold takes no suggestions."""
    path = tmp_path / "review.db"
    article_id = suggested_review_db(path)
    with Store.open(path) as store:
        accept_agreed(store, article_id, WHO, "carol")
        [israel] = [s for s in store.spans(article_id, GOLD) if s.text == "Israel"]
        assert store.remove_span(article_id, GOLD, israel.id).message == "removed ACTOR 'Israel' at 0:6"
        assert [g.text for g in store.pending(article_id, "dan")] == ["Israel", "Sderot"]  # offered to annotators


@SIZES
async def test_u_after_g_took_the_agreed_spans_out_says_g_puts_them_back(tmp_path: Path, size) -> None:
    path = tmp_path / "review.db"
    article_id = suggested_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        taken_out, panel = app.messages[-1][1], " ".join(panel_rows(app)[: 1 if size[0] > 80 else 2])
        await pilot.press("u")
        await pilot.pause()
        said = app.messages[-1][1]
        await pilot.press("g")
        await pilot.pause()
        put_back, panel_after = app.messages[-1][1], panel_rows(app)[0]
    assert taken_out == "Agreed spans taken out of gold"
    assert panel == "2 agreed spans not in gold (g puts them back)"
    assert said == (
        "Nothing to undo on this article: every change made here is undone already; g puts the agreed spans back"
    )
    assert put_back == "Agreed: 2 spans from all"
    assert panel_after == "2 agreed spans in gold"
    with Store.open(path) as store:
        assert [s.text for s in store.spans(article_id, GOLD)] == ["Israel", "Sderot"]


async def test_u_after_it_took_back_what_g_put_back_says_g_again(tmp_path: Path) -> None:
    """g out, g in (a new event), u takes that back: the spans are out again, and the next u says g puts them back."""
    path = tmp_path / "review.db"
    suggested_review_db(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("g", "g", "u", "u")
        await pilot.pause()
        undid, said = app.messages[-2][1], app.messages[-1][1]
    assert undid == "undid adjudicate of ACTOR 'Israel' at 0:6 and 1 other span"
    assert said == (
        "Nothing to undo on this article: every change made here is undone already; g puts the agreed spans back"
    )


async def test_u_with_nothing_to_undo_where_nothing_is_agreed_says_no_more(tmp_path: Path) -> None:
    """Where the annotators agree on no span, g has nothing to put back: the line is the store's as it was."""
    path = tmp_path / "review.db"
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Rockets"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", ALICE[1:2], Status.DONE)
        store.replace_annotation(article_id, "bob", [], Status.DONE)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        said, panel = app.messages[-1][1], panel_rows(app)[0]
    assert panel == "No span agreed by all"
    assert said == "Nothing to undo on this article yet"
