"""What a merge did that its counts do not show (trials s58 t16 F5, F7, t18 F4), for `merge` to say: an article the
other file gave to someone in the place of an assignee who keeps it here, which now has more assignees than before
(`crowded`); a pack's articles read back with nothing else written to them, each recorded by a `merged` event while
"0 event(s) added" was said (`read_back`); and which side of a conflict was changed last (`newer_side`), as
`--prefer other` replaced newer work with older and said only "took the other's"."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from annotator.store.merge_report import Crowded, ReadBack, TakenBackThere
from annotator.vocabulary import parse_timestamp


def assignees(connection: sqlite3.Connection) -> dict[str, set[str]]:
    """Each assigned article's assignees."""
    held: dict[str, set[str]] = {}
    for article_id, who in connection.execute("SELECT article_id, annotator FROM assignments"):
        held.setdefault(article_id, set()).add(who)
    return held


def crowded(
    connection: sqlite3.Connection, source: str, before: dict[str, set[str]], kept: Sequence[TakenBackThere]
) -> list[Crowded]:
    """The articles where the merge of `source` added an assignment (since `before`) while an assignment that file
    took back stays here (`kept`: begun here, given again here since, or another history): the other file handed the
    place over, only half of that came, and the article has one more assignee than either meant."""
    now = assignees(connection)
    found = []
    staying = [one for one in kept if one.source == source and one.kept is not None]
    for article_id in dict.fromkeys(one.article_id for one in staying):
        added = now.get(article_id, set()) - before.get(article_id, set())
        if not added:
            continue
        [(title,)] = connection.execute("SELECT title FROM articles WHERE id = ?", [article_id])
        keeps = tuple(sorted({one.annotator for one in staying if one.article_id == article_id}))
        held, had = tuple(sorted(now[article_id])), len(before.get(article_id, ()))
        found.append(Crowded(source, article_id, title, held, had, keeps, tuple(sorted(added))))
    return found


def read_back(connection: sqlite3.Connection, source: str, start: int, since: int) -> list[ReadBack]:
    """The `merged` events written from event `since` on (`pack.record_merged_back`) to pairs the merge of `source`
    wrote nothing else to from event `start` on (no edit, no assignment taken back, no take-back kept, each said
    otherwise): a pack's articles only recorded as read back, per annotator."""
    rows = connection.execute(
        """SELECT annotator, COUNT(*) FROM events m WHERE id >= :since AND action = 'merged' AND json_valid(after)
           AND json_extract(after, '$.events') IS NULL AND json_extract(after, '$.take_back') IS NULL
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = m.article_id AND e.annotator = m.annotator
                           AND e.id >= :start AND e.id < :since)
           GROUP BY annotator ORDER BY annotator""",
        {"start": start, "since": since},
    )
    return [ReadBack(source, who, count) for who, count in rows]


def _changed(connection: sqlite3.Connection, article_id: str, annotator: str) -> str | None:
    row = connection.execute(
        "SELECT updated_at FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    return row[0] if row else None


def newer_side(
    here: sqlite3.Connection, article_id: str, there: sqlite3.Connection, their_article: str, annotator: str
) -> str | None:
    """ "here" or "there": whose version of an annotator's work was changed last (its `updated_at`, as moments);
    None where they are the same moment or either names none."""
    ours, theirs = _changed(here, article_id, annotator), _changed(there, their_article, annotator)
    try:
        mine, other = parse_timestamp(ours or ""), parse_timestamp(theirs or "")
    except ValueError:
        return None
    return "here" if mine > other else "there" if other > mine else None
