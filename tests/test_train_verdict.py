"""Newcomer trial 31: `annotator train --out models/gold` printed ALL exact F1 0.909 before, 0.727 after, scored on
one held-out article, then "use it: annotator suggest --model models/gold". Worse after than before, it says so
and does not recommend the pipeline; on a small held-out part it says how little the figures rest on. The lines
`train` prints (`reports.training.report_lines`), from the report the training returns."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from annotator.exchange.training import TrainReport
from annotator.metrics.evaluation import Evaluation, LabelScores, MatchCounts, SpeakerScore
from annotator.metrics.intervals import ArticleCounts
from annotator.reports.training import report_lines
from annotator.vocabulary import ENTITY_LABELS


def _scored(tp: int, fp: int, fn: int) -> Evaluation:
    scores = LabelScores(exact=MatchCounts(tp=tp, fp=fp, fn=fn), overlap=MatchCounts(tp=tp, fp=fp, fn=fn))
    labels = {label: LabelScores() for label in ENTITY_LABELS}
    return Evaluation(articles=1, labels=labels, micro=scores, speakers=SpeakerScore())


def _counts(*per_article: tuple[int, int, int]) -> ArticleCounts:
    """Exact counts per held-out article from (tp, fp, fn) triples."""
    tp, fp, fn = (np.array(column) for column in zip(*per_article, strict=True))
    return ArticleCounts(matched=tp, reference=tp + fn, predicted=tp + fp)


def _report(
    before: Evaluation,
    after: Evaluation,
    held_out: int,
    by_article: tuple[ArticleCounts, ArticleCounts] | None = None,
) -> TrainReport:
    """`by_article` None: every held-out article scores alike (each as the whole, divided)."""
    if by_article is None:
        share = [(before.micro.exact.tp, before.micro.exact.fp, before.micro.exact.fn)] * held_out
        later = [(after.micro.exact.tp, after.micro.exact.fp, after.micro.exact.fn)] * held_out
        by_article = (_counts(*share), _counts(*later))
    return TrainReport(
        "gold",
        1,
        held_out,
        before,
        by_article[0],
        after,
        by_article[1],
        out=Path("models/gold"),
        suggester="entities.v9@0123456789ab",
    )


def test_worse_after_on_one_article_says_so_and_does_not_recommend_it() -> None:
    # 0.909 = 2*5/(2*5+1): 5 found, 1 missed; 0.727 = 2*4/(2*4+3)
    lines = report_lines(_report(_scored(5, 0, 1), _scored(4, 1, 2), held_out=1))
    assert lines[-4:] == [
        "these figures rest on only 1 held-out article(s) and 6 reference span(s): one article more or less moves "
        "them a lot",
        "entities exact F1 -0.182; no interval: 1 held-out article with spans, and an interval takes 4 (with fewer, its "
        "95% ends are little more than single articles' own figures)",
        "it scores lower after training than before (entities exact F1 0.909 -> 0.727): keep suggesting with the "
        "pipeline you have",
        "to compare more fairly: hold out more articles (annotate more gold: a fifth is held out), "
        "`annotator evaluate --model models/gold`, `annotator train --curve`",
    ]
    assert not any("use it" in line for line in lines)


def test_better_after_on_enough_gold_recommends_it_plainly() -> None:
    lines = report_lines(_report(_scored(30, 10, 10), _scored(35, 5, 5), held_out=4))
    assert lines[-4:] == [
        "pipeline -> models/gold (its suggestions are named entities.v9@0123456789ab)",
        "entities exact F1 +0.125; on other draws of 4 held-out articles +0.125 to +0.125 (95%, bootstrap)",
        "  with so few articles, a rough guide: the draws cannot hold what other articles would bring",
        "use it: annotator suggest --model models/gold",
    ]


def test_a_gain_one_article_makes_says_the_draw_could_as_well_have_made_it() -> None:
    """0.750 -> 0.8125 over four held-out articles: three score the same, the fourth makes all of the gain. A draw
    of four holding k copies of it gains k/16; k is 0 in 32% of draws and 3 or more in 5%, so the interval is
    +0.000 to +0.188 (k = 3); it holds 0 and the line says so, and the verdict is no plain "use it"."""
    same = (3, 1, 1)
    before = _counts(same, same, same, (3, 1, 1))
    after = _counts(same, same, same, (4, 0, 0))
    lines = report_lines(_report(_scored(12, 4, 4), _scored(13, 3, 3), 4, (before, after)))
    assert lines[-4:] == [
        "entities exact F1 +0.062; on other draws of 4 held-out articles +0.000 to +0.188 (95%, bootstrap)",
        "  with so few articles, a rough guide: the draws cannot hold what other articles would bring",
        "  that holds 0: other held-out articles could as well show no change",
        "it may help or not: annotator suggest --model models/gold uses it; more gold would tell",
    ]
