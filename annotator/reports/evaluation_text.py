"""The readable `annotator evaluate` report: what was compared, P/R/F1 per label, speakers, then how the
annotators corrected the suggestions (`annotator.reports.evaluation` computes it all)."""

from __future__ import annotations

from annotator.metrics.evaluation import LabelScores
from annotator.reports.agreement import figure
from annotator.reports.chosen_versions import MODEL
from annotator.reports.evaluation import ScoreReport
from annotator.reports.evaluation_whose import left_out_line
from annotator.reports.learned_left_out import left_out_lines
from annotator.reports.no_interval import no_interval
from annotator.reports.paired import paired_lines
from annotator.reports.self_scored import SCORED, unchanged_caution
from annotator.reports.stored_versions import coverage_lines
from annotator.store.current import suggester_order
from annotator.vocabulary import Label
from annotator.wording import counted


def _speaker_line(report: ScoreReport) -> str:
    """Speaker accuracy, or why it is not scored: no quote suggester in the run (`--suggester` an entity version)."""
    speakers = report.speakers
    if Label.QUOTE.value in report.labels or not report.reference_quotes:
        return f"speaker accuracy {figure(speakers.accuracy)} ({speakers.correct} of {speakers.gold_quotes} reference quotes)"
    from annotator.suggest import builtin_suggesters

    quotes = max((n for n, kind in builtin_suggesters().items() if kind == "quotes"), key=suggester_order)
    entities = report.predicted.removeprefix(f"{MODEL}:").removesuffix(" (run now)")
    return (
        f"speaker accuracy not scored: no quote suggester in this run ({report.reference} has "
        f"{counted(report.reference_quotes, 'quote')}; --suggester {entities},{quotes} scores speakers too)"
    )


def _interval_lines(report: ScoreReport) -> list[str]:
    """ALL's F1 over other draws of as many articles, as a row under ALL's, and what it is: how much the figure
    rests on the articles scored."""
    interval = report.micro_interval
    if interval is None:  # said, not left out unexplained (re-check 39c), as `train` says it
        return [f"  F1 95%: {no_interval(report.drawn)}"] if report.articles else []
    exact, overlap = ("-".join(figure(v) for v in pair) for pair in (interval.exact, interval.overlap))
    return [
        f"{'  F1 ' + format(interval.level, '.0%'):<9} {'':>5} {'':>5}  {exact:>19}  {overlap:>19}",
        f"  F1 {interval.level:.0%}: ALL's F1 on other draws of {counted(interval.articles, 'article')}"
        f" ({interval.resamples:,} bootstrap draws)",
        *([f"  {interval.caution}"] if interval.caution else []),
    ]


def _row(label: str, scores: LabelScores) -> str:
    """A label's row of the table: reference and predicted spans, exact and overlap P/R/F1."""
    exact, overlap = scores.exact, scores.overlap
    triple = "/".join(figure(v) for v in (exact.precision, exact.recall, exact.f1))
    loose = "/".join(figure(v) for v in (overlap.precision, overlap.recall, overlap.f1))
    return f"{label:<9} {exact.tp + exact.fn:>5} {exact.tp + exact.fp:>5}  {triple:<19}  {loose:<19}"


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def text_lines(report: ScoreReport, db: str = "") -> list[str]:
    """The readable report: what was compared, P/R/F1 per label, speakers, then the correction telemetry; the
    commands it gives carry `db`, the --db option of the database read (`store.db_option`)."""
    what = "suggestions" if report.predicted.startswith(MODEL) else "annotations"
    whose = "the file" if report.reference_is_file else report.reference  # a path said once
    lines = [
        f"{report.predicted} against {report.reference}: {report.articles} article(s) {whose} has {report.articles_rule}"
    ]
    if report.suggestions_unchanged:  # `annotator accept`'s work, or A then d on the screen (`store.as_suggested`)
        there = (
            SCORED if what == "suggestions" else f"there {report.predicted} is scored against the model's suggestions"
        )
        apart = report.without_unchanged
        if apart is not None and apart.articles:  # the figure without them (`reports.apart`)
            there += f"; on the other {apart.articles} article(s), ALL's exact F1 is {figure(apart.exact_f1)}"
        lines.append(unchanged_caution(report.suggestions_unchanged, f"{report.articles} article(s)", whose, there))
    lines += left_out_lines(report.learned_left_out_by, report.left_out_by_model)
    if report.not_started_left_out:
        lines.append(
            f"  {report.not_started_left_out} more left out: {report.predicted} has not started them (no span, still to do)"
        )
    if report.their_ner is not None:
        lines.append(f"  {report.their_ner.scored}")
    if report.caution:
        lines.append(f"  {report.caution}")
    if report.predicted_missing:
        hint = ""
        if what == "suggestions":  # run now, a suggester found nothing there; as stored, none may have been made
            hint = (
                " (it found nothing there)"
                if report.predicted.endswith("(run now)")
                else f" (see `annotator suggest{db}`)"
            )
        lines.append(f"  {report.predicted_missing} of them without any {what} from {report.predicted}{hint}")
    rule = report.articles_rule
    lines += coverage_lines(
        report.stored_versions, report.articles, report.without_version_left_out, report.reference, rule, db
    )
    lines += ["", f"{'label':<9} {'ref':>5} {'pred':>5}  {'exact P/R/F1':<19}  {'overlap P/R/F1':<19}"]
    lines += [_row(label, scores) for label, scores in report.labels.items()]
    lines += _interval_lines(report)
    if report.against is not None:
        lines += paired_lines(report.against)
    if report.their_ner is not None:
        lines += [
            "",
            f"{report.their_ner.model}'s NER alone, as spaCy runs it (its tokenizer and NER; no rule, no small model):",
        ]
        lines += [_row(label, scores) for label, scores in report.their_ner.labels.items()]
    lines += ["", _speaker_line(report)]
    return lines + _correction_lines(report, db)


def _correction_lines(report: ScoreReport, db: str = "") -> list[str]:
    """How the annotators corrected the suggestions on the articles scored: a table, or why there is none."""
    telemetry = report.corrections
    whose = "the suggestions" if telemetry.of is None else f"{', '.join(telemetry.of)}'s suggestions"
    if not telemetry.annotators and not report.corrections_left_out:
        return ["", f"corrections of {whose}: none, nobody but gold has annotated in this database"]
    who = ", ".join(telemetry.annotators)
    if telemetry.annotators:
        lines = ["", f"corrections of {whose} by {who} ({telemetry.annotations} article annotation(s) of those scored)"]
    else:  # every annotation scored is `annotator accept`'s: said below
        lines = ["", f"corrections of {whose}: none a person made on the articles scored"]
    elsewhere = "another tool's work, never shown the suggestions"
    by_command = sum(telemetry.accepted_by_command.values())
    if not telemetry.annotators:  # `annotator accept`'s alone: the line below says so
        pass
    elif telemetry.annotations and not telemetry.rows and telemetry.of is not None and not by_command:
        seen = ", ".join(f"{name}'s" for name in telemetry.others)
        lines.append(
            f"  none of them were shown to {who}"
            + (
                f" (their articles have {seen}: `annotator evaluate{db}` without --suggester tells how those were "
                "corrected)"
                if seen
                else ""
            )
        )
    elif not telemetry.annotations:
        lines.append(
            "  none yet: only articles scored that they marked done count (--include-in-progress for the others)"
        )
    elif not telemetry.rows and telemetry.annotations_imported == telemetry.annotations:
        lines.append(
            "  nothing to say of them: the work on those articles came by `annotator import` (another tool's, never "
            "shown the suggestions)"
        )
    elif not telemetry.rows and not by_command:
        lines.append("  no suggestions in those articles")
    elif telemetry.rows:
        if telemetry.annotations_imported:
            files = "its file" if telemetry.annotations_imported == 1 else "their files"
            lines.append(
                f"  {telemetry.annotations_imported} of them came by `annotator import` ({elsewhere}): only the "
                f"suggestions {files} answered count there"
            )
        heads = ("suggested", "accepted", "moved", "relabelled", "rejected", "pending")
        lines.append(f"{'suggester':<14} {'label':<9} " + " ".join(f"{h:>10}" for h in heads))
        for row in telemetry.rows:
            cells = [f"{row.suggested:>10}"] + [f"{_share(row.shares[h]):>10}" for h in heads[1:]]
            lines.append(f"{row.suggester:<14} {row.label.value:<9} " + " ".join(cells))
    if by_command:
        lines.append(left_out_line(by_command, report.corrections_left_out))
    added = ", ".join(f"{label.value} {count}" for label, count in telemetry.added.items())
    lines.append(f"spans added with no suggestion: {added}")
    if any(telemetry.imported.values()):
        imported = ", ".join(f"{label.value} {count}" for label, count in telemetry.imported.items())
        lines.append(f"spans that came by `annotator import` instead ({elsewhere}): " + imported)
    return lines
