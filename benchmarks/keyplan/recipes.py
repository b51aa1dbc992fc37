"""Which keys do each kind of work with the default keymap, and where the cursor must be first.

The planner speaks of jobs ("make this gold span from that suggestion", "add this gold span", "remove that
span", "link this quote's speaker", "accept all", "done"); `recipes(screen, job)` answers with the ways of
doing one job now: a navigation goal (an item current, the cursor on one of some tokens, or on a quote) and
the keys to press once there. The planner finds the shortest path to each goal and picks the cheapest way
that the screen model accepts. Like `screen`, this module changes with the keymap.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator import phrases, quotations
from annotator.edges import EdgeRefused, move_edge
from annotator.figure_labels import label_misfit
from annotator.spans import fit
from keyplan.items import ACTOR, LABEL_KEYS, QUOTE, ItemKey, NavState, Span
from keyplan.screen import Screen

EDGE_KEYS = {("start", -1): "left_square_bracket", ("start", 1): "right_square_bracket",
             ("end", -1): "left_curly_bracket", ("end", 1): "right_curly_bracket"}  # fmt: skip
NEAR = 3  # how far from a gold span's tokens a phrase selection may start
MOST_EDGE_MOVES = 3  # selection edge moves tried after a phrase selection


@dataclass(frozen=True, slots=True)
class Job:
    """One piece of work towards the gold, in the planner's terms.

    kind: "make" (gold span `gold` from the suggestion or span `source`, or added when `source` is None),
    "remove" (span `source`), "reject" (suggestion `source`), "speaker" (link gold quote `gold` to its gold
    speaker, or clear it), "accept all", "done".
    """

    kind: str
    gold: Span | None = None
    source: ItemKey | None = None


@dataclass(frozen=True, slots=True)
class Goal:
    """Where the cursor must be before a recipe's keys: `item` current; or the cursor on one of `tokens`
    (`bare`: with no item of the layer `for_quote` says current, so that a digit adds a span there: an entity's
    digit inside a quote adds an entity, as `AnnotateScreen.action_label` does); or `quote` the one `s` acts on
    (current, or the quote under the cursor when no other quote is current)."""

    item: ItemKey | None = None
    tokens: frozenset[int] = frozenset()
    bare: bool = False
    quote: ItemKey | None = None
    for_quote: bool = False

    def reached(self, state: NavState, screen: Screen) -> bool:
        cursor, current, _ = state
        if self.item is not None:
            return current == self.item
        if self.quote is not None:
            if current == self.quote:
                return True
            if current is not None and current in screen.items and screen.items[current].is_quote:
                return False
            return screen.quote_at[cursor] == self.quote
        if cursor not in self.tokens:
            return False
        return current is None or not self.bare or screen.items[current].is_quote != self.for_quote

    def index(self, screen: Screen) -> list[tuple[str, object]]:
        """Where the planner's search looks for this goal: ("item", key) and ("token", index) entries."""
        if self.item is not None:
            return [("item", self.item)]
        if self.quote is not None:
            item = screen.items.get(self.quote)
            if item is None:
                return []
            first, last = screen.token_index(item.start), screen.token_index(item.end - 1)
            return [("item", self.quote), *(("token", t) for t in range(first, last + 1))]
        return [("token", t) for t in self.tokens]


@dataclass(frozen=True, slots=True)
class Recipe:
    goal: Goal | None  # None: wherever the cursor is
    keys: tuple[str, ...]
    selection: tuple[int, int] | None = None  # what must be selected before the last key


def satisfied(screen: Screen, job: Job) -> bool:
    """Whether the job's outcome already holds (a side effect of earlier work may have done it)."""
    if job.kind == "make":
        assert job.gold is not None
        return screen.span_id(job.gold.key) is not None
    if job.kind == "remove":
        assert job.source is not None
        return job.source[1] not in screen.spans
    if job.kind == "reject":
        assert job.source is not None
        return job.source[1] not in screen.undecided
    if job.kind == "speaker":
        assert job.gold is not None
        quote = screen.span_id(job.gold.key)
        return quote is not None and screen.spans[quote].speaker == job.gold.speaker
    return False


def recipes(screen: Screen, job: Job) -> list[Recipe]:
    """The ways of doing `job` from the present state (empty when it cannot be done yet)."""
    if job.kind == "accept all":
        return [Recipe(None, ("A",))]
    if job.kind == "done":
        return [Recipe(None, ("d", "l")), Recipe(None, ("d", "a"))] if screen.asks_on_done else [Recipe(None, ("d",))]
    if job.kind in ("remove", "reject"):
        assert job.source is not None
        return [Recipe(Goal(item=job.source), ("x",))] if job.source in screen.items else []
    if job.kind == "speaker":
        return _speaker(screen, job)
    assert job.gold is not None
    if job.source is None:
        return _add(screen, job.gold)
    return _make_from(screen, job.gold, job.source)


def edge_keys(screen: Screen, start: int, end: int, label: str, gold: Span) -> tuple[str, ...] | None:
    """[ ] { } presses that move a span's edges onto `gold`'s by the span rules (each press skips to the next
    allowed token): shrinking first, so that each step stays inside the span or the gold and runs into no
    neighbour; None when the rules do not lead there."""
    keys: list[str] = []
    for side, step, done in (
        ("start", 1, lambda s, e: s >= gold.start),
        ("end", -1, lambda s, e: e <= gold.end),
        ("start", -1, lambda s, e: s <= gold.start),
        ("end", 1, lambda s, e: e >= gold.end),
    ):
        while not done(start, end):
            try:
                start, end = move_edge(screen.text, screen.tokens, start, end, label, side, step)
            except EdgeRefused:
                return None
            keys.append(EDGE_KEYS[(side, step)])
            if len(keys) > 40:
                return None
    return tuple(keys) if (start, end) == (gold.start, gold.end) else None


def _make_from(screen: Screen, gold: Span, source: ItemKey) -> list[Recipe]:
    item = screen.items.get(source)
    if item is None:
        return []
    goal = Goal(item=source)
    digit = LABEL_KEYS[gold.label]
    if source[0] == "pending":
        if item.key == gold.key:
            return [Recipe(goal, ("enter",))]
        edges = edge_keys(screen, item.start, item.end, item.label, gold)
        if (item.start, item.end) == (gold.start, gold.end):
            return [Recipe(goal, (digit,))]  # accepted with that label; the cursor moves on
        if edges is None:
            return []
        relabel = (digit,) if item.label != gold.label else ()
        ways = [Recipe(goal, (*edges, *relabel))]  # the first edge key accepts it; the span stays current
        if item.is_quote and item.speaker is not None:
            ways.append(Recipe(goal, ("s", "escape", *edges, *relabel)))  # accepted with its suggested speaker
        return ways
    ways = []
    relabel = (digit,) if item.label != gold.label else ()
    before = edge_keys(screen, item.start, item.end, item.label, gold)
    if before is not None:
        ways.append(Recipe(goal, (*before, *relabel)))
    after = edge_keys(screen, item.start, item.end, gold.label, gold)
    if after is not None and relabel:
        ways.append(Recipe(goal, (*relabel, *after)))
    return ways


def _selection_ways(screen: Screen, gold: Span) -> list[Recipe]:
    """Select the gold span's tokens (a phrase or quotation key, edge moves, shift+arrows), then its digit."""
    digit = LABEL_KEYS[gold.label]
    first, last = screen.token_index(gold.start), screen.token_index(gold.end - 1)
    selection = (gold.start, gold.end)
    found: dict[tuple[str, ...], set[int]] = {}
    text, tokens = screen.text, screen.tokens
    for origin in range(max(first - NEAR, 0), min(last + NEAR, len(tokens) - 1) + 1):
        chosen: tuple[int, int] | None = None
        for presses in range(1, 5):
            grown = phrases.grow(text, tokens, (chosen[0], chosen[1]) if chosen else None, origin)
            if grown is None:
                break
            chosen = grown
            low, high = chosen
            moves = abs(low - first) + abs(high - last)
            if moves <= MOST_EDGE_MOVES:
                edges = ("left_square_bracket" if first < low else "right_square_bracket",) * abs(low - first)
                edges += ("left_curly_bracket" if last < high else "right_curly_bracket",) * abs(high - last)
                found.setdefault(("v",) * presses + edges + (digit,), set()).add(origin)
    if gold.label == QUOTE:
        start, _end = quotations.paragraph_around(text, gold.start)
        for origin in range(screen.token_index(start), last + 1):
            if phrases.quotation(text, tokens, origin) == (first, last):
                found.setdefault(("quotation_mark", digit), set()).add(origin)
    ways = [Recipe(Goal(tokens=frozenset(origins)), keys, selection) for keys, origins in found.items()]
    width = last - first
    if width:
        ways.append(Recipe(Goal(tokens=frozenset({first})), ("shift+right",) * width + (digit,), selection))
        ways.append(Recipe(Goal(tokens=frozenset({last})), ("shift+left",) * width + (digit,), selection))
    else:
        for keys in (("shift+right", "shift+left"), ("shift+left", "shift+right")):
            ways.append(Recipe(Goal(tokens=frozenset({first})), (*keys, digit), selection))
    return ways


def _add(screen: Screen, gold: Span) -> list[Recipe]:
    key = ("add ways", gold.key)
    if key not in screen.cache:  # they depend on the text alone
        screen.cache[key] = _selection_ways(screen, gold)
    ways = _bare_ways(screen, gold) + list(screen.cache[key])  # type: ignore[call-overload]
    if gold.label != QUOTE:  # the same words marked elsewhere already: * marks them here too
        words = screen.text[gold.start : gold.end]
        ways += [
            Recipe(Goal(item=("span", span_id)), ("asterisk",))
            for span_id, span in screen.spans.items()
            if span.label == gold.label
            and span.end - span.start == len(words)
            and screen.text[span.start : span.end] == words
        ]
    return ways


def _bare_ways(screen: Screen, gold: Span) -> list[Recipe]:
    """With nothing of its layer under the cursor, the digit alone adds the phrase (a QUOTE: the quotation) there,
    unless the phrase cannot have the label (`label_misfit`: a number alone for an ACTOR, no number for a FIGURE).
    A common noun's group stops at what an entity marks, so the ways depend on the marks in reach of the
    phrases tried (remembered by them)."""
    first, last = screen.token_index(gold.start), screen.token_index(gold.end - 1)
    low = first if gold.label != QUOTE else screen.token_index(quotations.paragraph_around(screen.text, gold.start)[0])
    origins = range(max(low - NEAR, 0), min(last + NEAR, len(screen.tokens) - 1) + 1)
    reach_key = ("bare reach", gold.key)
    if reach_key not in screen.cache:  # the tokens whose marks can change what the digit adds: the text's alone
        found_ranges = (phrases.at_cursor(screen.text, screen.tokens, origin, gold.label) for origin in origins)
        ranges = [r for r in found_ranges if r is not None]  # a QUOTE key adds nothing where no quotation is
        screen.cache[reach_key] = (min([low, *(r[0] for r in ranges)]), max([last, *(r[1] for r in ranges)]) + 1)
    reach_low, reach_high = screen.cache[reach_key]  # type: ignore[misc]
    key = ("bare ways", gold.key, tuple(screen.covered[reach_low:reach_high]))
    if key not in screen.cache:
        covered = screen.covered.__getitem__
        found = frozenset(
            origin
            for origin in origins
            if phrases.at_cursor(screen.text, screen.tokens, origin, gold.label, covered) == (first, last)
            and (
                gold.label == QUOTE
                or label_misfit(screen.text, screen.tokens, origin, gold.label, (first, last)) is None
            )
        )
        goal = Goal(tokens=found, bare=True, for_quote=gold.label == QUOTE)
        screen.cache[key] = [Recipe(goal, (LABEL_KEYS[gold.label],))] if found else []
    return list(screen.cache[key])  # type: ignore[call-overload]


def _speaker_moves(candidates: list[ItemKey], index: int, target: int) -> tuple[str, ...]:
    forward, backward = (target - index) % len(candidates), (index - target) % len(candidates)
    return ("tab",) * forward if forward <= backward else ("shift+tab",) * backward


def _speaker_target(screen: Screen, candidates: list[ItemKey], speaker: tuple[int, int]) -> int | None:
    """The candidate that becomes this speaker: an ACTOR span there, or a suggestion accepted there."""
    for index, key in enumerate(candidates):
        item = screen.items[key]
        if key[0] == "span" and (item.start, item.end) == speaker:
            return index
        if key[0] == "pending" and fit(screen.text, item.start, item.end, ACTOR) == speaker:
            return index
    return None


def _speaker(screen: Screen, job: Job) -> list[Recipe]:
    gold = job.gold
    assert gold is not None
    quote_id = screen.span_id(gold.key)
    if quote_id is not None:
        key: ItemKey = ("span", quote_id)
        trial = screen
    else:  # a pending quote with the gold's offsets: s accepts it and asks for the speaker at once
        pending = [k for k, item in screen.items.items() if k[0] == "pending" and item.key == gold.key]
        if not pending:
            return []
        key = pending[0]
        trial = screen.clone()
        trial.current = key
        if trial.press("s") is None or trial.choosing is None:
            return []
    if quote_id is not None:
        span = screen.spans[quote_id]
        candidates = screen.speaker_candidates(span)
        index = next(
            (i for i, a in enumerate(candidates) if (screen.items[a].start, screen.items[a].end) == span.speaker), 0
        )
    else:
        assert trial.choosing is not None
        candidates, index = trial.choosing.candidates, trial.choosing.index
        if trial.spans[trial.choosing.quote].speaker == gold.speaker:
            return [Recipe(Goal(quote=key), ("s", "escape"))]
    goal = Goal(quote=key)
    if gold.speaker is None:
        return [Recipe(goal, ("s", "x"))]
    quote = trial.items[("span", trial.choosing.quote)] if quote_id is None else screen.spans[quote_id]  # type: ignore[union-attr]
    start = trial.token_index(quote.start)
    target = _speaker_target(trial, candidates, gold.speaker)
    ways = []
    if target is not None:
        ways.append(Recipe(goal, ("s", *_speaker_moves(candidates, index, target), "enter")))
        actor = candidates[target]
        path = trial.static_path(start, lambda t: trial.item_at(t) == actor)
        if path:
            ways.append(Recipe(goal, ("s", *path, "enter")))
        return ways
    first, last = trial.token_index(gold.speaker[0]), trial.token_index(gold.speaker[1] - 1)

    def new_actor_here(token: int) -> bool:
        under = trial.item_at(token)
        if under is not None and not trial.items[under].is_quote:
            return False
        return phrases.at_cursor(trial.text, trial.tokens, token, "ACTOR", trial.covered.__getitem__) == (first, last)

    path = trial.static_path(start, new_actor_here)
    if path is not None:
        ways.append(Recipe(goal, ("s", *path, "1")))
    return ways


def complete_choice(screen: Screen) -> tuple[str, ...]:
    """The speaker choice is open (a quote just made asks for its speaker): the fewest keys that answer it with
    the gold speaker (`screen.gold_speakers`), tried on copies of the screen; escape when none does."""
    choice = screen.choosing
    assert choice is not None
    quote = screen.spans[choice.quote]
    wanted = screen.gold_speakers.get(quote.key, "unknown")
    if wanted == "unknown":
        return ("escape",)
    if wanted is None:
        return ("x",)
    candidates = choice.candidates
    ways: list[tuple[str, ...]] = []
    target = _speaker_target(screen, candidates, wanted)
    start = screen.cursor
    if target is not None:
        ways.append((*_speaker_moves(candidates, choice.index, target), "enter") if choice.candidate in candidates
                    or choice.candidate is None else ("tab",) * 0 + ("enter",))  # fmt: skip
        actor = candidates[target]
        path = screen.static_path(start, lambda t: screen.item_at(t) == actor)
        if path is not None:
            ways.append((*path, "enter"))
    else:
        first, last = screen.token_index(wanted[0]), screen.token_index(wanted[1] - 1)

        def new_actor_here(token: int) -> bool:
            under = screen.item_at(token)
            if under is not None and not screen.items[under].is_quote:
                return False
            return phrases.at_cursor(screen.text, screen.tokens, token, "ACTOR", screen.covered.__getitem__) == (
                first,
                last,
            )

        path = screen.static_path(start, new_actor_here)
        if path is not None:
            ways.append((*path, "1"))
    for keys in sorted(ways, key=len):
        trial = screen.clone()
        if all(trial.press(key) is not None for key in keys) and trial.choosing is None:
            span = trial.span_id(quote.key)
            if span is not None and trial.spans[span].speaker == wanted:
                return keys
    return ("escape",)
