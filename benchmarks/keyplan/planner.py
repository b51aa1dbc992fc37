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
3. **Order.** Per strategy ("one by one"; "accept all first", then fix; when accept all would leave gold
   suggestions pending behind wrong ones overlapping them, "reject, accept all"; and "reject wrong, accept
   all": every suggestion no gold span overlaps rejected in reading order, then the rest accepted, what a
   reader who rejects as they read does) the jobs are ordered four
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

from keyplan.items import ItemKey, NavState, Span
from keyplan.paths import LONGEST_PATH, UNREACHED, Jumps, Press, Ways, _expand, _position, do
from keyplan.recipes import Job, recipes, satisfied
from keyplan.screen import Screen
from keyplan.tour import shortest_path
from keyplan.work import derive

TOUR_KICKS = 60  # perturbations of the travelling-salesman path (scaled by `effort`)
EVALUATIONS = 3000  # orders tried by the local search on the exact model (scaled by `effort`)
WINDOW = 8  # how far the local search moves a job
DEBUG = bool(os.environ.get("KEYPLAN_DEBUG"))


@dataclass
class ArticlePlan:
    presses: list[Press]
    strategy: str
    target: list[Span]  # the gold this plan reaches: all of it but the unreachable
    unreachable: list[tuple[Span, str]] = field(default_factory=list)
    left_pending: int = 0
    seconds: float = 0.0


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
        # What a reader does: reject, in reading order, every suggestion that no gold span of its layer overlaps
        # (each x moves on to the next one to decide), then accept the rest at once.
        wrong = [
            Job("reject", None, key)
            for key, item in sorted(self.start.items.items(), key=lambda entry: (entry[1].start, entry[0]))
            if key[0] == "pending"
            and not any(g.is_quote == item.is_quote and g.overlaps(item.start, item.end) for g in self.gold)
        ]
        extra = [job for job in rejects if job not in wrong]
        if wrong:
            found.append(("reject wrong, accept all", [*wrong, *extra, Job("accept all")]))
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
            by_item, by_token, bare = _distances(screen, state)  # bare: (no entity current, no quote current)
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
                                else (bare[goal.for_quote] if goal.bare else by_token).get(where, UNREACHED)
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


def _distances(screen: Screen, start: NavState) -> tuple[dict, dict, tuple[dict, dict]]:
    """Navigation keys from `start` to every state: the fewest per current item, per token, and per token with
    no entity current and with no quote current (where an entity's or a quote's digit adds one)."""
    by_item: dict[ItemKey, int] = {}
    by_token: dict[int, int] = {}
    bare: tuple[dict[int, int], dict[int, int]] = ({}, {})
    seen: dict[NavState, object] = {start: None}
    layer, depth, jumps = [start], 0, Jumps()
    while layer and depth <= LONGEST_PATH:
        for state in layer:
            cursor, current, _ = state
            by_token.setdefault(cursor, depth)
            if current is None:
                bare[0].setdefault(cursor, depth)
                bare[1].setdefault(cursor, depth)
            else:
                by_item.setdefault(current, depth)
                bare[not screen.items[current].is_quote].setdefault(cursor, depth)
        layer, depth = _expand(screen, layer, seen, jumps), depth + 1
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
