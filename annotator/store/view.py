"""One article as a screen shows it, in a few queries: the TUI's start-up path. Its suggestions are the current ones
and the older ones this annotator decided on (`store.current`).

Plain rows (`annotator.rows`): they were checked when they were written, the schema's CHECK constraints hold
them, and `annotator check` replays the whole event log against them.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from annotator.errors import NotFound
from annotator.literal import quoted
from annotator.rows import ArticleRows, Offsets, SpanRow, SuggestionRow, Token
from annotator.store.current import current_ids
from annotator.vocabulary import Label, Status

SPAN_FIELDS = 'id, start, "end", label, text, speaker_start, speaker_end'


def _span_row(row: tuple[Any, ...]) -> SpanRow:
    span_id, start, end, label, text, speaker_start, speaker_end, suggestion_id = row
    speaker = Offsets(speaker_start, speaker_end) if speaker_start is not None else None
    return SpanRow(span_id, start, end, Label(label), text, speaker, suggestion_id)


def _suggestion_row(row: tuple[Any, ...]) -> SuggestionRow:
    """A suggestion with the suggester version that made it, which the status line names (a newcomer's trial)."""
    span_id, start, end, label, text, speaker_start, speaker_end, suggester = row
    speaker = Offsets(speaker_start, speaker_end) if speaker_start is not None else None
    return SuggestionRow(span_id, start, end, Label(label), text, speaker, None, suggester)


def read_view(conn: sqlite3.Connection, article_id: str, annotator: str) -> ArticleRows:
    article = conn.execute("SELECT title, text, tokens FROM articles WHERE id = ?", [article_id]).fetchone()
    if article is None:
        raise NotFound(f"no article with id {quoted(article_id)}")
    title, text, tokens = article
    annotation = conn.execute(
        "SELECT status, cursor, opened_at FROM annotations WHERE article_id = ? AND annotator = ?",
        [article_id, annotator],
    ).fetchone()
    status, cursor, opened_at = annotation or (Status.TODO.value, 0, None)
    spans = conn.execute(
        f'SELECT {SPAN_FIELDS}, suggestion_id FROM spans WHERE article_id = ? AND annotator = ? ORDER BY start, "end", id',
        [article_id, annotator],
    )
    suggestions = conn.execute(
        f'SELECT {SPAN_FIELDS}, suggester FROM suggestions WHERE article_id = ? ORDER BY start, "end", id', [article_id]
    )
    decided = conn.execute(
        "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchall()
    current = current_ids(conn, article_id)
    shown = current | {row[0] for row in decided}  # an older one only if they decided on it
    return ArticleRows(
        id=article_id,
        title=title,
        text=text,
        status=Status(status),
        cursor=cursor,
        tokens=[Token(start, end) for start, end in json.loads(tokens)] if tokens else [],
        spans=[_span_row(row) for row in spans],
        suggestions=[_suggestion_row(row) for row in suggestions if row[0] in shown],
        decided=frozenset(row[0] for row in decided),
        rejected=frozenset(row[0] for row in decided if row[1] == "rejected"),
        current=frozenset(current),
        opened_at=opened_at,
    )
