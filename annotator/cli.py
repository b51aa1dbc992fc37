"""The `annotator` command: a thin layer over the core. Each command's docstring is its help."""

# No `from __future__ import annotations` here: typer would evaluate every annotation string of every command
# before any command runs, about 15 ms more before the TUI opens.
import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Annotated

import typer

from annotator.errors import AnnotatorError
from annotator.store import DEFAULT_DB, Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Annotate news articles: actors, locations, figures and quotes, into gold data.",
)

DbOption = Annotated[Path, typer.Option("--db", help="The SQLite database file.", dir_okay=False)]
AnnotatorOption = Annotated[str | None, typer.Option("--annotator", help="Your name (default: your login name).")]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", help="An installed spaCy pipeline name or path (default: en_core_web_sm, else its mirror)."
    ),
]


def fail(message: str) -> typer.Exit:
    typer.echo(f"annotator: error: {message}", err=True)
    return typer.Exit(1)


@contextmanager
def errors_as_lines() -> Iterator[None]:
    """Every error the user can fix becomes one line on stderr and exit status 1."""
    try:
        yield
    except AnnotatorError as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        raise fail("interrupted; nothing from this command was written") from None


def default_annotator(name: str | None) -> str:
    return name or getpass.getuser() or "annotator"


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on a terminal; silence when output is piped or in CI."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.progress import Progress

    with Progress(console=None, transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def open_store(db: Path, *, create: bool = False) -> Store:
    """The command's database; only commands that add to it create it, so a mistyped --db is an error."""
    with errors_as_lines():
        return Store.open(db, create=create)


@contextmanager
def store_to_fill(db: Path) -> Iterator[Store]:
    """Open the database, creating it; a command that fails leaves no database file it created behind."""
    created = not db.exists()
    store = open_store(db, create=True)
    try:
        with store:
            yield store
    except BaseException:
        if created:
            for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                with suppress(OSError):
                    path.unlink()
        raise


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help=f"The SQLite database file (default: {DEFAULT_DB}; for any command).", dir_okay=False
        ),
    ] = None,
    annotator: AnnotatorOption = None,
) -> None:
    """Without a command: open the annotation screen (`annotator annotate`)."""
    if ctx.invoked_subcommand is None:
        annotate(db=db or Path(DEFAULT_DB), annotator=annotator)
        return
    given = {name: value for name, value in (("db", db), ("annotator", annotator)) if value is not None}
    command = ctx.command.commands[ctx.invoked_subcommand]  # type: ignore[attr-defined]
    unused = [f"--{name}" for name in given if name not in {p.name for p in command.params}]
    if unused:
        raise fail(f"{' and '.join(unused)} does not apply to `annotator {ctx.invoked_subcommand}`")
    if given:  # `annotator --db x.db stats` means `annotator stats --db x.db`: the command's own option wins
        ctx.default_map = {ctx.invoked_subcommand: given}


@app.command()
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
) -> None:
    """Store articles and the model's suggestions for them.

    Example: annotator ingest seeds/ articles.jsonl --db annotations.db
    """
    from annotator.exchange.ingest import ingest as ingest_articles
    from annotator.exchange.ingest import read_articles

    with errors_as_lines():
        articles = read_articles(paths)
        with store_to_fill(db) as store, progress_bar("Suggesting") as progress:
            report = ingest_articles(
                store, articles, suggest=not no_suggest, model=model, batch_size=batch_size, progress=progress
            )
    typer.echo(
        f"{len(report.added)} article(s) added, {len(report.skipped)} already stored, "
        f"{report.suggestions} suggestion(s) -> {db}"
    )


@app.command()
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
    typer.echo(f"{suggestions} suggestion(s) for {articles} article(s)")


FormatOption = Annotated[
    str,
    typer.Option("--format", help="jsonl (native), prodigy, doccano, doccano-relations, spacy, conll or labelstudio."),
]


@app.command()
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
    from annotator.vocabulary import GOLD

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


@app.command(name="import")
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


@app.command()
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
    from annotator.store.merge import merge as merge_databases

    if prefer not in (None, "this", "other"):
        raise fail(f"--prefer must be this or other, not {prefer!r}")
    with errors_as_lines(), store_to_fill(db) as store, progress_bar("Merging") as progress:
        report = merge_databases(store, others, prefer, progress)  # type: ignore[arg-type]
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


@app.command()
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


def chosen_annotators(store: Store, names: str | None) -> list[str]:
    """--annotators A,B,... or everyone who has annotated (gold excluded); at least two."""
    from annotator.vocabulary import GOLD

    chosen = (
        [n.strip() for n in names.split(",") if n.strip()] if names else [n for n in store.annotators() if n != GOLD]
    )
    if len(set(chosen)) != len(chosen):
        raise fail("an annotator is named twice in --annotators")
    if len(chosen) < 2:
        found = ", ".join(store.annotators()) or "none"
        raise fail(f"agreement needs two or more annotators (in the database: {found})")
    return chosen


AnnotatorsOption = Annotated[
    str | None, typer.Option("--annotators", help="Comma-separated annotators (default: all but gold).")
]
InProgressOption = Annotated[
    bool, typer.Option("--include-in-progress", help="Also compare articles still in progress.")
]


@app.command()
def agreement(
    db: DbOption = Path(DEFAULT_DB),
    annotators: AnnotatorsOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="Also write a self-contained HTML report here.")] = None,
    include_in_progress: InProgressOption = False,
    limit: Annotated[int, typer.Option(help="Articles with disagreements listed in the HTML report.")] = 100,
) -> None:
    """How far annotators agree, over the articles all of them marked done: per pair and label.

    Example: annotator agreement --annotators alice,bob --html agreement.html
    """
    from annotator.exchange.files import written_atomically
    from annotator.gold import article_consensus
    from annotator.metrics.agreement import agreement as compute
    from annotator.reports.agreement import ArticleDisputes, html_page, load, text_lines

    with errors_as_lines(), open_store(db) as store:
        names = chosen_annotators(store, annotators)
        corpus = load(store, names, include_in_progress)
        if not corpus.article_ids:
            state = "done or in progress" if include_in_progress else "done (see --include-in-progress)"
            raise fail(f"no article is marked {state} by all of {', '.join(names)}")
        report = compute(corpus)
        if html is not None:
            disputes: list[ArticleDisputes] = []
            for article_id in corpus.article_ids:
                if len(disputes) >= limit:
                    break
                found = article_consensus(store, article_id, names).disagreements
                if found:
                    article = store.article(article_id)
                    disputes.append(ArticleDisputes(article_id=article_id, title=article.title, text=article.text,
                                                    disagreements=found))  # fmt: skip
            with written_atomically(html) as out:
                out.write(html_page(report, disputes, limit).encode("utf-8"))
    if json_output:
        typer.echo(report.model_dump_json(indent=2))
    else:
        for line in text_lines(report):
            typer.echo(line)
    if html is not None:
        typer.echo(f"HTML report -> {html}", err=True)


@app.command()
def adjudicate(
    db: DbOption = Path(DEFAULT_DB),
    annotators: AnnotatorsOption = None,
    auto: Annotated[bool, typer.Option("--auto", help="Put every span all annotators agree on into gold.")] = False,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who decides (default: your login name).")] = None,
    include_in_progress: InProgressOption = False,
) -> None:
    """Settle agreement into gold: --auto takes the spans all annotators agree on (each article one event).

    Articles without any disagreement are marked done in gold; the rest wait for `annotator review`.
    Example: annotator adjudicate --auto --annotators alice,bob
    """
    from annotator.gold import auto_adjudicate

    if not auto:
        raise fail("only --auto is available from the command line; disagreements are settled in `annotator review`")
    with errors_as_lines(), open_store(db) as store:
        names = chosen_annotators(store, annotators)
        report = auto_adjudicate(store, names, default_annotator(reviewer), include_in_progress)
    typer.echo(
        f"{report.articles} article(s) compared: {report.spans} agreed span(s) into gold, "
        f"{report.settled} article(s) settled, {report.disagreements} disagreement(s) left for review"
    )
    if report.refused:
        typer.echo(f"skipped (gold already has clashing spans): {', '.join(report.refused)}", err=True)


@app.command()
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


@app.command()
def evaluate(
    db: DbOption = Path(DEFAULT_DB),
    annotator: Annotated[
        str | None, typer.Option("--annotator", help="Score this annotator (default: the model's suggestions).")
    ] = None,
    gold_from: Annotated[
        str | None,
        typer.Option("--gold-from", help="The reference: an annotator, or a native JSONL file (default: gold)."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    include_in_progress: Annotated[
        bool, typer.Option("--include-in-progress", help="Also reference articles still in progress.")
    ] = False,
) -> None:
    """Score the model's suggestions (or an annotator) against gold, over the articles gold marks done.

    Prints exact and overlap P/R/F1 per label, speaker accuracy, and how annotators corrected the
    suggestions (accepted, moved, relabelled, rejected, and spans added), per suggester version and label.
    Example: annotator evaluate --gold-from exports/gold.jsonl --json
    """
    from annotator.reports.evaluation import choose_reference, score, text_lines

    with errors_as_lines(), open_store(db) as store:
        reference = choose_reference(store, gold_from, include_in_progress)
        report = score(store, reference, annotator, include_in_progress)
    if json_output:
        typer.echo(report.model_dump_json(indent=2))
    else:
        for line in text_lines(report):
            typer.echo(line)


@app.command()
def review(
    db: DbOption = Path(DEFAULT_DB),
    annotators: AnnotatorsOption = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who decides (default: your login name).")] = None,
) -> None:
    """Settle disagreements into gold, article by article (the TUI), over articles all annotators marked done.

    Spans all annotators agree on go into gold when an article opens (g takes them back); a, b, c ... pick
    annotator 1, 2, 3 ...'s version of the current disagreement; j / k move between disagreements; the usual
    annotation keys edit gold; d marks gold done. Every decision is an event naming the reviewer.
    Example: annotator review --annotators alice,bob --reviewer carol
    """
    from annotator.vocabulary import Status

    with errors_as_lines(), open_store(db) as store:
        names = chosen_annotators(store, annotators)
        if not store.articles_annotated_by(names, [Status.DONE]):
            raise fail(f"no article is marked done by all of {', '.join(names)}")
    from annotator.tui.review import make_review_app

    with errors_as_lines():
        tui = make_review_app(db, default_annotator(reviewer), names)
    tui.run()


@app.command()
def annotate(db: DbOption = Path(DEFAULT_DB), annotator: AnnotatorOption = None) -> None:
    """Open the annotation screen (ingests the seed articles into an empty database first).

    Keys can be remapped in a TOML file ($ANNOTATOR_KEYMAP or ~/.config/annotator/keymap.toml).

    Example: annotator annotate --db annotations.db --annotator alice
    """
    with errors_as_lines(), open_store(db, create=True) as store:
        if not store.count("articles"):
            from annotator.exchange.ingest import ingest as ingest_articles
            from annotator.exchange.ingest import seed_articles

            report = ingest_articles(store, seed_articles())
            typer.echo(f"ingested {len(report.added)} seed article(s) with {report.suggestions} suggestion(s)")
    from annotator.tui.app import make_app

    with errors_as_lines():
        tui = make_app(db, default_annotator(annotator))
    tui.run()


def main() -> None:
    app()
