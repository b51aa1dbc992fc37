"""A model of the annotate screen and its default keymap, for planning key sequences without Textual or SQLite.

`Screen.press(key)` does what the key does in `annotator/tui/screens/` (article.py, annotate.py, speaker.py,
prompts.py) with the default keymap and auto-advance on: it moves the token cursor, the selection and the
current item, opens and answers the speaker choice and the done question, and makes the edit, refused or
not, by the rules of `annotator/store/` (edits.py, deciding.py) and `annotator/spans.py` (span edges and line
breaks, no overlap within a layer, a suggestion's edges trimmed when it is accepted, a quote's suggested speaker
accepted along with it, quotes following a resized ACTOR, a suggestion a new span covers rejected as replaced,
...). The tab order, the item under the cursor and the line moves follow `annotator/tui/model.py` and the
article's wrapped `Layout`; word and paragraph jumps, phrase and quotation selections, the jumps to unmarked
words (w, W) and to a word by its first character (t, T: two keys) and edge moves call the same core functions
the screen calls (`annotator.motion`, `annotator.phrases`, `annotator.spans`).

The replay of every plan through Pilot checks this model against the real app, key by key.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from annotator import motion, stops
from annotator.tui.layout import Layout
from keyplan.items import (
    ACTOR,
    CANDIDATE_KEYS,
    FORWARDED,
    JUMP_KEYS,
    JUMP_REACH,
    LAST_KEY,
    ItemKey,
    NavState,
    Refused,
    Span,
    SpeakerChoice,
    _order,
    _rank,
)
from keyplan.keys import Keys
from keyplan.rules import StoreRules


class Screen(Keys, StoreRules):
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
        self.replaced: set[int] = set()  # rejected as replaced by a span over them, not by hand
        self.spans: dict[int, Span] = {}
        self.origin: dict[int, int | None] = {}  # span id -> the suggestion it was accepted from
        self.next_id = 1
        self.status = "todo"
        self.anchor: int | None = None
        self.phrase_origin: int | None = None
        self.column: int | None = None
        self.choosing: SpeakerChoice | None = None
        self.asking_done = False
        self.jumping: int | None = None  # t or T pressed: the next key is a character
        self.just_added: tuple[ItemKey, int] | None = None  # `CursorScreen.just_added`: (span, token moved on to)
        self.speaker_check: tuple[ItemKey, ItemKey] | None = None  # `CursorScreen.speaker_check`: (speaker, quote)
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
        self._line_targets: dict[tuple[int, int, int], int] = {}
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
        self.jumps = self._jumps()

    def _jumps(self) -> list[list[tuple[int, tuple[str, str]]]]:
        """Per token, where t or T and a character lead (`motion.next_starting`) within `JUMP_REACH` tokens:
        (target token, (key, character)), for each ASCII letter or digit some word there starts with."""
        text, tokens = self.text, self.tokens
        first = [
            char if motion.is_word(text, token) and len(char := text[token[0]].casefold()) == 1 and char.isascii()
            and char.isalnum() else None
            for token in tokens
        ]  # fmt: skip
        found: list[list[tuple[int, tuple[str, str]]]] = []
        for index in range(len(tokens)):
            here: list[tuple[int, tuple[str, str]]] = []
            for key, step in JUMP_KEYS.items():
                seen: set[str] = set()
                for target in range(index + step, index + step * (JUMP_REACH + 1), step):
                    if not 0 <= target < len(tokens):
                        break
                    char = first[target]
                    if char is not None and char not in seen:  # the first word that way starting with it
                        seen.add(char)
                        here.append((target, (key, char)))
            found.append(here)
        return found

    def clone(self) -> Screen:
        other = Screen.__new__(Screen)
        for name in ("text", "tokens", "token_starts", "starts_set", "token_ends", "layout", "height", "suggestions",
                     "next_id", "status", "line_of", "column_of", "word_next", "word_previous", "paragraph_next",
                     "paragraph_previous", "line_start", "line_end", "_line_targets", "static_moves", "cursor", "anchor", "current",
                     "phrase_origin", "column", "asking_done", "cache", "made", "gold_speakers", "jumps",
                     "jumping", "just_added", "speaker_check"):  # fmt: skip
            setattr(other, name, getattr(self, name))
        other.undecided = set(self.undecided)
        other.replaced = set(self.replaced)
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
        for name in (
            "items",
            "order",
            "position",
            "entity_at",
            "quote_at",
            "pending_count",
            "asks_on_done",
            "needing",
            "moves",
            "marked_moves",
            "covered",
            "candidates",
            "next_candidate",
        ):
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
        # `EditingScreen`: d asks while suggestions are pending or a quote has no speaker (since stop 42)
        self.asks_on_done = bool(self.pending_count) or any(
            s.is_quote and s.speaker is None for s in self.spans.values()
        )
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
        # Tokens an entity span covers: a label key's noun group stops at them (`phrases.noun_group`).
        self.covered = [False] * len(self.tokens)
        for span in self.spans.values():
            if not span.is_quote:
                for t in range(self.token_index(span.start), len(self.tokens)):
                    if self.tokens[t][0] >= span.end:
                        break
                    if self.tokens[t][1] > span.start:
                        self.covered[t] = True
        self.marked_moves = self._marked_moves(items)

    def _marked_moves(self, items: dict[ItemKey, Span]) -> dict[str, list[int]]:
        """Where w and W lead from each token (`stops.next_unmarked`): words no entity item covers, as
        `ArticleModel.marked` reads them (any overlap with the token's characters)."""
        covered = [False] * len(self.tokens)
        for item in items.values():
            if item.is_quote:
                continue
            first = max(bisect_right(self.token_starts, item.start) - 1, 0)
            for t in range(first, len(self.tokens)):
                start, end = self.tokens[t]
                if start >= item.end:
                    break
                if end > item.start:
                    covered[t] = True
        words = [stops.is_unmarked_word(self.text, self.tokens, t, covered.__getitem__) for t in range(len(covered))]
        moves = dict(zip(("w", "W"), _both_ways(words), strict=True))
        # `stops.is_candidate`: the stops of w that are names or numbers (; and :, and where a label key that
        # adds a phrase goes on to the next one: `AnnotateScreen._next_candidate`)
        self.candidates = [
            stop and stops.is_candidate(self.text, self.tokens, t, covered.__getitem__) for t, stop in enumerate(words)
        ]
        self.next_candidate = _both_ways(self.candidates)[0]
        if CANDIDATE_KEYS:
            moves.update(zip(CANDIDATE_KEYS, _both_ways(self.candidates), strict=True))
        return moves

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
            frozenset(self.replaced),
            self.cursor,
            self.anchor,
            (self.current[0], current) if self.current and current else None,
            self.column,
            self.status,
            self.jumping,
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
        found = self._line_targets.get((line, step, column))
        if found is None:  # `CursorScreen._to_line`: over lines no token starts on
            found = self.layout.token_toward(self.token_starts, line, column, line + step)
            self._line_targets[(line, step, column)] = found
        return found

    def navigate(self, state: NavState, key: str) -> NavState | None:
        """Where a navigation key leads from (cursor, current, column) with no selection and nothing asked."""
        static = self.static_moves.get(key)
        if static is not None:
            token = static[state[0]]
            return (token, self.entity_at[token] or self.quote_at[token], None)
        marked = self.marked_moves.get(key)
        if marked is not None:  # no unmarked word that way: the screen says so and stays
            token = marked[state[0]]  # never the quote around the stop current (`CursorScreen._to_unmarked`)
            return None if token == state[0] else (token, self.entity_at[token], None)
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
        if key == "comma" and self.just_added is not None and self.just_added[1] == cursor:
            added = self.just_added[0]  # `CursorScreen.added_behind`: back to the span a label key just added
            if added in self.items:
                return (self.token_index(self.items[added].start), added, None)
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
        if key == "number_sign":  # `CursorScreen.action_occurrence`
            item = self.item(current)
            words = (item.start, item.end) if item is not None and not item.is_quote else None
            found, _ = motion.occurrence_from(self.text, self.tokens, words, cursor, 1)
            return None if found is None else (found, self.item_at(found), None)
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
                for key in sorted(FORWARDED - {"shift+left", "shift+right", "v"}):
                    static = self.static_moves.get(key) or self.marked_moves.get(key)
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


def _both_ways(stops: list[bool]) -> tuple[list[int], list[int]]:
    """Per token, the next and the previous token where `stops` holds (the token itself when there is none)."""
    following, preceding = list(range(len(stops))), list(range(len(stops)))
    last = None
    for t in range(len(stops) - 1, -1, -1):
        if last is not None:
            following[t] = last
        if stops[t]:
            last = t
    last = None
    for t in range(len(stops)):
        if last is not None:
            preceding[t] = last
        if stops[t]:
            last = t
    return following, preceding
