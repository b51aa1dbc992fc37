"""The wheel scrolls the review screen's article and leaves the current disagreement where it was, off screen: a pick
key (a, b) then brings it back into view and says so, and picks only when pressed again, on what is shown, as the
keys on the highlighted span do (`in_view`). Pilot on a real two-annotator database; the wheel is a terminal's SGR
reports read by Textual's parser and driver."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD
from tests.tui.fixtures import seed_tokens, terminal_read

TEXT = "Divers found two more people alive in the harbour at dawn.\n\n" + "\n\n".join(
    f"The council met for the {n}th time on the budget and the roads." for n in range(5, 60)
)
WHEEL_DOWN = "\x1b[<65;20;10M"


def span(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)


def review_db(path: Path) -> tuple[Path, str]:
    """alice: FIGURE 'two'; bob: FIGURE 'two more': one disagreement, on the article's first line."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Divers"), seed_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", [span("two", "FIGURE")], Status.DONE)
        store.replace_annotation(article_id, "bob", [span("two more", "FIGURE")], Status.DONE)
    return path, article_id


def gold(path: Path, article_id: str) -> list[str]:
    with Store.open(path, read_only=True) as store:
        return [s.text for s in store.spans(article_id, GOLD)]


async def test_a_pick_on_a_disagreement_scrolled_out_of_view_brings_it_back_and_picks_when_pressed_again(
    tmp_path: Path,
) -> None:
    path, article_id = review_db(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        terminal_read(app, WHEEL_DOWN * 12)
        await pilot.pause()
        assert int(app.screen.view.scroll_offset.y) > 4  # the disagreement's line, the first, is out of view
        terminal_read(app, "b")
        await pilot.pause()
        assert (int(app.screen.view.scroll_offset.y), app.messages[-1][1]) == (
            0,
            "Not done: the disagreement 'two more' at 13:21 was out of view: shown now; press the key again to act "
            "on it",
        )
        assert gold(path, article_id) == []
        terminal_read(app, "b")
        await pilot.pause()
        assert app.messages[-1][1].startswith("bob's version into gold: ")
    assert gold(path, article_id) == ["two more"]
