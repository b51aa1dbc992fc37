"""Commands that move data: articles and suggestions in, annotations in and out, databases merged and checked,
and what a database holds."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from annotator.cli.common import (
    AnnotatorOption,
    DbOption,
    FormatOption,
    ModelOption,
    WorkersOption,
    default_annotator,
    errors_as_lines,
    fail,
    open_store,
    progress_bar,
    store_to_fill,
)
from annotator.store import DEFAULT_DB, Store
from annotator.vocabulary import GOLD


def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=".txt files, folders of them, or .jsonl files with a 'text' field.", show_default=False),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    no_suggest: Annotated[
        bool, typer.Option("--no-suggest", help="Store the articles without model suggestions.")
    ] = False,
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
    workers: WorkersOption = 1,
    suggestions_from: Annotated[
        Path | None,
        typer.Option(
            "--suggestions-from",
            help="A folder `annotator predict` wrote: store its suggestions instead of running the pipeline "
            "(without PATHs: its articles too).",
        ),
    ] = None,
) -> None:
    """Store articles and the model's suggestions for them.

    Example: annotator ingest seeds/ articles.jsonl --db annotations.db
    """
    from annotator.exchange.ingest import ingest as ingest_articles
    from annotator.exchange.ingest import read_articles

    if not paths and suggestions_from is None:
        raise fail("give the articles to ingest (files or folders), or --suggestions-from a predict folder")
    if no_suggest and suggestions_from is not None:
        raise fail("choose one of --no-suggest and --suggestions-from")
    with errors_as_lines():
        articles = read_articles(paths or [])
        predicted = None
        if suggestions_from is not None:
            from annotator.exchange.predictions import read_predictions

            predicted = read_predictions(suggestions_from, [a.article_id for a in articles] if paths else None)
            articles = articles if paths else [p.article for p in predicted.by_article.values()]
        with store_to_fill(db) as store, progress_bar("Suggesting") as progress:
            report = ingest_articles(
                store,
                articles,
                suggest=not no_suggest,
                model=model,
                batch_size=batch_size,
                workers=workers,
                predicted=predicted,
                progress=progress,
            )
    typer.echo(
        f"{len(report.added)} article(s) added, {len(report.skipped)} already stored, "
        f"{report.suggestions} suggestion(s) -> {db}"
    )


def suggest(
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Recompute for every article.")] = False,
    workers: WorkersOption = 1,
) -> None:
    """(Re)compute suggestions for articles that lack them or have an older suggester version.

    Example: annotator suggest --db annotations.db
    """
    from annotator.exchange.ingest import resuggest

    with errors_as_lines(), open_store(db) as store, progress_bar("Suggesting") as progress:
        articles, suggestions = resuggest(store, model=model, everything=everything, workers=workers, progress=progress)
    typer.echo(f"{suggestions} suggestion(s) for {articles} article(s)")


def predict(
    inputs: Annotated[
        list[Path], typer.Argument(help=".txt files, folders of them, or .jsonl files with a 'text' field.")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the shards' records and manifest.json (resumable).")
    ],
    model: ModelOption = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Worker processes of a local Dask cluster (default: one per core)."),
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Use an existing Dask scheduler instead, e.g. tcp://host:8786.")
    ] = None,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Articles per shard (and file).")] = 100,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
) -> None:
    """Suggest over a corpus on a Dask cluster: one JSONL file of suggestion records per shard of the input, and a
    manifest; a rerun skips the shards already done. `ingest --suggestions-from` stores them.

    Example: annotator predict archive.jsonl -o predictions/ --workers 2
    """
    from annotator.exchange.predict import predict as predict_corpus

    if workers is not None and scheduler is not None:
        raise fail("choose one of --workers (a local cluster) and --scheduler (an existing one)")
    with errors_as_lines(), progress_bar("Predicting") as progress:
        try:
            report = predict_corpus(
                inputs,
                output,
                model=model,
                workers=workers,
                scheduler=scheduler,
                shard_size=shard_size,
                batch_size=batch_size,
                progress=progress,
            )
        except KeyboardInterrupt:
            raise fail(
                f"interrupted; the shards finished so far are kept in {output}: run the same command to go on"
            ) from None
    rate = f", {report.words_per_second:,.0f} words/s" if report.computed else ""
    typer.echo(
        f"{report.articles} article(s) in {report.shards} shard(s) ({report.computed} computed on "
        f"{report.workers} worker(s){rate}, {report.shards - report.computed} already done), "
        f"{report.suggestions} suggestion(s) -> {output}"
    )


def export(
    db: DbOption = Path(DEFAULT_DB),
    annotator: AnnotatorOption = None,
    gold: Annotated[bool, typer.Option("--gold", help="Export the adjudicated gold annotations.")] = False,
    suggestions: Annotated[bool, typer.Option("--suggestions", help="Export the model's suggestions.")] = False,
    format: FormatOption = "jsonl",
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file, or - for standard output (default: exports/).")
    ] = None,
) -> None:
    """Write annotations in a format, one record per article (native JSONL unless --format says otherwise).

    Example: annotator export --annotator alice --format prodigy -o exports/alice.prodigy.jsonl
    """
    from annotator.exchange.formats import get_format
    from annotator.exchange.records import export as export_records
    from annotator.exchange.records import export_to_path

    if gold and suggestions:
        raise fail("choose one of --gold and --suggestions")
    with errors_as_lines(), open_store(db) as store:
        chosen = get_format(format)
        who = None if suggestions else GOLD if gold else default_annotator(annotator)
        if who is not None and who not in store.annotators():
            found = ", ".join(store.annotators()) or "none"
            raise fail(f"no annotations by {who!r} to export (in the database: {found})")
        if output == "-":
            count = export_records(store, format, sys.stdout.buffer, who)
            sys.stdout.flush()
            typer.echo(f"{count} record(s) written", err=True)
            return
        name = who or "suggestions"
        kind = "" if chosen.suffix == f".{format}" else f".{format}"  # alice.jsonl, alice.prodigy.jsonl, alice.spacy
        path = Path(output) if output else Path("exports") / f"{name}{kind}{chosen.suffix}"
        with progress_bar("Exporting") as progress:
            count = export_to_path(store, format, path, who, progress)
    typer.echo(f"{count} record(s) -> {path}")


def import_(
    path: Annotated[Path, typer.Argument(help="A file in the --format given (native JSONL by default).")],
    db: DbOption = Path(DEFAULT_DB),
    annotator: Annotated[
        str | None,
        typer.Option("--annotator", help="Store the records as this annotator (default: as in each record)."),
    ] = None,
    format: FormatOption = "jsonl",
    snap: Annotated[
        bool, typer.Option("--snap", help="Move spans off token boundaries outward to the tokens they touch.")
    ] = False,
    label_map: Annotated[
        str | None, typer.Option("--label-map", help="Map foreign labels, e.g. PERSON=ACTOR,GPE=LOCATION.")
    ] = None,
) -> None:
    """Read annotations back, validating every record; one bad record and nothing is written.

    Example: annotator import tasks.jsonl --format prodigy --label-map PERSON=ACTOR,GPE=LOCATION
    """
    from annotator.exchange.formats.common import ReadOptions, parse_label_map
    from annotator.exchange.records import read_file, store_records

    with errors_as_lines():
        options = ReadOptions(annotator=annotator, label_map=parse_label_map(label_map))
        records = read_file(path, format, options)  # read and check everything before opening the database
        with store_to_fill(db) as store, progress_bar("Importing") as progress:
            report = store_records(store, records, snap=snap, progress=progress)
    moved = f", {report.snapped} span(s) snapped to token boundaries" if snap else ""
    typer.echo(f"{report.records} record(s) imported ({report.new_articles} new article(s){moved}) -> {db}")


def merge(
    others: Annotated[list[Path], typer.Argument(help="Other annotator databases to bring into this one.")],
    db: DbOption = Path(DEFAULT_DB),
    prefer: Annotated[
        str | None,
        typer.Option("--prefer", help="Who wins when an annotator's work differs: this or other (default: report)."),
    ] = None,
) -> None:
    """Bring other databases' articles, annotations and events into this one; merging twice changes nothing.

    Example: annotator merge alice.db bob.db --db review.db
    """
    from annotator.store.merge import Prefer
    from annotator.store.merge import merge as merge_databases

    if prefer is not None and prefer not in set(Prefer):
        raise fail(f"--prefer must be {' or '.join(Prefer)}, not {prefer!r}")
    with errors_as_lines(), store_to_fill(db) as store, progress_bar("Merging") as progress:
        report = merge_databases(store, others, Prefer(prefer) if prefer else None, progress)
    typer.echo(
        f"{report.articles_added} article(s), {report.annotations_added} annotation(s) and "
        f"{report.events_copied} event(s) added; {report.overwritten} annotation(s) replaced by the other's; "
        f"{report.unchanged} unchanged; "
        f"{len(report.conflicts)} conflict(s) -> {db}"
    )
    for conflict in report.conflicts:
        how = "took the other's" if conflict.kept == "other" else "kept this database's"
        hint = "" if prefer else " (--prefer other takes theirs)"
        typer.echo(
            f"conflict: {conflict.annotator} on {conflict.article_id} {conflict.title!r} differs in "
            f"{conflict.source}: {how}{hint}"
        )


def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Print what the database holds: articles, suggestions, and annotations by annotator and status.

    Example: annotator stats --db annotations.db
    """
    from annotator.metrics.activity import time_spent

    with errors_as_lines(), open_store(db) as store:
        figures = store.stats()
        minutes = {who: time_spent(store.events(annotator=who)) / 60 for who in store.annotators()}
    typer.echo(f"database     {db}")
    typer.echo(f"articles     {figures['articles']}")
    typer.echo(f"suggestions  {figures['suggestions']}")
    for row in figures["suggestions_by_label"]:
        typer.echo(f"  {row['suggester']:<14} {row['label']:<9} {row['suggestions']}")
    typer.echo(f"spans        {figures['spans']}")
    typer.echo(f"events       {figures['events']}")
    typer.echo("annotations" + ("" if figures["annotations"] else "  none yet"))
    for row in figures["annotations"]:
        typer.echo(f"  {row['annotator']:<14} {row['status']:<12} {row['articles']}")
    for who, spent in minutes.items():
        typer.echo(f"  {who:<14} {'time spent':<12} {spent:.1f} min")


def check(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Check the database without changing it: SQLite's integrity check, and that replaying each annotator's
    event log gives exactly the spans, decisions and status stored.

    Example: annotator check --db annotations.db
    """
    from annotator.store.verify import check as problems_in

    with errors_as_lines(), Store.open(db, read_only=True) as store:
        problems = problems_in(store)
        events = store.count("events")
    if problems:
        raise fail(f"{db}: {len(problems)} problem(s); the first: {problems[0]}")
    typer.echo(f"{db}: ok (integrity check passed; {events} event(s) replay to the stored annotations)")
