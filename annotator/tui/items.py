"""What the article screen draws and moves between: items (spans and suggestions as shown), and the entity
suggestions an edit's spans cover, found by position (`overlaps.IntervalIndex`, which also finds the items)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from annotator.literal import quoted
from annotator.overlaps import IntervalIndex
from annotator.rows import Offsets, SpanRow
from annotator.vocabulary import Label

Kind = Literal["span", "pending", "rejected"]
ItemKey = tuple[Kind, int]
#: Which item is under a character when several are: an accepted span, then a suggestion, then a rejected one.
RANK = {"span": 0, "pending": 1, "rejected": 2}
LAST_KEY = ("~", 1 << 62)  # sorts after every item key


@dataclass(frozen=True, slots=True)
class Item(SpanRow):
    """An accepted span (`kind` "span"), a pending suggestion, or a rejected one (shown on request), as drawn and
    navigated."""

    kind: Kind = "span"

    @property
    def key(self) -> ItemKey:
        return (self.kind, self.id)

    @property
    def pending(self) -> bool:
        return self.kind == "pending"

    @property
    def rejected(self) -> bool:
        return self.kind == "rejected"

    @property
    def is_quote(self) -> bool:
        return self.label is Label.QUOTE

    @property
    def needs_decision(self) -> bool:
        """A pending suggestion, or an accepted quote without a speaker: what tab goes to."""
        return self.kind == "pending" or (self.kind == "span" and self.is_quote and self.speaker is None)

    @property
    def order(self) -> tuple[int, int, int, int, int]:
        """Reading order: by start, quotes before the entities they contain, longer first."""
        return (self.start, 0 if self.is_quote else 1, -self.end, RANK[self.kind], self.id)

    @classmethod
    def of_row(cls, kind: Kind, row: SpanRow) -> Item:
        """A stored span (as read, or as an edit wrote it) or a suggestion, as drawn."""
        return cls(row.id, row.start, row.end, row.label, row.text, row.speaker, row.suggestion_id, kind)


Identity = tuple[str, int, int, str, "Offsets | None"]
AS_SHOWN = {"span": "marked as it was", "pending": "suggested as it was", "rejected": "a rejected suggestion"}
KIND_NAMES = {"span": "the span", "pending": "the suggestion", "rejected": "the rejected suggestion"}


def identity(item: Item) -> Identity:
    """What the person saw of an item: its kind, offsets, label and speaker (ids change when suggestions are
    recomputed)."""
    return (item.kind, item.start, item.end, item.label.value, item.speaker)


def highlight_moved(seen: Item | None, now: Item | None) -> str | None:
    """What became of the highlighted item `seen` when the article was read again and `now` is highlighted, in
    words ("LOCATION 'Washington' is no longer suggested as it was; highlighted now: the suggestion ACTOR
    'Washington' at 0:10"); None when it is the same item (kind, words, label, speaker) or nothing was."""
    if seen is None or (now is not None and identity(now) == identity(seen)):
        return None
    was = f"{seen.label.value} {quoted(seen.text)} is no longer {AS_SHOWN[seen.kind]}"
    if now is None:
        return f"{was}; nothing is highlighted now"
    return (
        f"{was}; highlighted now: {KIND_NAMES[now.kind]} {now.label.value} {quoted(now.text)} at {now.start}:{now.end}"
    )


def pending_moved(seen: list[Identity], now: list[Identity]) -> str | None:
    """How the pending suggestions shown (`seen`, by identity) differ from those pending `now` after the article was
    read again ("2 pending now, not 1"); None when they are the same."""
    if sorted(seen) == sorted(now):
        return None
    return f"{len(now)} pending now, not {len(seen)}" if len(now) != len(seen) else "other suggestions pending now"


class EntityOffers:
    """The article's entity suggestions, indexed by offsets: which ones an entity span covers (`current.covers`) is
    a bisect and a short scan, not every suggestion asked of every span an edit touched (trial s56 t13 G1: accept
    all on an article of 10,000 suggestions froze the screen for 78 s)."""

    def __init__(self, offers: list[tuple[int, int, str, int]]) -> None:
        self._index = IntervalIndex(
            (start, end, key) for start, end, label, key in offers if label != Label.QUOTE.value
        )

    def covered(self, spans: set[tuple[int, int, str]]) -> set[int]:
        """The suggestions an entity span at any of `spans` (start, end, label) covers."""
        found: set[int] = set()
        for start, end, label in spans:
            if label != Label.QUOTE.value:
                found.update(self._index.overlapping(start, end))
        return found
