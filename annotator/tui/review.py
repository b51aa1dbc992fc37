"""The review application (`annotator review`): the annotator app on gold, over the articles to adjudicate."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.store import Store
from annotator.store.assignments import compared_articles
from annotator.store.listing import Counts, ListFilter, counts_among, row_keys_among
from annotator.tui.app import AnnotatorApp
from annotator.tui.keymap import Settings, default_path, load_keymap
from annotator.tui.screens.review import ReviewScreen
from annotator.vocabulary import GOLD, Status
from annotator.wording import counted


class ReviewApp(AnnotatorApp):
    """Article by article, settle what the annotators disagree on into gold, as `reviewer`."""

    def __init__(
        self, store: Store, reviewer: str, annotators: Sequence[str], settings: Settings | None = None,
        *, by_assignment: bool = True,
    ) -> None:  # fmt: skip
        super().__init__(store, GOLD, settings)
        self.reviewer = store.reviewer = reviewer  # gold edited by hand names its reviewer too
        from annotator.gold_links import gold_speakers  # (pydantic with it: see screens/review.py)

        store.gold_speakers = gold_speakers(store, self.annotators_for)  # an ACTOR by hand links its quotes
        self.annotators = list(annotators)
        self.by_assignment = by_assignment  # False: --ignore-assignments, every article all of them finished
        self._compared: dict[str, list[str]] = {}
        self.sub_title = f"review by {reviewer}"
        #: What the first status line says when a pair finished more articles than all of them (`narrowed`).
        self.narrowed_line = ""

    @property
    def who(self) -> str:
        return f"gold, by {self.reviewer}"

    def article_order(self) -> list[str]:
        """The articles every annotator marked done (with assignments: every annotator assigned it, unless
        --ignore-assignments), in ingest order."""
        statuses = [Status.DONE]
        self._compared = dict(
            compared_articles(self.store, self.annotators, statuses, by_assignment=self.by_assignment)
        )
        return list(self._compared)

    def annotators_for(self, article_id: str) -> list[str]:
        """Whose versions of this article are reviewed: with assignments, the annotators it was assigned to."""
        if article_id not in self._compared:
            self.article_order()
        return self._compared.get(article_id, self.annotators)

    def next_article(self, article_id: str, step: int, to_do: bool = False) -> str | None:
        """The article after (or before) this one among those to review, wrapping; with `to_do`, the next one
        whose gold is still to do."""
        ids = self.article_order()
        if article_id not in ids:
            return ids[0] if ids else None
        here = ids.index(article_id)
        candidates = [ids[(here + step * distance) % len(ids)] for distance in range(1, len(ids) + 1)]
        if not to_do:
            return candidates[0]
        return next((c for c in candidates if self.store.status(c, self.annotator).to_do), None)

    def article_place(self, article_id: str) -> str:
        """Where this article stands among those up for review, and whether its gold is done (it stays up for
        review, to be corrected)."""
        ids = self.article_order()
        if article_id not in ids:
            return ""
        done = ", gold done" if self.store.status(article_id, self.annotator) == Status.DONE else ""
        return f"article {ids.index(article_id) + 1} of {len(ids)} up for review{done}"

    list_pending_column = False

    def list_keys(self, wanted: ListFilter, refresh: bool = False) -> Sequence[int]:
        """The articles up for review (gold's status), not every article."""
        return row_keys_among(self.store, GOLD, self.article_order(), wanted)

    def list_prefetch(self) -> None:
        """Nothing to read ahead: the articles up for review are few."""

    def list_counts(self) -> Counts:
        return counts_among(self.store, GOLD, self.article_order())

    def none_left(self) -> str:
        return "No article is left to do"  # gold is never assigned: nothing was passed over

    def list_scope(self, counts: Counts) -> str:
        return "articles up for review"

    def open_first_article(self) -> None:
        """The first article with something left (`left_in`), else the first one: not gold's last opened."""
        ids = self.article_order()
        if not ids:
            self.show_articles("No article is marked done by all the annotators.")
            return
        first, why = next(((i, why) for i in ids if (why := self.left_in(i)) is not None), (ids[0], ""))
        self.narrowed_line = " · ".join(part for part in (self.narrowed(), why) if part)
        self.open_article(first)

    def left_in(self, article_id: str) -> str | None:
        """What is left in this article: "" when its gold is not done; where gold is done, the disagreements open
        in it (an annotator's version changed since gold was settled), said as the review opens there (trial s46,
        F9: it opened on article 1, 0 open, where `adjudicate --auto` had just said 2 were open in articles 5 and 6).
        None when nothing is."""
        from annotator.gold import review_state

        if self.store.status(article_id, GOLD) != Status.DONE:
            return ""
        open_now = len(review_state(self.store, article_id, self.annotators_for(article_id)).open)
        if not open_now:
            return None
        return f"Opened on the first article with something open: gold is done here, with {counted(open_now, 'disagreement')} open"

    def narrowed(self) -> str:
        """The first status line when a pair finished more articles than all of them ("1 article compared (done by
        all of alice, bob, dan); alice and bob both finished 6: --annotators alice,bob"): a login that finished one
        article shrinks the review to it, said where it is read first, as `agreement` and `adjudicate --auto` say
        it (trial 34); "" when no pair finished more."""
        from annotator.reports.agreement import compared_whom, narrowing, pair_articles, pairs_compared

        compared = list(self._compared.items())
        shared = pair_articles(self.store, self.annotators, by_assignment=self.by_assignment)
        clause = narrowing(pairs_compared(self.annotators, compared), shared)
        if not clause:
            return ""
        whom = compared_whom(self.annotators, any(len(of) < len(self.annotators) for _, of in compared))
        return f"{counted(len(compared), 'article')} compared ({whom}); {clause}"

    def article_screen(self, article_id: str) -> ReviewScreen:
        return ReviewScreen(article_id)


def make_review_app(
    db_path: str | Path, reviewer: str, annotators: Sequence[str], *, keymap_path: Path | bool | None = True,
    by_assignment: bool = True,
) -> ReviewApp:  # fmt: skip
    """Open the database and build the review app (the annotate keymap file applies here too)."""
    path = default_path() if keymap_path is True else (keymap_path or None)
    keymap = load_keymap(path, review=True)
    return ReviewApp(Store.open(db_path).as_screen(), reviewer, annotators, keymap, by_assignment=by_assignment)
