"""One article's annotation state for the screen, kept in plain Python and updated from each `Edit`.

The database stays the truth: every change is made by the Store first and this model only mirrors the
`Edit` it returned, so a keystroke never reloads the article. Items are the annotator's spans and the
pending suggestions, on two layers (entities, quotes), indexed by position for drawing and navigation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from annotator.rows import ArticleRows, Edit, SpanRow, Token
from annotator.vocabulary import Label

Kind = Literal["span", "pending"]
ItemKey = tuple[Kind, int]


@dataclass(frozen=True, slots=True)
class Item(SpanRow):
    """An accepted span (`kind` "span") or a pending suggestion, as drawn and navigated."""

    kind: Kind = "span"

    @property
    def key(self) -> ItemKey:
        return (self.kind, self.id)

    @property
    def pending(self) -> bool:
        return self.kind == "pending"

    @property
    def is_quote(self) -> bool:
        return self.label is Label.QUOTE

    @property
    def order(self) -> tuple[int, int, int, int, int]:
        """Reading order: by start, quotes before the entities they contain, longer first."""
        return (self.start, 0 if self.is_quote else 1, -self.end, 0 if self.kind == "span" else 1, self.id)

    @classmethod
    def of_row(cls, kind: Kind, row: SpanRow) -> Item:
        """A stored span (as read, or as an edit wrote it) or a suggestion, as drawn."""
        return cls(row.id, row.start, row.end, row.label, row.text, row.speaker, row.suggestion_id, kind)


class IntervalIndex:
    """Items sorted by start, answering "which overlap start..end" with a bisect and a short scan."""

    def __init__(self) -> None:
        self._entries: list[tuple[int, int, ItemKey]] = []
        self._longest = 0

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, item: Item) -> None:
        insort(self._entries, (item.start, item.end, item.key))
        self._longest = max(self._longest, item.end - item.start)

    def remove(self, item: Item) -> None:
        entry = (item.start, item.end, item.key)
        index = bisect_left(self._entries, entry)
        if index < len(self._entries) and self._entries[index] == entry:
            del self._entries[index]

    def overlapping(self, start: int, end: int) -> list[ItemKey]:
        """Keys of items with start < `end` and end > `start`, in order of start."""
        entries = self._entries
        index = bisect_left(entries, (end,))
        low = bisect_left(entries, (start - self._longest,))
        return [key for s, e, key in entries[low:index] if e > start and s < end]


class ArticleModel:
    """The spans and pending suggestions of one article for one annotator, and its tokens."""

    def __init__(self, rows: ArticleRows) -> None:
        self.article_id = rows.id
        self.title = rows.title
        self.text = rows.text
        self.status = rows.status
        self.tokens: list[Token] = rows.tokens or _fallback_tokens(self.text)
        self.token_starts = [t.start for t in self.tokens]
        self.suggestions = {s.id: s for s in rows.suggestions}
        self.suggestions_at: dict[tuple[int, int, str], list[int]] = {}
        for suggestion in rows.suggestions:
            key = (suggestion.start, suggestion.end, suggestion.label.value)
            self.suggestions_at.setdefault(key, []).append(suggestion.id)
        # Undecided suggestions: pending ones, and those hidden only because a span repeats them.
        self.undecided = set(self.suggestions) - rows.decided
        self.items: dict[ItemKey, Item] = {}
        self._pending = 0
        self.order: list[tuple[tuple[int, int, int, int, int], ItemKey]] = []
        self.entities = IntervalIndex()
        self.quotes = IntervalIndex()
        self.span_keys: Counter[tuple[int, int, str]] = Counter()
        for span in rows.spans:
            self._add(Item.of_row("span", span))
        for suggestion in rows.suggestions:
            if self._visible(suggestion.id):
                self._add(Item.of_row("pending", suggestion))

    # -- keeping the indexes -------------------------------------------------------------------------------

    def _layer(self, item: Item) -> IntervalIndex:
        return self.quotes if item.is_quote else self.entities

    def _add(self, item: Item) -> None:
        self.items[item.key] = item
        self._pending += item.pending
        insort(self.order, (item.order, item.key))
        self._layer(item).add(item)
        if item.kind == "span":
            self.span_keys[(item.start, item.end, item.label.value)] += 1

    def _remove(self, key: ItemKey) -> Item | None:
        item = self.items.pop(key, None)
        if item is None:
            return None
        self._pending -= item.pending
        index = bisect_left(self.order, (item.order, item.key))
        if index < len(self.order) and self.order[index][1] == key:
            del self.order[index]
        self._layer(item).remove(item)
        if item.kind == "span":
            self.span_keys[(item.start, item.end, item.label.value)] -= 1
        return item

    def _visible(self, suggestion_id: int) -> bool:
        suggestion = self.suggestions[suggestion_id]
        return (
            suggestion_id in self.undecided
            and not self.span_keys[(suggestion.start, suggestion.end, suggestion.label.value)]
        )

    def apply(self, edit: Edit) -> list[tuple[int, int]]:
        """Mirror a committed edit; returns the character ranges whose drawing changed."""
        changed: list[tuple[int, int]] = []
        touched: set[tuple[int, int, str]] = set()
        for span_id in [*edit.removed, *(s.id for s in edit.spans)]:
            old = self._remove(("span", span_id))
            if old is not None:
                changed.append((old.start, old.end))
                touched.add((old.start, old.end, old.label.value))
        for span in edit.spans:
            item = Item.of_row("span", span)
            self._add(item)
            changed.append((item.start, item.end))
            touched.add((item.start, item.end, item.label.value))
        for suggestion_id, decision in edit.decided.items():
            if decision is None:
                self.undecided.add(suggestion_id)
            else:
                self.undecided.discard(suggestion_id)
        candidates = set(edit.decided)
        for key in touched:
            candidates.update(self.suggestions_at.get(key, ()))
        for suggestion_id in candidates:
            if suggestion_id not in self.suggestions:
                continue
            visible = self._visible(suggestion_id)
            shown = ("pending", suggestion_id) in self.items
            if visible != shown:
                suggestion = self.suggestions[suggestion_id]
                if visible:
                    self._add(Item.of_row("pending", suggestion))
                else:
                    self._remove(("pending", suggestion_id))
                changed.append((suggestion.start, suggestion.end))
        if edit.status is not None:
            self.status = edit.status
        return changed

    # -- questions the screen asks ---------------------------------------------------------------------------

    @property
    def pending_count(self) -> int:
        return self._pending

    @property
    def span_count(self) -> int:
        return len(self.items) - self._pending

    def get(self, key: ItemKey | None) -> Item | None:
        return self.items.get(key) if key is not None else None

    def _layer_for(self, label: Label) -> IntervalIndex:
        return self.quotes if label is Label.QUOTE else self.entities

    def overlapping(self, start: int, end: int) -> tuple[list[Item], list[Item]]:
        """(entity items, quote items) that overlap characters start..end-1."""
        return (
            [self.items[k] for k in self.entities.overlapping(start, end)],
            [self.items[k] for k in self.quotes.overlapping(start, end)],
        )

    def item_at(self, offset: int, *, quotes: bool = True) -> Item | None:
        """The item under a character: an entity first (accepted before pending), else a quote."""
        entities, quote_items = self.overlapping(offset, offset + 1)
        for group in (entities, quote_items if quotes else []):
            if group:
                return min(group, key=lambda i: (i.kind != "span", i.start))
        return None

    def index_of(self, key: ItemKey) -> int:
        item = self.items[key]
        return bisect_left(self.order, (item.order, key))

    def next_item(self, key: ItemKey | None, offset: int, step: int) -> Item | None:
        """The item after (step 1) or before (step -1) the current one, or the cursor; wraps around."""
        if not self.order:
            return None
        if key is not None and key in self.items:
            index = (self.index_of(key) + step) % len(self.order)
        elif step > 0:
            index = bisect_left(self.order, ((offset,),)) % len(self.order)
        else:
            index = bisect_left(self.order, ((offset,),)) - 1
        return self.items[self.order[index][1]]

    def actors(self) -> list[Item]:
        """The accepted ACTOR spans in reading order: the possible speakers."""
        return [self.items[key] for _, key in self.order if key[0] == "span" and self.items[key].label is Label.ACTOR]

    def token_index(self, offset: int) -> int:
        """The token at or before character `offset`."""
        return max(bisect_right(self.token_starts, offset) - 1, 0)

    def token_range(self, first: int, last: int) -> tuple[int, int]:
        """Character range of tokens first..last (inclusive, in any order)."""
        low, high = sorted((first, last))
        return self.tokens[low].start, self.tokens[high].end


def _fallback_tokens(text: str) -> list[Token]:
    """Articles stored without tokens (never by `ingest`): words and single punctuation marks."""
    import re

    return [Token(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
