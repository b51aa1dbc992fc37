"""The review application (`annotator review`): the annotator app on gold, over the articles to adjudicate."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.store import Store
from annotator.tui.app import AnnotatorApp
from annotator.tui.keymap import Settings, default_path, load_keymap
from annotator.tui.screens.review import ReviewScreen
from annotator.vocabulary import GOLD, Status


class ReviewApp(AnnotatorApp):
    """Article by article, settle what the annotators disagree on into gold, as `reviewer`."""

    def __init__(
        self, store: Store, reviewer: str, annotators: Sequence[str], settings: Settings | None = None
    ) -> None:
        super().__init__(store, GOLD, settings)
        self.reviewer = store.reviewer = reviewer  # gold edited by hand names its reviewer too
        self.annotators = list(annotators)
        self.sub_title = f"review by {reviewer}"

    @property
    def who(self) -> str:
        return f"gold, by {self.reviewer}"

    def article_order(self) -> list[str]:
        """The articles every annotator marked done, in ingest order."""
        return self.store.articles_annotated_by(self.annotators, [Status.DONE])

    def open_first_article(self) -> None:
        """The first article whose gold is not done yet (else the first one): not gold's last opened."""
        ids = self.article_order()
        if not ids:
            self.notify("No article is marked done by all the annotators.", severity="warning")
            self.show_articles()
            return
        waiting = [i for i in ids if self.store.status(i, GOLD) != Status.DONE]
        self.open_article(waiting[0] if waiting else ids[0])

    def article_screen(self, article_id: str) -> ReviewScreen:
        return ReviewScreen(article_id)


def make_review_app(
    db_path: str | Path, reviewer: str, annotators: Sequence[str], *, keymap_path: Path | bool | None = True
) -> ReviewApp:
    """Open the database and build the review app (the annotate keymap file applies here too)."""
    path = default_path() if keymap_path is True else (keymap_path or None)
    keymap = load_keymap(path, review=True)
    return ReviewApp(Store.open(db_path), reviewer, annotators, keymap)
