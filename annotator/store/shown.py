"""An annotation as this Store last showed it (`view`) or wrote it, against the one stored now: an edit of it is
refused, nothing written, when another window changed it or another command recomputed its suggestions since
(trial 26: the screen's suggestion ids and spans would no longer be the stored ones), or when the file was copied
over; a screen asks the same before a key that reads what it shows. Apart from `changes` (what an edit checks,
writes and logs): this asks only whether what was shown still stands, before any of an edit's rows are read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from annotator.errors import CHANGED_ELSEWHERE, Conflict, Refused
from annotator.literal import quoted
from annotator.store.articles import ArticleWriter
from annotator.store.connection import MOVED, OVERWRITTEN
from annotator.store.opening import overwritten
from annotator.vocabulary import is_model


class Shown(ArticleWriter):
    """Edits refused on an annotation changed elsewhere since this Store showed it (`Connection.watch`)."""

    @contextmanager
    def _editing(self, article_id: str, annotator: str) -> Iterator[None]:
        """`write()` for an edit of one annotation, refused at once if another window changed it meanwhile, or if
        the annotator's name is a model's (suggestions are never a person's annotation)."""
        if is_model(annotator):
            raise Refused(f"{quoted(annotator)} names the model's suggestions, not an annotator: nothing was written")
        with self.write():
            self._check_unchanged(article_id, annotator)
            yield

    def changed_elsewhere(self, article_id: str, annotator: str) -> str | None:
        """Why the annotation this Store last showed (`view`) or wrote is no longer the stored one, as a `Conflict`
        would say (another window edited it, another command recomputed its suggestions); None when it still is,
        when nothing was shown, or when the file was copied over (an edit says so). A screen asks before a key that
        reads what it shows, and when it gets the focus back (trial 26)."""
        seen = self._seen.get((article_id, annotator))
        if seen is None:
            return None
        now = self.seen_now(article_id, annotator)
        if now == seen or self.stands() in (MOVED, OVERWRITTEN):
            return None
        if now.annotation != seen.annotation:
            return CHANGED_ELSEWHERE
        return "its suggestions were recomputed by another command"

    def _check_unchanged(self, article_id: str, annotator: str) -> None:
        """Raise `Conflict` if the annotation changed since this Store last showed (`view`) or wrote it."""
        key = (article_id, annotator)
        seen = self._seen_pending.get(key, self._seen.get(key))
        if seen is None:
            return
        now = self.seen_now(article_id, annotator)
        if now != seen and self.stands(writing=True) in (MOVED, OVERWRITTEN):
            # read from a file copied over ours (`cp backup.db x.db`): no other window changed it, and a reload
            # would show (or fail to read) another file's rows
            raise overwritten(self.path)
        if now.annotation != seen.annotation:
            raise Conflict(
                f"{annotator}'s annotation of this article was changed in another window since it was shown here, "
                "so nothing was written",
                cause=CHANGED_ELSEWHERE,
            )
        if now.suggestions != seen.suggestions:
            raise Conflict(
                "the suggestions of this article were recomputed by another command since it was shown here, "
                "so nothing was written",
                cause="its suggestions were recomputed by another command",
            )
