"""A merge's suggestions (`annotator.store.merge`): which of the other file's come here, and our id of each.

For each article and kind of suggester (entities, quotes: the name before its first dot), the newest batch of
either file is the model's current suggestion, as `annotator suggest` leaves one file: when theirs is newer
(a higher version number, or the same version made later: its `created_at`; an older version never, however
late it was made) and of a version this article lacks here, it comes, and our undecided suggestions of that
kind go, as `suggest` replaced them there; suggestions someone decided on or took as a span stay, for the
record. Their other suggestions come only when the work merged refers to them (a decision, an accepted span);
one this article has already (same offsets, label, suggester and speaker) is never stored twice. So merging
again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.store.connection import Row, rows_of
from annotator.store.edits import Store
from annotator.store.merge_source import SUGGESTION_KEY, MergeSource
from annotator.vocabulary import suggester_kind, suggester_version

SUGGESTION_COLUMNS = ("start", "end", "label", "text", "speaker_start", "speaker_end", "suggester", "score",
                      "created_at")  # fmt: skip


def insert_suggestion_row(store: Store, article_id: str, row: Row) -> int:
    """One of their suggestions, as they stored it (its suggester and creation time), on our article."""
    cursor = store.conn.execute(
        'INSERT INTO suggestions (article_id, start, "end", label, text, speaker_start, speaker_end, suggester, '
        "score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, *(row[c] for c in SUGGESTION_COLUMNS)],
    )
    return int(cursor.lastrowid or 0)


def _newest(rows: Iterable[Row]) -> dict[str, tuple[int, str, str]]:
    """Kind -> (version number, created_at, suggester) of the newest batch of each kind among these rows: the
    highest version (`suggester_version`), and of that version the latest made."""
    newest: dict[str, tuple[int, str, str]] = {}
    for row in rows:
        kind, name = suggester_kind(row["suggester"]), row["suggester"]
        newest[kind] = max(newest.get(kind, (-1, "", "")), (suggester_version(name), row["created_at"], name))
    return newest


def bring_newer_batches(store: Store, theirs: list[Row], our_article: str) -> int:
    """Their newest batch of each kind, if newer than ours (a higher version, or the same version made later)
    and of a version we lack, onto our article; our undecided suggestions of that kind go (see the module's
    docstring). An older version never comes, however late it was made. How many suggestions came."""
    ours = list(
        rows_of(store.conn, "SELECT suggester, created_at FROM suggestions WHERE article_id = ?", [our_article])
    )
    versions = {row["suggester"] for row in ours}
    ours_newest = _newest(ours)
    copied = 0
    for kind, (number, created_at, suggester) in _newest(theirs).items():
        if suggester in versions or (number, created_at) <= ours_newest.get(kind, (-1, "", ""))[:2]:
            continue
        store.drop_undecided_suggestions(our_article, sorted({v for v in versions if suggester_kind(v) == kind}))
        for row in theirs:
            if row["suggester"] == suggester:
                insert_suggestion_row(store, our_article, row)
                copied += 1
    return copied


class SuggestionIds:
    """Their suggestions of one article -> ours, matched by content; read once per article (a merge reads each
    article's suggestions once, however many events name them: merge time stays linear in the rows merged)."""

    def __init__(self, store: Store, source: MergeSource, their_article: str, our_article: str) -> None:
        self.store, self.our_article = store, our_article
        self.theirs = {row["id"]: row for row in source.suggestions(their_article)}
        rows = rows_of(store.conn, "SELECT * FROM suggestions WHERE article_id = ?", [our_article])
        self.ours = {tuple(row[k] for k in SUGGESTION_KEY): row["id"] for row in rows}
        self.mapped: dict[int, int | None] = {}
        self.copied = 0

    def ours_of(self, their_id: int) -> int | None:
        """Our id of their suggestion; copied here (once) when we lack it."""
        if their_id not in self.mapped:
            row = self.theirs.get(their_id)
            if row is None:  # re-suggested away after an undo: old events may still name it
                self.mapped[their_id] = None
            else:
                key = tuple(row[k] for k in SUGGESTION_KEY)
                if key not in self.ours:
                    self.ours[key] = insert_suggestion_row(self.store, self.our_article, row)
                    self.copied += 1
                self.mapped[their_id] = self.ours[key]
        return self.mapped[their_id]
