"""A model of the annotate screen and its default keymap, for planning key sequences without Textual or SQLite.

`Screen.press(key)` does what the key does in `annotator/tui/screens/` (article.py, annotate.py, speaker.py,
prompts.py) with the default keymap and auto-advance on: it moves the token cursor, the selection and the
current item, opens and answers the speaker choice and the done question, and makes the edit, refused or
not, by the rules of `annotator/store/edits.py` and `annotator/spans.py` (span edges and line breaks, no
overlap within a layer, a suggestion's edges trimmed when it is accepted, a quote's suggested speaker
accepted along with it, quotes following a resized ACTOR, ...). The tab order, the item under the cursor and
the line moves follow `annotator/tui/model.py` and the article's wrapped `Layout`; word and paragraph jumps,
phrase and quotation selections and edge moves call the same core functions the screen calls
(`annotator.motion`, `annotator.phrases`, `annotator.spans`).

The replay of every plan through Pilot checks this model against the real app, key by key.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from annotator import motion, phrases
from annotator.spans import EdgeRefused, edge_problem, fit, move_edge
from annotator.tui.layout import Layout

QUOTE = "QUOTE"
ACTOR = "ACTOR"
LABEL_KEYS = {"ACTOR": "1", "LOCATION": "2", "FIGURE": "3", "QUOTE": "4"}
KEY_LABELS = {key: label for label, key in LABEL_KEYS.items()}
RANK = {"span": 0, "pending": 1}
LAST_KEY = ("~", 1 << 62)

#: Keys that only move the cursor or the current item: what the planner searches paths with.
NAVIGATION_KEYS = (
    "tab",
    "shift+tab",
    "full_stop",
    "comma",
    "right",
    "left",
    "ctrl+right",
    "ctrl+left",
    "down",
    "up",
    "home",
    "end",
    "ctrl+down",
    "ctrl+up",
)
#: Moving and selecting keys that work in the speaker choice too (on the article below it).
FORWARDED = frozenset(NAVIGATION_KEYS) - {"tab", "shift+tab", "full_stop", "comma"} | {"shift+left", "shift+right", "v"}

ItemKey = tuple[str, int]  # ("span", span id) or ("pending", suggestion id)
NavState = tuple[int, ItemKey | None, int | None]  # (cursor token, current item, goal column of up/down)


@dataclass(frozen=True, slots=True)
class Span:
    """A span, suggestion or gold span: character offsets, label, and a QUOTE's speaker (ACTOR offsets)."""

    start: int
    end: int
    label: str
    speaker: tuple[int, int] | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    @property
    def is_quote(self) -> bool:
        return self.label == QUOTE

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class Refused(Exception):
    """The Store would refuse this edit (the app says why and changes nothing)."""


@dataclass(slots=True)
class SpeakerChoice:
    """The speaker screen: the quote (span id), the candidates (item keys, nearest first), the one shown."""

    quote: int
    candidates: list[ItemKey]
    index: int
    candidate: ItemKey | None


def _order(key: ItemKey, item: Span) -> tuple[int, int, int, int, int]:
    """Reading order as `annotator.tui.model.Item.order`: by start, quotes first, longer first, spans first."""
    return (item.start, 0 if item.is_quote else 1, -item.end, RANK[key[0]], key[1])


def _rank(key: ItemKey, item: Span) -> tuple[int, int, int, int]:
    """Which of several items under a character is current (`ArticleModel.item_at`)."""
    return (RANK[key[0]], item.start, item.end, key[1])


class Screen:
    """One article on the annotate screen for one annotator, from the moment it opens until it is marked done.

    `press` returns what kind of work a key did ("navigation", "accept", "boundary", ...) or None when it did
    nothing (refused, or no effect): a plan never needs such a key.
    """

    def __init__(
        self, text: str, tokens: list[tuple[int, int]], suggestions: dict[int, Span], width: int, height: int = 0
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.token_starts = [start for start, _ in tokens]
        self.starts_set = set(self.token_starts)
        self.token_ends = {end for _, end in tokens}
        self.layout = Layout(text, width)
        self.height = height
        self.suggestions = suggestions
        self.undecided = set(suggestions)
        self.spans: dict[int, Span] = {}
        self.origin: dict[int, int | None] = {}  # span id -> the suggestion it was accepted from
        self.next_id = 1
        self.status = "todo"
        self.anchor: int | None = None
        self.phrase_origin: int | None = None
        self.column: int | None = None
        self.choosing: SpeakerChoice | None = None
        self.asking_done = False
        self.made: list[int] = []
        self.gold_speakers: dict[tuple[int, int, str], tuple[int, int] | None] = {}  # the planner's, for the choice
        self._static()
        self._reindex()
        first = self._next_needing(None, 0, 1)
        if first is not None:
            self.cursor, self.current = self.token_index(self.items[first].start), first
        else:
            self.cursor, self.current = 0, self.item_at(0)

    def _static(self) -> None:
        """What never changes: per token, its line and column, and where the jumps lead."""
        text, tokens, layout = self.text, self.tokens, self.layout
        self.line_of = [layout.line_of(start) for start, _ in tokens]
        self.column_of = [
            layout.lines[line].column(start) for line, (start, _) in zip(self.line_of, tokens, strict=False)
        ]
        self.word_next = [motion.next_word(text, tokens, i, 1) for i in range(len(tokens))]
        self.word_previous = [motion.next_word(text, tokens, i, -1) for i in range(len(tokens))]
        self.paragraph_next = [motion.paragraph(text, tokens, i, 1) for i in range(len(tokens))]
        self.paragraph_previous = [motion.paragraph(text, tokens, i, -1) for i in range(len(tokens))]
        self.line_start: list[int] = []
        self.line_end: list[int] = []
        for line_index in self.line_of:
            line = layout.lines[line_index]
            self.line_start.append(self.token_index(line.start))
            last = self.token_index(max(line.end - 1, line.start))
            while last > 0 and tokens[last][0] >= line.end:
                last -= 1
            self.line_end.append(last)
        self._line_targets: dict[tuple[int, int], int] = {}
        last = len(tokens) - 1
        self.static_moves = {  # keys whose target token depends on the cursor alone
            "right": [min(i + 1, last) for i in range(len(tokens))],
            "left": [max(i - 1, 0) for i in range(len(tokens))],
            "ctrl+right": self.word_next,
            "ctrl+left": self.word_previous,
            "home": self.line_start,
            "end": self.line_end,
            "ctrl+down": self.paragraph_next,
            "ctrl+up": self.paragraph_previous,
        }
        self.cache: dict[object, object] = {}  # what depends on the text alone (recipes' selections)

    def clone(self) -> Screen:
        other = Screen.__new__(Screen)
        for name in ("text", "tokens", "token_starts", "starts_set", "token_ends", "layout", "height", "suggestions",
                     "next_id", "status", "line_of", "column_of", "word_next", "word_previous", "paragraph_next",
                     "paragraph_previous", "line_start", "line_end", "_line_targets", "static_moves", "cursor", "anchor", "current",
                     "phrase_origin", "column", "asking_done", "cache", "made", "gold_speakers"):  # fmt: skip
            setattr(other, name, getattr(self, name))
        other.undecided = set(self.undecided)
        other.spans = dict(self.spans)
        other.origin = dict(self.origin)
        other.choosing = (
            SpeakerChoice(
                self.choosing.quote, list(self.choosing.candidates), self.choosing.index, self.choosing.candidate
            )
            if self.choosing
            else None
        )
        # The indexes are only rebuilt after an edit: share them until then.
        for name in ("items", "order", "position", "entity_at", "quote_at", "pending_count", "needing", "moves"):
            setattr(other, name, getattr(self, name))
        return other

    # -- what the screen shows -------------------------------------------------------------------------------

    def _reindex(self) -> None:
        """Items (spans and visible pending suggestions), their reading order, the items under each token."""
        span_keys = Counter(span.key for span in self.spans.values())
        items: dict[ItemKey, Span] = {("span", i): span for i, span in self.spans.items()}
        for sid in self.undecided:
            suggestion = self.suggestions[sid]
            if not span_keys[suggestion.key]:
                items[("pending", sid)] = suggestion
        self.items = items
        self.pending_count = sum(1 for key in items if key[0] == "pending")
        self.order = sorted((_order(k, item), k) for k, item in items.items())
        self.position = {key: index for index, (_, key) in enumerate(self.order)}
        self.needing = [i for i, (_, key) in enumerate(self.order) if self.needs_decision(key)]
        self.moves: dict[tuple[NavState, str], NavState | None] = {}  # navigate(), remembered until the next edit
        entity_at: list[ItemKey | None] = [None] * len(self.tokens)
        quote_at: list[ItemKey | None] = [None] * len(self.tokens)
        best: dict[tuple[bool, int], tuple[int, int, int, int]] = {}
        for key, item in items.items():
            target = quote_at if item.is_quote else entity_at
            rank = _rank(key, item)
            first = self.token_index(item.start)
            for t in range(first, len(self.tokens)):
                start = self.tokens[t][0]
                if start >= item.end:
                    break
                if start < item.start:
                    continue
                slot = (item.is_quote, t)
                if slot not in best or rank < best[slot]:
                    best[slot], target[t] = rank, key
        self.entity_at, self.quote_at = entity_at, quote_at

    def token_index(self, offset: int) -> int:
        return max(bisect_right(self.token_starts, offset) - 1, 0)

    def item_at(self, token: int) -> ItemKey | None:
        """`ArticleModel.item_at` at a token's first character: an entity first, else a quote."""
        if not self.tokens:
            return None
        return self.entity_at[token] or self.quote_at[token]

    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or not self.tokens:
            return None
        low, high = sorted((self.anchor, self.cursor))
        return self.tokens[low][0], self.tokens[high][1]

    @property
    def nav_state(self) -> NavState:
        return (self.cursor, self.current, self.column)

    def item(self, key: ItemKey | None) -> Span | None:
        return self.items.get(key) if key is not None else None

    def needs_decision(self, key: ItemKey) -> bool:
        item = self.items[key]
        return key[0] == "pending" or (item.is_quote and item.speaker is None)

    def unreachable(self, span: Span) -> str | None:
        """Why no key sequence can make this span (off token boundaries, bad edges), or None."""
        try:
            self._check_bounds(span.start, span.end, span.label)
        except Refused as error:
            return str(error)
        return None

    def signature(self) -> tuple:
        """The state as far as any later key can tell (span ids aside): equal signatures, equal futures."""
        current = self.item(self.current)
        return (
            frozenset(self.spans.values()),
            frozenset(self.undecided),
            self.cursor,
            self.anchor,
            (self.current[0], current) if self.current and current else None,
            self.column,
            self.status,
        )

    def span_id(self, key: tuple[int, int, str]) -> int | None:
        return next((i for i, span in self.spans.items() if span.key == key), None)

    def actor_at(self, offsets: tuple[int, int] | None) -> int | None:
        if offsets is None:
            return None
        return next((i for i, s in self.spans.items() if s.label == ACTOR and (s.start, s.end) == offsets), None)

    # -- navigation, as pure functions of the indexes (the planner's graph) -----------------------------------

    def _next_needing(self, after: tuple | None, offset: int, step: int, inclusive: bool = False) -> ItemKey | None:
        """`ArticleModel.next_needing`."""
        order, needing = self.order, self.needing
        if not needing:
            return None
        if after is None:
            index = bisect_left(order, ((offset,),)) - (step < 0)
        elif step > 0:
            index = bisect_left(order, (after,)) if inclusive else bisect_right(order, (after, LAST_KEY))
        else:
            index = (bisect_right(order, (after, LAST_KEY)) if inclusive else bisect_left(order, (after,))) - 1
        index %= len(order)
        if step > 0:
            found = bisect_left(needing, index)
            return order[needing[found % len(needing)]][1]
        found = bisect_right(needing, index) - 1
        return order[needing[found]][1]

    def _next_item(self, current: ItemKey | None, offset: int, step: int) -> ItemKey | None:
        """`ArticleModel.next_item`."""
        order = self.order
        if not order:
            return None
        if current is not None and current in self.position:
            return order[(self.position[current] + step) % len(order)][1]
        index = bisect_left(order, ((offset,),))
        return order[index % len(order)][1] if step > 0 else order[index - 1][1]

    def _line_target(self, cursor: int, column: int, step: int) -> int:
        line = self.line_of[cursor]
        target = min(max(line + step, 0), len(self.layout) - 1)
        found = self._line_targets.get((target, column))
        if found is None:
            found = self.token_index(self.layout.lines[target].offset_at(column))
            self._line_targets[(target, column)] = found
        return found

    def navigate(self, state: NavState, key: str) -> NavState | None:
        """Where a navigation key leads from (cursor, current, column) with no selection and nothing asked."""
        static = self.static_moves.get(key)
        if static is not None:
            token = static[state[0]]
            return (token, self.entity_at[token] or self.quote_at[token], None)
        remembered = self.moves.get((state, key), False)
        if remembered is not False:
            return remembered  # type: ignore[return-value]
        found = self._navigate(state, key)
        self.moves[(state, key)] = found
        return found

    def _navigate(self, state: NavState, key: str) -> NavState | None:
        cursor, current, column = state
        if not self.tokens:
            return None
        if key in ("tab", "shift+tab", "full_stop", "comma"):
            step = 1 if key in ("tab", "full_stop") else -1
            offset = self.tokens[cursor][0]
            if key in ("tab", "shift+tab"):
                item = self.item(current)
                target = self._next_needing(_order(current, item) if item and current else None, offset, step)
            else:
                target = self._next_item(current, offset, step)
            if target is None:
                return None
            return (self.token_index(self.items[target].start), target, None)
        if key in ("down", "up"):
            column = self.column_of[cursor] if column is None else column
            token = self._line_target(cursor, column, 1 if key == "down" else -1)
            # A goal column equal to the token's own column moves up and down as none would: one state, not two.
            return (token, self.item_at(token), None if column == self.column_of[token] else column)
        if key == "right":
            token = min(cursor + 1, len(self.tokens) - 1)
        elif key == "left":
            token = max(cursor - 1, 0)
        elif key == "ctrl+right":
            token = self.word_next[cursor]
        elif key == "ctrl+left":
            token = self.word_previous[cursor]
        elif key == "home":
            token = self.line_start[cursor]
        elif key == "end":
            token = self.line_end[cursor]
        elif key == "ctrl+down":
            token = self.paragraph_next[cursor]
        elif key == "ctrl+up":
            token = self.paragraph_previous[cursor]
        else:
            return None
        return (token, self.item_at(token), None)

    def static_path(self, start: int, wanted, limit: int = 12) -> list[str] | None:
        """The fewest moving keys that work in the speaker choice (no tab) from token `start` to a token for which
        `wanted(token)` holds; None beyond `limit` keys."""
        begin = (start, None)
        parent: dict[tuple[int, int | None], tuple[tuple[int, int | None], str] | None] = {begin: None}
        layer = [begin]
        for _ in range(limit + 1):
            following = []
            for state in layer:
                if wanted(state[0]):
                    keys = []
                    link = parent[state]
                    while link is not None:
                        state, key = link
                        keys.append(key)
                        link = parent[state]
                    return keys[::-1]
            for state in layer:
                token, column = state
                for key in FORWARDED - {"shift+left", "shift+right", "v"}:
                    static = self.static_moves.get(key)
                    if static is not None:
                        target = (static[token], None)
                    else:
                        col = self.column_of[token] if column is None else column
                        moved = self._line_target(token, col, 1 if key == "down" else -1)
                        target = (moved, None if col == self.column_of[moved] else col)
                    if target not in parent:
                        parent[target] = (state, key)
                        following.append(target)
            layer = following
        return None

    # -- keys ----------------------------------------------------------------------------------------------

    def press(self, key: str) -> str | None:
        """Do what the key does; the kind of work it did, or None if it did nothing."""
        if self.asking_done:
            return self._done_key(key)
        if self.choosing is not None:
            return self._speaker_key(key)
        if key in NAVIGATION_KEYS:
            target = self.navigate(self.nav_state, key)  # any move also drops the selection
            if target is None or (target == self.nav_state and self.anchor is None):
                return None
            self.cursor, self.current, self.column = target
            self.anchor = self.phrase_origin = None
            return "navigation"
        if key in ("shift+right", "shift+left"):
            if not self.tokens:
                return None
            if self.anchor is None:
                self.anchor = self.cursor
            self.cursor = min(max(self.cursor + (1 if key == "shift+right" else -1), 0), len(self.tokens) - 1)
            self.current = self.column = self.phrase_origin = None
            return "select"
        if key == "v":
            return self._phrase()
        if key == "quotation_mark":
            return self._quotation()
        if key == "escape":
            if self.anchor is None:
                return None
            self.anchor = self.phrase_origin = None
            self.current = self.item_at(self.cursor)
            return "select"
        if key == "enter":
            return self._accept_key()
        if key in ("x", "delete"):
            return self._reject_key()
        if key in KEY_LABELS:
            return self._label_key(KEY_LABELS[key])
        if key in ("left_square_bracket", "right_square_bracket", "left_curly_bracket", "right_curly_bracket"):
            return self._boundary_key(key)
        if key == "s":
            return self._speaker_start()
        if key == "A":
            return self._edit(self._accept_all, "accept all", accept_all=True)
        if key == "asterisk":
            current = self.current
            if current is None or current[0] != "span" or self.anchor is not None:
                return None
            return self._edit(self._elsewhere, "elsewhere", current[1])
        if key == "d":
            if self.pending_count:
                self.asking_done = True
                return "done"
            self.status = "done"
            return "done"
        return None

    def _select(self, first: int, last: int) -> None:
        self.anchor, self.cursor = first, last
        self.current = self.column = None

    def _phrase(self) -> str | None:
        if not self.tokens:
            return None
        origin = self.phrase_origin if self.phrase_origin is not None else self.cursor
        selection = (self.anchor, self.cursor) if self.anchor is not None else None
        found = phrases.grow(self.text, self.tokens, selection, origin)
        if found is None:
            return None
        self._select(*found)
        self.phrase_origin = origin
        return "select"

    def _quotation(self) -> str | None:
        if not self.tokens:
            return None
        quote = self.quote_at[self.cursor]
        if quote is not None and self.anchor is None and self.current != quote:
            self.current = quote
            self.cursor = self.token_index(self.items[quote].start)
            self.anchor = self.column = self.phrase_origin = None
            return "navigation"
        found = phrases.quotation(self.text, self.tokens, self.cursor)
        if found is None:
            return None
        self._select(*found)
        self.phrase_origin = None
        return "select"

    def _done_key(self, key: str) -> str | None:
        if key == "l":
            self.asking_done = False
            self.status = "done"
            return "done"
        if key == "escape":
            self.asking_done = False
            return "done"
        if key == "a":  # accept all, then done; a plan never needs it when suggestions would stay pending after it
            trial = self.clone()
            trial.asking_done = False
            if trial._edit(trial._accept_all, "accept all") is None or trial.pending_count:
                return None
            self.asking_done = False
            self._edit(self._accept_all, "accept all", accept_all=True)
            self.status = "done"
            return "done"
        return None

    def _after(self, current: ItemKey | None, decided: tuple | None, removed: Span | None) -> None:
        """The screen after a committed edit: `AnnotateScreen._after` (auto-advance on)."""
        self.current = current if current in self.items else None
        self.anchor = self.phrase_origin = self.column = None
        if decided is not None:
            new = self.item(self.current)
            after = _order(self.current, new) if new is not None and self.current else decided[0]
            following = self._next_needing(after, decided[1], 1, inclusive=True)
            if following is not None:
                self.current = following
        item = self.item(self.current)
        if item is not None:
            self.cursor = self.token_index(item.start)
        elif removed is not None:
            self.cursor = self.token_index(removed.start)
        if item is None:
            self.current = self.item_at(self.cursor)

    def _edit(self, edit, kind: str, *args, decided=None, removed=None, accept_all=False) -> str | None:
        """Run an edit; on success reindex and place the current item as the screen does."""
        before = self.current
        self.made = []
        try:
            new_current = edit(*args)
        except Refused:
            return None
        self._reindex()
        if accept_all:
            first = self._next_needing(None, 0, 1)
            new_current = first if first is not None else (before if before in self.items else None)
        self._after(new_current, decided, removed)
        return kind

    def _decided(self, key: ItemKey) -> tuple:
        item = self.items[key]
        return (_order(key, item), item.start)

    def _ask_speaker(self, kind: str | None) -> str | None:
        """`AnnotateScreen._ask_speaker_of_new_quote`: a quote just made without a speaker opens the choice."""
        item = self.item(self.current)
        made = kind is not None and self.current and self.current[0] == "span" and self.current[1] in self.made
        if made and item is not None and item.is_quote and item.speaker is None:
            self._open_choice(self.current)  # type: ignore[arg-type]
        return kind

    def _accept_key(self) -> str | None:
        key = self.current
        if self.anchor is not None or key is None or key[0] != "pending":
            return None
        return self._ask_speaker(self._edit(self._accept_suggestion, "accept", key[1], decided=self._decided(key)))

    def _reject_key(self) -> str | None:
        key = self.current
        if self.anchor is not None:
            self.anchor = self.phrase_origin = None
            self.current = self.item_at(self.cursor)
            return "select"
        if key is None or key not in self.items:
            return None
        if key[0] == "pending":
            return self._edit(self._reject_suggestion, "reject", key[1], decided=self._decided(key))
        return self._edit(self._remove_span, "remove", key[1], removed=self.spans[key[1]])

    def _label_key(self, label: str) -> str | None:
        key, item = self.current, self.item(self.current)
        if self.anchor is None and item is not None and key is not None:
            if key[0] == "span":
                return self._edit(self._relabel, "relabel", key[1], label)
            decided = self._decided(key)
            if item.label == label:
                return self._ask_speaker(self._edit(self._accept_suggestion, "accept", key[1], decided=decided))
            kind = self._edit(self._accept_corrected, "relabel", key[1], label, item.start, item.end, decided=decided)
            return self._ask_speaker(kind)
        if not self.tokens:
            return None
        selection = self.selection()
        if selection is None:
            first, last = phrases.at_cursor(self.text, self.tokens, self.cursor, label)
            selection = (self.tokens[first][0], self.tokens[last][1])
        return self._ask_speaker(self._edit(self._add, "add", *selection, label))

    def _boundary_key(self, key: str) -> str | None:
        side = "start" if key in ("left_square_bracket", "right_square_bracket") else "end"
        step = -1 if key in ("left_square_bracket", "left_curly_bracket") else 1
        if self.anchor is not None:
            low, high = sorted((self.anchor, self.cursor))
            if side == "start":
                low += step
            else:
                high += step
            if low < 0 or high >= len(self.tokens) or low > high:
                return None
            self.anchor, self.cursor = low, high
            self.current = self.column = None
            return "select"
        current, item = self.current, self.item(self.current)
        if item is None or current is None:
            return None
        try:
            start, end = move_edge(self.text, self.tokens, item.start, item.end, item.label, side, step)
        except EdgeRefused:
            return None
        if current[0] == "pending":
            return self._edit(self._accept_corrected, "boundary", current[1], item.label, start, end)
        return self._edit(self._resize, "boundary", current[1], start, end)

    # -- the speaker choice ----------------------------------------------------------------------------------

    def speaker_candidates(self, quote: Span) -> list[ItemKey]:
        """`ArticleModel.speaker_candidates`: ACTOR spans and pending ACTOR suggestions, nearest first."""

        def distance(key: ItemKey) -> tuple[bool, int, int, int]:
            actor = self.items[key]
            inside = actor.start >= quote.start and actor.end <= quote.end
            gap = quote.start - actor.end if actor.end <= quote.start else actor.start - quote.end
            return (inside, abs(gap), RANK[key[0]], actor.start)

        actors = [key for key, item in self.items.items() if item.label == ACTOR]
        accepted = {(self.items[k].start, self.items[k].end) for k in actors if k[0] == "span"}
        actors = [k for k in actors if k[0] == "span" or (self.items[k].start, self.items[k].end) not in accepted]
        return sorted(actors, key=distance)

    def _speaker_start(self) -> str | None:
        key = self.current
        if key is None or not self.items[key].is_quote:
            key = self.quote_at[self.cursor] if self.tokens else None
        if key is None:
            return None
        if key[0] == "pending":
            quote_key: ItemKey | None = None

            def accept() -> ItemKey:
                nonlocal quote_key
                quote_key = self._accept_suggestion(key[1])
                return quote_key

            if self._edit(accept, "speaker") is None or quote_key is None:
                return None
            key = quote_key
        self._open_choice(key)
        return "speaker"

    def _open_choice(self, key: ItemKey) -> None:
        quote = self.items[key]
        candidates = self.speaker_candidates(quote)
        index = next(
            (i for i, a in enumerate(candidates) if (self.items[a].start, self.items[a].end) == quote.speaker), 0
        )
        self.current, self.cursor = key, self.token_index(quote.start)
        self.anchor = self.column = self.phrase_origin = None
        self.choosing = SpeakerChoice(key[1], candidates, index, candidates[index] if candidates else None)

    def _speaker_key(self, key: str) -> str | None:
        choice = self.choosing
        assert choice is not None
        if key in ("tab", "shift+tab"):
            if not choice.candidates:
                return None
            if choice.candidate in choice.candidates:
                choice.index = (choice.index + (1 if key == "tab" else -1)) % len(choice.candidates)
            choice.candidate = choice.candidates[choice.index]
            self.anchor = None
            self.cursor = self.token_index(self.items[choice.candidate].start)
            return "speaker"
        if key in FORWARDED:
            saved = self.choosing
            self.choosing = None
            kind = self.press(key)
            self.choosing = saved
            if kind is None:
                return None
            if self.anchor is None:
                under = self.item_at(self.cursor)
                if under is not None and self.items[under].label == ACTOR:
                    choice.candidate = under
                    if under in choice.candidates:
                        choice.index = choice.candidates.index(under)
                else:
                    choice.candidate = None
            return "speaker"
        if key == "escape":
            if self.anchor is not None:
                self.anchor = self.phrase_origin = None
                self.current = self.item_at(self.cursor)
                return "speaker"
            self.choosing = None
            self.current, self.anchor = ("span", choice.quote), None
            self.cursor = self.token_index(self.spans[choice.quote].start)
            return "speaker"
        target: object
        if key == "enter":
            selection = self.selection()
            target = selection if selection is not None else choice.candidate
            if target is None:
                return None
        elif key in ("x", "delete"):
            target = "none"
        elif key == "1":
            selection = self.selection()
            if selection is None and choice.candidate is not None and choice.candidate == self.item_at(self.cursor):
                target = choice.candidate
            elif selection is None:
                found = phrases.grow(self.text, self.tokens, None, self.cursor)
                if found is None:
                    return None
                target = (self.tokens[found[0]][0], self.tokens[found[1]][1])
            else:
                target = selection
        else:
            return None
        self.choosing = None
        return self._edit(self._set_speaker, "speaker", choice.quote, target)

    # -- the Store's rules (annotator/store/edits.py, annotator/spans.py) ----------------------------------

    def _check_free(self, label: str, start: int, end: int, ignore: int | None = None) -> None:
        quote = label == QUOTE
        for span_id, span in self.spans.items():
            if span_id != ignore and span.is_quote == quote and span.overlaps(start, end):
                raise Refused(f"it would overlap {span}")

    def _check_bounds(self, start: int, end: int, label: str) -> None:
        """`Changes._span_text`: the span rules, then token boundaries."""
        problem = edge_problem(self.text, start, end, label)
        if problem:
            raise Refused(problem)
        if self.tokens and (start not in self.starts_set or end not in self.token_ends):
            raise Refused("not on token boundaries")

    def _new_span(self, span: Span, suggestion: int | None) -> int:
        span_id = self.next_id
        self.next_id += 1
        self.made.append(span_id)
        self.spans[span_id] = span
        self.origin[span_id] = suggestion
        return span_id

    def _acceptance(self, sid: int) -> list[tuple[int, Span]]:
        """What accepting a suggestion writes: [(suggestion, span)], its speaker's suggestion included."""
        if sid not in self.undecided:
            raise Refused("already decided")
        suggestion = self.suggestions[sid]
        fitted = fit(self.text, suggestion.start, suggestion.end, suggestion.label)
        if fitted is None:
            raise Refused("bad edges")
        start, end = fitted
        self._check_free(suggestion.label, start, end)
        written = [(sid, Span(start, end, suggestion.label, suggestion.speaker))]
        if suggestion.speaker is not None and self.actor_at(suggestion.speaker) is None:
            s_start, s_end = suggestion.speaker
            candidates = sorted(
                i
                for i in self.undecided
                if self.suggestions[i].label == ACTOR
                and (self.suggestions[i].start, self.suggestions[i].end) == (s_start, s_end)
            )
            try:
                if not candidates:
                    raise Refused("speaker suggestion was rejected")
                written += self._acceptance(candidates[0])
            except Refused:
                written[0] = (sid, Span(start, end, suggestion.label, None))
        return written

    def _accept_suggestion(self, sid: int) -> ItemKey:
        first = None
        for decided, span in self._acceptance(sid):
            self.undecided.discard(decided)
            span_id = self._new_span(span, decided)
            first = first or span_id
        return ("span", first)  # type: ignore[return-value]

    def _accept_corrected(self, sid: int, label: str, start: int, end: int) -> ItemKey:
        if sid not in self.undecided:
            raise Refused("already decided")
        suggestion = self.suggestions[sid]
        self._check_bounds(start, end, label)
        self._check_free(label, start, end)
        speaker = suggestion.speaker if label == QUOTE and self.actor_at(suggestion.speaker) is not None else None
        self.undecided.discard(sid)
        return ("span", self._new_span(Span(start, end, label, speaker), sid))

    def _reject_suggestion(self, sid: int) -> None:
        if sid not in self.undecided:
            raise Refused("already decided")
        self.undecided.discard(sid)

    def _add(self, start: int, end: int, label: str) -> ItemKey:
        self._check_bounds(start, end, label)
        self._check_free(label, start, end)
        return ("span", self._new_span(Span(start, end, label), None))

    def _unlink_quotes_of(self, actor: Span, moved_to: tuple[int, int] | None = None) -> None:
        for span_id, span in self.spans.items():
            if span.is_quote and span.speaker == (actor.start, actor.end):
                self.spans[span_id] = Span(span.start, span.end, span.label, moved_to)

    def _remove_span(self, span_id: int) -> None:
        span = self.spans.pop(span_id)
        if span.label == ACTOR:
            self._unlink_quotes_of(span)
        self.origin.pop(span_id)  # a removed suggestion counts as rejected: it stays decided

    def _relabel(self, span_id: int, label: str) -> ItemKey:
        span = self.spans[span_id]
        if span.label == label:
            raise Refused(f"it is already {label}")
        self._check_free(label, span.start, span.end, ignore=span_id)
        self.spans[span_id] = Span(span.start, span.end, label, span.speaker if label == QUOTE else None)
        if span.label == ACTOR:
            self._unlink_quotes_of(span)
        return ("span", span_id)

    def _resize(self, span_id: int, start: int, end: int) -> ItemKey:
        span = self.spans[span_id]
        self._check_bounds(start, end, span.label)
        self._check_free(span.label, start, end, ignore=span_id)
        self.spans[span_id] = Span(start, end, span.label, span.speaker)
        if span.label == ACTOR:
            self._unlink_quotes_of(span, moved_to=(start, end))
        return ("span", span_id)

    def _set_speaker(self, quote: int, target: object) -> ItemKey:
        """`Store.set_speaker`: no speaker, an ACTOR span, a pending ACTOR suggestion (accepted), new offsets."""
        span = self.spans[quote]
        speaker: tuple[int, int] | None
        if target == "none":
            speaker = None
        elif isinstance(target, tuple) and isinstance(target[0], int):
            start, end = target
            self._check_bounds(start, end, ACTOR)
            self._check_free(ACTOR, start, end)
            self.spans[quote] = Span(span.start, span.end, span.label, (start, end))
            self._new_span(Span(start, end, ACTOR), None)
            return ("span", quote)
        elif target[0] == "pending":  # type: ignore[index]
            written = self._acceptance(target[1])  # type: ignore[index]
            for decided, actor in written:
                self.undecided.discard(decided)
                self._new_span(actor, decided)
            speaker = (written[0][1].start, written[0][1].end)
        else:
            actor = self.spans[target[1]]  # type: ignore[index]
            speaker = (actor.start, actor.end)
        self.spans[quote] = Span(span.start, span.end, span.label, speaker)
        return ("span", quote)

    def _elsewhere(self, span_id: int) -> ItemKey:
        """`Store.add_elsewhere`."""
        span = self.spans[span_id]
        if span.is_quote:
            raise Refused("quote")
        added: list[tuple[int, int]] = []
        for start, end in phrases.occurrences(self.text, self.tokens, span.start, span.end):
            try:
                self._check_bounds(start, end, span.label)
                self._check_free(span.label, start, end)
            except Refused:
                continue
            if any(s < end and start < e for s, e in added):
                continue
            added.append((start, end))
        if not added:
            raise Refused("nowhere else")
        for start, end in added:
            self._new_span(Span(start, end, span.label), None)
        return ("span", span_id)

    def _accept_all(self) -> None:
        have = {span.key for span in self.spans.values()}
        pending = sorted(
            (s for s in self.undecided if self.suggestions[s].key not in have),
            key=lambda s: (self.suggestions[s].start, self.suggestions[s].end, s),
        )
        accepted = 0
        for sid in pending:
            if sid not in self.undecided:
                continue  # accepted above as the speaker of a quote
            try:
                written = self._acceptance(sid)
            except Refused:
                continue
            for decided, span in written:
                self.undecided.discard(decided)
                self._new_span(span, decided)
            accepted += len(written)
        if not accepted:
            raise Refused("no suggestion could be accepted")
