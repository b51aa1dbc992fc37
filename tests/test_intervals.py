"""`annotator.metrics.intervals`: the bootstrap over articles, on counts whose resamples can be worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.metrics.evaluation import score_pairs
from annotator.metrics.intervals import FEWEST, ArticleCounts, f1_interval, gain_interval
from annotator.models import Span
from annotator.vocabulary import Label


def counts(matched: list[int], reference: list[int], predicted: list[int]) -> ArticleCounts:
    return ArticleCounts(np.array(matched), np.array(reference), np.array(predicted))


def test_articles_that_score_alike_give_a_point():
    same = counts([3, 3, 3, 3], [4, 4, 4, 4], [4, 4, 4, 4])  # every resample pools to F1 0.75
    interval = f1_interval(same)
    assert interval is not None
    assert (interval.low, interval.high, interval.articles, interval.draws) == (0.75, 0.75, 4, 2000)


def test_one_perfect_and_one_wrong_article_span_the_whole_range():
    # A resample of two holds the perfect article twice (F1 1), once (0.5) or never (0): a quarter each end.
    interval = f1_interval(counts([5, 0], [5, 5], [5, 5]), fewest=2)
    assert interval is not None
    assert (interval.low, interval.high) == (0.0, 1.0)


def test_one_article_has_nothing_to_resample():
    assert f1_interval(counts([1], [2], [2])) is None
    assert gain_interval(counts([1], [2], [2]), counts([2], [2], [2])) is None


def test_no_span_on_either_side_has_no_interval():
    assert f1_interval(counts([0, 0], [0, 0], [0, 0])) is None


def test_the_same_gain_on_every_article_is_a_point():
    before = counts([1, 2, 3, 4], [2, 4, 6, 8], [2, 4, 6, 8])  # F1 0.5 on each
    after = counts([2, 4, 6, 8], [2, 4, 6, 8], [2, 4, 6, 8])  # F1 1.0 on each
    interval = gain_interval(before, after)
    assert interval is not None
    assert (interval.low, interval.high, interval.articles) == (0.5, 0.5, 4)


def test_a_gain_on_one_article_and_a_loss_on_the_other_holds_zero():
    before = counts([4, 0], [4, 4], [4, 4])
    after = counts([0, 4], [4, 4], [4, 4])  # the same total, the articles swapped
    interval = gain_interval(before, after, fewest=2)
    assert interval is not None
    assert (interval.low, interval.high) == (-1.0, 1.0)


def test_a_gain_from_fewer_than_four_articles_has_no_interval():
    """A trial: two held-out articles, 3 distinct resamples, printed as a "95%" interval. With two or three the
    resample of one article repeated is drawn 1 in 4 or 1 in 27, over the 2.5% each end leaves out: the ends would
    be single articles' figures. Four articles with spans draw one; an article with none does not count."""
    three = counts([1, 2, 3], [2, 4, 6], [2, 4, 6]), counts([2, 4, 6], [2, 4, 6], [2, 4, 6])
    assert FEWEST == 4
    assert gain_interval(*three) is None
    assert (
        gain_interval(
            counts([1, 2, 3, 0], [2, 4, 6, 0], [2, 4, 6, 0]), counts([2, 4, 6, 0], [2, 4, 6, 0], [2, 4, 6, 0])
        )
        is None
    )
    assert gain_interval(*three, fewest=2) is not None
    assert f1_interval(three[0]) is None  # evaluate's and agreement's F1: the same rule (until 2026-12-05, two)
    assert f1_interval(three[0], fewest=2) is not None


def test_gain_needs_the_same_articles():
    with pytest.raises(ValueError, match="before has 2 articles, after 3"):
        gain_interval(counts([1, 1], [1, 1], [1, 1]), counts([1, 1, 1], [1, 1, 1], [1, 1, 1]))


def test_counts_from_spans_match_as_evaluate_does():
    def span(start: int, end: int, label: Label) -> Span:
        return Span(start=start, end=end, label=label, text="x" * (end - start))

    gold = [span(0, 5, Label.ACTOR), span(10, 15, Label.LOCATION)]
    moved = [span(0, 5, Label.ACTOR), span(10, 14, Label.LOCATION)]  # the place one character short
    scored = score_pairs([(gold, moved), ([], [span(0, 3, Label.FIGURE)])])
    exact, overlap = scored.exact, scored.overlap
    assert (exact.matched.tolist(), exact.reference.tolist(), exact.predicted.tolist()) == ([1, 0], [2, 0], [2, 1])
    assert overlap.matched.tolist() == [2, 0]


def test_the_interval_is_scipys_percentile_bootstrap_over_articles():
    """Against an implementation we did not write: scipy.stats.bootstrap, resampling the articles' counts together
    (paired), percentile method, 20,000 draws. The two differ only by their draws (about 0.005 here)."""
    from scipy.stats import bootstrap

    rng = np.random.default_rng(7)
    reference = rng.integers(5, 40, size=30)
    matched = rng.binomial(reference, 0.8)
    predicted = matched + rng.integers(0, 8, size=30)
    ours = f1_interval(counts(list(matched), list(reference), list(predicted)))

    def micro_f1(m: np.ndarray, r: np.ndarray, p: np.ndarray, axis: int = -1) -> np.ndarray:
        return 2 * m.sum(axis=axis) / (r.sum(axis=axis) + p.sum(axis=axis))

    theirs = bootstrap(
        (matched, reference, predicted),
        micro_f1,
        paired=True,
        vectorized=True,
        n_resamples=20000,
        method="percentile",
        random_state=1,
    ).confidence_interval
    assert ours is not None
    assert ours.low == pytest.approx(theirs.low, abs=0.01)
    assert ours.high == pytest.approx(theirs.high, abs=0.01)
    assert ours.high - ours.low > 0.02  # not a point: the comparison can fail


def test_an_article_without_spans_leaves_nothing_to_resample():
    """Re-check 39c: one article with spans and one with none drew the same micro F1 every time ("0.917-0.917")."""
    assert f1_interval(counts([11, 0], [12, 0], [12, 0])) is None
    assert gain_interval(counts([5, 0], [6, 0], [6, 0]), counts([6, 0], [6, 0], [6, 0]), fewest=2) is None
    assert f1_interval(counts([11, 0, 1, 2, 3], [12, 0, 2, 3, 4], [12, 0, 2, 3, 4]), fewest=5) is None
    interval = f1_interval(counts([11, 0, 1, 2, 3], [12, 0, 2, 3, 4], [12, 0, 2, 3, 4]))
    assert interval is not None and interval.articles == 5  # all articles are drawn; four have spans
