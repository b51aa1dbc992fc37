"""Scoring against gold, with small hand-computed cases, all through `evaluate` (the columns path the
`annotator evaluate` command takes)."""

from __future__ import annotations

import pytest

from annotator.metrics.evaluation import MatchCounts, evaluate
from annotator.models import Label, Offsets, Span


def span(start: int, end: int, label: str = "ACTOR", speaker: tuple[int, int] | None = None) -> Span:
    who = Offsets(start=speaker[0], end=speaker[1]) if speaker else None
    return Span(start=start, end=end, label=label, text="x" * (end - start), speaker=who)


def test_prf_from_counts() -> None:
    scores = MatchCounts(tp=2, fp=1, fn=2)
    assert (scores.precision, scores.recall) == (2 / 3, 0.5)
    assert scores.f1 == pytest.approx(4 / 7)


def test_prf_without_spans_is_undefined() -> None:
    """Nothing to divide by is None (n/a), as in the agreement report; a model finding nothing scores F1 0."""
    assert (MatchCounts().precision, MatchCounts().recall, MatchCounts().f1) == (None, None, None)
    assert (MatchCounts(fn=2).precision, MatchCounts(fn=2).recall, MatchCounts(fn=2).f1) == (None, 0.0, 0.0)
    assert (MatchCounts(fp=2).precision, MatchCounts(fp=2).recall, MatchCounts(fp=2).f1) == (0.0, None, 0.0)


def test_exact_match_needs_same_label_and_offsets() -> None:
    gold = [span(0, 5), span(10, 15, "LOCATION")]
    predicted = [span(0, 5), span(10, 15, "ACTOR"), span(10, 14, "LOCATION")]
    assert evaluate([(gold, predicted)]).micro.exact.tp == 1


def test_overlap_matching_is_one_to_one() -> None:
    """One long predicted span over two gold spans matches only one of them (the one sharing more characters:
    `test_matching` checks which)."""
    gold = [span(0, 4), span(5, 20)]
    predicted = [span(2, 20)]
    assert evaluate([(gold, predicted)]).micro.overlap == MatchCounts(tp=1, fp=0, fn=1)


def test_overlap_ignores_other_labels() -> None:
    assert evaluate([([span(0, 5)], [span(0, 5, "LOCATION")])]).micro.overlap.tp == 0


def test_speaker_accuracy_counts_overlapping_speakers() -> None:
    gold = [span(0, 5), span(20, 30, "QUOTE", (0, 5)), span(40, 50, "QUOTE", (0, 5)), span(60, 70, "QUOTE")]
    predicted = [
        span(0, 3),
        span(21, 30, "QUOTE", (0, 3)),  # right: speaker overlaps the gold one
        span(40, 50, "QUOTE", (8, 9)),  # wrong speaker
        span(60, 70, "QUOTE"),  # right: neither has a speaker
    ]
    result = evaluate([(gold, predicted)]).speakers
    assert (result.gold_quotes, result.correct) == (3, 2)


def test_unmatched_gold_quote_counts_as_wrong_speaker() -> None:
    assert evaluate([([span(20, 30, "QUOTE", (0, 5))], [])]).speakers.correct == 0


def test_evaluate_per_label_and_micro() -> None:
    gold_a = [span(0, 5), span(10, 20, "LOCATION"), span(30, 32, "FIGURE")]
    predicted_a = [span(0, 5), span(12, 20, "LOCATION"), span(40, 42, "FIGURE")]
    gold_b = [span(0, 6)]
    predicted_b: list[Span] = []
    result = evaluate([(gold_a, predicted_a), (gold_b, predicted_b)])
    assert result.articles == 2
    assert result.labels[Label.ACTOR].exact == MatchCounts(tp=1, fp=0, fn=1)
    assert result.labels[Label.LOCATION].exact == MatchCounts(tp=0, fp=1, fn=1)
    assert result.labels[Label.LOCATION].overlap == MatchCounts(tp=1, fp=0, fn=0)
    assert result.labels[Label.FIGURE].overlap == MatchCounts(tp=0, fp=1, fn=1)
    assert result.micro.exact == MatchCounts(tp=1, fp=2, fn=3)
    assert result.micro.overlap == MatchCounts(tp=2, fp=1, fn=2)
    assert result.micro.overlap.f1 == pytest.approx(4 / 7)


def test_spans_of_different_articles_never_match() -> None:
    result = evaluate([([span(0, 5)], []), ([], [span(0, 5)])])
    assert result.micro.exact == MatchCounts(tp=0, fp=1, fn=1)
