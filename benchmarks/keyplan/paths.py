"""Paths to a job (see `planner`, step 2): the navigation keys to each goal, and a job done by its cheapest way."""

from __future__ import annotations

from dataclasses import dataclass

from keyplan.items import NAVIGATION_KEYS, NavState, Span
from keyplan.recipes import Goal, Job, Recipe, complete_choice, recipes, satisfied
from keyplan.screen import Screen

LONGEST_PATH = 400  # navigation searches stop beyond this many keys
UNREACHED = 10**6
STATS = {"states": 0, "searches": 0}  # KEYPLAN_DEBUG=1: print each strategy's and order's cost


@dataclass(frozen=True, slots=True)
class Press:
    """One key of a plan, what it did, and where the model expects the cursor and the current item after it."""

    key: str
    kind: str
    cursor: int
    current: tuple[str, Span] | None


# -- paths to a job ---------------------------------------------------------------------------------------


@dataclass
class Step:
    """A job done: the screen after it and the keys it took."""

    screen: Screen
    presses: list[Press]


def _press_all(screen: Screen, keys: list[str], recipe: Recipe | None) -> list[Press] | None:
    """Press the keys on the screen model (None if one does nothing); a speaker choice they leave open (a
    quote just made) is answered at once."""
    presses = _pressed(screen, keys, recipe)
    if presses is not None and screen.choosing is not None:
        more = _pressed(screen, list(complete_choice(screen)), None)
        presses = None if more is None else presses + more
    return presses


def _pressed(screen: Screen, keys: list[str], recipe: Recipe | None) -> list[Press] | None:
    presses = []
    for index, key in enumerate(keys):
        last = index == len(keys) - 1
        if last and recipe is not None and recipe.selection is not None and screen.selection() != recipe.selection:
            return None
        kind = screen.press(key)
        if kind is None:
            return None
        item = screen.item(screen.current)
        current = (screen.current[0], item) if screen.current and item else None
        presses.append(Press(key, kind, screen.cursor, current))
    return presses


def _path(parent: dict[NavState, tuple[NavState, str | tuple[str, ...]] | None], state: NavState) -> list[str]:
    keys: list[str] = []
    link = parent[state]
    while link is not None:
        state, key = link
        keys.extend(reversed(key) if isinstance(key, tuple) else (key,))  # a two-key move: t and a character
        link = parent[state]
    return keys[::-1]


class Ways:
    """Every recipe of some jobs, tried cheapest first (navigation + keys) from the screen's state."""

    def __init__(self, screen: Screen, jobs: list[Job]) -> None:
        self.screen = screen
        self.candidates = [(job, recipe) for job in jobs for recipe in recipes(screen, job)]

    def best(self) -> tuple[Job, Step] | None:
        """The cheapest (job, step) whose keys the screen model accepts, or None."""
        candidates = list(self.candidates)
        while candidates:
            options, parent = self._options(candidates)
            failed = set()
            for _, _, job, recipe, state in sorted(options, key=lambda o: (o[0], o[1])):
                trial = self.screen.clone()
                presses = _press_all(trial, _path(parent, state) + list(recipe.keys), recipe)
                if presses is not None and (job.kind in ("accept all", "done") or satisfied(trial, job)):
                    return job, Step(trial, presses)
                failed.add(id(recipe))
            if not failed:
                return None
            candidates = [(job, recipe) for job, recipe in candidates if id(recipe) not in failed]
        return None

    def _options(self, candidates: list[tuple[Job, Recipe]]):
        """(cost, tie-break, job, recipe, state reaching its goal) for each recipe found, by a breadth-first search
        over navigation states that stops once nothing cheaper than the best found can follow."""
        screen = self.screen
        start = screen.nav_state
        keys_after = {}
        for _, recipe in candidates:
            if recipe.goal is not None:
                keys_after[recipe.goal] = min(keys_after.get(recipe.goal, 10**9), len(recipe.keys))
        by_item, by_token = {}, {}
        for goal in keys_after:
            for kind, where in goal.index(screen):
                (by_item if kind == "item" else by_token).setdefault(where, []).append(goal)
        open_goals = set(keys_after)
        shortest = min(len(r.keys) for _, r in candidates)
        bound = min((len(r.keys) for _, r in candidates if r.goal is None), default=10**9)
        reached: dict[Goal, tuple[int, NavState]] = {}
        parent: dict[NavState, tuple[NavState, str] | None] = {start: None}
        layer, depth, jumps = [start], 0, Jumps()
        while layer and open_goals and depth + shortest <= bound and depth <= LONGEST_PATH:
            for state in layer:
                for goal in by_item.get(state[1], []) + by_token.get(state[0], []):
                    if goal in open_goals and goal.reached(state, screen):
                        reached[goal] = (depth, state)
                        open_goals.discard(goal)
                        bound = min(bound, depth + keys_after[goal])
            following = _expand(screen, layer, parent, jumps)
            layer, depth = following, depth + 1
            STATS["states"] += len(following)
        STATS["searches"] += 1
        options = []
        for job, recipe in candidates:
            if recipe.goal is None:
                options.append((len(recipe.keys), _rank(job, screen), job, recipe, start))
            elif recipe.goal in reached:
                distance, state = reached[recipe.goal]
                options.append((distance + len(recipe.keys), _rank(job, screen), job, recipe, state))
        return options, parent


def _rank(job: Job, screen: Screen) -> tuple[int, str]:
    """Among equally cheap jobs: the nearest to the cursor first."""
    offset = screen.tokens[screen.cursor][0] if screen.tokens else 0
    return (abs(_position(job, screen) - offset), job.kind)


def _position(job: Job, screen: Screen) -> int:
    """Where in the text a job is: its gold span, or the item it acts on."""
    if job.gold is not None:
        return job.gold.start
    item = screen.items.get(job.source) if job.source else None
    return item.start if item else 0


def do(screen: Screen, job: Job) -> Step | None:
    """The cheapest way to do one job now, or None when it cannot be done from this state. Remembered by the
    state's signature (the same state, the same way: its keys are pressed again on this screen)."""
    known: dict = screen.cache.setdefault("ways", {})  # type: ignore[assignment]
    key = (screen.signature(), job)
    if key in known:
        keys = known[key]
        if keys is None:
            return None
        trial = screen.clone()
        presses = _pressed(trial, list(keys), None)
        if presses is not None:
            return Step(trial, presses)
    found = Ways(screen, [job]).best()
    known[key] = tuple(p.key for p in found[1].presses) if found else None
    return found[1] if found else None


class Jumps:
    """The two-key moves (t or T and a character) found from one layer, to join the layer after the next."""

    def __init__(self) -> None:
        self.waiting: list[tuple[NavState, tuple[NavState, tuple[str, str]]]] = []


def _expand(screen: Screen, layer: list[NavState], parent: dict, jumps: Jumps | None = None) -> list[NavState]:
    """The states one navigation key away from `layer` not seen yet (recorded in `parent`): the keys whose target
    token depends on the cursor alone are looked up in arrays, the others asked of the screen. With `jumps`, the
    states two keys (t or T and a character) away from the layer before `layer` join too, and those two keys
    away from `layer` wait for the next call."""
    following = []
    static = list(screen.static_moves.items())
    marked = list(screen.marked_moves.items())
    dynamic = [key for key in NAVIGATION_KEYS if key not in screen.static_moves and key not in screen.marked_moves]
    entity_at, quote_at, navigate = screen.entity_at, screen.quote_at, screen.navigate
    for state in layer:
        cursor = state[0]
        for key, moves in static:
            token = moves[cursor]
            target = (token, entity_at[token] or quote_at[token], None)
            if target not in parent:
                parent[target] = (state, key)
                following.append(target)
        for key, moves in marked:
            token = moves[cursor]
            target = (token, entity_at[token], None)  # never the quote around a stop (`Screen.navigate`)
            if token != cursor and target not in parent:  # none that way: the key does nothing
                parent[target] = (state, key)
                following.append(target)
        for key in dynamic:
            target = navigate(state, key)
            if target is not None and target not in parent:
                parent[target] = (state, key)
                following.append(target)
    if jumps is not None:
        for target, link in jumps.waiting:
            if target not in parent:
                parent[target] = link
                following.append(target)
        every = screen.jumps
        jumps.waiting = [
            ((token, entity_at[token] or quote_at[token], None), (state, keys))
            for state in layer
            for token, keys in every[state[0]]
        ]
    return following
