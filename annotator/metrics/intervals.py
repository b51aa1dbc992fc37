"""How far a micro F1 rests on the articles it was measured on: a percentile bootstrap over articles.

A score over 18 articles is one draw of 18; other articles of the same kind would give another. The spans of one
article are not independent (one story, one writer, one annotator's habits), so whole articles are resampled, with
replacement, and micro F1 is pooled again over each resample; the interval holds the middle 95% of those F1s. For a
change (before and after training, one suggester against another on the same gold) both sides are resampled with
the same articles, so what the articles share cancels out (a paired bootstrap): an interval of the gain that holds
0 means other articles could as well have shown no gain, or a loss.

The draws use a fixed seed: the same figures give the same interval on every run and machine. Pure numpy; the
reports say what the intervals mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from annotator.metrics.matching import Pairs, SpanColumns

#: Resamples drawn; 2,000 puts the 2.5th and 97.5th percentiles within about 0.005 of where more draws put them.
DRAWS = 2000
LEVEL = 0.95
SEED = 0


@dataclass(frozen=True)
class ArticleCounts:
    """Per article (in order), for one matching rule: reference spans, predicted spans, and those matched."""

    matched: np.ndarray
    reference: np.ndarray
    predicted: np.ndarray

    def __len__(self) -> int:
        return len(self.matched)


@dataclass(frozen=True)
class Interval:
    """The middle `level` of the resampled figures: `low` to `high`, over `articles` articles and `draws` draws."""

    low: float
    high: float
    articles: int
    draws: int = DRAWS
    level: float = LEVEL


def article_counts(
    gold: SpanColumns, predicted: SpanColumns, articles: int, matched: tuple[Pairs, Pairs]
) -> tuple[ArticleCounts, ArticleCounts]:
    """(exact, overlap) counts per article from `match_both`'s pairs, as `metrics.evaluation.score_columns` gives them."""
    (exact_gold, _), (overlap_gold, _) = matched
    reference = np.bincount(gold.article, minlength=articles)
    made = np.bincount(predicted.article, minlength=articles)
    return (
        ArticleCounts(np.bincount(gold.article[exact_gold], minlength=articles), reference, made),
        ArticleCounts(np.bincount(gold.article[overlap_gold], minlength=articles), reference, made),
    )


#: Resamples drawn at a time: a draw is as long as the articles, so 10,000 articles take 20 MB a chunk, not 160.
CHUNK = 250


def with_spans(*sides: ArticleCounts) -> int:
    """How many articles have a span, reference or predicted, on any side (those a resample can move)."""
    spans = sum(side.reference + side.predicted for side in sides)
    return int(np.count_nonzero(spans))


#: Below this many articles with spans the percentile bootstrap is a rough guide (it runs narrow on few).
FEW = 10
#: Below this many articles with spans no interval is drawn, of an F1 (`f1_interval`: evaluate, agreement) or of a
#: change (`gain_interval`: train, evaluate --against): two articles make 3 distinct resamples and three 10, and the
#: one holding a single article n times is drawn 1 in n**n (1 in 4, 1 in 27: over the 2.5% a 95% interval leaves
#: out at each end), so its "95%" ends would be little more than single articles' own figures. From 4 (1 in 256)
#: they are mixes of articles. The one rule for every report (until 2026-12-05 `f1_interval` drew from 2: `evaluate
#: --model` printed "F1 95% 0.825-0.838" from 2 held-out articles); `reports.no_interval` says why there is none.
FEWEST = 4


def _resampled_f1(sides: Sequence[ArticleCounts], draws: int, seed: int) -> list[np.ndarray]:
    """Micro F1 of each resample (draws of as many articles, with replacement), for each side on the same draws;
    NaN where a resample has no span on either side."""
    articles = len(sides[0])
    rng = np.random.default_rng(seed)
    scores: list[list[np.ndarray]] = [[] for _ in sides]
    for done in range(0, draws, CHUNK):
        rows = rng.integers(0, articles, size=(min(CHUNK, draws - done), articles), dtype=np.int32)
        for side, kept in zip(sides, scores, strict=True):
            matched = side.matched[rows].sum(axis=1)
            spans = side.reference[rows].sum(axis=1) + side.predicted[rows].sum(axis=1)
            kept.append(np.where(spans > 0, 2 * matched / np.maximum(spans, 1), np.nan))
    return [np.concatenate(kept) for kept in scores]


def _interval(values: np.ndarray, articles: int, draws: int, level: float) -> Interval | None:
    kept = values[~np.isnan(values)]
    if not len(kept):
        return None
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(kept, [tail, 100 - tail])
    return Interval(float(low), float(high), articles, draws, level)


def f1_interval(
    counts: ArticleCounts, *, draws: int = DRAWS, level: float = LEVEL, seed: int = SEED, fewest: int = FEWEST
) -> Interval | None:
    """The interval of micro F1 over resampled articles; None with fewer than `fewest` articles with a span on
    either side (`FEWEST`, as for a gain; an article with none moves no micro F1, so one such and one other always
    drew the same figure, a 0.917-0.917 that claimed a certainty two articles cannot give; re-check 39c)."""
    if with_spans(counts) < max(2, fewest):
        return None
    (f1,) = _resampled_f1([counts], draws, seed)
    return _interval(f1, len(counts), draws, level)


def gain_interval(
    before: ArticleCounts,
    after: ArticleCounts,
    *,
    draws: int = DRAWS,
    level: float = LEVEL,
    seed: int = SEED,
    fewest: int = FEWEST,
) -> Interval | None:
    """The interval of micro F1 after minus before, both resampled with the same articles; None with fewer than
    `fewest` articles with a span on either side (`FEWEST`: with 2 held-out articles `train` printed a "95%"
    interval from 3 possible resamples). The two must count the same articles in the same order."""
    if len(before) != len(after):
        raise ValueError(f"before has {len(before)} articles, after {len(after)}: not the same articles")
    if with_spans(before, after) < max(2, fewest):
        return None
    was, now = _resampled_f1([before, after], draws, seed)
    return _interval(now - was, len(before), draws, level)
