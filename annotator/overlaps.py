"""Which stored intervals overlap start:end: the one index the store and the screen ask it of.

An interval start:end holds the characters start..end-1; two overlap when each starts before the other ends, so
intervals that only touch (0:5 and 5:9) do not, and a zero-length one (5:5) overlaps what strictly surrounds it.
Accept all (`store.held`, each suggestion checked against the spans held so far) and the screen's model (its
items by position, `tui.model`; the entity suggestions an edit covers, `tui.items.EntityOffers`) each kept an
index of their own (trial s56 t13 G1: asking every span for each of 10,000 suggestions froze both); they answered
the same question, and the store may not import the screen, so it lives here, below both, on plain values.
(The confidence intervals of the reports are another thing: `metrics.intervals`.)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

K = TypeVar("K")


class IntervalIndex(Generic[K]):
    """Keys with their offsets, sorted by (start, end, key), answering "which overlap start:end" with a bisect and a
    short scan back by the longest length held (which only grows: a removal leaves it, so a scan may look a little
    further). The starts are kept apart as well, in the same order: bisecting plain numbers is what keeps accept all
    as fast as the index of its own it had (`benchmarks/accept_all_long.py`)."""

    def __init__(self, entries: Iterable[tuple[int, int, K]] = ()) -> None:
        self._entries: list[tuple[int, int, K]] = sorted(entries)
        self._starts = [start for start, _, _ in self._entries]
        self._longest = max((end - start for start, end, _ in self._entries), default=0)

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, start: int, end: int, key: K) -> None:
        entry, starts = (start, end, key), self._starts
        index = len(starts)  # after every other start, as accept all adds them
        if starts and start <= starts[-1]:
            index = bisect_right(starts, start)
            if index and starts[index - 1] == start:  # others start there too: its place among them
                index = bisect_right(self._entries, entry, bisect_left(starts, start), index)
        self._entries.insert(index, entry)
        starts.insert(index, start)
        if end - start > self._longest:
            self._longest = end - start

    def remove(self, start: int, end: int, key: K) -> None:
        """Take out the entry (start, end, key), if it is held."""
        entry = (start, end, key)
        index = bisect_left(self._entries, entry, bisect_left(self._starts, start), bisect_right(self._starts, start))
        if index < len(self._entries) and self._entries[index] == entry:
            del self._entries[index]
            del self._starts[index]

    def entries(self) -> list[tuple[int, int, K]]:
        return self._entries

    def _window(self, start: int, end: int) -> tuple[int, int]:
        """The entries that may overlap start:end: from the first starting at or after start minus the longest length
        (any before it ends at or before start) to the last starting before end."""
        return bisect_left(self._starts, start - self._longest), bisect_left(self._starts, end)

    def overlapping(self, start: int, end: int) -> list[K]:
        """Keys of entries with start < `end` and end > `start`, in the index's order (by start, end, key)."""
        low, high = self._window(start, end)
        return [key for s, e, key in self._entries[low:high] if e > start and s < end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any entry overlaps start:end (what `overlapping` would name one of), asking the entry starting
        nearest before `end` first (when any overlaps, it usually does), then back through the window."""
        starts, entries = self._starts, self._entries
        index = bisect_left(starts, end) - 1
        floor = start - self._longest
        while index >= 0 and starts[index] >= floor:
            if entries[index][1] > start:
                return True
            index -= 1
        return False
