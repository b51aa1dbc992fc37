"""`annotator train`: the team's finished annotations in, a fine-tuned pipeline folder out, with honest figures.

Articles come from the database (gold by default, or one annotator's) or from native JSONL files, those marked
done (optionally also in progress). They are split once: a held-out part (a fifth, rounded, at least one article)
that training never sees, and the rest to train on. The articles held out are those with the lowest draws from
their texts' hashes and the seed, so the same articles are held out whether they come from the database or a file,
in any order; an article a `--base` pipeline learned from is never held out (its score would flatter the base). The pipeline's meta.json keeps the text hashes and ids of every article it learned
from, its base's included ("learned"), so `annotator evaluate --model` can leave them out. The held-out articles are scored
before training (the shipped pipeline, or the `base` folder an earlier run wrote) and after it, per label, exact and overlap, on the suggestions the
pipeline makes (entities.v16: the learned component with the small model's names and the general rules).
`curve` trains from the same start on 25, 50, 75 and 100% of the training part and scores each on the same
held-out articles, so a team sees whether more gold still helps. `annotator.exchange.pipeline_folder` checks
--out and puts the pipeline there.
"""

from __future__ import annotations

import math
import shlex
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.held_out import base_learned, learned, split
from annotator.exchange.pipeline_folder import new_folder, write_pipeline
from annotator.exchange.training_input import MAX_CHARS, in_progress_note, too_few, too_long, without_gold
from annotator.literal import quoted
from annotator.lookalike import python_quoted
from annotator.metrics.evaluation import Evaluation, score_pairs
from annotator.metrics.intervals import ArticleCounts, Interval, gain_interval
from annotator.models import NativeRecord
from annotator.places import Note
from annotator.store import Reader
from annotator.store.as_suggested import Unchanged, counted, unchanged_work
from annotator.suggest.loading import EPOCHS
from annotator.suggest.shipped import shipped_learned
from annotator.vocabulary import ENTITY_LABELS, GOLD, Status, content_hash

if TYPE_CHECKING:
    from annotator.suggest.learn import Article

Progress = Callable[[int, int], None]
CURVE = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class Source:
    """Where the annotated articles come from: the database's `annotator` (gold by default) or `files`."""

    annotator: str = GOLD
    files: Sequence[Path] = ()
    include_in_progress: bool = False

    @property
    def description(self) -> str:
        if self.files:
            return ", ".join(str(f) for f in self.files)
        return "gold" if self.annotator == GOLD else f"{self.annotator}'s annotations"

    @property
    def whose(self) -> str:
        """The reference a caution names, as `evaluate`'s does ("gold is ...")."""
        if self.files:
            return "the file" if len(self.files) == 1 else "the files"
        return "gold" if self.annotator == GOLD else f"{self.annotator}'s work"


@dataclass
class TrainReport:
    source: str
    trained: int
    held_out: int
    before: Evaluation
    #: The exact counts per held-out article before and after: `gain`'s resamples.
    before_by_article: ArticleCounts
    after: Evaluation | None = None
    after_by_article: ArticleCounts | None = None
    out: Path | None = None
    suggester: str | None = None
    curve: list[tuple[float, int, Evaluation]] = field(default_factory=list)
    #: The curve's shares not trained: each rounds to as many articles as a larger one (`curve_points`).
    curve_skipped: list[float] = field(default_factory=list)
    #: How many held-out articles the shipped component learned from (the seed, the dev gold): its figures there
    #: flatter it, before and after alike.
    held_learned: int = 0
    #: Of the articles taken from files, those whose record says their work is the model's suggestions unchanged (a
    #: native export's `unchecked`, still true of them: `stored_spans.said_as_suggested`, or `unchecked_commands`
    #: with the commands that alone wrote it), as `store.as_suggested.learned_unchanged` counts the database's.
    unchanged: Unchanged = field(default_factory=Unchanged)
    #: The held-out articles' ids in `before_by_article`'s order, and those of them whose work is the model's
    #: suggestions unchanged: there the figures score the suggestions against themselves (a re-trial: 1.000 before
    #: and after on gold settled from A then d), so the figure on the others is given too (`reports.apart`).
    held_ids: list[str] = field(default_factory=list)
    held_unchanged_ids: frozenset[str] = frozenset()
    #: Whose the held-out reference is, as the caution names it (`Source.whose`).
    whose: str = GOLD

    @property
    def held_unchanged(self) -> int:
        """How many held-out articles' work is the model's suggestions unchanged."""
        return len(self.held_unchanged_ids)

    @property
    def gain(self) -> Interval | None:
        """ALL's exact F1 after minus before, over other draws of as many held-out articles (paired: the same
        draws on both sides); None before training or with fewer than `intervals.FEWEST` held out with spans."""
        if self.after_by_article is None:
            return None
        return gain_interval(self.before_by_article, self.after_by_article)


def _statuses(include_in_progress: bool) -> set[Status]:
    return {Status.DONE, Status.IN_PROGRESS} if include_in_progress else {Status.DONE}


def gather(
    store: Reader | None,
    source: Source,
    unfinished: list[str] | None = None,
    unchecked: dict[str, list[str]] | None = None,
) -> list[Article]:
    """The annotated articles of a source, in a stable order (by id); the ids of those in progress are added to
    `unfinished` (`training_input.in_progress_note` tells of them), and, from files, of those whose record says its
    work is the model's suggestions unchanged to `unchecked`, with the commands that alone wrote it (or none: A
    then d on the screen, `as_suggested`)."""
    from annotator.exchange.formats.stored_spans import said_as_suggested, unchecked_commands
    from annotator.suggest.learn import Article

    wanted = _statuses(source.include_in_progress)
    found: dict[str, tuple[str, Article]] = {}
    left_out: Counter[str] = Counter()
    if source.files:
        for path in source.files:
            records = 0
            for line, record in _records(path):
                records += 1
                if record.status not in wanted:
                    left_out[record.status.value] += 1
                    continue
                key = content_hash(record.text)
                if key in found:
                    raise InputError(
                        f"the same article appears twice ({found[key][0]} too): train from one annotator's records, "
                        "or import the files and train with --annotator",
                        path=str(path),
                        line=line,
                        field="text",
                    )
                if len(record.text) > MAX_CHARS:
                    raise InputError(too_long(len(record.text)), path=str(path), line=line, field="text")
                _on_tokens(record, path, line)
                if record.status is Status.IN_PROGRESS and unfinished is not None:
                    unfinished.append(record.article_id)
                commands = unchecked_commands(record)
                if unchecked is not None and (commands or said_as_suggested(record)):
                    unchecked[record.article_id] = commands
                found[key] = (f"{path}:{line}", Article(record.article_id, record.text, record.spans))
            if not records:  # an empty file given by mistake is named, not counted among the finished articles
                raise InputError(_no_record(path), path=str(path))
    elif store is not None:
        if source.annotator not in store.annotators():
            names = ", ".join(store.annotators()) or "none"
            hint = without_gold(store, source.include_in_progress) if source.annotator == GOLD else ""
            from annotator.store.new_names import unknown_name_line

            said = f"no annotations by {python_quoted(source.annotator)} (in the database: {names}){hint}"
            raise AnnotatorError(unknown_name_line(store, source.annotator) or said)
        for article_id, status, _ in store.annotated_articles(source.annotator):
            if status not in wanted:
                left_out[status.value] += 1
                continue
            text = store.article(article_id).text
            if len(text) > MAX_CHARS:
                raise AnnotatorError(f"article {quoted(article_id)}: {too_long(len(text))}")
            found[content_hash(text)] = ("", Article(article_id, text, store.spans(article_id, source.annotator)))
            if status is Status.IN_PROGRESS and unfinished is not None:
                unfinished.append(article_id)
    if len(found) < 2:
        gold = store is not None and source.annotator == GOLD
        raise AnnotatorError(too_few(len(found), left_out, gold=gold, store=store if gold else None))
    return [found[key][1] for key in sorted(found)]


def _gathered(store: Reader | None, source: Source, note: Note) -> tuple[list[Article], dict[str, list[str]]]:
    """`gather`, with a note on the articles in progress it took (`--include-in-progress`), and those whose work is
    the model's suggestions unchanged (from files, as their records say), with the commands that alone wrote it
    (`TrainReport.unchanged`)."""
    unfinished: list[str] = []
    unchecked: dict[str, list[str]] = {}
    articles = gather(store, source, unfinished, unchecked)
    if not source.files and store is not None:  # the database's work, counted as `evaluate` counts it
        unchecked = unchanged_work(store, source.annotator, [article.id for article in articles])
    said = in_progress_note(store if not source.files else None, source.annotator, unfinished)
    if said and note is not None:
        note(said)
    return articles, unchecked


def _no_record(path: Path) -> str:
    empty = path.is_file() and path.stat().st_size == 0
    return f"{'the file is empty (0 bytes)' if empty else 'the file holds no record'}: nothing to train on"


def _records(path: Path) -> Iterator[tuple[int, NativeRecord]]:
    """The file's records; an unknown label says how to train on it (import maps labels, train does not); a DocBin
    of no Doc is said to hold nothing, not sent to `import`, which would say so; a database is read with --db."""
    from annotator.exchange.files import A_DATABASE, DOCBIN, ITS_OWN_DATABASE, ONLY_JSONL
    from annotator.exchange.formats.common import MAP_HINT, without_map_hint
    from annotator.exchange.formats.jsonl import read_records
    from annotator.exchange.formats.spacy_docbin import holds_no_doc

    try:
        yield from read_records(path)
    except InputError as error:
        if error.reason == ONLY_JSONL[DOCBIN] and holds_no_doc(path):
            raise InputError("a spaCy DocBin that holds no document: nothing to train on", path=str(path)) from None
        if error.reason.startswith(A_DATABASE):
            train = f"annotator train --db {shlex.quote(str(path))}"
            raise InputError(f"{A_DATABASE}: `{train}` learns from its gold", path=str(path),
                             on_itself=f"{ITS_OWN_DATABASE}: train learns from its gold without --from") from None  # fmt: skip
        if MAP_HINT not in error.reason:
            raise
        raise InputError(
            f"{without_map_hint(error.reason)}: train learns ACTOR, LOCATION and FIGURE; import the file with "
            "--label-map (e.g. PERSON=ACTOR) and train from the database",
            path=error.path,
            line=error.line,
            field=error.field,
        ) from None


def _on_tokens(record: NativeRecord, path: Path, line: int) -> None:
    """A span off the tokens would be learned shrunk to the tokens inside it: refused, as `import` refuses it."""
    from annotator.suggest.tokens import tokenize

    (tokens,) = tokenize([record.text])
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    for index, span in enumerate(record.spans):
        if span.start not in starts or span.end not in ends:
            raise InputError(
                f"span {span.start}:{span.end} {quoted(span.text)} does not fall on token boundaries (`annotator import "
                "--snap` moves it onto them; then train from the database)",
                path=str(path),
                line=line,
                field=f"spans[{index}]",
            )


def score(nlp: Any, articles: Sequence[Article]) -> tuple[Evaluation, ArticleCounts]:
    """The pipeline's entity suggestions on these articles against their entity spans, and the exact counts per
    article (for the interval of the gain, `TrainReport.gain`)."""
    from annotator.suggest import suggest_texts

    results = suggest_texts([a.text for a in articles], nlp)
    pairs = []
    for article, (_, suggestions) in zip(articles, results, strict=True):
        gold = [s for s in article.spans if s.label in ENTITY_LABELS]
        pairs.append((gold, [s for s in suggestions if s.label in ENTITY_LABELS]))
    scored = score_pairs(pairs)
    return scored.evaluation, scored.exact


def train_model(
    store: Reader | None,
    source: Source,
    out: Path,
    *,
    epochs: int | None = None,
    seed: int = 0,
    base: Path | None = None,
    progress: Progress | None = None,
    note: Note = None,
    numbered: bool = False,
) -> TrainReport:
    """Fine-tune on the source's articles but a held-out part; write the pipeline to `out` (a new folder;
    `numbered`, the default name: taken, the next free number's, `pipeline_folder.write_pipeline`).
    `epochs` None: the default (`suggest.loading.EPOCHS`). `note` hears, before training, of a pipeline folder
    a killed run left beside `out` (`.<name>.partial-<random>`: this name's, or any default name's), which is left
    as it is."""
    epochs = epochs or EPOCHS
    from annotator.suggest import suggesters_for_model
    from annotator.suggest.learn import base_pipeline, start_description, train

    new_folder(out, note, numbered=numbered)
    before = base_learned(base)
    articles, unchecked = _gathered(store, source, note)
    train_part, held = split(articles, seed, base_learned=before, shipped=shipped_learned())
    nlp = base_pipeline(train_part, base)
    report = TrainReport(source.description, len(train_part), len(held), *score(nlp, held))
    _say_unchecked(report, source, unchecked, held)
    report.held_learned = sum(learned(a, shipped_learned()) for a in held)
    train(nlp, train_part, epochs=epochs, seed=seed, progress=progress)
    report.after, report.after_by_article = score(nlp, held)
    about = {
        "trained_on": source.description,
        "articles": [a.id for a in train_part],
        "held_out": [a.id for a in held],
        "learned": sorted(before | {content_hash(a.text) for a in train_part} | {a.id for a in train_part}),
        "held_out_hashes": sorted(content_hash(a.text) for a in held),
        "epochs": epochs,
        "seed": seed,
        "started_from": start_description(base),
    }
    report.out = write_pipeline(nlp, out, about, report.after, numbered=numbered)
    report.suggester = suggesters_for_model(str(report.out)).entities
    return report


def _say_unchecked(
    report: TrainReport, source: Source, unchecked: dict[str, list[str]], held: Sequence[Article]
) -> None:
    """The articles whose work is the model's suggestions unchanged (`_gathered`), counted in the report, and
    those of them held out."""
    report.whose = source.whose
    report.unchanged = counted(unchecked, report.trained + report.held_out)
    report.held_ids = [article.id for article in held]
    report.held_unchanged_ids = frozenset(article.id for article in held if article.id in unchecked)


def curve_points(articles: int) -> dict[float, int]:
    """The curve's shares of `articles` and how many articles each is, each number once, under the largest share
    that rounds to it: 25/50/75/100% of one article is one model trained four times (a newcomer's trial)."""
    sizes = {share: max(1, math.ceil(articles * share)) for share in CURVE}
    return {share: size for share, size in sizes.items() if share == max(s for s in CURVE if sizes[s] == size)}


def train_curve(
    store: Reader | None,
    source: Source,
    *,
    epochs: int | None = None,
    seed: int = 0,
    base: Path | None = None,
    progress: Progress | None = None,
    note: Note = None,
) -> TrainReport:
    """Train from the same start on 25/50/75/100% of the training part; score each on the held-out part."""
    epochs = epochs or EPOCHS
    from annotator.suggest.learn import base_pipeline, train

    shipped = shipped_learned()
    articles, unchecked = _gathered(store, source, note)
    train_part, held = split(articles, seed, base_learned=base_learned(base), shipped=shipped)
    report = TrainReport(source.description, len(train_part), len(held), *score(base_pipeline(train_part, base), held))
    _say_unchecked(report, source, unchecked, held)
    report.held_learned = sum(learned(a, shipped) for a in held)
    points = curve_points(len(train_part))
    report.curve_skipped = [share for share in CURVE if share not in points]
    sizes = list(points.values())
    total = sum(sizes)
    done = 0
    for share, size in points.items():

        def step(batches: int, of: int, start: int = done, size: int = size) -> None:
            if progress:
                progress(start + round(size * batches / of), total)

        start = base_pipeline(train_part[:size], base)
        nlp = train(start, train_part[:size], epochs=epochs, seed=seed, progress=step)
        report.curve.append((share, size, score(nlp, held)[0]))
        done += size
    return report
