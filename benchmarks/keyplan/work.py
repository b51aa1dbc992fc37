"""The work one article needs (see `planner`, step 1): which gold span each suggestion or wrong span makes."""

from __future__ import annotations

from keyplan.items import ItemKey, Span
from keyplan.paths import UNREACHED
from keyplan.recipes import Job, recipes, satisfied
from keyplan.screen import Screen

NAVIGATION_ALLOWANCE = 2  # keys assumed to reach a job, when choosing which source makes which gold span
ASSIGNMENT_NODES = 100_000  # the exhaustive source assignment keeps its best so far beyond this many steps


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
