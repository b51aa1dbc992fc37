"""One article as a screen shows it, read as plain rows: the TUI's start-up path, kept free of pydantic.

Importing pydantic and building its validators costs more than the rest of opening an article, so the
annotate screen reads here and the models are loaded after the first frame. The rows were validated by the
models when they were written, the schema's CHECK constraints hold them, and `annotator check` validates the
whole file through the models again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from annotator.errors import NotFound
from annotator.vocabulary import Label, Status


class TokenBounds(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SpanRow:
    """A stored span or suggestion; `speaker` is the (start, end) of a QUOTE's ACTOR."""

    id: int
    start: int
    end: int
    label: Label
    text: str
    speaker: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article for one annotator: their spans, every suggestion, and which suggestions they decided on."""

    id: str
    title: str
    text: str
    status: Status
    cursor: int
    tokens: list[TokenBounds]
    spans: list[SpanRow]
    suggestions: list[SpanRow] = field(default_factory=list)
    decided: frozenset[int] = frozenset()


SPAN_FIELDS = 'id, start, "end", label, text, speaker_start, speaker_end'


def _span_row(row: tuple[Any, ...]) -> SpanRow:
    span_id, start, end, label, text, speaker_start, speaker_end = row
    speaker = (speaker_start, speaker_end) if speaker_start is not None else None
    return SpanRow(span_id, start, end, Label(label), text, speaker)


def read_view(conn: sqlite3.Connection, article_id: str, annotator: str) -> ArticleRows:
    article = conn.execute("SELECT title, text, tokens FROM articles WHERE id = ?", [article_id]).fetchone()
    if article is None:
        raise NotFound(f"no article with id {article_id!r}")
    title, text, tokens = article
    annotation = conn.execute(
        "SELECT status, cursor FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    status, cursor = annotation or (Status.TODO.value, 0)
    spans = conn.execute(
        f'SELECT {SPAN_FIELDS} FROM spans WHERE article_id = ? AND annotator = ? ORDER BY start, "end", id',
        [article_id, annotator],
    )
    suggestions = conn.execute(
        f'SELECT {SPAN_FIELDS} FROM suggestions WHERE article_id = ? ORDER BY start, "end", id', [article_id]
    )
    decided = conn.execute(
        "SELECT suggestion_id FROM decisions WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    )
    return ArticleRows(
        id=article_id,
        title=title,
        text=text,
        status=Status(status),
        cursor=cursor,
        tokens=[TokenBounds(start, end) for start, end in json.loads(tokens)] if tokens else [],
        spans=[_span_row(row) for row in spans],
        suggestions=[_span_row(row) for row in suggestions],
        decided=frozenset(row[0] for row in decided),
    )
