"""Which of an article's suggestions are the model's now. A re-suggest keeps older suggestions that someone decided
on, for the record (`replace_suggestions`); they are history, not offers. So an annotator is offered the current
ones only, and sees an older one only where they decided on it themselves (their undo and history need it):
newcomer trial 29 found another annotator's old decisions offered beside the new model's, listed twice."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.vocabulary import suggester_kind

#: Each suggester's newest batch for an article (rows as `g`): older batches stay only because someone decided on
#: them (`replace_suggestions`), so they are not what the model suggests now.
NEWEST_BATCH = """g.created_at = (SELECT MAX(h.created_at) FROM suggestions h WHERE h.article_id = g.article_id
                                AND h.suggester = g.suggester)"""
_LAST_WRITES = (
    "SELECT article_id, suggester, MAX(created_at), MAX(id) FROM suggestions {where} GROUP BY article_id, suggester"
)


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
    sql = f"SELECT g.id, g.suggester FROM suggestions g WHERE g.article_id = ? AND {NEWEST_BATCH}"
    names = current_suggesters(conn, article_id)
    return {row[0] for row in conn.execute(sql, [article_id]) if row[1] in names}
