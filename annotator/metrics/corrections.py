"""Correction telemetry: what annotators did with the model's suggestions, per suggester version and label.

Each suggestion an annotator saw (in an article they marked done; one made after their last change there is not
counted, nor a newer version's their decision on an earlier one settled: `Reader.suggestions_seen`) ends in one
outcome:
- accepted: their span linked to it (`spans.suggestion_id`) has the suggested label and offsets;
- moved: the linked span has the suggested label but another start or end (a boundary move);
- relabelled: the linked span has another label (whatever its offsets);
- rejected: they rejected it, or accepted it and removed the span later (the store then records "rejected"),
  or its accepted span is gone;
- pending: never decided, and no span of theirs repeats it (a span marked by hand with the suggestion's exact
  offsets and label counts as accepting it, as the store then stops offering the suggestion).
Spans the annotator has that neither link to a suggestion nor repeat one are *added*: what the model missed. Those
an `annotator import` wrote (another tool's work, where the suggestions were never shown; `AnnotatedArticle.imported`)
are counted apart, as *imported*: they say nothing of what people add in the tool. An annotation whose status came
by import (`AnnotatedArticle.by_import`) has no suggestions but those its file answered: none is pending there.
A suggestion `annotator accept` accepted (a command: its span in `AnnotatedArticle.by_command`) and left as it
accepted it is no person's check: it is counted apart (`Corrections.accepted_by_command`), in no row.

The linked span is what counts, so a suggestion accepted and then resized or relabelled is "moved" or
"relabelled". An import replaces an annotator's spans with unlinked ones; after it, accepted suggestions are
recognised only when a span repeats them exactly. Pure functions over spans; `annotator.reports.evaluation` reads them from the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, computed_field

from annotator.rows import SpanRow, SuggestionRow
from annotator.vocabulary import Label


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    MOVED = "moved"
    RELABELLED = "relabelled"
    REJECTED = "rejected"
    PENDING = "pending"


@dataclass(frozen=True)
class AnnotatedArticle:
    """One annotator's finished article: the suggestions it had, their spans and their decisions; `imported`, the
    ids of the spans that came by `annotator import`; `by_import`, whether its status did (another tool's work)."""

    suggestions: list[SuggestionRow]
    spans: list[SpanRow]
    decisions: dict[int, str]
    imported: frozenset[int] = frozenset()
    by_import: bool = False
    #: The ids of the spans a command wrote (`annotator accept`): accepted so and unchanged, no person checked them.
    by_command: frozenset[int] = frozenset()


class CorrectionRow(BaseModel):
    """Outcome counts of one suggester version's suggestions of one label; shares are of `suggested`."""

    model_config = ConfigDict(frozen=True)

    suggester: str
    label: Label
    accepted: int = 0
    moved: int = 0
    relabelled: int = 0
    rejected: int = 0
    pending: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def suggested(self) -> int:
        return self.accepted + self.moved + self.relabelled + self.rejected + self.pending

    @computed_field  # type: ignore[prop-decorator]
    @property
    def shares(self) -> dict[str, float | None]:
        total = self.suggested
        return {o.value: (getattr(self, o.value) / total if total else None) for o in Outcome}


class Corrections(BaseModel):
    """Telemetry over `annotations` (article, annotator) pairs; `added` counts spans no suggestion had that were
    marked in the tool, `imported` those that came by `annotator import` (never shown the suggestions);
    `annotations_imported`, how many of the annotations are another tool's work (their status came by import)."""

    model_config = ConfigDict(frozen=True)

    annotators: list[str]
    annotations: int
    rows: list[CorrectionRow]
    added: dict[Label, int]
    imported: dict[Label, int]
    annotations_imported: int = 0
    #: Suggestions a command accepted (`annotator accept`) and nobody changed since, per suggester version: left
    #: out of `rows`.
    accepted_by_command: dict[str, int] = {}
    #: The suggester versions `rows` is narrowed to (`evaluate --suggester`), and those left out; None: all.
    of: list[str] | None = None
    others: list[str] = []


def _key(span: SpanRow) -> tuple[int, int, Label]:
    return span.start, span.end, span.label


def outcomes(article: AnnotatedArticle) -> tuple[list[tuple[SuggestionRow, Outcome]], list[SpanRow]]:
    """Each suggestion's outcome, and the spans added without a suggestion (see the module docstring)."""
    linked = {span.suggestion_id: span for span in article.spans if span.suggestion_id is not None}
    unlinked = [span for span in article.spans if span.suggestion_id is None]
    repeats = Counter(_key(span) for span in unlinked)
    found: list[tuple[SuggestionRow, Outcome]] = []
    for suggestion in article.suggestions:
        span = linked.get(suggestion.id)
        decision = article.decisions.get(suggestion.id)
        if span is not None:
            if span.label is not suggestion.label:
                outcome = Outcome.RELABELLED
            elif (span.start, span.end) != (suggestion.start, suggestion.end):
                outcome = Outcome.MOVED
            else:
                outcome = Outcome.ACCEPTED
        elif decision != "rejected" and repeats[_key(suggestion)] > 0:
            repeats[_key(suggestion)] -= 1
            outcome = Outcome.ACCEPTED
        elif decision is None:
            outcome = Outcome.PENDING
        else:
            outcome = Outcome.REJECTED
        found.append((suggestion, outcome))
    added = []
    for span in unlinked:
        if repeats[_key(span)] > 0:
            repeats[_key(span)] -= 1
            added.append(span)
    return found, added


def corrections(articles: Iterable[AnnotatedArticle], annotators: Sequence[str] = ()) -> Corrections:
    """Outcome counts per (suggester, label), sorted by suggester then label, and added (and imported) spans per
    label."""
    counts: dict[tuple[str, Label], Counter[Outcome]] = {}
    added: Counter[Label] = Counter()
    imported: Counter[Label] = Counter()
    annotations = by_import = 0
    by_command: Counter[str] = Counter()
    for article in articles:
        annotations += 1
        by_import += article.by_import
        found, extra = outcomes(article)
        linked = {span.suggestion_id: span.id for span in article.spans if span.suggestion_id is not None}
        for suggestion, outcome in found:
            if outcome is Outcome.ACCEPTED and linked.get(suggestion.id) in article.by_command:
                by_command[suggestion.suggester] += 1  # `annotator accept`'s, as it left them: no person's check
                continue
            counts.setdefault((suggestion.suggester, suggestion.label), Counter())[outcome] += 1
        added.update(span.label for span in extra if span.id not in article.imported)
        imported.update(span.label for span in extra if span.id in article.imported)
    order = {label: index for index, label in enumerate(Label)}
    rows = [
        CorrectionRow(suggester=suggester, label=label, **{o.value: n for o, n in counter.items()})
        for (suggester, label), counter in sorted(counts.items(), key=lambda item: (item[0][0], order[item[0][1]]))
    ]
    return Corrections(
        annotators=list(annotators),
        annotations=annotations,
        rows=rows,
        added={label: added[label] for label in Label},
        imported={label: imported[label] for label in Label},
        annotations_imported=by_import,
        accepted_by_command=dict(sorted(by_command.items())),
    )
