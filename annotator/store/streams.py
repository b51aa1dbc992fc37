"""Streaming reads for exports: many articles' rows in a few queries instead of a few per article."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from annotator.store.reads import STANDS, Reader
from annotator.store.temporary import temporary_files

#: Articles read at a time.
BATCH = 500


def annotation_stream(
    reader: Reader, annotator: str, statuses: Collection[str] | None = None
) -> Iterator[tuple[tuple[Any, ...], list[Any]]]:
    """What `annotated_articles` lists (of those, the annotations whose status is in `statuses`, when given),
    with each article's row and spans, in ingest order.

    Yields ((id, text, title, meta, status, updated_at, flag_reason), [(start, end, label, text, speaker_start,
    speaker_end), ...]). Articles come a batch at a time; each article's spans come from one query through
    the (article_id, annotator) index, already in order. Measured on 30,000 articles (benchmarks/export.py):
    that is about twice as fast as one query for a whole batch's spans, which SQLite must sort in a temporary
    B-tree before it returns the first row.
    """
    with temporary_files(reader.path):  # the articles are sorted in ingest order in SQLite's temporary files
        yield from _stream(reader, annotator, statuses)


def _stream(
    reader: Reader, annotator: str, statuses: Collection[str] | None
) -> Iterator[tuple[tuple[Any, ...], list[Any]]]:
    chosen = sorted(statuses) if statuses is not None else None
    among = f"AND n.status IN ({','.join('?' * len(chosen))})" if chosen is not None else ""
    articles = reader.conn.execute(
        f"""SELECT a.id, a.text, a.title, a.meta, n.status, n.updated_at, n.flag_reason FROM annotations n
           JOIN articles a ON a.id = n.article_id
           WHERE n.annotator = ? {among} AND {STANDS} ORDER BY a.rowid""",
        [annotator, *(chosen or [])],
    )
    spans_of = (
        'SELECT start, "end", label, text, speaker_start, speaker_end FROM spans '
        'WHERE article_id = ? AND annotator = ? ORDER BY start, "end", id'
    )
    execute = reader.conn.execute
    while rows := articles.fetchmany(BATCH):
        for row in rows:
            yield row, execute(spans_of, (row[0], annotator)).fetchall()
