"""A newcomer's trial (31) at 80x24: the review panel read "All settled: d marks gold" ("done" cut by the panel's
height under a long list of versions), and the article list's header "showing 1: all, titles with 'harb' (f," (cut
before "/)"). Every word of both shows at 80 columns. Pilot on real databases, reading the rows drawn."""

from __future__ import annotations

from pathlib import Path

from support import word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from tests.tui.test_review_panel_hints import panel_rows

TEXT = "Ann Bo Cy Di Ed met in Oslo."
WHO = ["alice", "bob", "dave"]


def spans(*parts: str) -> list[Span]:
    return [Span(start=TEXT.index(p), end=TEXT.index(p) + len(p), label="ACTOR", text=p) for p in parts]


def many_versions(path: Path) -> Path:
    """One disagreement, three annotators with nine versions of it between them."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Names"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", spans("Ann", "Bo", "Cy", "Di", "Ed"), Status.DONE)
        store.replace_annotation(article_id, "bob", spans("Ann Bo", "Cy Di", "Ed"), Status.DONE)
        store.replace_annotation(article_id, "dave", spans("Ann Bo Cy Di Ed"), Status.DONE)
    return path


async def test_all_settled_is_never_cut_by_the_panel_height(tmp_path: Path) -> None:
    app = make_review_app(many_versions(tmp_path / "r.db"), "carol", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        shown = " ".join(row.strip() for row in panel_rows(app))
    assert "All settled: d marks gold done" in shown, shown


async def test_the_article_list_header_shows_every_word_at_80_columns(tmp_path: Path) -> None:
    from annotator.tui.app import make_app
    from annotator.tui.screens.article_list import ArticleListScreen

    path = tmp_path / "a.db"
    titles = ["Harbour strike spreads", "Storm hits coast", "Markets fall"]
    texts = [f"{title} today, officials said." for title in titles]
    with Store.open(path) as store:
        store.add_articles(
            [(ArticleIn(text=t, title=n), word_tokens(t), []) for n, t in zip(titles, texts, strict=True)]
        )
    app = make_app(path, "alice", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"harb")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)
        shown = " ".join(row.strip() for row in panel_rows(app, "#progress-label"))
    assert "showing 1: all, titles with 'harb' (f, /)" in shown, shown
    assert "0 of 3 articles done · 0 in progress" in shown, shown
