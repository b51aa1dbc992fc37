"""Work that is the model's suggestions unchanged, however it was made: `annotator accept`, or A then d on the
screen (2 keys and a second). A trial found two annotators who did `A d` on every article at alpha 0.972 and the
model's F1 0.937 against the gold settled from them, with no caution: the commands' caution (`store.unchecked`)
reads who wrote the events, and a screen's are a person's. This reads what the work is, not how long it took:
every span as the model suggests it (offsets, label, speaker), none added, removed, resized or relabelled.

The model's suggestions for an article are its current ones (`store.current`: per kind, the newest batch of the
suggester that wrote last), and only while they are older than the work's last change: a pipeline trained on a
person's gold suggests that gold back, which is no sign the gold was the model's. An article the model suggested
nothing on is never counted: work there that is empty too says nothing of whose the spans are. Work accepted from
an older version, since replaced by a `suggest` that suggests otherwise, is not counted either.

Such work is said so across files: a native export writes `as_suggested` in the record's `unchecked`, and its
import (or a `merge --prefer other` of it) writes an event saying `as_suggested`; while the work's spans are still
those that event wrote, it is counted here too, whatever suggestions this database has (`said_so`: gold settled
from A then d lost its caution through `export --gold`, a newcomer's trial). `train` says so of what it learns
from too (`unchanged_work`), beside what commands alone wrote."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from annotator.store.reads import Reader
from annotator.store.unchecked import REPLACING, commands_alone, first_named

#: A span as the comparison sees it: start, end, label, speaker start and end (None: no speaker).
Shape = tuple[int, int, str, int | None, int | None]

_PAIRS = """(SELECT json_extract(value, '$[0]') AS article_id, json_extract(value, '$[1]') AS annotator
              FROM json_each(?)) w"""
_SPANS = f"""SELECT s.article_id, s.annotator, s.start, s."end", s.label, s.speaker_start, s.speaker_end FROM spans s
             JOIN {_PAIRS} ON w.article_id = s.article_id AND w.annotator = s.annotator"""
#: Per pair, the `after` of its last import or merge (`unchecked.REPLACING`: it replaced the work whole) where that
#: says the work it wrote was the model's suggestions unchanged (a native record's `as_suggested`).
_SAID = f"""SELECT e.article_id, e.annotator, e.after FROM events e JOIN (
              SELECT e.article_id, e.annotator, MAX(e.id) AS id FROM events e
              JOIN {_PAIRS} ON w.article_id = e.article_id AND w.annotator = e.annotator
              WHERE e.action IN ({", ".join(map(repr, REPLACING))}) GROUP BY e.article_id, e.annotator) last
            ON last.id = e.id
            WHERE CASE WHEN json_valid(e.after) THEN json_extract(e.after, '$.as_suggested') END IS 1"""
#: Sums of shapes that equal shapes have equal, whatever their order (`TOTAL`: exact below 2**53, never overflowing).
_SUMS = ("TOTAL(start)", 'TOTAL("end")', "TOTAL(unicode(label) + 16 * length(label))",
         "TOTAL(COALESCE(speaker_start, -1))", "TOTAL(COALESCE(speaker_end, -1))")  # fmt: skip


def _named(sums: tuple[str, ...]) -> str:
    """The sums named s, e, l, ss, se, as a batch's are summed again."""
    return ", ".join(f"{sum_} AS {name}" for sum_, name in zip(sums, ("s", "e", "l", "ss", "se"), strict=True))


#: An article's current suggestions (`store.current`'s rule: per kind, the name before the first dot, the suggester
#: whose newest batch is newest, by `created_at` then id; that batch's rows), summed: whether all were made by the
#: time the work last changed, how many, their shapes' sums (`_SUMS`), and a row id of each current batch. One
#: article at a time, through its index: no sort of every article's rows. RANK, not ROW_NUMBER: every batch of the
#: suggester that wins its kind ranks first, and its newest is the current one.
_CURRENT_SUMS = f"""(SELECT json_array(MAX(created_at) <= p.changed, SUM(n), TOTAL(s), TOTAL(e), TOTAL(l),
                                  TOTAL(ss), TOTAL(se), json_group_array(newest)) FROM (
      SELECT *, RANK() OVER (PARTITION BY kind ORDER BY at DESC, last DESC, suggester DESC) AS place FROM (
        SELECT *, MAX(created_at) OVER (PARTITION BY suggester) AS at, MAX(newest) OVER (PARTITION BY suggester) AS last,
               substr(suggester, 1, instr(suggester || '.', '.') - 1) AS kind FROM (
          SELECT suggester, created_at, MAX(id) AS newest, COUNT(*) AS n, {_named(_SUMS)} FROM suggestions
          WHERE article_id = p.article_id GROUP BY suggester, created_at)))
    WHERE place = 1 AND created_at = at)"""
#: Per pair, its article's current suggestions summed (`_CURRENT_SUMS`) and its spans summed alike: a pair whose
#: sums are not the suggestions' is not their shapes (a sum is no proof that they are: `as_suggested` compares the
#: rest whole). Reading every article's suggestions and spans into Python to compare them all took 1.31 s CPU on
#: benchmarks/export.py's 5,000 articles (a fourth the suggestions unchanged); this, 0.64 s (medians of 5, same run).
_CANDIDATES = f"""WITH p AS MATERIALIZED (
       SELECT w.article_id, w.annotator, COALESCE(n.updated_at, '') AS changed FROM {_PAIRS}
       LEFT JOIN annotations n ON n.article_id = w.article_id AND n.annotator = w.annotator)
SELECT p.article_id, p.annotator, {_CURRENT_SUMS},
       (SELECT json_array(1, COUNT(*), {", ".join(_SUMS)}) FROM spans
        WHERE article_id = p.article_id AND annotator = p.annotator) FROM p"""
#: The rows of the batches these suggestions' ids are of (the same article, suggester and `created_at`).
_BATCHES = """SELECT g.article_id, g.created_at, g.start, g."end", g.label, g.speaker_start, g.speaker_end
FROM json_each(?) k JOIN suggestions b ON b.id = k.value
JOIN suggestions g ON g.article_id = b.article_id AND g.suggester = b.suggester AND g.created_at = b.created_at"""
_CHANGED = f"""SELECT n.article_id, n.annotator, n.updated_at FROM annotations n
               JOIN {_PAIRS} ON w.article_id = n.article_id AND w.annotator = n.annotator"""


def _candidates(store: Reader, pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[int]]:
    """The pairs whose spans add up as their article's current suggestions (`_CANDIDATES`), and a row id of each
    current batch of their articles."""
    candidates, batches = [], set()
    for article_id, annotator, suggested, held in store.conn.execute(_CANDIDATES, [json.dumps(pairs)]):
        *sums, ids = json.loads(suggested) if suggested is not None else [None, []]
        if held is not None and sums == json.loads(held):
            candidates.append((article_id, annotator))
            batches.update(ids)
    return candidates, sorted(batches)


def _suggested(store: Reader, batches: list[int]) -> dict[str, tuple[Counter[Shape], str]]:
    """Per article, the shapes of these batches' suggestions (`_BATCHES`) and when the newest of them was made."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for row in store.conn.execute(_BATCHES, [json.dumps(batches)]):
        rows.setdefault(row[0], []).append(row)
    return {
        article: (Counter(row[2:] for row in its), max(["", *(row[1] for row in its)])) for article, its in rows.items()
    }


def as_suggested(store: Reader, work: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of these (article id, annotator) pairs, those whose spans are exactly the model's current suggestions for the
    article, made before the work was last changed (see the module's docstring), or exactly the spans an import or
    merge that said so wrote (`said_so`): the one test, whatever their status and however the work was made."""
    pairs = sorted(set(work))
    said = said_so(store, pairs)
    candidates, batches = _candidates(store, pairs)
    suggested = _suggested(store, batches)
    pairs = sorted({*candidates, *said})  # only their spans are read
    rows: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for row in store.conn.execute(_SPANS, [json.dumps(pairs)]):
        rows.setdefault(row[:2], []).append(row)
    spans = {pair: Counter[Shape](row[2:] for row in its) for pair, its in rows.items()}
    changed = dict(((a, w), at) for a, w, at in store.conn.execute(_CHANGED, [json.dumps(pairs)]))
    return {
        pair
        for pair in pairs
        if pair[0] in suggested
        and suggested[pair[0]][1] <= (changed.get(pair) or "")
        and spans.get(pair) == suggested[pair[0]][0]  # never empty: an article without suggestions is not in it
    } | {pair for pair, wrote in said.items() if spans.get(pair) == wrote}


def said_so(store: Reader, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], Counter[Shape]]:
    """Of these pairs, those whose work an import or merge last replaced whole, saying it was the model's
    suggestions unchanged where it came from (a native record's `as_suggested`: the suggestions themselves need
    not come with it), with the spans it wrote: while the work's spans are still those, it is so here too."""
    found: dict[tuple[str, str], Counter[Shape]] = {}
    for article_id, annotator, after in store.conn.execute(_SAID, [json.dumps(pairs)]):
        try:
            rows = json.loads(after).get("spans")
            wrote = Counter[Shape](
                (r["start"], r["end"], r["label"], r.get("speaker_start"), r.get("speaker_end")) for r in rows
            )
        except (TypeError, KeyError, AttributeError):  # not spans as the event writes them: nothing said
            continue
        if wrote:
            found[(article_id, annotator)] = wrote
    return found


def suggested_articles(store: Reader, annotator: str) -> set[str]:
    """The articles where `annotator`'s work, whatever its status, is the model's suggestions unchanged
    (`as_suggested`): what a native export says of it (`as_suggested` in a record's `unchecked`)."""
    pairs = [(article_id, annotator) for article_id, _, _ in store.annotated_articles(annotator)]
    return {article_id for article_id, _ in as_suggested(store, pairs)}


@dataclass(frozen=True)
class Unchanged:
    """Of the articles `annotator train` takes, how many hold the model's suggestions unchanged (`as_suggested`, or
    written by commands alone), of how many, how many of them commands alone wrote, and those commands in the order
    they first wrote: `train` says so as `evaluate` does (a trial: gold settled from A then d on every article
    trained "1.000 -> 1.000" without a word, where `evaluate` cautioned)."""

    articles: int = 0
    total: int = 0
    by_command: int = 0
    commands: list[str] = field(default_factory=list)


def counted(said: Mapping[str, Iterable[str]], total: int) -> Unchanged:
    """`Unchanged` of the articles `said` holds (each with the commands that alone wrote it; none: it is the
    suggestions unchanged however it was made), of `total` taken."""
    alone = [list(commands) for commands in said.values() if commands]
    return Unchanged(len(said), total, len(alone), first_named(alone))


def unchanged_work(store: Reader, annotator: str, ids: Iterable[str]) -> dict[str, list[str]]:
    """Of the articles `ids` that `train` takes from `annotator`, those whose work is the model's suggestions
    unchanged: exactly as suggested (`as_suggested`, what `evaluate` and `export` read), or written by commands
    alone (for gold, everyone's work there: `unchecked.commands_alone`), each with those commands (none: as
    suggested however it was made); `counted` counts them, and `train` which of them it held out."""
    ids = list(ids)
    alone = commands_alone(store, annotator)
    suggested = {article for article, _ in as_suggested(store, ((article, annotator) for article in ids))}
    return {a: alone.get(a, []) for a in ids if a in alone or a in suggested}
