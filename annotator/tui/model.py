"""One article's annotation state for the screen, kept in plain Python and updated from each `Edit`.

The database stays the truth: every change is made by the Store first and this model only mirrors the
`Edit` it returned, so a keystroke never reloads the article. Items are the annotator's spans and the
pending suggestions, on two layers (entities, quotes), indexed by position for drawing and navigation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import replace

from annotator.overlaps import IntervalIndex
from annotator.phrases import grown
from annotator.rows import ArticleRows, Edit, Offsets, SpanRow, SuggestionRow, Token
from annotator.speaker_offers import speakers_first
from annotator.store.current import covers, is_pending
from annotator.tui.items import LAST_KEY, RANK, EntityOffers, Item, ItemKey, Kind
from annotator.vocabulary import Label, Status


class ArticleModel:
    """The spans and pending suggestions of one article for one annotator, and its tokens."""

    def __init__(self, rows: ArticleRows) -> None:
        self.article_id = rows.id
        self.title = rows.title
        self.text = rows.text
        self.status = rows.status
        # Done: nothing is pending (`store.current.is_pending`), as loaded and after any edit that marks it so (an
        # undone `O` had left its suggestions pending, and the title bar counting them); `left_undecided` counts them.
        self.done = rows.status is Status.DONE
        self.tokens: list[Token] = rows.tokens or _fallback_tokens(self.text)
        self.token_starts = [t.start for t in self.tokens]
        self.suggestions = {s.id: s for s in rows.suggestions}
        self.suggestions_at: dict[tuple[int, int, str], list[int]] = {}
        for suggestion in rows.suggestions:
            key = (suggestion.start, suggestion.end, suggestion.label.value)
            self.suggestions_at.setdefault(key, []).append(suggestion.id)
        self.entity_offers = EntityOffers(
            [(*key, suggestion_id) for key, ids in self.suggestions_at.items() for suggestion_id in ids]
        )
        # Undecided suggestions: pending ones, and those hidden because a span or a decision settled their offer.
        self.undecided = set(self.suggestions) - rows.decided
        self.rejected = set(rows.rejected)
        self.current = rows.current
        # The offers (start, end, label) of the suggestions decided on: the view holds every one this annotator
        # decided on, so these count what `store.current.is_pending` asks.
        self.decided_offers: Counter[tuple[int, int, str]] = Counter(
            self._offer(i) for i in self.suggestions if i not in self.undecided
        )
        self.showing_rejected = False
        self.items: dict[ItemKey, Item] = {}
        self._pending = 0
        self.order: list[tuple[tuple[int, int, int, int, int], ItemKey]] = []
        self.entities: IntervalIndex[ItemKey] = IntervalIndex()
        self.quotes: IntervalIndex[ItemKey] = IntervalIndex()
        self.span_keys: Counter[tuple[int, int, str]] = Counter()
        for span in rows.spans:
            self._add(Item.of_row("span", span))
        for suggestion in rows.suggestions:
            kind = self._shown_as(suggestion.id)
            if kind is not None:
                self._add(self._suggested(kind, suggestion))

    # -- keeping the indexes -------------------------------------------------------------------------------

    def _layer(self, item: Item) -> IntervalIndex[ItemKey]:
        return self.quotes if item.is_quote else self.entities

    def _add(self, item: Item) -> None:
        self.items[item.key] = item
        self._pending += item.pending
        insort(self.order, (item.order, item.key))
        self._layer(item).add(item.start, item.end, item.key)
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
        self._layer(item).remove(item.start, item.end, item.key)
        if item.kind == "span":
            self.span_keys[(item.start, item.end, item.label.value)] -= 1
        return item

    def _offer(self, suggestion_id: int) -> tuple[int, int, str]:
        suggestion = self.suggestions[suggestion_id]
        return suggestion.start, suggestion.end, suggestion.label.value

    def asked(self, suggestion_id: int, done: bool | None = None) -> bool:
        """Whether the annotator is asked about this suggestion (`store.current.is_pending`): current, its offer
        neither decided on (here or in an earlier version's suggestion) nor marked as a span, no entity span over
        it, and the article not done (`done`: as if it were so or not)."""
        offer = self._offer(suggestion_id)
        start, end, _ = offer
        spans = (self.items[key] for key in self.entities.overlapping(start, end))
        covered = any(covers((i.start, i.end, i.label.value), offer) for i in spans if i.kind == "span")
        return is_pending(
            suggestion_id in self.current,
            self.decided_offers[offer],
            self.span_keys[offer],
            covered=covered,
            done=self.done if done is None else done,
        )

    def _shown_as(self, suggestion_id: int) -> Kind | None:
        """How a suggestion is drawn: pending while asked, rejected when those are shown; not at all when a span
        repeats it, nor when it is one the annotator is not asked about (an older version's undecided, or a
        current one whose offer they decided on in an earlier version's)."""
        offer = self._offer(suggestion_id)
        if self.span_keys[offer]:
            return None
        if self.asked(suggestion_id):
            return "pending"
        if self.showing_rejected and suggestion_id in self.rejected:
            return "rejected"
        return None

    def _shown_now(self, suggestion_id: int) -> Kind | None:
        for kind in ("pending", "rejected"):
            if (kind, suggestion_id) in self.items:
                return kind
        return None

    def _reshow(self, suggestion_ids: set[int], changed: list[tuple[int, int]]) -> None:
        for suggestion_id in suggestion_ids:
            if suggestion_id not in self.suggestions:
                continue
            wanted, shown = self._shown_as(suggestion_id), self._shown_now(suggestion_id)
            if wanted != shown:
                suggestion = self.suggestions[suggestion_id]
                if shown is not None:
                    self._remove((shown, suggestion_id))
                if wanted is not None:
                    self._add(self._suggested(wanted, suggestion))
                changed.append((suggestion.start, suggestion.end))

    def _suggested(self, kind: Kind, suggestion: SpanRow) -> Item:
        """A suggestion as drawn: a quote with the speaker accepting it would give it (`_speaker_on_accept`)."""
        item = Item.of_row(kind, suggestion)
        return replace(item, speaker=self._speaker_on_accept(suggestion)) if item.is_quote else item

    def _speaker_on_accept(self, quote: SpanRow) -> Offsets | None:
        """The speaker accepting a quote suggestion gives it (`Deciding._accept`), which the screen names (trial 26):
        its suggested ACTOR if marked or still undecided, else the one ACTOR span over any part of it (one that
        replaced it: "spokesman Tom Hale" over "Tom Hale"), else none."""
        if quote.speaker is None:
            return None
        start, end = quote.speaker
        actors = [
            Offsets(item.start, item.end)
            for key in self.entities.overlapping(start, end)
            if (item := self.items[key]).kind == "span" and item.label is Label.ACTOR
        ]
        suggested = self.suggestions_at.get((start, end, Label.ACTOR.value), [])
        if quote.speaker in actors or any(self.asked(i) for i in suggested):
            return quote.speaker
        return actors[0] if len(actors) == 1 else None

    def _respeak(self, changed: list[tuple[int, int]]) -> None:
        """After an edit: each quote suggestion shown names the speaker accepting it would now give it."""
        for _, _, key in list(self.quotes.entries()):
            item = self.items[key]
            if item.kind != "span":
                speaker = self._speaker_on_accept(self.suggestions[item.id])
                if speaker != item.speaker:
                    self.items[key] = replace(item, speaker=speaker)
                    changed.append((item.start, item.end))

    def show_rejected(self, show: bool) -> list[tuple[int, int]]:
        """Show (or hide) the rejected suggestions, dimmed; returns the character ranges whose drawing changed."""
        self.showing_rejected = show
        changed: list[tuple[int, int]] = []
        self._reshow(set(self.rejected), changed)
        return changed

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
            if suggestion_id in self.suggestions:
                was = suggestion_id not in self.undecided
                self.decided_offers[self._offer(suggestion_id)] += (decision is not None) - was
                touched.add(self._offer(suggestion_id))  # the others with its offer: pending or settled with it
            if decision is None:
                self.undecided.add(suggestion_id)
            else:
                self.undecided.discard(suggestion_id)
            if decision == "rejected":
                self.rejected.add(suggestion_id)
            else:
                self.rejected.discard(suggestion_id)
        candidates = set(edit.decided)
        for key in touched:
            candidates.update(self.suggestions_at.get(key, ()))
        # an entity span covers the entity suggestions it overlaps; done-ness settles every one (`is_pending`)
        candidates.update(self.entity_offers.covered(touched))
        if edit.status is not None and self.done != (edit.status is Status.DONE):  # reopened, or done (again)
            self.done = edit.status is Status.DONE
            candidates.update(self.suggestions)
        if edit.status is not None:
            self.status = edit.status
        self._reshow(candidates, changed)
        self._respeak(changed)
        return changed

    # -- questions the screen asks ---------------------------------------------------------------------------

    @property
    def pending_count(self) -> int:
        return self._pending

    @property
    def speakerless(self) -> int:
        """Quotes of the annotator's with no speaker yet: what tab goes to besides pending suggestions."""
        return sum(1 for item in self.items.values() if item.kind == "span" and item.is_quote and item.speaker is None)

    @property
    def left_undecided(self) -> int:
        """On a done article, the suggestions left undecided: pending again once it is reopened; else 0."""
        return sum(self.asked(i, done=False) for i in self.suggestions) if self.done else 0

    @property
    def span_count(self) -> int:
        """The annotator's spans, as stored: not the pending suggestions, nor the rejected ones shown with `R`."""
        return self.span_keys.total()

    def pending_for(self, suggestion_id: int) -> ItemKey | None:
        """The pending item that asks what this suggestion asked: itself, else the current one with its offer (an
        undo of a decision on an earlier version's makes the current one pending, not the old one)."""
        if suggestion_id not in self.suggestions:
            return None
        for candidate in [suggestion_id, *self.suggestions_at.get(self._offer(suggestion_id), [])]:
            if ("pending", candidate) in self.items:
                return "pending", candidate
        return None

    def suggester_of(self, item: Item) -> str:
        """The suggester version that made a suggestion shown ("entities.v16@<hash>" after `suggest --model`), which
        the status line names (a newcomer's trial: only `export --suggestions` said it); "" for a span."""
        row = self.suggestions.get(item.id) if item.kind != "span" else None
        return row.suggester if isinstance(row, SuggestionRow) else ""

    def get(self, key: ItemKey | None) -> Item | None:
        return self.items.get(key) if key is not None else None

    def _layer_for(self, label: Label) -> IntervalIndex[ItemKey]:
        return self.quotes if label is Label.QUOTE else self.entities

    def overlapping(self, start: int, end: int) -> tuple[list[Item], list[Item]]:
        """(entity items, quote items) that overlap characters start..end-1."""
        return (
            [self.items[k] for k in self.entities.overlapping(start, end)],
            [self.items[k] for k in self.quotes.overlapping(start, end)],
        )

    def item_at(self, offset: int, *, quotes: bool = True) -> Item | None:
        """The item under a character: an entity first (accepted, then pending, then rejected), else a quote."""
        entities, quote_items = self.overlapping(offset, offset + 1)
        for group in (entities, quote_items if quotes else []):
            if group:
                return min(group, key=lambda i: (RANK[i.kind], i.start, i.end, i.id))
        return None

    def spanned(self, start: int, end: int) -> bool:
        """Whether an entity span (accepted or added, not a suggestion) covers any of characters start..end-1: a
        new entity span may not overlap it, while it replaces a pending suggestion."""
        return any(self.items[key].kind == "span" for key in self.entities.overlapping(start, end))

    def held(self, start: int, end: int) -> list[tuple[int, int, Label]]:
        """The entity spans (not suggestions) that overlap characters start..end-1, as (start, end, label): what a
        label key's phrase there may take in by resizing (`phrases.grown`)."""
        found = [self.items[key] for key in self.entities.overlapping(start, end)]
        return [(item.start, item.end, item.label) for item in found if item.kind == "span"]

    def marked(self, start: int, end: int) -> bool:
        """Whether an entity span or a pending entity suggestion covers any of characters start..end-1 (a rejected
        one marks nothing)."""
        return any(self.items[key].kind != "rejected" for key in self.entities.overlapping(start, end))

    def quote_at(self, offset: int) -> Item | None:
        """The quote under a character (accepted, then pending, then rejected)."""
        return self.quote_in(offset, offset + 1)

    def quote_in(self, start: int, end: int) -> Item | None:
        """The quote over any of characters start..end-1 (accepted, then pending, then rejected; the first)."""
        quotes = self.overlapping(start, end)[1]
        return min(quotes, key=lambda i: (RANK[i.kind], i.start, i.end, i.id)) if quotes else None

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

    def next_needing(
        self, after: tuple[int, ...] | None, offset: int, step: int, *, inclusive: bool = False
    ) -> Item | None:
        """The next (step 1) or previous (step -1) item needing a decision from the reading-order position `after`
        (an item's `order`; None: the cursor's character `offset`), wrapping round; `inclusive` counts an item
        at that very position too."""
        order = self.order
        if after is None:
            index = bisect_left(order, ((offset,),)) - (step < 0)
        elif step > 0:
            index = bisect_left(order, (after,)) if inclusive else bisect_right(order, (after, LAST_KEY))
        else:
            index = (bisect_right(order, (after, LAST_KEY)) if inclusive else bisect_left(order, (after,))) - 1
        for distance in range(len(order)):
            item = self.items[order[(index + step * distance) % len(order)][1]]
            if item.needs_decision:
                return item
        return None

    def going_on(self, added: ItemKey, stop: int | None) -> tuple[int, ItemKey | None] | None:
        """Where a pass over missed mentions goes on after a label key added the span `added` at a stop of `;`: the
        next stop (token `stop`; None: there is none), or the next item still to decide after the span (what tab
        goes to) when it comes first, so that no pending suggestion is passed over unseen (trial 21). The token,
        and that item when it is the one; None when there is neither."""
        span = self.get(added)
        waiting = self.next_needing(span.order, span.start, 1) if span is not None else None
        if span is not None and waiting is not None and waiting.order > span.order:  # not wrapped round
            token = self.token_index(waiting.start)
            if stop is None or token <= stop:
                return token, waiting.key
        return None if stop is None else (stop, None)

    def resized(self, start: int, end: int, label: Label, any_label: bool = False) -> Item | None:
        """The entity span a label key resizes to characters start..end instead of adding a span over it
        (`phrases.grown`: the only span there, of that label, or with `any_label` of any, which the words only add
        to at its edges)."""
        if label is Label.QUOTE:
            return None
        found = grown(start, end, label, self.held(start, end), any_label)
        return next((item for item in self.overlapping(start, end)[0] if (item.start, item.end) == found), None)

    def actors(self) -> list[Item]:
        """The accepted ACTOR spans in reading order: the possible speakers."""
        return [self.items[key] for _, key in self.order if key[0] == "span" and self.items[key].label is Label.ACTOR]

    def speaker_candidates(self, quote: Item) -> list[Item]:
        """Who may have said a quote: accepted ACTOR spans and pending ACTOR suggestions (choosing one accepts it),
        in the order `speaker_offers.speakers_first` offers them: its speaker (a pending quote's: the one accepting
        it gives it) first, then those where its speaker is named (newcomers' trials, 36 and a fresh clone's: a
        nearer name in the next paragraph or sentence came first); an accepted span before an equally near
        suggestion."""
        actors = [item for item in self.items.values() if item.label is Label.ACTOR and item.kind != "rejected"]
        accepted = {(a.start, a.end) for a in actors if a.kind == "span"}
        actors = sorted(
            (a for a in actors if a.kind == "span" or (a.start, a.end) not in accepted),
            key=lambda actor: (RANK[actor.kind], actor.start),
        )
        return speakers_first(self.text, self.tokens, (quote.start, quote.end), quote.speaker, actors)

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
