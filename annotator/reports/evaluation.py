"""`annotator evaluate`: the model's suggestions (or an annotator) scored against a reference, over the
articles the reference has finished.

The reference is gold (annotator "gold"), another annotator, or a native JSONL file; its articles are those
it marks done (optionally also in progress). The predicted side is an annotator's current spans, or the
model: each suggester's newest suggestions for the article (`Reader.latest_suggestions`). Scoring is
`annotator.metrics.evaluation` (exact and overlap P/R/F1 per label, speaker accuracy); correction telemetry is
`annotator.metrics.corrections`. No SQL here (the store answers), no Rich or Textual (the CLI prints).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.records import model_name
from annotator.metrics.corrections import AnnotatedArticle, Corrections, corrections
from annotator.metrics.evaluation import LabelScores, SpeakerScore, evaluate_columns
from annotator.metrics.matching import SpanColumns
from annotator.models import ArticleIn
from annotator.rows import SpanLike
from annotator.store import Reader
from annotator.vocabulary import GOLD, Status, content_hash

ALL = "ALL"
MODEL = "model"


@dataclass(frozen=True)
class Reference:
    """The reference side: its name, the rule that chose its articles, and its spans per article id."""

    name: str
    articles_rule: str
    spans: dict[str, list[SpanLike]]


class ScoreReport(BaseModel):
    """`model_dump_json()` is the `annotator evaluate --json` shape; `labels` has every label and "ALL"."""

    model_config = ConfigDict(frozen=True)

    predicted: str
    reference: str
    articles: int
    articles_rule: str
    predicted_missing: int
    labels: dict[str, LabelScores]
    speakers: SpeakerScore
    corrections: Corrections


def load_corrections(
    store: Reader, annotators: Sequence[str], statuses: Sequence[Status] = (Status.DONE,)
) -> Corrections:
    """Correction telemetry of these annotators over the articles each of them has in one of these statuses."""

    def articles() -> Iterable[AnnotatedArticle]:
        for name in annotators:
            for article_id in store.articles_annotated_by([name], list(statuses)):
                yield AnnotatedArticle(
                    suggestions=store.suggestions(article_id),
                    spans=store.spans(article_id, name),
                    decisions=store.decisions(article_id, name),
                )

    return corrections(articles(), annotators)


def _statuses(include_in_progress: bool) -> list[Status]:
    return [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]


def _rule(include_in_progress: bool) -> str:
    return "marked done" + (" or in progress" if include_in_progress else "")


def annotator_reference(store: Reader, name: str, include_in_progress: bool = False) -> Reference:
    """An annotator of the database (gold included) as the reference."""
    wanted = set(_statuses(include_in_progress))
    ids = [article_id for article_id, status, _ in store.annotated_articles(name) if status in wanted]
    return Reference(
        name=name,
        articles_rule=_rule(include_in_progress),
        spans={article_id: list(store.spans(article_id, name)) for article_id in ids},
    )


def file_reference(store: Reader, path: str | Path, include_in_progress: bool = False) -> Reference:
    """Native JSONL records as the reference; each record's article must be in the database with that text."""
    from annotator.exchange.formats.jsonl import read_records

    wanted = set(_statuses(include_in_progress))
    spans: dict[str, list[SpanLike]] = {}
    lines: dict[str, int] = {}
    for line, record in read_records(path):
        if record.status not in wanted:
            continue
        article_id = store.has_article(ArticleIn(id=record.article_id, text=record.text))
        if article_id is None:
            raise InputError(
                f"article {record.article_id!r} is not in the database (ingest or import it first)",
                path=str(path), line=line, field="article_id",
            )  # fmt: skip
        if store.article(article_id).content_hash != content_hash(record.text):
            raise InputError(
                f"article {record.article_id!r} is stored with a different text",
                path=str(path),
                line=line,
                field="text",
            )
        if article_id in lines:
            raise InputError(
                f"article {record.article_id!r} appears twice (first on line {lines[article_id]})",
                path=str(path), line=line, field="article_id",
            )  # fmt: skip
        lines[article_id] = line
        spans[article_id] = list(record.spans)
    return Reference(name=str(path), articles_rule=_rule(include_in_progress), spans=spans)


def choose_reference(store: Reader, gold_from: str | None, include_in_progress: bool = False) -> Reference:
    """`--gold-from`: an existing file, else an annotator of the database; gold by default."""
    if gold_from is None or gold_from == GOLD:
        return annotator_reference(store, GOLD, include_in_progress)
    if Path(gold_from).is_file():
        return file_reference(store, gold_from, include_in_progress)
    if gold_from in store.annotators():
        return annotator_reference(store, gold_from, include_in_progress)
    if gold_from.endswith(".jsonl") or "/" in gold_from:
        raise InputError("no such file", path=gold_from)
    raise AnnotatorError(f"no annotator named {gold_from!r} (in the database: {_names(store)})")


def _hint(store: Reader, reference: Reference) -> str:
    """What to do when the reference has no finished article."""
    started = [status for _, status, _ in store.annotated_articles(reference.name) if status == Status.IN_PROGRESS]
    if started and "in progress" not in reference.articles_rule:
        return f" ({len(started)} in progress: add --include-in-progress)"
    if reference.name == GOLD:
        return " (adjudicate first: `annotator adjudicate --auto`, `annotator review`)"
    return ""


def _names(store: Reader) -> str:
    return ", ".join(store.annotators()) or "none"


def score(
    store: Reader,
    reference: Reference,
    annotator: str | None = None,
    include_in_progress: bool = False,
    telemetry_from: Sequence[str] | None = None,
) -> ScoreReport:
    """Score `annotator` (None: the model's suggestions) against the reference over the reference's articles.

    Telemetry covers `telemetry_from` (default: the scored annotator, or everyone but gold when scoring the
    model) over the articles each marked done (or in progress too).
    """
    if annotator is not None and annotator not in store.annotators():
        raise AnnotatorError(f"no annotations by {annotator!r} (in the database: {_names(store)})")
    if annotator == reference.name:
        raise AnnotatorError(f"{annotator!r} is the reference itself; choose another with --gold-from")
    if not reference.spans:
        raise AnnotatorError(
            f"nothing to evaluate against: {reference.name} has no article {reference.articles_rule}{_hint(store, reference)}"
        )
    ids = list(reference.spans)
    predicted: list[tuple[int, list[SpanLike]]] = []
    suggesters: set[str] = set()
    missing = 0
    for index, article_id in enumerate(ids):
        if annotator is None:
            suggestions = store.latest_suggestions(article_id)
            suggesters.update(s.suggester for s in suggestions)
            spans: list[SpanLike] = list(suggestions)
            missing += not spans
        else:
            spans = list(store.spans(article_id, annotator))
            missing += not spans and store.status(article_id, annotator) == Status.TODO
        predicted.append((index, spans))
    gold = SpanColumns.from_spans(enumerate(reference.spans.values()))
    result = evaluate_columns(gold, SpanColumns.from_spans(predicted), len(ids))
    humans = telemetry_from
    if humans is None:
        humans = [annotator] if annotator is not None else [n for n in store.annotators() if n != GOLD]
    return ScoreReport(
        predicted=annotator if annotator is not None else model_name(sorted(suggesters)) if suggesters else MODEL,
        reference=reference.name,
        articles=len(ids),
        articles_rule=reference.articles_rule,
        predicted_missing=missing,
        labels={**{label.value: scores for label, scores in result.labels.items()}, ALL: result.micro},
        speakers=result.speakers,
        corrections=load_corrections(store, humans, _statuses(include_in_progress)),
    )


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def text_lines(report: ScoreReport) -> list[str]:
    """The readable report: what was compared, P/R/F1 per label, speakers, then the correction telemetry."""
    what = "suggestions" if report.predicted.startswith(MODEL) else "annotations"
    lines = [
        f"{report.predicted} against {report.reference}: {report.articles} article(s) {report.reference} has {report.articles_rule}"
    ]
    if report.predicted_missing:
        hint = " (see `annotator suggest`)" if what == "suggestions" else ""
        lines.append(f"  {report.predicted_missing} of them without any {what} from {report.predicted}{hint}")
    lines += ["", f"{'label':<9} {'ref':>5} {'pred':>5}  {'exact P/R/F1':<19}  {'overlap P/R/F1':<19}"]
    for label, scores in report.labels.items():
        exact, overlap = scores.exact, scores.overlap
        triple = "/".join(_ratio(v) for v in (exact.precision, exact.recall, exact.f1))
        loose = "/".join(_ratio(v) for v in (overlap.precision, overlap.recall, overlap.f1))
        lines.append(f"{label:<9} {exact.tp + exact.fn:>5} {exact.tp + exact.fp:>5}  {triple:<19}  {loose:<19}")
    speakers = report.speakers
    lines += [
        "",
        f"speaker accuracy {_ratio(speakers.accuracy if speakers.gold_quotes else None)} ({speakers.correct} of {speakers.gold_quotes} reference quotes)",
    ]
    telemetry = report.corrections
    who = ", ".join(telemetry.annotators) or "nobody"
    lines += ["", f"corrections of the suggestions by {who} ({telemetry.annotations} article annotation(s))"]
    if not telemetry.annotations:
        lines.append("  none yet: only articles marked done count (--include-in-progress for the others)")
    elif not telemetry.rows:
        lines.append("  no suggestions in those articles")
    else:
        heads = ("suggested", "accepted", "moved", "relabelled", "rejected", "pending")
        lines.append(f"{'suggester':<14} {'label':<9} " + " ".join(f"{h:>10}" for h in heads))
        for row in telemetry.rows:
            cells = [f"{row.suggested:>10}"] + [f"{_share(row.shares[h]):>10}" for h in heads[1:]]
            lines.append(f"{row.suggester:<14} {row.label.value:<9} " + " ".join(cells))
    added = ", ".join(f"{label.value} {count}" for label, count in telemetry.added.items())
    lines.append(f"spans added with no suggestion: {added}")
    return lines
