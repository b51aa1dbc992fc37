"""The text `annotator train` prints: per-label figures on the held-out articles before and after training, or
the learning curve."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.exchange.training import TrainReport
from annotator.metrics.evaluation import Evaluation, LabelScores
from annotator.reports.agreement import figure
from annotator.reports.apart import apart
from annotator.reports.self_scored import SCORED, unchanged_caution
from annotator.reports.trained import few_lines, verdict_lines
from annotator.store.as_suggested import Unchanged
from annotator.vocabulary import ENTITY_LABELS


def _triple(scores: LabelScores) -> str:
    """Exact P/R/F1, "n/a" where a ratio has nothing to divide by (no prediction, no reference span)."""
    exact = scores.exact
    return "/".join(figure(v) for v in (exact.precision, exact.recall, exact.f1))


#: The pooled row's name: the entity labels only, where `evaluate`'s ALL also counts QUOTE (a newcomer compared them).
POOLED = "entities"
#: Said under the table: what the pooled row pools.
POOLED_LINE = (
    f"  {POOLED}: {', '.join(label.value for label in ENTITY_LABELS[:-1])} and {ENTITY_LABELS[-1].value} pooled "
    "(train learns no QUOTE; `evaluate`'s ALL adds QUOTE when it scores quotes)"
)


def _rows(evaluation: Evaluation) -> list[tuple[str, LabelScores]]:
    return [(label.value, evaluation.labels[label]) for label in ENTITY_LABELS] + [(POOLED, evaluation.micro)]


def report_lines(
    report: TrainReport, db: str = "", curve: str = "annotator train --curve", gold_from: str | None = None,
    evaluate: str | None = None,
) -> list[str]:  # fmt: skip
    """Before and after, per label: exact P/R/F1 and overlap F1, with the reference's span counts; the advice's
    commands carry `db`, `curve` and `gold_from` (`trained.verdict_lines`)."""
    lines = [
        f"trained on {report.source}: {report.trained} article(s); scored on {report.held_out} held-out article(s)",
        *self_scored_lines(report),
        "",
        f"{'label':<9} {'ref':>5}  {'before P/R/F1':<19} {'ovl F1':>6}  {'after P/R/F1':<19} {'ovl F1':>6}",
    ]
    after = dict(_rows(report.after)) if report.after is not None else {}
    for label, before in _rows(report.before):
        now = after.get(label, before)
        lines.append(
            f"{label:<9} {before.exact.tp + before.exact.fn:>5}  {_triple(before):<19} {figure(before.overlap.f1):>6}  "
            f"{_triple(now):<19} {figure(now.overlap.f1):>6}"
        )
    lines.append(POOLED_LINE)
    if report.out is not None:
        lines += [
            "",
            f"pipeline -> {report.out} (its suggestions are named {report.suggester})",
            *verdict_lines(report, db, curve, gold_from, evaluate),
        ]
    return lines


def self_scored_lines(report: TrainReport) -> list[str]:
    """`evaluate`'s caution, of the held-out articles whose reference is the model's suggestions unchanged, where a
    person reads the figures (a re-trial: 1.000 before and after there, and not a word until after the advice);
    where only some are, with the pooled exact F1 on the others before and after, as `evaluate` gives its ALL."""
    if not report.held_unchanged:
        return []
    there = SCORED
    before = apart(report.held_ids, report.held_unchanged_ids, report.before_by_article)
    if before is not None and before.articles:
        there += f"; on the other {before.articles} article(s), {POOLED}' exact F1 is {figure(before.exact_f1)} before"
        after = (
            apart(report.held_ids, report.held_unchanged_ids, report.after_by_article)
            if report.after_by_article is not None
            else None
        )
        there += f" and {figure(after.exact_f1)} after" if after is not None else ""
    return [unchanged_caution(report.held_unchanged, f"{report.held_out} held-out article(s)", report.whose, there)]


def curve_lines(report: TrainReport) -> list[str]:
    """One line per share of the training articles: micro F1 (exact and overlap) on the held-out articles."""
    lines = [
        f"learning curve on {report.source}: up to {report.trained} article(s) to learn from, "
        f"{report.held_out} held out; F1 over {', '.join(label.value for label in ENTITY_LABELS)}",
        *self_scored_lines(report),
        f"{'share':>6} {'articles':>9} {'F1 exact':>9} {'F1 ovl':>7}",
        f"{'start':>6} {0:>9} {figure(report.before.micro.exact.f1):>9} {figure(report.before.micro.overlap.f1):>7}",
    ]
    for share, size, evaluation in report.curve:
        micro = evaluation.micro
        lines.append(f"{share:>6.0%} {size:>9} {figure(micro.exact.f1):>9} {figure(micro.overlap.f1):>7}")
    after = [*_skipped(report), *few_lines(report)]
    return [*lines, "", *after] if after else lines


def _skipped(report: TrainReport) -> list[str]:
    """The shares not trained, as a line, or nothing."""
    if not report.curve_skipped:
        return []
    shares = ", ".join(f"{share:.0%}" for share in report.curve_skipped)
    each = "each is" if len(report.curve_skipped) > 1 else "it is"
    return [f"{shares} left out: {each} as many articles as a larger share (the same model trained again)"]


def unchecked_line(unchanged: Unchanged) -> str:
    """What `train` says of the articles whose work is the model's suggestions unchanged
    (`store.as_suggested.learned_unchanged`; from files, their records' `unchecked`: `TrainReport.unchanged`), in
    `evaluate`'s words where a person may have left it so on the screen (A then d: a trial's gold trained "1.000 ->
    1.000" without a word), naming the commands that alone wrote it (gold `adjudicate --auto` took from `accept`'s
    work: both; it said `annotator accept` whatever the command)."""
    if not unchanged.articles:
        return ""
    wrote = " then ".join(f"`annotator {command}`" for command in unchanged.commands)
    took = f"on {unchanged.articles} of the {unchanged.total} article(s) it took, the work is"
    learns = "there it learns the model's own suggestions"
    if unchanged.by_command == unchanged.articles:
        return f"{took} what {wrote} wrote and no person changed: {learns}"
    by = f": {wrote} wrote {unchanged.by_command} of them" if unchanged.by_command else ""
    return (
        f"{took} the model's suggestions unchanged (no person changed them, on the screen or by a command{by}): "
        f"{learns}"
    )


def changed_line(count: int, total: int, named: str, reviews: Sequence[str]) -> str:
    """What `train` says of the gold articles where an annotator's done work differs from gold now
    (`gold_stale.stale_gold`), `named` each with why (`gold_stale.stale_line`): it learns gold as settled, and the
    review brings the change in (a newcomer removed 'US' from a done article: the same pipeline, not a word; then
    a note that named no article and said "changed since ... (or disagrees with it)" for both). `reviews`: the
    commands."""
    if not count:
        return ""
    shows = " or ".join(f"`{review}`" for review in reviews)
    return (
        f"on {count} of the {total} article(s) it took, gold is done where an annotator's done work differs from it: "
        f"{named}: it learns the gold as settled; {shows} shows what is open there, and what is settled there goes "
        "into gold and the next training"
    )
