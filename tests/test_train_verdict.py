"""Newcomer trial 31: `annotator train --out models/gold` printed ALL exact F1 0.909 before, 0.727 after, scored on
one held-out article, then "use it: annotator suggest --model models/gold". Worse after than before, it says so
and does not recommend the pipeline; on a small held-out part it says how little the figures rest on. The lines
`train` prints (`reports.training.report_lines`), from the report the training returns."""

from __future__ import annotations

from pathlib import Path

from annotator.exchange.training import TrainReport
from annotator.metrics.evaluation import Evaluation, LabelScores, MatchCounts, SpeakerScore
from annotator.reports.training import report_lines
from annotator.vocabulary import ENTITY_LABELS


def _scored(tp: int, fp: int, fn: int) -> Evaluation:
    scores = LabelScores(exact=MatchCounts(tp=tp, fp=fp, fn=fn), overlap=MatchCounts(tp=tp, fp=fp, fn=fn))
    labels = {label: LabelScores() for label in ENTITY_LABELS}
    return Evaluation(articles=1, labels=labels, micro=scores, speakers=SpeakerScore())


def _report(before: Evaluation, after: Evaluation, held_out: int) -> TrainReport:
    return TrainReport("gold", 1, held_out, before, after, Path("models/gold"), "entities.v9@0123456789ab")


def test_worse_after_on_one_article_says_so_and_does_not_recommend_it() -> None:
    # 0.909 = 2*5/(2*5+1): 5 found, 1 missed; 0.727 = 2*4/(2*4+3)
    lines = report_lines(_report(_scored(5, 0, 1), _scored(4, 1, 2), held_out=1))
    assert lines[-3:] == [
        "these figures rest on only 1 held-out article(s) and 6 reference span(s): one article more or less moves "
        "them a lot",
        "it scores lower after training than before (ALL exact F1 0.909 -> 0.727): keep suggesting with the "
        "pipeline you have",
        "to compare more fairly: hold out more articles (annotate more gold: a fifth is held out), "
        "`annotator evaluate --model models/gold`, `annotator train --curve`",
    ]
    assert not any("use it" in line for line in lines)


def test_better_after_on_enough_gold_recommends_it_plainly() -> None:
    lines = report_lines(_report(_scored(30, 10, 10), _scored(35, 5, 5), held_out=4))
    assert lines[-2:] == [
        "pipeline -> models/gold (its suggestions are named entities.v9@0123456789ab)",
        "use it: annotator suggest --model models/gold",
    ]
