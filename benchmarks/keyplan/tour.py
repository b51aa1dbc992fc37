"""An order of jobs with the least total cost, when the cost of each job depends on the one before it.

An asymmetric travelling-salesman path (open, from a fixed start, ending anywhere): nearest neighbour, then
iterated local search (Or-opt moves of 1-3 jobs and 2-opt reversals until none improves, then a random
double-bridge kick, keeping the best), a fixed number of kicks from a fixed seed so that plans repeat. Pure Python; the planner's tours have at most a
few hundred jobs.
"""

from __future__ import annotations

import itertools
import random


def path_cost(order: list[int], start: list[int], cost: list[list[int]]) -> int:
    if not order:
        return 0
    return start[order[0]] + sum(cost[a][b] for a, b in itertools.pairwise(order))


def nearest_neighbour(start: list[int], cost: list[list[int]]) -> list[int]:
    left = set(range(len(start)))
    order: list[int] = []
    while left:
        here = order[-1] if order else None
        following = min(left, key=lambda j: (start[j] if here is None else cost[here][j], j))
        order.append(following)
        left.remove(following)
    return order


def _improve(order: list[int], start: list[int], cost: list[list[int]]) -> list[int]:
    """Or-opt and 2-opt passes (each position's best move, applied at once) until a pass improves nothing."""

    def c(a: int | None, b: int | None) -> int:
        if b is None:
            return 0
        return start[b] if a is None else cost[a][b]

    improved = True
    while improved:
        improved = False
        # Or-opt: move a segment of 1-3 jobs elsewhere (keeping its direction).
        for length in (1, 2, 3):
            i = 0
            while i + length <= len(order):
                before = order[i - 1] if i > 0 else None
                first, last = order[i], order[i + length - 1]
                after = order[i + length] if i + length < len(order) else None
                gain = c(before, first) + c(last, after) - c(before, after)
                rest = order[:i] + order[i + length :]
                best, where = 0, -1
                for j in range(len(rest) + 1):
                    if j == i:
                        continue
                    a = rest[j - 1] if j > 0 else None
                    b = rest[j] if j < len(rest) else None
                    saving = gain - (c(a, first) + c(last, b) - c(a, b))
                    if saving > best:
                        best, where = saving, j
                if where >= 0:
                    order = rest[:where] + order[i : i + length] + rest[where:]
                    improved = True
                i += 1
        # 2-opt: reverse a stretch (costs inside it change direction: asymmetric, so summed both ways).
        i = 0
        while i < len(order) - 1:
            n = len(order)
            forward = [0] * n
            backward = [0] * n
            for k in range(1, n):
                forward[k] = forward[k - 1] + cost[order[k - 1]][order[k]]
                backward[k] = backward[k - 1] + cost[order[k]][order[k - 1]]
            before = order[i - 1] if i > 0 else None
            best, where = 0, -1
            for j in range(i + 1, n):
                after = order[j + 1] if j + 1 < n else None
                old = c(before, order[i]) + (forward[j] - forward[i]) + c(order[j], after)
                new = c(before, order[j]) + (backward[j] - backward[i]) + c(order[i], after)
                if old - new > best:
                    best, where = old - new, j
            if where >= 0:
                order = order[:i] + order[i : where + 1][::-1] + order[where + 1 :]
                improved = True
            i += 1
    return order


def shortest_path(start: list[int], cost: list[list[int]], kicks: int = 200, seed: int = 0) -> list[int]:
    """A good order of all jobs: `start[j]` is job j's cost first, `cost[i][j]` its cost right after job i.

    Deterministic: `kicks` perturbations from a fixed random seed."""
    best = _improve(nearest_neighbour(start, cost), start, cost)
    best_cost = path_cost(best, start, cost)
    generator = random.Random(seed)
    current, current_cost = best, best_cost
    for _ in range(kicks if len(best) >= 8 else 0):
        a, b, c = sorted(generator.sample(range(1, len(current)), 3))
        kicked = current[:a] + current[b:c] + current[a:b] + current[c:]  # double bridge
        kicked = _improve(kicked, start, cost)
        kicked_cost = path_cost(kicked, start, cost)
        if kicked_cost <= current_cost:
            current, current_cost = kicked, kicked_cost
            if kicked_cost < best_cost:
                best, best_cost = kicked, kicked_cost
    return best
