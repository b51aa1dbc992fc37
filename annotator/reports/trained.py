"""What `annotator train` says after its figures: use the pipeline, or not (newcomer trial 31: ALL exact F1 0.909
before, 0.727 after, on one held-out article, and it still said "use it"; a later trial: 1.000 -> 1.000), and how
little the figures rest on."""

from __future__ import annotations

import shlex

from annotator.exchange.training import TrainReport
from annotator.metrics.intervals import FEW, with_spans
from annotator.reports.agreement import ROUGH, figure
from annotator.reports.no_interval import no_interval

#: Held out fewer articles or reference spans than this, one article more or less swings the figures.
FEW_ARTICLES = 3
FEW_SPANS = 30


def few_lines(report: TrainReport) -> list[str]:
    """A warning when the held-out part is small, and when the shipped component learned some of it (`train` and
    `train --curve` alike), or nothing."""
    micro = report.before.micro.exact
    spans = micro.tp + micro.fn
    lines = []
    if report.held_out < FEW_ARTICLES or spans < FEW_SPANS:
        lines.append(
            f"these figures rest on only {report.held_out} held-out article(s) and {spans} reference span(s): "
            "one article more or less moves them a lot"
        )
    if report.held_learned:  # a newcomer's team gold held out the seed alone: 1.000 before and after
        if report.held_out == 1:
            which = "the held-out article is one"
        elif report.held_learned == report.held_out:
            which = f"all {report.held_out} held-out articles are ones"
        else:
            which = f"{report.held_learned} of the {report.held_out} held-out articles are ones"
        lines.append(
            f"{which} the shipped learned component learned from (the seed article, the project's dev gold): it scores "
            "such articles far higher than news it has not seen, before training and after, so a gain hardly shows there; "
            "annotate articles of your own to hold out"
        )
    return lines


def gain_lines(report: TrainReport) -> list[str]:
    """The gain in the pooled entities' exact F1 (the row `reports.training` names "entities") with where other draws of as many held-out articles put it, or why there is no
    such interval (fewer than `intervals.FEWEST` held-out articles with spans); nothing before training."""
    if report.after is None or report.after_by_article is None:
        return []
    before, after = round(report.before.micro.exact.f1 or 0.0, 3), round(report.after.micro.exact.f1 or 0.0, 3)
    gain = report.gain  # before and after as the entities row prints them: the gain is their difference
    if gain is None:  # said, as `evaluate` says it has none (trial: one held-out article, "use it" outright)
        drawn = with_spans(report.before_by_article, report.after_by_article)
        return [f"entities exact F1 {after - before:+.3f}; {no_interval(drawn, 'held-out article')}"]
    lines = [
        f"entities exact F1 {after - before:+.3f}; on other draws of {report.held_out} held-out articles "
        f"{gain.low:+.3f} to {gain.high:+.3f} ({gain.level:.0%}, bootstrap)",
        *([ROUGH] if gain.articles < FEW else []),  # as `evaluate` words its interval from as few articles
    ]
    if gain.low <= 0 <= gain.high and after != before:
        lines.append("  that holds 0: other held-out articles could as well show no change")
    return lines


def unmeasured(whose: str, pasted: str) -> str:
    """The advice where every held-out article's reference is the model's suggestions unchanged, `whose` (gold):
    what would measure it instead."""
    return (
        f"these articles cannot tell whether it helps: {'their gold' if whose == 'gold' else whose + ' there'} is the "
        "model's suggestions unchanged, so it scores the model against itself; settle gold a person checked (corrected "
        f"on the screen, or a disagreement settled in `annotator review`) and train again; annotator suggest{pasted} "
        "uses it"
    )


def verdict_lines(
    report: TrainReport, db: str = "", curve: str = "annotator train --curve", gold_from: str | None = None,
    evaluate: str | None = None,
) -> list[str]:  # fmt: skip
    """A warning when the held-out part is small; "use it" only when it scores higher after than before (as
    printed): lower says so, and so does the same (trial: 1.000 -> 1.000 on one article still said "use it").
    `db`: the --db option its commands carry (`store.db_option`), `curve`: the `train --curve` of this run,
    `gold_from`: the annotator it learned from, whose work `evaluate` then scores against: each runs as printed on
    what train read (a newcomer's trial: they read ./annotations.db); `evaluate`: the evaluate advised instead, in
    backquotes (`train --from`'s: `cli.trained_from`)."""
    micro = report.before.micro.exact
    lines = few_lines(report)
    pasted = db + " --model " + shlex.quote(str(report.out))  # one argument ('models/with space/run 1' was two)
    before = micro.f1
    after = report.after.micro.exact.f1 if report.after is not None else None
    shown = None if before is None or after is None else round(after, 3) - round(before, 3)  # as printed
    lines += gain_lines(report)
    against = f" --gold-from {shlex.quote(gold_from)}" if gold_from is not None else ""
    # every held-out reference scored against itself: no measure (a re-trial: 1.000 -> 1.000 on gold settled from
    # A then d, and "nothing shows a gain, so keep suggesting")
    if shown is not None and report.held_out and report.held_unchanged == report.held_out:
        return [*lines, unmeasured(report.whose, pasted)]
    if shown is not None and report.held_learned:  # neither "use it" nor "keep": such articles cannot tell (a
        # re-trial: one learned article of two held 84 of the 92 spans, and "keep suggesting" followed)
        return [*lines, f"these articles cannot tell whether it helps: annotator suggest{pasted} uses it"]
    if shown is not None and shown > 0 and (report.gain is None or report.gain.low <= 0):
        # not "use it" under a line saying other articles could show no change (re-check 39c: it said both), nor
        # with no interval at all (a trial: a gain of two spans on one held-out article was recommended outright)
        return [*lines, f"it may help or not: annotator suggest{pasted} uses it; more gold would tell"]
    if shown is not None and shown > 0:
        return [*lines, f"use it: annotator suggest{pasted}"]
    if shown is not None and shown < 0:
        said = f"it scores lower after training than before (entities exact F1 {figure(before)} -> {figure(after)}): "
    else:
        said = (
            f"it scores the same before and after training (entities exact F1 {figure(before)} -> {figure(after)}): "
            "nothing shows a gain, so "
        )
    return [
        *lines,
        f"{said}keep suggesting with the pipeline you have",
        "to compare more fairly: hold out more articles (annotate more gold: a fifth is held out), "
        f"{evaluate or f'`annotator evaluate{pasted}{against}`'}, `{curve}`",
    ]
