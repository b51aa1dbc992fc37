"""Scoring spans (suggestions, or any annotator) against gold: pure functions over lists of spans.

Per label and micro over all labels: precision, recall and F1 under two matching rules,
- exact: same label, same start and end;
- overlap: same label and at least one shared character, matched one-to-one greedily (pairs with more shared
  characters first, then by gold start and predicted start), so one long span cannot match two short ones.
A ratio with nothing to divide by is None ("n/a"), as in the agreement report: precision with no predicted span
of the label, recall with no gold span, F1 with neither.

Speaker accuracy: the share of gold QUOTE spans that an overlap-matched predicted QUOTE attributes correctly:
its speaker overlaps the gold speaker, or both have no speaker. Unmatched gold quotes count as wrong; the
denominator is every gold QUOTE. No spaCy or Textual here: the CLI and the benchmarks call these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, ConfigDict, computed_field

from annotator.metrics.intervals import ArticleCounts, article_counts
from annotator.metrics.matching import LABEL_CODE, SpanColumns, match_both, ratios, speakers_agree
from annotator.rows import SpanLike
from annotator.vocabulary import Label

LABELS: tuple[Label, ...] = tuple(Label)


class MatchCounts(BaseModel):
    """True/false positive and false negative counts with the ratios derived from them: None where there is
    nothing to divide by (printed "n/a", null in JSON), the agreement report's rule
    (`annotator.metrics.matching.ratios`): precision with no prediction, recall with no reference span, F1 with
    neither. A model that finds nothing where the reference has spans scores an F1 of 0.0."""

    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0

    # pydantic's computed fields are properties mypy cannot see through: its documented ignore, checked as needed.
    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return ratios(self.tp, self.tp + self.fn, self.tp + self.fp)[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return ratios(self.tp, self.tp + self.fn, self.tp + self.fp)[1]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        return ratios(self.tp, self.tp + self.fn, self.tp + self.fp)[2]

    def __add__(self, other: MatchCounts) -> MatchCounts:
        return MatchCounts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class LabelScores(BaseModel):
    model_config = ConfigDict(frozen=True)

    exact: MatchCounts = MatchCounts()
    overlap: MatchCounts = MatchCounts()

    def __add__(self, other: LabelScores) -> LabelScores:
        return LabelScores(exact=self.exact + other.exact, overlap=self.overlap + other.overlap)


class SpeakerScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    gold_quotes: int = 0
    correct: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        """None with no reference quote: no speaker to get right or wrong (not 0.0, every speaker wrong)."""
        return self.correct / self.gold_quotes if self.gold_quotes else None

    def __add__(self, other: SpeakerScore) -> SpeakerScore:
        return SpeakerScore(gold_quotes=self.gold_quotes + other.gold_quotes, correct=self.correct + other.correct)


class Evaluation(BaseModel):
    """Scores over a set of articles: `labels` per label, `micro` pooled over all labels."""

    model_config = ConfigDict(frozen=True)

    articles: int
    labels: dict[Label, LabelScores]
    micro: LabelScores
    speakers: SpeakerScore


def _prf(matched: int, gold: int, predicted: int) -> MatchCounts:
    return MatchCounts(tp=matched, fp=predicted - matched, fn=gold - matched)


@dataclass(frozen=True)
class Scored:
    """The scores, and from the same matching each article's exact and overlap counts (what `metrics.intervals`
    resamples)."""

    evaluation: Evaluation
    exact: ArticleCounts
    overlap: ArticleCounts


def evaluate(articles: Iterable[tuple[Sequence[SpanLike], Sequence[SpanLike]]]) -> Evaluation:
    """Score (gold spans, predicted spans) pairs, one pair per article; spans only meet within their article."""
    return score_pairs(articles).evaluation


def score_pairs(articles: Iterable[tuple[Sequence[SpanLike], Sequence[SpanLike]]]) -> Scored:
    """`evaluate`, with each article's counts."""
    gold: list[tuple[int, Sequence[SpanLike]]] = []
    predicted: list[tuple[int, Sequence[SpanLike]]] = []
    for index, (gold_spans, predicted_spans) in enumerate(articles):
        gold.append((index, gold_spans))
        predicted.append((index, predicted_spans))
    return score_columns(SpanColumns.from_spans(gold), SpanColumns.from_spans(predicted), len(gold))


def evaluate_columns(gold: SpanColumns, predicted: SpanColumns, articles: int) -> Evaluation:
    """The same scores from span columns of many articles at once: one matching pass, no loop per article."""
    return score_columns(gold, predicted, articles).evaluation


def score_columns(gold: SpanColumns, predicted: SpanColumns, articles: int) -> Scored:
    """`evaluate_columns`, with each article's counts from the same matching."""
    matched = match_both(gold, predicted)
    (exact_gold, _), (overlap_gold, overlap_predicted) = matched
    size = len(LABELS)
    counts = {
        "gold": np.bincount(gold.label, minlength=size),
        "predicted": np.bincount(predicted.label, minlength=size),
        "exact": np.bincount(gold.label[exact_gold], minlength=size),
        "overlap": np.bincount(gold.label[overlap_gold], minlength=size),
    }
    per_label = {
        label: LabelScores(
            exact=_prf(int(counts["exact"][code]), int(counts["gold"][code]), int(counts["predicted"][code])),
            overlap=_prf(int(counts["overlap"][code]), int(counts["gold"][code]), int(counts["predicted"][code])),
        )
        for code, label in enumerate(LABELS)
    }
    micro = LabelScores()
    for scores in per_label.values():
        micro += scores
    quote = LABEL_CODE[Label.QUOTE]
    quotes = gold.label[overlap_gold] == quote
    correct = speakers_agree(gold, predicted, overlap_gold[quotes], overlap_predicted[quotes])
    speakers = SpeakerScore(gold_quotes=int(counts["gold"][quote]), correct=int(correct.sum()))
    evaluation = Evaluation(articles=articles, labels=per_label, micro=micro, speakers=speakers)
    return Scored(evaluation, *article_counts(gold, predicted, articles, matched))
