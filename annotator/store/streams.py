"""Streaming reads for exports: many articles' rows in a few queries instead of a few per article."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from annotator.store.reads import Reader

#: Articles whose spans one query fetches: small enough for the index to serve it without a big sort.
BATCH = 500


def annotation_stream(reader: Reader, annotator: str) -> Iterator[tuple[tuple[Any, ...], list[Any]]]:
    """What `annotated_articles` lists, with each article's row and spans, in ingest order.

    Yields ((id, text, title, meta, status, updated_at, flag_reason), [(article id, start, end, label, text,
    speaker_start, speaker_end), ...]). Spans come one query per batch of articles, through the
    (article_id, annotator) index: one query per article costs a round trip each, and one query for all of
    them sorts every span of the annotator in a temporary file first.
    """
    articles = reader.db.execute(
        """SELECT a.id, a.text, a.title, a.meta, n.status, n.updated_at, n.flag_reason FROM annotations n
           JOIN articles a ON a.id = n.article_id
           WHERE n.annotator = ? AND (n.status != 'todo' OR EXISTS (
               SELECT 1 FROM spans s WHERE s.article_id = n.article_id AND s.annotator = n.annotator))
           ORDER BY a.rowid""",
        [annotator],
    )
    while rows := articles.fetchmany(BATCH):
        marks = ",".join("?" * len(rows))
        spans: dict[str, list[Any]] = defaultdict(list)
        for span in reader.db.execute(
            f'SELECT article_id, start, "end", label, text, speaker_start, speaker_end FROM spans '
            f'WHERE annotator = ? AND article_id IN ({marks}) ORDER BY article_id, start, "end", id',
            [annotator, *(row[0] for row in rows)],
        ):
            spans[span[0]].append(span)
        for row in rows:
            yield row, spans.get(row[0], [])
