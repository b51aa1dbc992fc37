"""The review screen's pick keys act on the disagreement, and only when the window shows the article's text (trial
s59 t19 F1 on the annotation screen; the review shares `in_view.too_small`): at 30 columns the text is not shown, a
pick is refused with how much wider to make the window, and gold is untouched; at 80x24 the same key picks. Pilot on
a real two-annotator database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD
from tests.tui.fixtures import seed_tokens

TEXT = "Divers found two more people alive in the harbour at dawn."


def span(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)


def review_db(path: Path) -> tuple[Path, str]:
    """alice: FIGURE 'two'; bob: FIGURE 'two more': one disagreement."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Divers"), seed_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", [span("two", "FIGURE")], Status.DONE)
        store.replace_annotation(article_id, "bob", [span("two more", "FIGURE")], Status.DONE)
    return path, article_id


def gold(path: Path, article_id: str) -> list[str]:
    with Store.open(path, read_only=True) as store:
        return [s.text for s in store.spans(article_id, GOLD)]


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
            "(a key acts only on a span it shows)"
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
