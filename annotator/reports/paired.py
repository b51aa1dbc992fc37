"""`evaluate --suggester NEW --against OLD`: two suggester versions of a kind scored on the same articles, and the
gain in ALL's exact F1 of NEW over OLD with where other draws of as many articles put it (the paired bootstrap of
`annotator.metrics.intervals.gain_interval`, as `annotator train` prints its before and after): the articles'
shared difficulty cancels out, which two separate intervals cannot show."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from annotator.errors import AnnotatorError
from annotator.lookalike import python_quoted
from annotator.metrics.evaluation import score_columns
from annotator.metrics.intervals import ArticleCounts, gain_interval, with_spans
from annotator.metrics.matching import SpanColumns
from annotator.reports.no_interval import no_interval
from annotator.rows import SpanLike
from annotator.vocabulary import Label


class Paired(BaseModel):
    """`--json`'s `against`: the other version, both ALL exact F1s, the gain and its interval (None: fewer than
    `intervals.FEWEST` articles with spans)."""

    model_config = ConfigDict(frozen=True)

    predicted: str
    f1: float | None
    gain: float
    interval: tuple[float, float] | None
    articles: int
    level: float | None
    #: The articles with spans on either side, what an interval draws from (`intervals.FEWEST`).
    drawn: int = Field(default=0, exclude=True)


def kind(name: str) -> str:
    return name.split(".", 1)[0]


def against_names(suggesters: Sequence[str] | None, against: str, known: Sequence[str]) -> list[str]:
    """The versions scored with `against` in place of the one of its kind; refused in one line unless `against`
    is known and --suggester names another version of its kind."""
    same = [name for name in suggesters or [] if kind(name) == kind(against)]
    if not same:
        raise AnnotatorError(f"--against {against}: name the version to compare it with, of its kind, by --suggester")
    if against not in known:
        raise AnnotatorError(
            f"--against: no suggester {python_quoted(against)} (stored or built in: {', '.join(known)})"
        )
    if against == same[0]:
        raise AnnotatorError(f"--against {against}: that is the version scored; name another")
    return [against if kind(name) == kind(against) else name for name in suggesters or []]


def paired(
    gold: SpanColumns,
    spans: list[list[SpanLike]],
    labels: set[Label],
    after: ArticleCounts,
    after_f1: float | None,
    name: str,
) -> Paired:
    """The other version's spans (per article, as scored) against the same gold, and the gain over it."""
    made = SpanColumns.from_spans((index, [s for s in found if s.label in labels]) for index, found in enumerate(spans))
    scored = score_columns(gold, made, len(spans))
    before_f1 = scored.evaluation.micro.exact.f1
    interval = gain_interval(scored.exact, after)
    return Paired(
        predicted=name,
        f1=before_f1,
        gain=(after_f1 or 0.0) - (before_f1 or 0.0),
        interval=None if interval is None else (interval.low, interval.high),
        articles=len(spans),
        level=None if interval is None else interval.level,
        drawn=with_spans(scored.exact, after),
    )


def paired_lines(other: Paired) -> list[str]:
    """The gain line, as `annotator train` prints its own, and whether its interval holds 0."""
    if other.interval is None:
        return [
            f"ALL exact F1 {other.gain:+.3f} over {other.predicted} ({other.f1 or 0.0:.3f}); {no_interval(other.drawn)}"
        ]
    low, high = other.interval
    lines = [
        f"ALL exact F1 {other.gain:+.3f} over {other.predicted} ({other.f1 or 0.0:.3f}); on other draws of "
        f"{other.articles} articles {low:+.3f} to {high:+.3f} ({other.level or 0.0:.0%}, paired bootstrap)"
    ]
    if low <= 0 <= high and other.gain != 0:
        lines.append("  that holds 0: other articles could as well show no difference")
    return lines
