"""Commands that move data: articles and suggestions in, annotations in and out, databases merged and checked,
and what a database holds."""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from annotator.cli.common import (
    AnnotatorOption,
    DbOption,
    FormatOption,
    ModelOption,
    default_annotator,
    errors_as_lines,
    fail,
    open_store,
    progress_bar,
    say,
    store_to_fill,
)
from annotator.literal import literal
from annotator.store import DEFAULT_DB
from annotator.vocabulary import GOLD


def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help=".txt files, folders of them, or .jsonl files with a 'text' field.")
    ],
    db: DbOption = Path(DEFAULT_DB),
    no_suggest: Annotated[
        bool, typer.Option("--no-suggest", help="Store the articles without model suggestions.")
    ] = False,
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
    changed_text: Annotated[
        str | None,
        typer.Option(
            "--changed-text",
            help="An id stored with another text: 'new' adds it as a new article (id~hash), 'replace' replaces "
            "the stored text if nobody has opened that article (default: an error).",
        ),
    ] = None,
) -> None:
    """Store articles and the model's suggestions for them.

    Example: annotator ingest seeds/ articles.jsonl --db annotations.db
    """
    from annotator.exchange.ingest import ChangedText, read_articles
    from annotator.exchange.ingest import ingest as ingest_articles

    if changed_text is not None and changed_text not in set(ChangedText):
        raise fail(f"--changed-text must be {' or '.join(ChangedText)}, not {changed_text!r}")
    with errors_as_lines():
        articles = read_articles(paths)
        with store_to_fill(db) as store, progress_bar("Suggesting") as progress:
            report = ingest_articles(
                store,
                articles,
                suggest=not no_suggest,
                model=model,
                batch_size=batch_size,
                progress=progress,
                changed=ChangedText(changed_text) if changed_text else None,
            )
    replaced = f", {len(report.replaced)} replaced" if report.replaced else ""
    say(
        f"{len(report.added)} article(s) added, {len(report.skipped)} already stored{replaced}, "
        f"{report.suggestions} suggestion(s) -> {db}"
    )


def suggest(
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Recompute for every article.")] = False,
) -> None:
    """(Re)compute suggestions for articles that lack them or have an older suggester version.

    Example: annotator suggest --db annotations.db
    """
    from annotator.exchange.ingest import resuggest

    with errors_as_lines(), open_store(db) as store, progress_bar("Suggesting") as progress:
        articles, suggestions = resuggest(store, model=model, everything=everything, progress=progress)
    say(f"{suggestions} suggestion(s) for {articles} article(s)")


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
    with errors_as_lines(), open_store(db, read_only=True) as store:
        chosen = get_format(format)
        who = None if suggestions else GOLD if gold else default_annotator(annotator)
        if who is not None and who not in store.annotators():
            found = ", ".join(store.annotators()) or "none"
            raise fail(f"no annotations by {who!r} to export (in the database: {found})")
        if output == "-":
            count = _to_standard_output(lambda out: export_records(store, format, out, who))
            say(f"{count} record(s) written", err=True)
            return
        name = who or "suggestions"
        kind = "" if chosen.suffix == f".{format}" else f".{format}"  # alice.jsonl, alice.prodigy.jsonl, alice.spacy
        path = Path(output) if output else Path("exports") / f"{name}{kind}{chosen.suffix}"
        with progress_bar("Exporting") as progress:
            count = export_to_path(store, format, path, who, progress, make_folder=output is None)
    say(f"{count} record(s) -> {path}")


def _to_standard_output(write: Callable[[BinaryIO], int]) -> int:
    """Write to standard output; a full disk or a closed pipe is one line (or, for `| head`, silence)."""
    import os

    try:
        count = write(sys.stdout.buffer)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        raise typer.Exit(1) from None
    except OSError as error:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise fail(f"cannot write to standard output: {error.strerror}") from None
    return count


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
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace stored work that differs even when it is newer (undoable).")
    ] = False,
) -> None:
    """Read annotations back, validating every record; one bad record and nothing is written.

    A record that differs from newer work stored for its annotator is a conflict, reported and left as stored
    (--replace takes the file's); every replacement is an undoable event.
    Example: annotator import tasks.jsonl --format prodigy --label-map PERSON=ACTOR,GPE=LOCATION
    """
    from annotator.exchange.formats.common import ReadOptions, parse_label_map
    from annotator.exchange.records import read_file, store_records

    with errors_as_lines():
        options = ReadOptions(annotator=annotator, label_map=parse_label_map(label_map))
        records = read_file(path, format, options)  # read and check everything before opening the database
        with store_to_fill(db) as store, progress_bar("Importing") as progress:
            report = store_records(store, records, snap=snap, replace=replace, progress=progress)
    moved = f", {report.snapped} span(s) snapped to token boundaries" if snap else ""
    counts = f"; {report.replaced} replaced older work" if report.replaced else ""
    counts += f"; {report.unchanged} unchanged" if report.unchanged else ""
    counts += f"; {len(report.conflicts)} conflict(s)" if report.conflicts else ""
    say(f"{report.records} record(s) imported ({report.new_articles} new article(s){moved}){counts} -> {db}")
    for conflict in report.conflicts:
        at = conflict.where.line if conflict.where.line is not None else f"record {conflict.where.record}"
        say(
            f"conflict: {literal(conflict.annotator)} on {literal(conflict.article_id)} {conflict.title!r} "
            f"({conflict.where.path}:{at}) "
            "differs from newer work stored here: kept this database's (--replace takes the file's)"
        )


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
    say(
        f"{report.articles_added} article(s), {report.annotations_added} annotation(s) and "
        f"{report.events_copied} event(s) added; {report.overwritten} annotation(s) replaced by the other's; "
        f"{report.unchanged} unchanged; "
        f"{len(report.conflicts)} conflict(s) -> {db}"
    )
    if report.assignments_added:
        say(f"{report.assignments_added} assignment(s) added")
    for conflict in report.conflicts:
        how = "took the other's" if conflict.kept == "other" else "kept this database's"
        hint = "" if prefer else " (--prefer other takes theirs)"
        say(
            f"conflict: {literal(conflict.annotator)} on {literal(conflict.article_id)} {conflict.title!r} differs in "
            f"{conflict.source}: {how}{hint}"
        )


def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Print what the database holds: articles, suggestions, annotations by annotator and status, and each
    annotator's assigned articles: how many are assigned, to do, in progress, done, and put aside.

    Example: annotator stats --db annotations.db
    """
    from annotator.metrics.activity import time_spent
    from annotator.store.assignments import progress
    from annotator.store.history import NOT_EDITS

    with errors_as_lines(), open_store(db, read_only=True) as store:
        figures = store.stats()
        minutes = {
            who: time_spent(e for e in store.events(annotator=who) if e.action not in NOT_EDITS) / 60
            for who in store.annotators()
        }
        assignments = progress(store)
    say(f"database     {literal(str(db))}")
    say(f"articles     {figures['articles']}")
    say(f"suggestions  {figures['suggestions']}")
    for row in figures["suggestions_by_label"]:
        say(f"  {literal(row['suggester']):<14} {row['label']:<9} {row['suggestions']}")
    say(f"spans        {figures['spans']}")
    say(f"events       {figures['events']}")
    say("annotations" + ("" if figures["annotations"] else "  none yet"))
    for row in figures["annotations"]:
        say(f"  {literal(row['annotator']):<14} {row['status']:<12} {row['articles']}")
    for who, spent in minutes.items():
        say(f"  {literal(who):<14} {'time spent':<12} {spent:.1f} min")
    if assignments:
        say(f"assignments  {'assigned':>8} {'to do':>6} {'in progress':>11} {'done':>6} {'skipped/flagged':>15}")
        for name, *counts in assignments:
            assigned, todo, in_progress, done, aside = counts
            say(f"  {literal(name):<10} {assigned:>8} {todo:>6} {in_progress:>11} {done:>6} {aside:>15}")


def check(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Check the database without changing it: SQLite's integrity check, and that replaying each annotator's
    event log gives exactly the spans, decisions and status stored.

    Example: annotator check --db annotations.db
    """
    from annotator.store.verify import check as problems_in

    with errors_as_lines(), open_store(db, read_only=True) as store:
        problems = problems_in(store)
        events = store.count("events")
    if problems:
        raise fail(f"{db}: {len(problems)} problem(s); the first: {problems[0]}")
    say(f"{db}: ok (integrity check passed; {events} event(s) replay to the stored annotations)")
