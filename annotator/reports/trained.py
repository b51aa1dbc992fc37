"""What `annotator train` says after its figures: use the pipeline, or not (newcomer trial 31: ALL exact F1 0.909
before, 0.727 after, on one held-out article, and it still said "use it"), and how little the figures rest on."""

from __future__ import annotations

from annotator.exchange.training import TrainReport
from annotator.reports.agreement import figure

#: Held out fewer articles or reference spans than this, one article more or less swings the figures.
FEW_ARTICLES = 3
FEW_SPANS = 30


def few_lines(report: TrainReport) -> list[str]:
    """A warning when the held-out part is small (`train` and `train --curve` alike), or nothing."""
    micro = report.before.micro.exact
    spans = micro.tp + micro.fn
    if report.held_out < FEW_ARTICLES or spans < FEW_SPANS:
        return [
            f"these figures rest on only {report.held_out} held-out article(s) and {spans} reference span(s): "
            "one article more or less moves them a lot"
        ]
    return []


def verdict_lines(report: TrainReport) -> list[str]:
    """A warning when the held-out part is small; "use it" unless it scores lower after than before."""
    micro = report.before.micro.exact
    lines = few_lines(report)
    before = micro.f1
    after = report.after.micro.exact.f1 if report.after is not None else None
    if before is not None and after is not None and after < before:
        lines += [
            f"it scores lower after training than before (ALL exact F1 {figure(before)} -> {figure(after)}): "
            "keep suggesting with the pipeline you have",
            "to compare more fairly: hold out more articles (annotate more gold: a fifth is held out), "
            f"`annotator evaluate --model {report.out}`, `annotator train --curve`",
        ]
    else:
        lines.append(f"use it: annotator suggest --model {report.out}")
    return lines
