"""The review screen's pick keys act on the disagreement, and only when the window shows the article's text (trial
s59 t19 F1 on the annotation screen; the review shares `in_view.too_small`): at 30 columns the text is not shown, a
pick is refused with how much wider to make the window, and gold is untouched; at 80x24 the same key picks. Pilot on
a real two-annotator database, the scrolled-away test's."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from tests.tui.test_review_pick_scrolled_away import gold, review_db, span


async def test_a_pick_in_a_window_too_narrow_to_show_the_text_picks_nothing_and_says_how_much_wider(
    tmp_path: Path,
) -> None:
    path, article_id = review_db(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not done: the window is too small to show the article's text: make it 10 column(s) wider "
            "(a key acts only on what the window shows)"
        )
    assert gold(path, article_id) == []


async def test_the_review_window_made_wider_lets_the_pick_act(tmp_path: Path) -> None:
    path, article_id = review_db(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.messages[-1][1].startswith("bob's version into gold: ")
    assert gold(path, article_id) == ["two more"]


REFUSED = (
    "Not done: the window is too small to show the article's text: make it 10 column(s) wider (a key acts only on "
    "what the window shows)"
)


def agreed_db(path: Path) -> tuple[Path, str]:
    """alice and bob agree on ACTOR 'Divers' (gold takes it on opening) and disagree on the FIGURE."""
    path, article_id = review_db(path)
    with Store.open(path) as store:
        for who, figure in (("alice", "two"), ("bob", "two more")):
            spans = [span("Divers", "ACTOR"), span(figure, "FIGURE")]
            store.replace_annotation(article_id, who, spans, Status.DONE)
    return path, article_id


async def test_g_and_d_in_a_window_too_narrow_change_no_gold_and_ask_nothing(tmp_path: Path) -> None:
    """Re-trial s60 t22 F1: at 30x8 g took the agreed spans out of gold, unseen; F5: d opened its prompt there."""
    path, article_id = agreed_db(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert gold(path, article_id) == ["Divers"]
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        for key in ("g", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert (key, type(app.screen).__name__, app.messages[-1][1]) == (key, "ReviewScreen", REFUSED)
    assert gold(path, article_id) == ["Divers"]
