"""Who annotates which article: `annotator assign` gives every chosen article to exactly `overlap` annotators.

The plan is balanced and reproducible: articles are taken in ingest order, and each free place goes to the
team member with the fewest articles so far, then the fewest articles shared with those already on this
article (so pairs overlap evenly too), then a rank drawn from `random.Random(seed)`. The same seed on the same
database gives the same plan; with no work started, every annotator gets the same number of articles, give or
take one.

Assigning again fills free places only, so it never moves work (Prodigy's feed_overlap hands out each task
once, for the same reason: an annotator's queue, or a pack being annotated offline, must stay theirs). Every
assignment to a member of the team stays, as long as the article has room for it (a smaller overlap: the
busiest holders give theirs back); an assignee who has started an article (a status beyond to do, or any
span or decision) keeps it whatever the team or overlap, and counts towards its overlap. The places left
(articles ingested since, a larger overlap, someone who left the team) go first to team members who began the
article unassigned (finished work first), then by the plan; work begun unassigned never takes a place that is
not free (a trial, t2 F7: it went past the overlap, or took an assignee's unstarted place, and changed what
agreement compared on articles already reviewed). So running the same command again changes nothing, and new
articles are simply added. The result is the `assignments` table
(readable in any SQLite tool) and one `assign` or `unassign` event per row added or taken away; those events
are not edits (undo passes over them, and they never change an annotation's version). One named person is taken off
one article by `unassigning` (`annotator unassign`), which writes the same `unassign` event.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from annotator.errors import AnnotatorError
from annotator.literal import quoted
from annotator.store.aliases import renamed_to
from annotator.store.connection import _json
from annotator.store.edits import Store
from annotator.store.names import assignee_problem
from annotator.store.new_names import EnteringNames
from annotator.store.reads import Reader
from annotator.vocabulary import GOLD, Status, utc_now

#: Work that stands (the store's `annotators()` rule): a status beyond to do, or spans, or decisions.
STARTED = """(EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = {a} AND n.annotator = {w} AND n.status != 'todo')
    OR EXISTS (SELECT 1 FROM spans s WHERE s.article_id = {a} AND s.annotator = {w})
    OR EXISTS (SELECT 1 FROM decisions d WHERE d.article_id = {a} AND d.annotator = {w}))"""

#: How many articles a summary names in a line before "and N more".
NAMED = 5


@dataclass
class AssignReport:
    articles: int = 0
    added: int = 0
    removed: int = 0
    kept: int = 0  # assignments of the chosen articles that stay as they were
    started: int = 0  # of those, the ones whose annotator has started the article (kept whatever the plan)
    started_added: int = 0  # added on articles not assigned before to whoever had started them unassigned
    before: int = 0  # assignments of the chosen articles there were before
    new_articles: int = 0  # articles that had no assignment and now have
    new_ids: list[str] = field(default_factory=list)  # those articles, in ingest order
    #: Articles assigned before that got free places: article -> (annotator, whether they had started it) each.
    filled: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    #: Articles team members began unassigned where no place was free: article -> those annotators (not compared).
    not_given: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # of the articles named above
    per_annotator: dict[str, int] = field(default_factory=dict)
    packed: Counter[str] = field(default_factory=Counter)  # of those taken back, the ones in each annotator's pack


def check_team(annotators: Sequence[str], overlap: int) -> list[str]:
    team = [name.strip() for name in annotators if name.strip()]
    if not team:
        raise AnnotatorError("--annotators names nobody")
    if len(set(team)) != len(team):
        raise AnnotatorError("an annotator is named twice in --annotators")
    for name in team:
        problem = assignee_problem(name)
        if problem:
            raise AnnotatorError(problem)
    if not 1 <= overlap <= len(team):
        raise AnnotatorError(f"--overlap must be between 1 and the {len(team)} annotator(s) named, not {overlap}")
    return team


def plan(
    articles: Sequence[str],
    team: Sequence[str],
    overlap: int,
    seed: int,
    kept: Mapping[str, set[str]] | None = None,
    load: Counter[str] | None = None,
    held: Mapping[str, set[str]] | None = None,
    claims: Mapping[str, Mapping[str, bool]] | None = None,
) -> dict[str, list[str]]:
    """Article -> the team members it goes to (in the team's order): `overlap` of them less those in `kept`.

    `kept` are the annotators who keep an article whatever the plan (assignees who started it; in the team or not);
    `held` the team members it is assigned to already, who keep it as long as it has room for them (so planning
    again moves nothing); `load` what each already has elsewhere. Only the places left are filled, greedily, first
    by `claims`: the team members who began it unassigned (whether they finished it), those who finished first.
    """
    kept, held, claims = kept or {}, held or {}, claims or {}
    load = Counter(load or {})
    rank = {name: position for position, name in enumerate(random.Random(seed).sample(list(team), len(team)))}
    staying = {article: sorted(kept.get(article, set())) for article in articles}
    holding = {article: sorted(held.get(article, set()) - set(staying[article]), key=rank.__getitem__)
               for article in articles}  # fmt: skip
    for article in articles:
        load.update(staying[article] + holding[article])
    for article in articles:  # more holders than places (a smaller overlap): the busiest give theirs back
        while holding[article] and len(staying[article]) + len(holding[article]) > overlap:
            busiest = max(holding[article], key=lambda name: (load[name], rank[name]))
            holding[article].remove(busiest)
            load[busiest] -= 1
    together: Counter[tuple[str, str]] = Counter()
    for article in articles:
        on = staying[article] + holding[article]
        together.update(pair(a, b) for i, a in enumerate(on) for b in on[i + 1 :])
    chosen: dict[str, list[str]] = {}
    for article in articles:
        on = staying[article] + holding[article]
        new: list[str] = []
        began = claims.get(article, {})
        while len(on) + len(new) < overlap:
            free = [name for name in team if name not in on and name not in new]
            best = min(
                [name for name in free if name in began] or free,
                key=lambda name: (
                    not began.get(name, False),
                    load[name],
                    sum(together[pair(name, other)] for other in on + new),
                    rank[name],
                ),
            )
            new.append(best)
            load[best] += 1
        together.update(pair(a, b) for i, a in enumerate(new) for b in [*on, *new[:i]])
        chosen[article] = sorted(holding[article] + new, key=list(team).index)
    return chosen


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def assign(
    store: Store, team: Sequence[str], overlap: int, *, limit: int | None = None, seed: int = 0, by: str = "",
    unassigned: bool = False,
) -> AssignReport:  # fmt: skip
    """Assign the first `limit` articles (all by default, in ingest order) to `overlap` of `team` each, keeping
    every assignment that still fits (see the module's docstring): only free places are planned. `unassigned`:
    of the articles nobody is assigned only, the rest left as they are (a second team's own articles: a re-trial,
    38c, found `assign carol,dan` took back all of alice's and bob's)."""
    team = check_team(team, overlap)
    entering = EnteringNames(store, "another name given")
    for name in team:
        problem = entering.problem(name)  # "аӀісе" in Cyrillic letters where alice works
        if problem:
            raise AnnotatorError(f"--annotators: {problem}; nothing was assigned")
        if (now := renamed_to(store.conn, name)) is not None:  # an alias: nothing goes under it (`aliases`)
            raise AnnotatorError(
                f"--annotators: {quoted(name)} was renamed {quoted(now)} (annotator rename-annotator): give "
                f"{quoted(now)}; nothing was assigned"
            )
    if limit is not None and limit < 1:
        raise AnnotatorError(f"--limit must be 1 or more, not {limit}")
    report = AssignReport()
    with store.write():
        free = "WHERE id NOT IN (SELECT article_id FROM assignments)" if unassigned else ""
        articles = [
            row[0]
            for row in store.conn.execute(f"SELECT id FROM articles {free} ORDER BY rowid LIMIT ?", [limit or -1])
        ]
        chosen = set(articles)
        current: dict[str, dict[str, tuple[int, int]]] = {}
        load: Counter[str] = Counter()
        for article_id, who, position, batch in store.conn.execute(
            "SELECT article_id, annotator, position, batch FROM assignments"
        ):
            if article_id in chosen:
                current.setdefault(article_id, {})[who] = (position, batch)
            else:
                load[who] += 1
        kept: dict[str, set[str]] = {}
        worked = STARTED.format(a="g.article_id", w="g.annotator")
        for article_id, who in store.conn.execute(f"SELECT article_id, annotator FROM assignments g WHERE {worked}"):
            if article_id in chosen:
                kept.setdefault(article_id, set()).add(who)
        claims: dict[str, dict[str, bool]] = {}  # a team member's work begun unassigned: a claim to a free place
        begun = f"SELECT article_id, annotator, status = 'done' FROM annotations g WHERE {worked}"  # an edit makes it
        for article_id, who, finished in store.conn.execute(begun):
            if article_id in chosen and who in team and who not in current.get(article_id, {}):
                claims.setdefault(article_id, {})[who] = bool(finished)
        held = {article: {who for who in names if who in team} for article, names in current.items()}
        planned = plan(articles, team, overlap, seed, kept, load, held, claims)
        batch = (store.conn.execute("SELECT MAX(batch) FROM assignments").fetchone()[0] or 0) + 1
        now = utc_now()
        for position, article_id in enumerate(articles, start=1):
            have = current.get(article_id, {})
            want = set(planned[article_id]) | kept.get(article_id, set())
            began = claims.get(article_id, {})
            report.before += len(have)
            report.kept += len(set(have) & want)
            report.started += len(set(have) & kept.get(article_id, set()))
            added = sorted(want - set(have), key=list(team).index)
            if have and added:
                report.filled[article_id] = [(who, who in began) for who in added]
            elif added:
                report.new_ids.append(article_id)
                report.started_added += len(set(added) & set(began))
            if set(began) - want:
                report.not_given[article_id] = sorted(set(began) - want, key=list(team).index)
            for who in sorted(set(have) - want):
                store.conn.execute("DELETE FROM assignments WHERE article_id = ? AND annotator = ?", [article_id, who])
                old = {"assignment": {"position": have[who][0], "batch": have[who][1]}}
                record_event(store, article_id, who, "unassign", old, {"by": by}, now)
                report.removed += 1
                if _in_a_pack(store, article_id, who):
                    report.packed[who] += 1
            for who in added:
                store.conn.execute(
                    "INSERT INTO assignments (article_id, annotator, position, batch, assigned_at) VALUES (?, ?, ?, ?, ?)",
                    [article_id, who, position, batch, now],
                )
                new = {"assignment": {"position": position, "batch": batch}, "by": by}
                record_event(store, article_id, who, "assign", {}, new, now)
                report.added += 1
        report.articles = len(articles)
        report.new_articles = len(report.new_ids)
        named = [*list(report.filled)[:NAMED], *list(report.not_given)[:NAMED], *report.new_ids[:NAMED]]
        for article_id in named:
            [(report.titles[article_id],)] = store.conn.execute("SELECT title FROM articles WHERE id = ?", [article_id])
        report.per_annotator = {
            name: count
            for name, count in store.conn.execute(
                "SELECT annotator, COUNT(*) FROM assignments GROUP BY annotator ORDER BY annotator"
            )
        }
    return report


def _in_a_pack(store: Store, article_id: str, annotator: str) -> bool:
    """Whether the assignment went into the annotator's pack (a `pack` event after its last `assign`): nothing
    started here, but the pack may be annotated offline."""
    sql = """SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action = 'pack' AND rowid > COALESCE(
                 (SELECT MAX(rowid) FROM events WHERE article_id = ? AND annotator = ? AND action = 'assign'), 0)"""
    return store.conn.execute(sql, [article_id, annotator] * 2).fetchone() is not None


def record_event(store: Store, article_id: str, annotator: str, action: str, before: Mapping[str, object],
           after: Mapping[str, object], at: str) -> None:  # fmt: skip
    store.conn.execute(
        "INSERT INTO events (article_id, annotator, action, before, after, target, at) VALUES (?, ?, ?, ?, ?, NULL, ?)",
        [article_id, annotator, action, _json(before), _json(after), at],
    )


def assigned(reader: Reader, annotator: str) -> list[str]:
    """This annotator's assigned articles, in queue order."""
    sql = "SELECT article_id FROM assignments WHERE annotator = ? ORDER BY position, article_id"
    return [row[0] for row in reader.conn.execute(sql, [annotator])]


def assignees(reader: Reader) -> list[str]:
    """Everyone with an assignment, by name."""
    return [row[0] for row in reader.conn.execute("SELECT DISTINCT annotator FROM assignments ORDER BY 1")]


def progress(reader: Reader) -> list[tuple[str, int, int, int, int, int]]:
    """Per annotator with assignments: (name, assigned, to do, in progress, done, put aside: skipped or flagged)."""
    sql = """SELECT s.annotator, COUNT(*),
                 SUM(COALESCE(n.status, 'todo') = 'todo'), SUM(n.status = 'in_progress'), SUM(n.status = 'done'),
                 SUM(n.status IN ('skipped', 'flagged'))
             FROM assignments s LEFT JOIN annotations n ON n.article_id = s.article_id AND n.annotator = s.annotator
             GROUP BY s.annotator ORDER BY s.annotator"""
    return [(name, *(int(v or 0) for v in values)) for name, *values in reader.conn.execute(sql)]


def assigned_by_article(reader: Reader, annotators: Sequence[str]) -> dict[str, list[str]]:
    """Article -> which of these annotators it is assigned to (articles assigned to none of them are absent)."""
    found: dict[str, list[str]] = {}
    who = ",".join("?" * len(annotators))
    sql = f"SELECT article_id, annotator FROM assignments WHERE annotator IN ({who})"
    for article_id, name in reader.conn.execute(sql, list(annotators)):
        found.setdefault(article_id, []).append(name)
    order = {name: i for i, name in enumerate(annotators)}
    return {article: sorted(names, key=order.__getitem__) for article, names in found.items()}


def team_of(reader: Reader, annotators: Sequence[str], *, by_assignment: bool = True) -> Callable[[str], list[str]]:
    """Whose work on an article is its team's, for `agreement`, `adjudicate --auto` and `review` alike: an article
    with assignments is its assignees' (those of `annotators` it is assigned to; none when it is assigned to others
    only, whose work it then awaits), an article nobody is assigned is open to all of `annotators`, as every
    article is without assignments or with `by_assignment` False (`--ignore-assignments`)."""
    names = list(annotators)
    if not by_assignment:
        return lambda article_id: names
    assigned: dict[str, set[str]] = {}
    for article_id, name in reader.conn.execute("SELECT article_id, annotator FROM assignments"):
        assigned.setdefault(article_id, set()).add(name)

    def team(article_id: str) -> list[str]:
        return [name for name in names if name in assigned[article_id]] if article_id in assigned else names

    return team


def compared_articles(
    reader: Reader, annotators: Sequence[str], statuses: Sequence[str], *, by_assignment: bool = True
) -> list[tuple[str, list[str]]]:
    """The articles to compare (agreement) or review, each with the annotators whose versions count, in ingest order.

    An article's annotators are its team of `annotators` (`team_of`: with assignments, its assignees). It counts
    when two or more have it (one, when only one is named: a reviewer checking one annotator's work) and each of
    them has it in one of `statuses`.
    """
    names = list(annotators)
    team = team_of(reader, names, by_assignment=by_assignment)
    who = ",".join("?" * len(names))
    which = ",".join("?" * len(statuses))
    have: dict[str, set[str]] = {}
    sql = f"""SELECT n.article_id, n.annotator FROM annotations n JOIN articles a ON a.id = n.article_id
              WHERE n.annotator IN ({who}) AND n.status IN ({which}) ORDER BY a.rowid"""
    for article_id, name in reader.conn.execute(sql, [*names, *statuses]):
        have.setdefault(article_id, set()).add(name)
    found = []
    for article_id, finished in have.items():  # ingest order: dicts keep the order of insertion
        wanted = team(article_id)
        if len(wanted) >= min(2, len(names)) and finished.issuperset(wanted):
            found.append((article_id, list(wanted)))
    return found


def finished_together(
    reader: Reader, annotators: Sequence[str], statuses: Sequence[str], *, by_assignment: bool = True
) -> list[tuple[list[str], int]]:
    """When no article is compared for all of `annotators`: the groups of them (two or more) that have articles
    to compare together, each with how many `compared_articles` gives it, most articles first. Each article names
    one group, the largest it has: whoever of its team (`team_of`) has it in `statuses`."""
    names = list(annotators)
    team = team_of(reader, names, by_assignment=by_assignment)
    who, which = ",".join("?" * len(names)), ",".join("?" * len(statuses))
    have: dict[str, set[str]] = {}
    sql = f"SELECT article_id, annotator FROM annotations WHERE annotator IN ({who}) AND status IN ({which})"
    for article_id, name in reader.conn.execute(sql, [*names, *statuses]):
        have.setdefault(article_id, set()).add(name)
    groups = set()
    for article_id, finished in have.items():
        group = finished & set(team(article_id))
        if len(group) >= 2:
            groups.add(tuple(name for name in names if name in group))
    counted = [
        (list(group), len(compared_articles(reader, group, statuses, by_assignment=by_assignment))) for group in groups
    ]
    return sorted((g for g in counted if g[1]), key=lambda g: (-g[1], -len(g[0]), g[0]))


@dataclass(frozen=True)
class NotInGold:
    """Annotators' finished work gold lacks: a group that finished `articles` together, `missing` of them not
    adjudicated at all (what `adjudicate --auto --annotators` with the group takes into gold next; gold in
    progress waits for `review` instead)."""

    annotators: list[str]
    articles: int
    missing: int


def not_in_gold(reader: Reader) -> NotInGold | None:
    """The group of annotators (two or more, `finished_together`, most articles first) with finished articles
    nobody adjudicated into gold; None when there is none."""
    names = [name for name in reader.finished_annotators() if name != GOLD]
    for group, count in finished_together(reader, names, [Status.DONE]):
        compared = compared_articles(reader, group, [Status.DONE])
        missing = sum(1 for article_id, _ in compared if reader.status(article_id, GOLD) == Status.TODO)
        if missing:
            return NotInGold(group, count, missing)
    return None
