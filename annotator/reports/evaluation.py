"""`annotator evaluate`: the model's suggestions (or an annotator) scored against a reference, over the
articles the reference has finished.

The reference is gold (annotator "gold"), another annotator, or a native JSONL file; its articles are those
it marks done (optionally also in progress): `annotator.reports.reference` chooses it, and says what to do when it
has none. The predicted side is an annotator's current spans, or the model: its current suggestions for the
article (`Reader.current_suggestions`: per kind, entities and quotes, the newest version's), or the suggester
versions chosen by name, each scored on the labels it makes, so two versions can be compared on the same gold
(`annotator.reports.chosen_versions` finds them and their spans).
Scoring is `annotator.metrics.evaluation` (exact and overlap P/R/F1 per label, speaker accuracy); correction
telemetry is `annotator.metrics.corrections`. No SQL here (the store answers), no Rich or Textual (the CLI prints).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from annotator.errors import AnnotatorError
from annotator.literal import quoted
from annotator.lookalike import python_quoted
from annotator.metrics.corrections import AnnotatedArticle, Corrections, corrections
from annotator.metrics.evaluation import LabelScores, SpeakerScore, score_columns
from annotator.metrics.intervals import FEW, Interval, f1_interval, with_spans
from annotator.metrics.matching import SpanColumns
from annotator.reports.against_model import against_itself, own_versions
from annotator.reports.agreement import ROUGH
from annotator.reports.apart import Apart, apart
from annotator.reports.chosen_versions import MODEL, chosen_labels, suggested_spans
from annotator.reports.evaluation_whose import by_a_person
from annotator.reports.learned import uses_shipped
from annotator.reports.learned_left_out import LearnedLeftOut, leave_out_learned
from annotator.reports.paired import Paired, against_names, paired
from annotator.reports.reference import Reference, command_only, names, unchanged_articles, wanted_statuses, way_on
from annotator.reports.stored_versions import holding, read_as_stored
from annotator.reports.their_ner import TheirNer, their_ner_scores
from annotator.rows import SpanLike
from annotator.store import Reader
from annotator.store.current import suggester_order
from annotator.vocabulary import GOLD, Label, Status

if TYPE_CHECKING:
    from spacy.language import Language

ALL = "ALL"


class MicroInterval(BaseModel):
    """ALL's F1 over other draws of the articles scored: the middle `level` of `resamples` bootstrap resamples
    (`annotator.metrics.intervals`), exact and overlap; `--json`'s `micro_interval`."""

    model_config = ConfigDict(frozen=True)

    exact: tuple[float, float]
    overlap: tuple[float, float]
    articles: int
    resamples: int
    level: float
    #: Said with fewer than `intervals.FEW` articles, as the text says it under the interval; else None.
    caution: str | None = None

    @classmethod
    def of(cls, exact: Interval | None, overlap: Interval | None) -> MicroInterval | None:
        if exact is None or overlap is None:
            return None
        bounds = ((exact.low, exact.high), (overlap.low, overlap.high))
        caution = ROUGH.strip() if exact.articles < FEW else None
        return cls(
            exact=bounds[0],
            overlap=bounds[1],
            articles=exact.articles,
            resamples=exact.draws,
            level=exact.level,
            caution=caution,
        )


class ScoreReport(BaseModel):
    """`model_dump_json()` is the `annotator evaluate --json` shape; `labels` has every label and "ALL"."""

    model_config = ConfigDict(frozen=True)

    predicted: str
    reference: str
    #: The reference is a native JSONL file: the text names its path once.
    reference_is_file: bool = Field(default=False, exclude=True)
    articles: int
    articles_rule: str
    predicted_missing: int
    labels: dict[str, LabelScores]
    #: Reference articles left out because the pipeline scored learned from them (`--model`, a trained folder).
    learned_left_out: int = 0
    #: Those by reason, each article once: the --model pipeline's, an --unseen-by one's, the shipped component's.
    learned_left_out_by: LearnedLeftOut = Field(default_factory=LearnedLeftOut)
    #: Reference articles left out because the annotator scored has not started them (no span, still to do).
    not_started_left_out: int = 0
    #: The suggestions scored are a `--model` folder's (the text names the shipped component as its start).
    left_out_by_model: bool = Field(default=False, exclude=True)
    #: The suggestions scored are the shipped suggesters' (entities.v3 and later on the shipped learned component):
    #: the articles it learned from (its learned.json) are left out, or, `--include-learned`, counted here instead.
    left_out_by_shipped: bool = False
    #: With --include-learned: reference articles scored though the pipeline scored learned from them.
    learned_included: int = 0
    #: Reference articles left out because a version read as stored has no suggestion there (`stored_versions`).
    without_version_left_out: int = 0
    stored_versions: list[str] = Field(default_factory=list, exclude=True)
    #: Said when the suggestions scored are a trained pipeline's, read as stored: what it learned from is unknown.
    caution: str | None = None
    #: Articles scored where all the work, the reference's included, is commands' (`store.unchecked`).
    command_only: int = 0
    #: Those, or where the reference is exactly the suggestions (A then d): the caution; the figure without them.
    suggestions_unchanged: int = 0
    without_unchanged: Apart | None = None
    speakers: SpeakerScore
    #: The reference's quotes on the articles scored, whatever the labels scored (speakers need a quote suggester).
    reference_quotes: int = Field(default=0, exclude=True)
    corrections: Corrections
    #: Annotators whose work on the articles scored is all `annotator accept`'s, by article annotations: left out.
    corrections_left_out: dict[str, int] = Field(default_factory=dict)
    #: None with fewer than `intervals.FEWEST` articles with spans (`drawn`), as for every interval.
    micro_interval: MicroInterval | None = None
    drawn: int = Field(default=0, exclude=True)
    #: `--model` a folder `spacy train` made for our labels: what of the suggestions came from it, and its NER alone.
    their_ner: TheirNer | None = None
    #: `--against`: another version of a kind scored on the same articles, and the gain over it (paired bootstrap).
    against: Paired | None = None


def load_corrections(
    store: Reader,
    annotators: Sequence[str],
    statuses: Sequence[Status] = (Status.DONE,),
    within: Collection[str] | None = None,
) -> Corrections:
    """Correction telemetry of these annotators over the articles each of them has in one of these statuses (of
    `within` only, when given: the articles a report scored)."""

    def articles() -> Iterable[AnnotatedArticle]:
        for name in annotators:
            for article_id in store.articles_annotated_by([name], list(statuses)):
                if within is not None and article_id not in within:
                    continue
                yield AnnotatedArticle(
                    suggestions=store.suggestions_seen(article_id, name),
                    spans=store.spans(article_id, name),
                    decisions=store.decisions(article_id, name),
                    imported=frozenset(store.imported_span_ids(article_id, name)),
                    by_import=store.status_by_import(article_id, name),
                    by_command=frozenset(store.command_span_ids(article_id, name)),
                )

    return corrections(articles(), annotators)


def score(
    store: Reader,
    reference: Reference,
    annotator: str | None = None,
    include_in_progress: bool = False,
    telemetry_from: Sequence[str] | None = None,
    suggesters: Sequence[str] | None = None,
    model: str | None = None,
    unseen_by: Sequence[str] = (),
    include_learned: bool = False,
    against: str | None = None,
) -> ScoreReport:
    """Score `annotator` (None: the model's suggestions) against the reference over the reference's articles.

    `suggesters` chooses suggester versions by name instead of the current ones: only the labels they make are
    scored (the reference's other labels are left out), so `entities.v1` and `entities.v3` compare alike. A version
    this release has built in is run now on the reference's articles (with the spaCy pipeline `model`), so any two
    can be compared whatever the database stores; another (a trained pipeline's) is read as stored. The articles
    the pipeline scored learned from are left out (a trained folder's, `model`, and the shipped component's when the
    suggestions scored read it), and those `unseen_by` learned; `include_learned` keeps them, with a caution.
    Telemetry covers `telemetry_from` (default: the scored annotator, or everyone but gold when scoring the model)
    over the articles each marked done (or in progress too)."""
    if annotator is not None and annotator not in store.annotators():
        from annotator.store.new_names import unknown_name_line

        said = f"no annotations by {python_quoted(annotator)} (in the database: {names(store)})"
        raise AnnotatorError(unknown_name_line(store, annotator) or said)
    labels = chosen_labels(store, suggesters, annotator)
    suggesters = own_versions(suggesters, model) if annotator is None else suggesters  # --model's own, run now
    other: list[str] = []
    if against is not None:  # the versions scored with it in place of its kind's (`reports.paired`)
        from annotator.suggest import builtin_suggesters

        against_itself(suggesters or [], against, model, str(store.path))  # under --model: not itself (`against_model`)
        other = against_names(suggesters, against, sorted({*store.suggesters(), *builtin_suggesters()}))
    if annotator == reference.name:
        raise AnnotatorError(f"{quoted(annotator)} is the reference itself; choose another with --gold-from")
    if not reference.spans:
        raise AnnotatorError(
            f"nothing to evaluate against: {reference.name} has no article {reference.articles_rule}{way_on(store, reference, annotator, include_in_progress)}"
        )
    ids = list(reference.spans)
    if include_learned and (annotator is not None or unseen_by):
        raise AnnotatorError(
            "--include-learned keeps the articles a pipeline learned from: "
            + ("an annotator learned nothing here" if annotator is not None else "--unseen-by leaves them out")
        )
    versions = [*(suggesters or []), *other]  # the versions scored, --against's too
    stored = read_as_stored(versions) if annotator is None else []
    without, ids = len(ids), holding(store, ids, stored, reference)  # first: what --include-learned counts is scored
    without -= len(ids)
    shipped = annotator is None and uses_shipped(store, ids, versions or None, model)
    ids, learned, included, shipped = (
        leave_out_learned(store, ids, reference, model, unseen_by, shipped, include_learned, versions)
        if annotator is None
        else (ids, LearnedLeftOut(), 0, shipped)
    )
    left_out = learned.model + learned.unseen_by + learned.shipped
    predicted: list[tuple[int, list[SpanLike]]] = []
    missing = not_started = 0
    used: set[str] = set()
    nlp: Language | None = None  # loaded once for both sides of --against when versions run now
    if other:
        from annotator.suggest import builtin_suggesters, load_pipeline

        if any(name in builtin_suggesters() for name in [*(suggesters or []), *other]):
            nlp = load_pipeline(model)
    if annotator is None:
        model_spans, predicted_name, used = suggested_spans(store, ids, suggesters, model, nlp)
        predicted = list(enumerate(model_spans))
        missing = sum(not spans for spans in model_spans)
    else:  # an annotator is scored on what they started: gold of an article never opened is no miss of theirs
        predicted_name = annotator
        started: list[str] = []
        for article_id in ids:
            spans: list[SpanLike] = list(store.spans(article_id, annotator))
            if spans or store.status(article_id, annotator) != Status.TODO:
                predicted.append((len(started), spans))
                started.append(article_id)
        not_started, ids = len(ids) - len(started), started
    if labels != set(Label):
        predicted = [(index, [s for s in spans if s.label in labels]) for index, spans in predicted]
    gold = SpanColumns.from_spans(
        (index, [s for s in reference.spans[article_id] if s.label in labels]) for index, article_id in enumerate(ids)
    )
    made = SpanColumns.from_spans(predicted)
    scored = score_columns(gold, made, len(ids))
    result, exact_counts, overlap_counts = scored.evaluation, scored.exact, scored.overlap
    compared_with = None
    if other:
        other_spans, other_name, _ = suggested_spans(store, ids, other, model, nlp)
        plain = other_name.removeprefix(f"{MODEL}:").removesuffix(" (run now)")
        compared_with = paired(gold, other_spans, labels, exact_counts, result.micro.exact.f1, plain)
    caution = None
    if learned.unknown:  # --include-learned on suggestions whose pipeline's learning nothing recorded
        caution = (
            f"{predicted_name} is a trained pipeline's, read as stored, and which articles it learned from is not "
            "recorded (--include-learned): those score too high; `--model FOLDER` leaves them out"
        )
    elif annotator is None and model is not None and "@" in predicted_name and not left_out:
        from annotator.suggest.loading import trained_meta

        if trained_meta(model) is None:
            caution = (
                f"{model} was not trained by `annotator train`, so which articles it learned from is not known: "
                "any of these it learned score too high (score it on gold it did not learn)"
            )
    if included:
        whose = "the shipped learned component" if shipped else f"the pipeline at {model}"
        whose = "the pipeline that made them (or the component it started from)" if learned.recorded else whose
        caution = (
            f"{included} of these {len(ids)} article(s) are ones {whose} learned from (--include-learned): the "
            "figures there are too high"
        )
    their = None
    if annotator is None and model is not None:
        entities = next((name for name in sorted(used) if name.startswith("entities.")), None)
        their = their_ner_scores(store, ids, reference, labels, model, entities) if entities else None
    humans = telemetry_from
    if humans is None:
        humans = [annotator] if annotator is not None else [n for n in store.annotators() if n != GOLD]
    statuses, within = wanted_statuses(include_in_progress), set(ids)
    each = {name: _of(load_corrections(store, [name], statuses, within), used, suggesters) for name in humans}
    telemetry, left = by_a_person(_of(load_corrections(store, humans, statuses, within), used, suggesters), each)
    return ScoreReport(
        predicted=predicted_name,
        reference=reference.name,
        reference_is_file=reference.from_file,
        articles=len(ids),
        articles_rule=reference.articles_rule,
        predicted_missing=missing,
        learned_left_out=left_out,
        learned_left_out_by=learned,
        not_started_left_out=not_started,
        without_version_left_out=without if stored else 0,
        stored_versions=stored,
        left_out_by_model=(model is not None or bool(learned.recorded)) and annotator is None,
        left_out_by_shipped=shipped,
        learned_included=included,
        caution=caution,
        command_only=command_only(store, reference, ids),
        suggestions_unchanged=len(unchanged := unchanged_articles(store, reference, ids)),
        without_unchanged=apart(ids, unchanged, exact_counts),
        labels={
            **{label.value: scores for label, scores in result.labels.items() if label in labels},
            ALL: result.micro,
        },
        speakers=result.speakers,
        micro_interval=MicroInterval.of(f1_interval(exact_counts), f1_interval(overlap_counts)),
        drawn=with_spans(exact_counts),
        corrections=telemetry,
        corrections_left_out=left,
        their_ner=their,
        against=compared_with,
        reference_quotes=sum(s.label is Label.QUOTE for i in ids for s in reference.spans[i]),
    )


def _of(telemetry: Corrections, used: set[str], suggesters: Sequence[str] | None) -> Corrections:
    """The telemetry narrowed to the suggester versions scored, when they were chosen (`--suggester`, `--model`):
    a version run now was never shown to anyone, so its rows are none, and those left out are named."""
    if not suggesters:
        return telemetry
    rows = [row for row in telemetry.rows if row.suggester in used]
    by_command = {name: n for name, n in telemetry.accepted_by_command.items() if name in used}
    others = sorted(
        {row.suggester for row in telemetry.rows} | set(telemetry.accepted_by_command) - used, key=suggester_order
    )
    update = {
        "rows": rows,
        "of": sorted(used, key=suggester_order),
        "others": others,
        "accepted_by_command": by_command,
    }
    return telemetry.model_copy(update=update)
