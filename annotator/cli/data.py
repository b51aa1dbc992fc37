"""Commands that move data: articles and suggestions in, annotations in and out, databases checked, and what a
database holds (`merge` is a team's: `cli.teams`)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from annotator.cli.common import (
    NATIVE,
    QUOTES_KEY,
    DbOption,
    FormatOption,
    ModelOption,
    WorkersOption,
    checked_name,
    errors_as_lines,
    fail,
    interrupted,
    note,
    open_store,
    progress_bar,
    reported_before_interrupts,
    say,
    store_to_fill,
    stored,
)
from annotator.cli.paths import PathType
from annotator.store import DEFAULT_DB
from annotator.vocabulary import ChangedText

if TYPE_CHECKING:
    from annotator.errors import InputError
    from annotator.exchange.importing import ImportReport
    from annotator.store import Reader


def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=".txt files, folders of them, or .jsonl files with a 'text' field.",
            show_default=False,
            click_type=PathType(),
        ),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    no_suggest: Annotated[
        bool, typer.Option("--no-suggest", help="Store the articles without model suggestions.")
    ] = False,
    model: ModelOption = None,
    batch_size: Annotated[
        int, typer.Option(help="Articles per spaCy batch (with --workers, at most 4: the workers finish together).")
    ] = 32,
    changed_text: Annotated[
        ChangedText | None,
        typer.Option(
            "--changed-text",
            help="An id stored with another text: 'new' adds it as a new article (id~hash), 'replace' replaces "
            "the stored text of articles nobody has worked on, reporting the others as conflicts (default: an error).",
        ),
    ] = None,
    workers: WorkersOption = 1,
    suggestions_from: Annotated[
        Path | None,
        typer.Option(
            "--suggestions-from",
            click_type=PathType(),
            help="A folder `annotator predict` wrote: store its suggestions instead of running the pipeline "
            "(without PATHs: its articles too).",
        ),
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Skip files and .jsonl lines that hold no article (blank, not UTF-8, not valid), listing each "
            "(file, line, why), and ingest the rest.",
        ),
    ] = False,
) -> None:
    """Store articles and the model's suggestions for them; one file or line that holds no article and nothing is
    written (--skip-invalid skips it).

    Example: annotator ingest seeds/ articles.jsonl --db annotations.db
    """
    from annotator.exchange.article_files import read_articles
    from annotator.exchange.ingest import ingest as ingest_articles

    if not paths and suggestions_from is None:
        raise fail("give the articles to ingest (files or folders), or --suggestions-from a predict folder")
    if no_suggest and suggestions_from is not None:
        raise fail("choose one of --no-suggest and --suggestions-from")
    skipped: list[InputError] = []
    with errors_as_lines():
        articles = read_articles(paths or [], note, skipped if skip_invalid else None)
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
                changed=changed_text,
            )
            shipped = not no_suggest and model is None and predicted is None and report.added
            trained_note = _trained_elsewhere(store, db, len(report.added)) if shipped else ""
    stored(f"the articles are stored in {db}")
    replaced = f", {len(report.replaced)} replaced" if report.replaced else ""
    replaced += f", {len(report.conflicts)} conflict(s)" if report.conflicts else ""
    say(
        f"{len(report.added)} article(s) added, {len(report.skipped)} already stored{replaced}, "
        f"{report.suggestions} suggestion(s) -> {db}"
    )
    for conflict in report.conflicts:
        say(
            f"conflict: {conflict.article_id} '{conflict.title}' ({conflict.source}) is stored with a "
            f"different text that {', '.join(conflict.users)} opened, annotated or packed: left as "
            "stored (--changed-text new adds the new text as an article of its own)"
        )
    for given in report.assigned:
        say(
            f"note: {given.article_id} '{given.title}' ({given.source}) has the new text; it is assigned to "
            f"{', '.join(given.assignees)}, who had not started it in {db} (work on it in a pack made before would "
            "not merge back: its text changed)"
        )
    if skipped:
        say(f"skipped {len(skipped)} file(s) or line(s) that hold no article:")
        for error in skipped:
            say(f"  {error}")
    if trained_note:
        say(trained_note)


def _trained_elsewhere(store: "Reader", db: Path, added: int) -> str:
    """New articles got the shipped pipeline's suggestions where others carry a trained pipeline's: say so, since
    a team that trained one expects it (ingest has no memory of the --model a `suggest` was given)."""
    line = _about_trained(
        store,
        "{count} stored article(s) have {name}'s",
        f"suggestions (a trained pipeline's); the {added} added now have the shipped pipeline's: "
        f"`annotator suggest --db {db} --model FOLDER` gives them the trained one's",
    )
    return f"note: {line}" if line else ""


def suggest(
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Recompute for every article.")] = False,
    workers: WorkersOption = 1,
) -> None:
    """(Re)compute suggestions for articles that lack them or have an older suggester version.

    Suggestions of a pipeline you trained (`suggest --model FOLDER`) are kept by a plain `suggest`; --all
    replaces them.

    Each article's suggestions are stored as soon as they are computed: ctrl+c keeps the finished ones and says
    how many, and running the command again does the rest. A suggestion someone decided on stays, and is not
    suggested twice.

    Example: annotator suggest --db annotations.db
    """
    from annotator.exchange.ingest import SuggestInterrupted, resuggest

    with reported_before_interrupts():
        with errors_as_lines(), open_store(db) as store:
            try:
                with progress_bar("Suggesting") as progress:  # gone before the line that says why it stopped
                    articles, suggestions = resuggest(
                        store, model=model, everything=everything, workers=workers, progress=progress
                    )
            except SuggestInterrupted as stop:
                again = f"annotator suggest --db {db}" + (f" --model {model}" if model else "")
                raise interrupted(
                    f"interrupted: {stop.done} of {stop.total} article(s) got their new suggestions before it and "
                    f"keep them; the other {stop.total - stop.done} are unchanged: `{again}` computes those"
                ) from None
            kept = _kept_trained(store, db) if model is None and not everything else ""
            why = _why_nothing(store, model, db, bool(kept)) if not articles and not everything else ""
        stored(f"the suggestions are stored in {db}")
        say(f"{suggestions} suggestion(s) for {articles} article(s)")
        if kept:
            say(kept)
        if why:
            say(why)


def _kept_trained(store: "Reader", db: Path) -> str:
    """Which trained pipelines' suggestions a plain `suggest` kept (`exchange.ingest.outdated`), and how to replace
    them: the shipped pipeline never replaces them unasked."""
    return _about_trained(
        store,
        "{count} article(s) keep {name}'s",
        f"suggestions (a trained pipeline's, kept): `annotator suggest --db {db} --all` replaces them with the "
        "shipped pipeline's, `--model FOLDER` with another pipeline's",
    )


def _why_nothing(store: "Reader", model: str | None, db: Path, kept: bool) -> str:
    """Why `suggest` found nothing to do, when an article holds no suggestion of a kind that can be an import of
    a file that carried only some kinds (the store cannot tell that from a suggester that found nothing): which,
    and `--all`. An article without quotes is named only when its text has a quotation (quotes are found from
    the quote marks): else the quote suggester found none there, and `--all` would find none again."""
    from annotator.suggest import suggesters_for_model
    from annotator.suggest.quotes import find_quotes
    from annotator.vocabulary import suggester_kind

    names = suggesters_for_model(model).names
    lacking = store.lacking_kinds([suggester_kind(name) for name in names])
    if "quotes" in lacking:
        lacking["quotes"] = [i for i in lacking["quotes"] if find_quotes(store.article(i).text)]
    groups = []
    for kind, ids in lacking.items():
        if not ids:
            continue
        shown = ", ".join(repr(article_id) for article_id in ids[:3]) + (
            f" and {len(ids) - 3} more" if len(ids) > 3 else ""
        )
        though = " though its text has quotation marks" if kind == "quotes" else ""
        groups.append(
            f"{len(ids)} article{'s hold' if len(ids) > 1 else ' holds'} no {kind} suggestion{though}: {shown}"
        )
    if not groups:
        return ""
    again = f"annotator suggest --all --db {db}" + (f" --model {model}" if model else "")
    holds = f"this pipeline's versions ({', '.join(names)})" + (
        ", or keeps a trained pipeline's (above)," if kept else ""
    )
    return (
        f"nothing to suggest: every article holds {holds} of each kind it holds; "
        f"{'; '.join(groups)} (none found, or its suggestions came from a file that carried only some kinds, as "
        f"`export --suggestions --labels` writes: `{again}` recomputes every article)"
    )


def import_(
    path: Annotated[
        Path, typer.Argument(help="A file in the --format given (native JSONL by default).", click_type=PathType())
    ],
    db: DbOption = Path(DEFAULT_DB),
    annotator: Annotated[
        str | None,
        typer.Option("--annotator", help="Store records that name nobody as this annotator (default: as in each)."),
    ] = None,
    rename: Annotated[
        bool, typer.Option("--rename", help="With --annotator: take records naming someone else as theirs too.")
    ] = False,
    format: FormatOption = NATIVE,
    snap: Annotated[
        bool,
        typer.Option(
            "--snap",
            help="Move spans off token boundaries outward to the tokens they touch; trim stray punctuation or "
            "white space at their edges.",
        ),
    ] = False,
    label_map: Annotated[
        list[str] | None,
        typer.Option("--label-map", help="Map foreign labels, e.g. PERSON=ACTOR,GPE=LOCATION; DATE= drops DATE spans."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace stored work that differs even when it is newer (undoable).")
    ] = False,
    relation_map: Annotated[
        list[str] | None,
        typer.Option("--relation-map", help="Map relation names to SPEAKER, e.g. said_by=SPEAKER; other= drops them."),
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Skip bad records, listing each (file, line, why), and import the rest."),
    ] = False,
    spans_key: Annotated[
        str, typer.Option("--spans-key", help="spacy: the doc.spans key to read spans from (besides doc.ents).")
    ] = QUOTES_KEY,
) -> None:
    """Read annotations back, validating every record; one bad record and nothing is written.

    A record that differs from newer work stored for its annotator is a conflict, reported and left as stored
    (--replace takes the file's), and the exit status is 1 (the rest is imported); every replacement is an
    undoable event.

    Example: annotator import tasks.jsonl --format prodigy --label-map PERSON=ACTOR,GPE=LOCATION
    """
    from annotator.exchange.formats.options import ReadOptions, parse_label_map, parse_relation_map
    from annotator.exchange.importing import read_file, store_records, unsaid
    from annotator.store.new_names import new_annotator_note

    with reported_before_interrupts():
        with errors_as_lines():
            if rename and annotator is None:
                raise fail("--rename: give --annotator NAME, the name the records are taken under")
            options = ReadOptions(
                annotator=None if annotator is None else checked_name(annotator, "--annotator", works=True),
                rename=rename,
                label_map=parse_label_map(_joined(label_map)),
                relation_map=parse_relation_map(_joined(relation_map)),
                skip_invalid=skip_invalid,
                spans_key=spans_key,
                snap=snap,
            )
            records = read_file(path, format.value, options)  # read and check everything before opening the database
            with store_to_fill(db) as store, progress_bar("Importing") as progress:
                new_name = None if options.annotator is None else new_annotator_note(store, options.annotator)
                report = store_records(
                    store, records, snap=snap, replace=replace, skip_invalid=skip_invalid, progress=progress,
                    unsaid=unsaid(format.value),
                )  # fmt: skip
        stored(f"the import is stored in {db}")
        if new_name is not None:
            note(new_name)
        _say_import_report(report, db, snap)
        if report.conflicts:  # the file was not applied: a script must not take it as imported
            raise fail(
                f"{len(report.conflicts)} record(s) of {path} not imported: they conflict with the work stored in "
                f"{db} (listed above); --replace takes the file's"
            )


#: What `import` replaced, by the work replaced (`exchange.importing._verdict`): --replace takes the file's over any.
REPLACED = {"older": "older work", "newer": "newer work in the database (--replace)",
            "unshown": "work the file does not show is older (--replace)"}  # fmt: skip


def _say_import_report(report: "ImportReport", db: Path, snap: bool) -> None:
    """What an import stored, skipped, left out and found in conflict."""
    moved = f", {report.snapped} span(s) snapped to token boundaries" if snap else ""
    moved += f", {report.trimmed} span(s) trimmed to the span rules" if report.trimmed else ""
    decided = f", {report.decisions} decision(s) on suggestions" if report.decisions else ""
    decided += f", {report.suggestions} suggestion(s) of the model" if report.suggestions else ""
    decided += f", {report.comments} comment(s) added" if report.comments else ""
    counts = "".join(
        f"; {report.replaced[kind]} replaced {work}" for kind, work in REPLACED.items() if report.replaced[kind]
    )
    counts += f"; {report.unchanged} unchanged" if report.unchanged else ""
    counts += f"; {report.commented} unchanged but for new comment(s)" if report.commented else ""
    counts += f"; {len(report.conflicts)} conflict(s)" if report.conflicts else ""
    counts += f"; {report.realigned} put on the stored article with the same words" if report.realigned else ""
    say(f"{report.records} record(s) imported ({report.new_articles} new article(s){moved}{decided}){counts} -> {db}")
    if report.skipped:
        say(f"skipped {len(report.skipped)} record(s):")
        for skipped in report.skipped:
            say(f"  {skipped}")
    for what, count in report.dropped.items():
        say(f"left out: {count} {what}")
    if report.rebuilt:
        several = sum(1 for _, _, matches in report.rebuilt if matches > 1)
        cases = {
            "no stored article has the same words": len(report.rebuilt) - several,
            "several stored articles have the same words, so none was chosen": several,
        }
        found = [(why, count) for why, count in cases.items() if count]
        why = found[0][0] if len(found) == 1 else "; ".join(f"for {count}, {why}" for why, count in found)
        say(
            f"note: {len(report.rebuilt)} new article(s) with a text rebuilt from the file's tokens, the white "
            f"space between them guessed: {why}"
        )
    for conflict in report.conflicts:
        at = conflict.where.line if conflict.where.line is not None else f"record {conflict.where.record}"
        say(
            f"conflict: {conflict.annotator} on {conflict.article_id} '{conflict.title}' "
            f"({conflict.where.path}:{at}) "
            f"differs from {'newer' if conflict.stored_newer else 'the'} work stored here"
            f"{'' if conflict.stored_newer else ' (the file does not show it is newer)'}: "
            "kept this database's (--replace takes the file's)"
        )


def check(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Check the database without changing it: SQLite's integrity check, that the title search index matches the
    titles, and that replaying the event log gives every span, decision, status, flag reason, stamp and assignment.

    Example: annotator check --db annotations.db
    """
    from annotator.store.verify import check as problems_in

    with errors_as_lines(), open_store(db, read_only=True, whole=False) as store:
        problems = problems_in(store)
        for number, problem in enumerate(problems, 1):  # one line each, every one with what to do
            error = fail(f"{db}: problem {number} of {len(problems)}: {problem}")
        if problems:
            raise error
        events = store.count("events")
    say(f"{db}: ok (integrity check passed; {events} event(s) replay to the stored annotations)")


def _joined(given: list[str] | None) -> str | None:
    """A map option given more than once is one map, so a name mapped in two of them is refused, not overwritten."""
    return ",".join(given) if given else None


def _about_trained(store: "Reader", each: str, then: str) -> str:
    """One line about the articles that keep a trained pipeline's suggestions (`kept_trained`): `each` per
    pipeline (with {count} and {name}), then `then`; "" when there are none."""
    from annotator.exchange.ingest import kept_trained
    from annotator.suggest import suggesters_for_model

    counts = kept_trained(store.current_suggesters_by_article(), suggesters_for_model(None).names)
    if not counts:
        return ""
    which = "; ".join(each.format(count=count, name=name) for name, count in sorted(counts.items()))
    return f"{which} {then}"
