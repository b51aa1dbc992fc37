"""What the annotate app's article list shows: the row keys, rows, counts and scope, read from the store for the
app's annotator. The review app (`tui.review`) shows the articles up for review instead, by overriding these."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.tui.failures import STORE_ERRORS

if TYPE_CHECKING:
    from annotator.rows import ArticleSummary
    from annotator.store import Store
    from annotator.store.listing import Counts, ListFilter
    from annotator.store.rowkeys import ArticleKeys


class ListedArticles:
    """The article list's source, a part of `AnnotatorApp` (which sets `store`, `annotator` and `_keys`)."""

    list_pending_column = True
    store: Store
    annotator: str
    _keys: ArticleKeys | None

    if TYPE_CHECKING:

        def store_failed(self, error: Exception, again: bool = True) -> None: ...

    def list_keys(self, wanted: ListFilter, refresh: bool = False) -> Sequence[int]:
        """The row keys the list shows; `refresh` after the annotator changed something (statuses)."""
        from annotator.store.rowkeys import ArticleKeys

        if self._keys is None or self._keys.annotator != self.annotator:
            self._keys = ArticleKeys(self.store, self.annotator)
        elif refresh:
            self._keys.refresh()
        return self._keys.keys(wanted)

    def list_prefetch(self) -> None:
        """Read, in a worker thread, what the list's status filter will need (the list is drawn by then)."""
        if self._keys is not None:
            self._keys.prefetch()

    def list_rows(self, keys: Sequence[int]) -> dict[int, ArticleSummary]:
        """The list's rows, read as it draws them: a store error leaves them blank and is said once."""
        from annotator.store.listing import rows

        try:
            return rows(self.store, self.annotator, keys)
        except STORE_ERRORS as error:
            self.store_failed(error, again=False)
            return {}

    def list_counts(self) -> Counts:
        from annotator.store.listing import counts

        return counts(self.store, self.annotator)

    def list_scope(self, counts: Counts) -> str:
        """What the list's progress counts: "assigned articles" or "articles"."""
        return "assigned articles" if counts.assigned else "articles"
