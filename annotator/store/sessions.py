"""When a person opened and left an article on a screen (table `sessions`, migration 0006), for `stats`' time spent
(`metrics.activity.time_spent`): the time between quitting a screen and opening it again is no work, and quitting
writes no event. Rows of their own, never events: undo and redo never see them, and `check` replays the event log
without them. A session never stops a screen: on a file it cannot write (read-only, full, locked) it is not
recorded, as a cursor is not (`ArticleWriter.save_cursor`), and stats keeps the rule without sessions there."""

from __future__ import annotations

import sqlite3

from annotator.metrics.activity import Session
from annotator.store.connection import Connection
from annotator.store.opening import WriteFailed
from annotator.vocabulary import utc_now


def has_table(conn: sqlite3.Connection) -> bool:
    """Whether the file has the table: one of an older schema read as it is (`READABLE_AS_IS`) has not."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'")
    return found.fetchone() is not None


def open_session(
    store: Connection,
    article_id: str,
    annotator: str,
    reviewer: str | None = None,
    *,
    leaving: int | None = None,
    at: str | None = None,
) -> int | None:
    """Record `article_id` opened on a screen as `annotator`'s (gold's, by `reviewer`, on the review screen), and
    end the session `leaving` (the one the screen had open) at the same moment, in one transaction: going on to the
    next article leaves no gap between them. The new session's id; None when nothing could be written."""
    if store.read_only:
        return None
    when = at or utc_now()
    try:
        with store.write():
            if leaving is not None:
                _close(store, leaving, when)
            cursor = store.conn.execute(
                "INSERT INTO sessions (article_id, annotator, reviewer, opened_at) VALUES (?, ?, ?, ?)",
                [article_id, annotator, reviewer, when],
            )
    except WriteFailed:
        return None
    return cursor.lastrowid


def close_session(store: Connection, session: int, at: str | None = None) -> bool:
    """Record that the screen left the session's article (quit, or closed by a signal); whether it was written."""
    if store.read_only:
        return False
    try:
        with store.write():
            _close(store, session, at or utc_now())
    except WriteFailed:
        return False
    return True


def _close(store: Connection, session: int, when: str) -> None:
    store.conn.execute("UPDATE sessions SET closed_at = ? WHERE id = ? AND closed_at IS NULL", [when, session])


def sessions_of(conn: sqlite3.Connection, annotator: str) -> list[Session]:
    """The annotator's sessions (gold's: every reviewer's), in the order they were opened; none in a file of an older
    schema read as it is. A moment another program stored wrong ('yesterday') is `check`'s (`content.moment_problems`,
    over every `_at` column): `stats` refuses such a file in one line before it reads them."""
    if not has_table(conn):
        return []
    sql = "SELECT article_id, opened_at, closed_at, reviewer FROM sessions WHERE annotator = ? ORDER BY id"
    return [Session(*row) for row in conn.execute(sql, [annotator])]


def every_session(conn: sqlite3.Connection) -> list[tuple[str, Session]]:
    """Every session with the name it was opened under, in the order they were opened (`sessions_of`, for all)."""
    if not has_table(conn):
        return []
    sql = "SELECT annotator, article_id, opened_at, closed_at, reviewer FROM sessions ORDER BY id"
    return [(annotator, Session(*row)) for annotator, *row in conn.execute(sql)]


class Sitting:
    """The session of the article a screen shows (the app's, from its first article to quitting): `shows` opens
    one as the screen shows an article, ending the one before at the same moment, and goes on in the same session
    when the article is shown again (read again after another window's change); `leaves` ends it as the app quits
    (q, a SIGTERM or SIGHUP). An app that ends otherwise (a crash, a kill) leaves it open: `time_spent` ends it at
    its last action. Never stops the screen: a file it cannot write keeps no session."""

    def __init__(self, store: Connection) -> None:
        self.store = store
        self.open: tuple[str, int] | None = None  # the article shown, and its session's id

    def shows(self, article_id: str, annotator: str, reviewer: str | None = None) -> None:
        if self.open is not None and self.open[0] == article_id:
            return
        leaving = self.open[1] if self.open is not None else None
        opened = open_session(self.store, article_id, annotator, reviewer, leaving=leaving)
        self.open = (article_id, opened) if opened is not None else None

    def leaves(self) -> None:
        if self.open is not None:
            close_session(self.store, self.open[1])
            self.open = None
