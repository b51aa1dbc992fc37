"""The search for the fewest keys that turn one article's suggestions into exactly its gold.

What is searched (nothing here knows which key does what: that is `screen` and `recipes`):

1. **Work.** `derive` compares the screen with the gold. Each gold span that is missing is made from a
   suggestion or a wrong span that overlaps it on its layer (relabel, move its boundaries), or added afresh;
   which source serves which gold span is an exact minimum-cost assignment per group of overlapping spans
   (cost: the keys of the change, plus a navigation allowance per job). Wrong spans that serve no gold span
   are removed; wrong suggestions are left pending (or rejected, with `reject_leftovers`). Every gold quote
   gets a speaker job (link, or clear); a job whose outcome already holds costs nothing.
2. **Ways and paths.** A job is done by one of its recipes: keys pressed once a navigation goal is reached (an
   item current, the cursor on a token). A breadth-first search over the navigation keys finds the shortest
   path to each goal; the recipe is then run on a copy of the screen model, which must accept every key.
3. **Order.** Per strategy ("one by one"; "accept all first", then fix; and, when accept all would leave gold
   suggestions pending behind wrong ones overlapping them, "reject, accept all") the jobs are ordered four
   ways: greedy (always the cheapest job from where the cursor is, re-deriving the work after each, so side
   effects such as a quote's speaker accepted along with it are used); as a travelling-salesman path over the
   job-to-job costs (`tour`); in reading order; in reverse reading order. A speaker job follows the jobs that
   make its quote and its ACTOR. The cheapest is improved by local search on the exact model (move a job up
   to `WINDOW` places, reverse a stretch) until no move improves or the evaluations are spent; a job that
   cannot be done yet at its place waits until it can. The cheapest plan over the strategies wins; it ends
   with the done key. The search is deterministic: the same input always gives the same plan.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from dataclasses import dataclass, field

from keyplan.recipes import Goal, Job, Recipe, complete_choice, recipes, satisfied
from keyplan.screen import NAVIGATION_KEYS, ItemKey, NavState, Screen, Span
from keyplan.tour import shortest_path

NAVIGATION_ALLOWANCE = 2  # keys assumed to reach a job, when choosing which source makes which gold span
LONGEST_PATH = 400  # navigation searches stop beyond this many keys
UNREACHED = 10**6
TOUR_KICKS = 60  # perturbations of the travelling-salesman path (scaled by `effort`)
EVALUATIONS = 3000  # orders tried by the local search on the exact model (scaled by `effort`)
WINDOW = 8  # how far the local search moves a job
ASSIGNMENT_NODES = 100_000  # the exhaustive source assignment keeps its best so far beyond this many steps
DEBUG = bool(os.environ.get("KEYPLAN_DEBUG"))
STATS = {"states": 0, "searches": 0}  # KEYPLAN_DEBUG=1: print each strategy's and order's cost


@dataclass(frozen=True, slots=True)
class Press:
    """One key of a plan, what it did, and where the model expects the cursor and the current item after it."""

    key: str
    kind: str
    cursor: int
    current: tuple[str, Span] | None


@dataclass
class ArticlePlan:
    presses: list[Press]
    strategy: str
    target: list[Span]  # the gold this plan reaches: all of it but the unreachable
    unreachable: list[tuple[Span, str]] = field(default_factory=list)
    left_pending: int = 0
    seconds: float = 0.0


# -- the work ---------------------------------------------------------------------------------------------


def _change_cost(screen: Screen, source: ItemKey, item: Span, gold: Span) -> int:
    """Keys that turn `item` into `gold` once it is current (see `recipes._make_from`); large when they cannot."""
    ways = recipes(screen, Job("make", gold, source))
    return min((len(r.keys) for r in ways), default=UNREACHED)


def _add_cost(screen: Screen, gold: Span) -> int:
    """Keys that add `gold` once the cursor is where they start (see `recipes._add`)."""
    return min((len(r.keys) for r in recipes(screen, Job("make", gold))), default=UNREACHED)


def derive(screen: Screen, gold: list[Span], reject_leftovers: bool = False) -> list[Job]:
    """The jobs that remain between the screen and the gold (see the module's docstring)."""
    gold_keys = {g.key for g in gold}
    present = {span.key for span in screen.spans.values()}
    missing = [g for g in gold if g.key not in present]
    sources: dict[ItemKey, Span] = {
        key: item
        for key, item in screen.items.items()
        if (key[0] == "span" and item.key not in gold_keys) or key[0] == "pending"
    }
    options = {
        g: [k for k, item in sources.items() if item.is_quote == g.is_quote and item.overlaps(g.start, g.end)]
        for g in missing
    }
    jobs: list[Job] = []
    used: set[ItemKey] = set()
    for golds, keys in _groups(options):
        choice = _assign(screen, golds, keys, sources, options, reject_leftovers)
        for g, source in zip(golds, choice, strict=True):
            jobs.append(Job("make", g, source))
            if source is not None:
                used.add(source)
    for key, item in sources.items():
        if key in used:
            continue
        if key[0] == "span":
            jobs.append(Job("remove", None, key))
        elif reject_leftovers and item.key not in gold_keys:
            jobs.append(Job("reject", None, key))
    jobs += [Job("speaker", g) for g in gold if g.is_quote]
    return [job for job in jobs if not satisfied(screen, job)]


def _groups(options: dict[Span, list[ItemKey]]) -> list[tuple[list[Span], set[ItemKey]]]:
    """Gold spans that compete for sources, with those sources (connected components)."""
    groups: list[tuple[list[Span], set[ItemKey]]] = []
    for g, keys in options.items():
        joined = [grp for grp in groups if grp[1] & set(keys)]
        merged = ([g], set(keys))
        for grp in joined:
            merged[0].extend(grp[0])
            merged[1].update(grp[1])
            groups.remove(grp)
        groups.append(merged)
    return groups


def _assign(
    screen: Screen,
    golds: list[Span],
    keys: set[ItemKey],
    sources: dict[ItemKey, Span],
    options: dict[Span, list[ItemKey]],
    reject_leftovers: bool,
) -> list[ItemKey | None]:
    """The cheapest choice of source (or None: add it) for each gold span of one group; exhaustive."""

    def unused_cost(key: ItemKey) -> int:
        if key[0] == "span":
            return NAVIGATION_ALLOWANCE + 1
        return NAVIGATION_ALLOWANCE + 1 if reject_leftovers else 0

    best: tuple[int, list[ItemKey | None]] = (10**9, [])
    steps = 0

    def search(index: int, taken: set[ItemKey], cost: int, chosen: list[ItemKey | None]) -> None:
        nonlocal best, steps
        steps += 1
        if cost >= best[0] or (steps > ASSIGNMENT_NODES and best[1]):
            return
        if index == len(golds):
            total = cost + sum(unused_cost(k) for k in keys - taken)
            if total < best[0]:
                best = (total, list(chosen))
            return
        g = golds[index]
        ways: list[tuple[int, ItemKey | None]] = [(NAVIGATION_ALLOWANCE + _add_cost(screen, g), None)]
        ways += [
            (NAVIGATION_ALLOWANCE + _change_cost(screen, k, sources[k], g), k) for k in options[g] if k not in taken
        ]
        for way_cost, key in sorted(ways, key=lambda w: w[0]):
            search(index + 1, taken | ({key} if key else set()), cost + way_cost, [*chosen, key])

    search(0, set(), 0, [])
    return best[1]


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


def _path(parent: dict[NavState, tuple[NavState, str] | None], state: NavState) -> list[str]:
    keys: list[str] = []
    link = parent[state]
    while link is not None:
        state, key = link
        keys.append(key)
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
        layer, depth = [start], 0
        while layer and open_goals and depth + shortest <= bound and depth <= LONGEST_PATH:
            for state in layer:
                for goal in by_item.get(state[1], []) + by_token.get(state[0], []):
                    if goal in open_goals and goal.reached(state, screen):
                        reached[goal] = (depth, state)
                        open_goals.discard(goal)
                        bound = min(bound, depth + keys_after[goal])
            following = _expand(screen, layer, parent)
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


def _expand(screen: Screen, layer: list[NavState], parent: dict) -> list[NavState]:
    """The states one navigation key away from `layer` not seen yet (recorded in `parent`): the keys whose target
    token depends on the cursor alone are looked up in arrays, the others asked of the screen."""
    following = []
    static = list(screen.static_moves.items())
    dynamic = [key for key in NAVIGATION_KEYS if key not in screen.static_moves]
    entity_at, quote_at, navigate = screen.entity_at, screen.quote_at, screen.navigate
    for state in layer:
        cursor = state[0]
        for key, moves in static:
            token = moves[cursor]
            target = (token, entity_at[token] or quote_at[token], None)
            if target not in parent:
                parent[target] = (state, key)
                following.append(target)
        for key in dynamic:
            target = navigate(state, key)
            if target is not None and target not in parent:
                parent[target] = (state, key)
                following.append(target)
    return following


# -- plans ------------------------------------------------------------------------------------------------


@dataclass
class Run:
    """A sequence of jobs played on the screen model: the keys, and the state before each job (for resuming)."""

    jobs: list[Job]
    presses: list[Press]
    cost: int
    before: list[tuple[Screen, tuple[Job, ...], int]]  # (screen, waiting jobs, keys so far) before job i
    signatures: list[tuple]


class Planner:
    """Plans one article: `plan()` returns the cheapest key sequence found, ending with the done key.

    `effort` scales the search (tour kicks, local-search evaluations); the search is deterministic, so the same
    article, gold and terminal width always give the same plan.
    """

    def __init__(self, start: Screen, gold: list[Span], *, reject_leftovers: bool = False, effort: float = 1.0) -> None:
        self.start = start
        start.gold_speakers = {g.key: g.speaker for g in gold if g.is_quote}
        self.unreachable = [(g, why) for g in gold if (why := start.unreachable(g))]
        bad = {g.key for g, _ in self.unreachable}
        self.gold = [
            g if g.speaker is None or (*g.speaker, "ACTOR") not in bad else Span(g.start, g.end, g.label)
            for g in gold
            if g.key not in bad
        ]
        self.reject_leftovers = reject_leftovers
        self.kicks = int(TOUR_KICKS * effort)
        self.evaluations = int(EVALUATIONS * effort)

    def plan(self) -> ArticlePlan:
        started = time.perf_counter()
        best: tuple[Run, str] | None = None
        for name, opening in self.strategies():
            run = self._best_order(opening)
            if DEBUG:
                print(f"  {name}: {run.cost if run else None}", file=sys.stderr)
            if run is not None and (best is None or run.cost < best[0].cost):
                best = (run, name)
        assert best is not None, "no plan reaches the gold"
        run, name = best
        screen = run.before[-1][0]
        left = sum(1 for key in screen.items if key[0] == "pending")
        return ArticlePlan(run.presses, name, self.gold, self.unreachable, left, time.perf_counter() - started)

    def strategies(self) -> list[tuple[str, list[Job]]]:
        """(name, jobs done first): one by one; accept all first; and, when accept all would leave gold
        suggestions pending behind wrong ones that overlap them, reject those wrong ones first."""
        found = [("one by one", [])]
        if not self.start.items:
            return found
        found.append(("accept all first", [Job("accept all")]))
        gold_keys = {g.key for g in self.gold}
        rejects: list[Job] = []
        for _ in range(5):
            screen = _played(self.start, [*rejects, Job("accept all")])
            if screen is None:
                break
            blocked = [item for key, item in screen.items.items() if key[0] == "pending" and item.key in gold_keys]
            blockers = {
                ("pending", screen.origin[i])
                for i, span in screen.spans.items()
                if span.key not in gold_keys
                and screen.origin[i] is not None
                and any(b.is_quote == span.is_quote and b.overlaps(span.start, span.end) for b in blocked)
            }
            new = [Job("reject", None, key) for key in sorted(blockers) if Job("reject", None, key) not in rejects]
            if not new:
                break
            rejects += new
        if rejects:
            found.append(("reject, accept all", [*rejects, Job("accept all")]))
        return found

    # -- playing a sequence of jobs --------------------------------------------------------------------------

    def play(self, jobs: list[Job], resume: Run | None = None, at: int = 0) -> Run | None:
        """Play `jobs` in order (from job `at` of `resume`, whose first `at` jobs are the same); a job that cannot
        be done yet waits and is retried after each later job; whatever is left is finished greedily, then done."""
        if resume is not None:
            screen, waiting, cost = resume.before[at]
            presses = list(resume.presses[:cost])
            before, signatures = list(resume.before[: at + 1]), list(resume.signatures[: at + 1])
        else:
            screen, waiting, presses = self.start, (), []
            before, signatures = [(screen, waiting, 0)], [(screen.signature(), waiting)]
        for index in range(at, len(jobs)):
            screen, waiting, presses = self._play_one(screen, jobs[index], waiting, presses)
            before.append((screen, waiting, len(presses)))
            signatures.append((screen.signature(), waiting))
        waiting = tuple(job for job in waiting if not satisfied(screen, job))
        _, screen, finish = self._greedy(screen, extra=waiting)
        step = do(screen, Job("done"))
        assert step is not None
        presses += finish + step.presses
        if not self._reached(step.screen):
            return None
        before.append((step.screen, (), len(presses)))
        return Run(list(jobs), presses, len(presses), before, signatures)

    def _play_one(
        self, screen: Screen, job: Job, waiting: tuple[Job, ...], presses: list[Press]
    ) -> tuple[Screen, tuple[Job, ...], list[Press]]:
        """Do one job (or make it wait), then every waiting job that can be done now."""
        if not satisfied(screen, job):
            step = do(screen, job)
            if step is None:
                return screen, (*waiting, job), presses
            screen, presses = step.screen, presses + step.presses
        still: list[Job] = []
        for other in waiting:
            if satisfied(screen, other):
                continue
            step = do(screen, other)
            if step is None:
                still.append(other)
            else:
                screen, presses = step.screen, presses + step.presses
        return screen, tuple(still), presses

    def _reached(self, screen: Screen) -> bool:
        return (
            sorted(screen.spans.values(), key=lambda s: s.key) == sorted(self.gold, key=lambda s: s.key)
            and screen.status == "done"
        )

    def _greedy(self, screen: Screen, extra: tuple[Job, ...] = ()) -> tuple[list[Job], Screen, list[Press]]:
        """Jobs chosen one at a time, each the cheapest from where the previous one left the cursor, re-deriving
        the work after each; (jobs, screen after them, their keys)."""
        chosen: list[Job] = []
        presses: list[Press] = []
        for _ in range(10_000):
            jobs = derive(screen, self.gold, self.reject_leftovers)
            jobs += [job for job in extra if job not in jobs and not satisfied(screen, job)]
            if not jobs:
                return chosen, screen, presses
            found = Ways(screen, jobs).best()
            if found is None:
                # Nothing can be done as planned (a source blocked for good): add those spans afresh instead.
                found = Ways(screen, [Job("make", j.gold) if j.kind == "make" else j for j in jobs]).best()
                if found is None:
                    raise RuntimeError(f"stuck with {len(jobs)} jobs left, such as {jobs[0]}")
            job, step = found
            chosen.append(job)
            screen, presses = step.screen, presses + step.presses
        raise RuntimeError("the greedy plan does not converge")

    # -- choosing the order ------------------------------------------------------------------------------

    def _best_order(self, opening: list[Job]) -> Run | None:
        """The cheapest run found after the opening jobs: the best of four orders, improved by local search."""
        screen = _played(self.start, opening)
        if screen is None:
            return None
        greedy = opening + self._greedy(screen)[0]
        work = derive(screen, self.gold, self.reject_leftovers)
        makes = [j for j in work if j.kind != "speaker"]
        speakers = [j for j in work if j.kind == "speaker"]

        def position(job: Job) -> int:
            return _position(job, screen)

        orders = [
            greedy,
            opening + _with_speakers(self._tour(screen, makes), speakers),
            opening + _with_speakers(sorted(makes, key=position), speakers),
            opening + _with_speakers(sorted(makes, key=position, reverse=True), speakers),
        ]
        runs = [self.play(jobs) for jobs in orders]
        candidates = sorted((run for run in runs if run is not None), key=lambda r: r.cost)
        if not candidates:
            return None
        improved = self._improve(candidates[0], fixed=len(opening))
        if DEBUG:
            print("  orders", [r.cost if r else None for r in runs], "->", improved.cost, file=sys.stderr)
        return improved

    def _tour(self, screen: Screen, jobs: list[Job]) -> list[Job]:
        """The jobs ordered as a travelling-salesman path over their costs on this screen: each job's navigation
        from where the one before it leaves the cursor (on the start of the span it made), plus its keys."""
        ways = [recipes(screen, job) for job in jobs]
        ends = []
        for job in jobs:
            span = job.gold if job.kind == "make" else screen.items.get(job.source) if job.source else None
            ends.append((screen.token_index(span.start), None, None) if span else screen.nav_state)

        def costs_from(state: NavState) -> list[int]:
            by_item, by_token, bare = _distances(screen, state)
            row = []
            for options in ways:
                best = UNREACHED
                for recipe in options:
                    goal = recipe.goal
                    if goal is None:
                        distance = 0
                    else:
                        distance = min(
                            (
                                by_item.get(where, UNREACHED)
                                if kind == "item"
                                else (bare if goal.bare else by_token).get(where, UNREACHED)
                                for kind, where in goal.index(screen)
                            ),
                            default=UNREACHED,
                        )
                    best = min(best, distance + len(recipe.keys))
                row.append(best)
            return row

        start = costs_from(screen.nav_state)
        matrix = [costs_from(end) for end in ends]
        return [jobs[i] for i in shortest_path(start, matrix, self.kicks)]

    def _improve(self, run: Run, fixed: int) -> Run:
        """Local search on the exact model: move one job up to `WINDOW` places, or reverse a stretch of jobs;
        first improvement, until no move improves or the evaluations are spent."""
        evaluations = 0
        improved = True
        while improved and evaluations < self.evaluations:
            improved = False
            n = len(run.jobs)
            for i, j in itertools.product(range(fixed, n), range(fixed, n)):
                if i == j or abs(i - j) > WINDOW:
                    continue
                if evaluations >= self.evaluations:
                    break
                evaluations += 1
                jobs = list(run.jobs)
                if i < j and j - i >= 2 and (i + j) % 2 == 0:
                    jobs[i : j + 1] = jobs[i : j + 1][::-1]  # reverse a stretch
                else:
                    jobs.insert(j, jobs.pop(i))  # move one job
                cost = self._cost(jobs, run, min(i, j))
                if cost is not None and cost < run.cost:
                    better = self.play(jobs, run, min(i, j))
                    if better is not None and better.cost < run.cost:
                        run, improved = better, True
                        break
        return run

    def _cost(self, jobs: list[Job], reference: Run, at: int) -> int | None:
        """The cost of `jobs` (equal to the reference's before `at`), stopping early once its state rejoins the
        reference's at the same job (the rest then costs what it cost there), or None once it cannot be cheaper."""
        screen, waiting, cost = reference.before[at]
        presses: list[Press] = []
        for index in range(at, len(jobs)):
            screen, waiting, presses = self._play_one(screen, jobs[index], waiting, presses)
            if cost + len(presses) >= reference.cost:
                return None
            if (
                index + 1 < len(reference.signatures)
                and jobs[index + 1 :] == reference.jobs[index + 1 :]
                and (screen.signature(), waiting) == reference.signatures[index + 1]
            ):
                return cost + len(presses) + reference.cost - reference.before[index + 1][2]
        run = self.play(jobs, reference, at)
        return run.cost if run else None


def _played(screen: Screen, jobs: list[Job]) -> Screen | None:
    """The screen after doing these jobs in order, or None if one cannot be done."""
    for job in jobs:
        step = do(screen, job)
        if step is None:
            return None
        screen = step.screen
    return screen


def _distances(screen: Screen, start: NavState) -> tuple[dict, dict, dict]:
    """Navigation keys from `start` to every state: the fewest per current item, per token, and per token with
    no item current."""
    by_item: dict[ItemKey, int] = {}
    by_token: dict[int, int] = {}
    bare: dict[int, int] = {}
    seen: dict[NavState, object] = {start: None}
    layer, depth = [start], 0
    while layer and depth <= LONGEST_PATH:
        for state in layer:
            cursor, current, _ = state
            by_token.setdefault(cursor, depth)
            if current is None:
                bare.setdefault(cursor, depth)
            else:
                by_item.setdefault(current, depth)
        layer, depth = _expand(screen, layer, seen), depth + 1
    return by_item, by_token, bare


def _with_speakers(makes: list[Job], speakers: list[Job]) -> list[Job]:
    """Each speaker job placed right after the later of the jobs that make its quote and its speaker."""
    jobs = list(makes)
    for speaker in speakers:
        quote = speaker.gold
        assert quote is not None
        needed = [
            i
            for i, job in enumerate(jobs)
            if job.gold is not None
            and job.kind == "make"
            and (job.gold.key == quote.key or (quote.speaker and job.gold.key == (*quote.speaker, "ACTOR")))
        ]
        jobs.insert(max(needed, default=-1) + 1, speaker)
    return jobs


def plan_article(
    text: str,
    tokens: list[tuple[int, int]],
    suggestions: dict[int, Span],
    gold: list[Span],
    width: int,
    *,
    reject_leftovers: bool = False,
    effort: float = 1.0,
) -> ArticlePlan:
    """The cheapest plan found for one article opened fresh (on the first item needing a decision), ending with
    done."""
    screen = Screen(text, tokens, suggestions, width)
    return Planner(screen, gold, reject_leftovers=reject_leftovers, effort=effort).plan()
