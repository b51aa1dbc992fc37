"""Work that is the model's suggestions unchanged, however it was made: `annotator accept`, or A then d on the
screen (2 keys and a second). A trial found two annotators who did `A d` on every article at alpha 0.972 and the
model's F1 0.937 against the gold settled from them, with no caution: the commands' caution (`store.unchecked`)
reads who wrote the events, and a screen's events are a person's. This reads what the work is, not how long it
took: every span as the model suggests it (offsets, label, speaker), none added, removed, resized or relabelled.

The model's suggestions for an article are its current ones (`store.current`: per kind, the newest batch of the
suggester that wrote last). An article the model suggested nothing on is never counted: work there that is empty
too says nothing of whose the spans are. Work accepted from an older version, since replaced by a `suggest` that
suggests otherwise, is not counted either: it is no longer what the model suggests."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from annotator.rows import SpanLike
from annotator.store.reads import Reader

#: A span as the comparison sees it: start, end, label, speaker start and end (None: no speaker).
Shape = tuple[int, int, str, int | None, int | None]

#: Per article, its current suggestions (`store.current`'s rule in one statement: per kind, the name before the
#: first dot, the suggester whose newest batch is newest, by `created_at` then id; that batch's rows).
_SUGGESTED = """
WITH wanted AS (SELECT value AS article_id FROM json_each(?)),
     batches AS (SELECT g.article_id, g.suggester, MAX(g.created_at) AS at, MAX(g.id) AS last FROM suggestions g
                 JOIN wanted USING (article_id) GROUP BY g.article_id, g.suggester),
     ranked AS (SELECT *, ROW_NUMBER() OVER (
                    PARTITION BY article_id, substr(suggester, 1, instr(suggester || '.', '.') - 1)
                    ORDER BY at DESC, last DESC, suggester DESC) AS place FROM batches)
SELECT g.article_id, g.start, g."end", g.label, g.speaker_start, g.speaker_end
FROM suggestions g JOIN ranked r ON r.article_id = g.article_id AND r.suggester = g.suggester
WHERE r.place = 1 AND g.created_at = r.at"""

_SPANS = """SELECT s.article_id, s.annotator, s.start, s."end", s.label, s.speaker_start, s.speaker_end FROM spans s
            JOIN (SELECT json_extract(value, '$[0]') AS article_id, json_extract(value, '$[1]') AS annotator
                  FROM json_each(?)) w ON w.article_id = s.article_id AND w.annotator = s.annotator"""


def _suggested(store: Reader, article_ids: Iterable[str]) -> dict[str, Counter[Shape]]:
    found: dict[str, Counter[Shape]] = {}
    for article_id, *shape in store.conn.execute(_SUGGESTED, [json.dumps(sorted(set(article_ids)))]):
        found.setdefault(article_id, Counter())[tuple(shape)] += 1
    return found


def _shape(span: SpanLike) -> Shape:
    speaker = span.speaker
    return span.start, span.end, span.label.value, speaker.start if speaker else None, speaker.end if speaker else None


def _unchanged(spans: Counter[Shape] | None, suggested: Counter[Shape] | None) -> bool:
    """The one test: the work's spans, each as it is, are the model's suggestions, each as it is, and there are
    some (an article the model suggested nothing on is never counted)."""
    return bool(suggested) and spans == suggested


def as_suggested(store: Reader, work: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of these (article id, annotator) pairs, those whose spans are exactly the model's current suggestions for the
    article (see the module's docstring), whatever their status and however they were made."""
    pairs = sorted(set(work))
    suggested = _suggested(store, (article for article, _ in pairs))
    spans: dict[tuple[str, str], Counter[Shape]] = {}
    for article_id, annotator, *shape in store.conn.execute(_SPANS, [json.dumps(pairs)]):
        spans.setdefault((article_id, annotator), Counter())[tuple(shape)] += 1
    return {pair for pair in pairs if _unchanged(spans.get(pair), suggested.get(pair[0]))}


def spans_as_suggested(store: Reader, spans: Mapping[str, Sequence[SpanLike]]) -> set[str]:
    """Of these articles' spans (a reference `evaluate` reads, from the store or a file), the articles where they
    are exactly the model's current suggestions in this database, as `as_suggested` compares them."""
    suggested = _suggested(store, spans)
    return {a for a, theirs in spans.items() if _unchanged(Counter(map(_shape, theirs)), suggested.get(a))}
