"""Which of an article's suggestions are the model's now. A re-suggest keeps older suggestions that someone decided
on, for the record (`replace_suggestions`); they are history, not offers. So an annotator is offered the current
ones only, and sees an older one only where they decided on it themselves (their undo and history need it):
newcomer trial 29 found another annotator's old decisions offered beside the new model's, listed twice."""

from __future__ import annotations

import sqlite3

from annotator.vocabulary import suggester_kind


def current_suggesters(conn: sqlite3.Connection, article_id: str) -> set[str]:
    """Per kind of suggester (entities, quotes), the one that wrote last to this article (by `created_at`, which a
    merge keeps; ids say only when a row came into this file)."""
    sql = "SELECT suggester, MAX(created_at), MAX(id) FROM suggestions WHERE article_id = ? GROUP BY suggester"
    newest: dict[str, tuple[str, int, str]] = {}
    for suggester, created_at, last_id in conn.execute(sql, [article_id]):
        kind = suggester_kind(suggester)
        newest[kind] = max(newest.get(kind, ("", -1, "")), (created_at, last_id, suggester))
    return {name for *_, name in newest.values()}


def current_suggesters_by_article(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """`current_suggesters` of every article holding suggestions, in one pass (a plain `suggest` says which
    articles keep a trained pipeline's: their current ones, whatever older rows stay for the record)."""
    sql = "SELECT article_id, suggester, MAX(created_at), MAX(id) FROM suggestions GROUP BY article_id, suggester"
    newest: dict[tuple[str, str], tuple[str, int, str]] = {}
    for article_id, suggester, created_at, last_id in conn.execute(sql):
        key = (article_id, suggester_kind(suggester))
        newest[key] = max(newest.get(key, ("", -1, "")), (created_at, last_id, suggester))
    found: dict[str, set[str]] = {}
    for (article_id, _), (*_, name) in newest.items():
        found.setdefault(article_id, set()).add(name)
    return found


def current_ids(conn: sqlite3.Connection, article_id: str) -> set[int]:
    """The ids of the current suggestions: the newest batch of each current suggester."""
    sql = """SELECT g.id, g.suggester FROM suggestions g WHERE g.article_id = ? AND g.created_at = (
                 SELECT MAX(h.created_at) FROM suggestions h WHERE h.article_id = g.article_id
                 AND h.suggester = g.suggester)"""
    names = current_suggesters(conn, article_id)
    return {row[0] for row in conn.execute(sql, [article_id]) if row[1] in names}
