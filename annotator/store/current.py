"""Which of an article's suggestions are the model's now, and which of them an annotator is still asked about.

A re-suggest keeps older suggestions that someone decided on, for the record (`replace_suggestions`); they are
history, not offers. So an annotator is offered the current ones only, and sees an older one only where they
decided on it themselves (their undo and history need it): newcomer trial 29 found another annotator's old
decisions offered beside the new model's, listed twice.

What is pending is one rule (`is_pending`): a current suggestion whose offer (start, end, label) the annotator has
not settled, by a decision on a suggestion with that offer (this one, or an earlier version's: a rejection holds
when a trained pipeline or an upgrade suggests the same span again) or by a span of theirs with it. Derived, not
written: undoing the old decision makes the current suggestion pending again, and nobody else's decisions count.
A quote's offer is its span and label: a rejected quote is not asked again because its suggested speaker moved.

Gold is asked nothing (`takes_suggestions`): its spans come from the annotators' versions, which decided on the
suggestions, and the review screen shows none; so is a model's name. Nothing is pending or undecided for them: the
article list, `train --include-in-progress`'s note and an edit's "is pending again" counted every suggestion for gold
(s58), and `left_undecided` leaves them out.

Two more things settle a suggestion without a decision (newcomer trial 31). An entity suggestion (ACTOR, LOCATION,
FIGURE) over any part of an entity span of theirs is covered: the guide's entity layer is flat, so it could never
be accepted beside the span (a QUOTE may hold ACTORs: the layers are apart). And nothing is pending on an article
they marked done: its decisions are final, so a later model's suggestions do not make finished work look
unfinished; reopening it (any other status) asks them again. Both are derived too: removing the span or
reopening the article makes such a suggestion pending again.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate

from annotator.vocabulary import GOLD, MODEL_PREFIX, suggester_kind, suggester_version

#: Each suggester's newest batch for one article (rows as `g`; the article's id is its parameter, then the query's
#: own WHERE names it again): older batches stay only because someone decided on them (`replace_suggestions`), so
#: they are not what the model suggests now. Joined once: a MAX asked again for every row read all the article's
#: suggestions each time, and a screen on an article of 10,000 took 49 s to open (trial s56 t12 F2).
NEWEST_BATCH = """JOIN (SELECT suggester, MAX(created_at) AS newest FROM suggestions WHERE article_id = ?
                     GROUP BY suggester) n ON n.suggester = g.suggester AND n.newest = g.created_at"""
_LAST_WRITES = (
    "SELECT article_id, suggester, MAX(created_at), MAX(id) FROM suggestions {where} GROUP BY article_id, suggester"
)


def suggester_order(name: str) -> tuple[str, int, str]:
    """How suggester versions are listed: by kind, then version number (entities.v2 before entities.v10, which text
    order puts first), then the whole name (a trained pipeline's `@...` after the version it trained)."""
    return suggester_kind(name), suggester_version(name), name


def _last_writers(rows: Iterable[tuple[str, str, str, int]]) -> dict[str, set[str]]:
    """Article -> per kind of suggester (entities, quotes), the one that wrote last (by `created_at`, which a merge
    keeps; ids say only when a row came into this file)."""
    newest: dict[tuple[str, str], tuple[str, int, str]] = {}
    for article_id, suggester, created_at, last_id in rows:
        key = (article_id, suggester_kind(suggester))
        newest[key] = max(newest.get(key, ("", -1, "")), (created_at, last_id, suggester))
    found: dict[str, set[str]] = {}
    for (article_id, _), (*_, name) in newest.items():
        found.setdefault(article_id, set()).add(name)
    return found


def current_suggesters(conn: sqlite3.Connection, article_id: str) -> set[str]:
    """Per kind of suggester, the one that wrote last to this article."""
    rows = conn.execute(_LAST_WRITES.format(where="WHERE article_id = ?"), [article_id])
    return _last_writers(rows).get(article_id, set())


def current_suggesters_by_article(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """`current_suggesters` of every article holding suggestions, in one pass (a plain `suggest` says which
    articles keep a trained pipeline's: their current ones, whatever older rows stay for the record)."""
    return _last_writers(conn.execute(_LAST_WRITES.format(where="")))


def current_ids(conn: sqlite3.Connection, article_id: str) -> set[int]:
    """The ids of the current suggestions: the newest batch of each current suggester."""
    return set(_current_offers(conn, article_id))


Offer = tuple[int, int, str]  # (start, end, label): what a suggestion asks, whichever version made it


def is_pending(
    current: bool, decisions_alike: int, spans_alike: int, *, covered: bool = False, done: bool = False
) -> bool:
    """The rule (see the module docstring): a suggestion is pending for an annotator when it is current, they have
    neither decided on a suggestion with its offer nor a span with it, no entity span of theirs overlaps it
    (`covered`: an entity suggestion only) and the article is not done for them. The store (`pending_ids`) and the
    screen's model (`tui.model`, which keeps the counts as edits come) both ask it."""
    return current and not done and not covered and not decisions_alike and not spans_alike


def covers(span: Offer, offer: Offer) -> bool:
    """Whether a span (start, end, label) covers a suggestion's offer for `is_pending`: both on the entity layer,
    overlapping."""
    return "QUOTE" not in (span[2], offer[2]) and span[0] < offer[1] and offer[0] < span[1]


class _EntitySpans:
    """A set of spans asked, offer by offer, whether any `covers` it, in O(log n) an offer (`left_undecided` asked
    `covers` of every span for every offer: 2.3 million calls, a third of `stats` on 5,000 articles). The entity
    spans sorted by start, with the furthest end reached by each prefix: some span starting before the offer ends
    overlaps it exactly when the furthest of those ends lies after the offer's start."""

    def __init__(self, spans: Iterable[Offer]) -> None:
        ordered = sorted((start, end) for start, end, label in spans if label != "QUOTE")
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def cover(self, offer: Offer) -> bool:
        """Whether some span `covers` the offer."""
        if offer[2] == "QUOTE":
            return False
        before = bisect_left(self.starts, offer[1])  # the spans starting before the offer ends
        return before > 0 and self.reach[before - 1] > offer[0]


def _current_offers(conn: sqlite3.Connection, article_id: str) -> dict[int, Offer]:
    sql = (
        f'SELECT g.id, g.suggester, g.start, g."end", g.label FROM suggestions g {NEWEST_BATCH} WHERE g.article_id = ?'
    )
    names = current_suggesters(conn, article_id)
    return {row[0]: (row[2], row[3], row[4]) for row in conn.execute(sql, [article_id, article_id]) if row[1] in names}


def _counted(conn: sqlite3.Connection, sql: str, params: list[str]) -> Counter[Offer]:
    return Counter((start, end, label) for start, end, label in conn.execute(sql, params))


def offers_now(conn: sqlite3.Connection, article_id: str) -> dict[int, Offer]:
    """The current suggestions' offers, by id (`current_ids`)."""
    return _current_offers(conn, article_id)


def decided_offers(conn: sqlite3.Connection, article_id: str, annotator: str) -> Counter[Offer]:
    """How many of this annotator's decisions on the article are on a suggestion with each offer."""
    sql = (
        'SELECT g.start, g."end", g.label FROM decisions d JOIN suggestions g ON g.id = d.suggestion_id '
        "WHERE d.article_id = ? AND d.annotator = ?"
    )
    return _counted(conn, sql, [article_id, annotator])


def takes_suggestions(annotator: str) -> bool:
    """Whether the annotator is asked about the model's suggestions at all: not gold, nor a model's name (the module
    docstring)."""
    return annotator != GOLD and not annotator.startswith(MODEL_PREFIX)


def undecided_ids(
    conn: sqlite3.Connection, article_id: str, annotator: str, *, spans: bool = False, done_settles: bool = True
) -> set[int]:
    """The current suggestions whose offer this annotator has decided on no suggestion with; `spans`: nor holds a
    span with, nor an entity span over, on an article they have not marked done (`is_pending`: what they are asked
    about; `done_settles` False: whatever the article's status, `left_undecided`). None for gold
    (`takes_suggestions`)."""
    if not takes_suggestions(annotator):
        return set()
    decided = decided_offers(conn, article_id, annotator)
    marked = Counter[Offer]()
    done = False
    if spans:
        sql = 'SELECT start, "end", label FROM spans WHERE article_id = ? AND annotator = ?'
        marked = _counted(conn, sql, [article_id, annotator])
        sql = "SELECT status = 'done' FROM annotations WHERE article_id = ? AND annotator = ?"
        done = done_settles and bool((conn.execute(sql, [article_id, annotator]).fetchone() or [False])[0])
    return _undecided(_current_offers(conn, article_id), decided, marked, done=done)


def _undecided(offers: dict[int, Offer], decided: Counter[Offer], marked: Counter[Offer], *, done: bool) -> set[int]:
    """Of the current suggestions `offers`, those `is_pending` keeps, given the offers decided and the spans held.
    Whether a span covers an offer is worked out only where nothing else settles it (it decides nothing there)."""
    spans = _EntitySpans(marked) if marked and not done else None
    return {
        i
        for i, offer in offers.items()
        if is_pending(
            True,
            decided[offer],
            marked[offer],
            covered=spans is not None and not (decided[offer] or marked[offer]) and spans.cover(offer),
            done=done,
        )
    }


def pending_ids(conn: sqlite3.Connection, article_id: str, annotator: str, *, done_settles: bool = True) -> set[int]:
    """The suggestions this annotator is asked about (`is_pending`); `done_settles` False: would be asked about, on
    an article they marked done, were it not done."""
    return undecided_ids(conn, article_id, annotator, spans=True, done_settles=done_settles)


#: The events that set a status (their `after` holds one), of the (article, annotator) pairs an import wrote to.
_STATUS_EVENTS = """SELECT e.id, e.article_id, e.annotator, e.action, e.target FROM events e
    WHERE json_extract(e.after, '$.status') IS NOT NULL AND EXISTS (SELECT 1 FROM events i
        WHERE i.article_id = e.article_id AND i.annotator = e.annotator AND i.action = 'import') {where}
    ORDER BY e.id"""


def status_by_import(conn: sqlite3.Connection, article_id: str | None = None) -> set[tuple[str, str]]:
    """The (article, annotator) pairs (of one article) whose status came by `annotator import`: another tool's work,
    where the suggestions were never shown (newcomer trial 32). The last event that set the status was an import,
    or a redo of one, or an undo back to a status an import had set; a status set in the tool since (reopening
    the article, marking it done, a first edit) is the tool's."""
    where, params = ("AND e.article_id = ?", [article_id]) if article_id is not None else ("", [])
    came: dict[tuple[str, str], bool] = {}
    before: dict[int, bool] = {}  # event id -> whether the status it replaced came by import
    after: dict[int, bool] = {}  # event id -> whether the status it set came by import
    for event_id, article, annotator, action, target in conn.execute(_STATUS_EVENTS.format(where=where), params):
        pair = (article, annotator)
        before[event_id] = came.get(pair, False)
        if action == "undo":
            came[pair] = before.get(target, False)
        elif action == "redo":
            came[pair] = after.get(target, False)
        else:
            came[pair] = action == "import"
        after[event_id] = came[pair]
    return {pair for pair, imported in came.items() if imported}


#: The done annotations `left_undecided` counts in: not gold's nor a model's (`takes_suggestions`).
_DONE = "n.status = 'done' AND n.annotator != :gold AND substr(n.annotator, 1, :prefix) != :model"


def left_undecided(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """Per annotator, (name, suggestions, articles): the current suggestions left undecided on the articles they
    marked done, which marking them done stopped asking about (`is_pending`); what would be pending were the
    articles reopened, so a team can find them. Gold and a model's name take no suggestions; nobody with none;
    nor work done elsewhere (`status_by_import`: it was never shown them, and nobody here left them undecided).

    One pass, whatever the number of done annotations: the suggestions of the articles done by anyone, the
    decisions and spans of the done annotations, each read in one query, then `undecided_ids`'s rule (with done
    not settling) on each annotation in memory."""
    named = {"gold": GOLD, "prefix": len(MODEL_PREFIX), "model": MODEL_PREFIX}
    imported = status_by_import(conn)
    sql = f"SELECT n.article_id, n.annotator FROM annotations n WHERE {_DONE} ORDER BY n.annotator"
    pairs = [pair for pair in conn.execute(sql, named) if pair not in imported]
    if not pairs:
        return []
    offers = _current_offers_of_done(conn, named)
    decided = _counted_by_pair(
        conn,
        'SELECT d.article_id, d.annotator, g.start, g."end", g.label FROM decisions d JOIN suggestions g '
        "ON g.id = d.suggestion_id JOIN annotations n ON n.article_id = d.article_id AND n.annotator = d.annotator "
        f"WHERE {_DONE}",
        named,
    )
    marked = _counted_by_pair(
        conn,
        'SELECT s.article_id, s.annotator, s.start, s."end", s.label FROM spans s JOIN annotations n '
        f"ON n.article_id = s.article_id AND n.annotator = s.annotator WHERE {_DONE}",
        named,
    )
    found: dict[str, list[int]] = {}
    nothing = Counter[Offer]()
    for article_id, annotator in pairs:
        pair = (article_id, annotator)
        undecided = _undecided(
            offers.get(article_id, {}), decided.get(pair, nothing), marked.get(pair, nothing), done=False
        )
        if undecided:
            counts = found.setdefault(annotator, [0, 0])
            counts[0] += len(undecided)
            counts[1] += 1
    return [(name, suggestions, articles) for name, (suggestions, articles) in found.items()]


def _counted_by_pair(
    conn: sqlite3.Connection, sql: str, named: dict[str, object]
) -> dict[tuple[str, str], Counter[Offer]]:
    """(article, annotator) -> how many of each offer the rows of `sql` (article, annotator, start, end, label) give."""
    counted: dict[tuple[str, str], Counter[Offer]] = {}
    for article_id, annotator, start, end, label in conn.execute(sql, named):
        counted.setdefault((article_id, annotator), Counter())[(start, end, label)] += 1
    return counted


def _current_offers_of_done(conn: sqlite3.Connection, named: dict[str, object]) -> dict[str, dict[int, Offer]]:
    """`_current_offers` of every article someone marked done, from one read of their suggestions: each current
    suggester's (`current_suggesters`: the last writer of its kind) newest batch (`NEWEST_BATCH`)."""
    sql = f"""SELECT g.article_id, g.suggester, g.created_at, g.id, g.start, g."end", g.label FROM suggestions g
              WHERE g.article_id IN (SELECT n.article_id FROM annotations n WHERE {_DONE})"""
    rows = conn.execute(sql, named).fetchall()
    newest: dict[tuple[str, str], str] = {}  # _LAST_WRITES of each suggester: MAX(created_at) and MAX(id)
    last_id: dict[tuple[str, str], int] = {}
    for article_id, suggester, created_at, suggestion_id, *_ in rows:
        key = (article_id, suggester)
        if key not in newest or created_at > newest[key]:
            newest[key] = created_at
        if key not in last_id or suggestion_id > last_id[key]:
            last_id[key] = suggestion_id
    names = _last_writers((*key, at, last_id[key]) for key, at in newest.items())
    offers: dict[str, dict[int, Offer]] = {}
    for article_id, suggester, created_at, suggestion_id, start, end, label in rows:
        if created_at == newest[(article_id, suggester)] and suggester in names[article_id]:
            offers.setdefault(article_id, {})[suggestion_id] = (start, end, label)
    return offers
