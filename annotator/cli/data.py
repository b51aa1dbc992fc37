"""Commands that move data: articles and suggestions in, databases checked (`import` is `cli.importing`'s,
`export` `cli.exports`'s, `merge` a team's: `cli.teams`)."""

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from annotator.cli.common import (
    DbOption,
    ModelOption,
    bug_line,
    errors_as_lines,
    fail,
    interrupted,
    note,
    open_store,
    progress_bar,
    read_whole,
    reported_before_interrupts,
    say,
    say_skipped,
    store_to_fill,
    stored,
    task_text_field,
)
from annotator.cli.paths import PathType
from annotator.cli.same_titles import BY_INGEST, same_title_note
from annotator.cli.workers import WorkersOption
from annotator.store import DEFAULT_DB, db_option
from annotator.vocabulary import ChangedText, Status
from annotator.wording import counted

if TYPE_CHECKING:
    from annotator.errors import InputError
    from annotator.store import Reader


def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=".txt files, folders of them, .jsonl files with a 'text' field, or Label Studio task files (a JSON "
            "array or JSONL of tasks, their text in data.text: --text-field).",
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
            help="An id stored with another text, or a .txt file stored before with another text: 'new' adds it "
            "as a new article (id~hash; a file's under its text's hash), 'replace' replaces the stored text of "
            "articles nobody has worked on, reporting the others as conflicts (default: an error).",
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
    text_field: Annotated[
        str | None,
        typer.Option(
            "--text-field",
            help="Label Studio tasks: the data field holding the text, as the labelling config names it "
            '(<Text value="$content">: --text-field content; default text); with --suggestions-from, the one '
            "predict read.",
        ),
    ] = None,
) -> None:
    """Store articles and the model's suggestions for them; one file or line that holds no article and nothing is
    written (--skip-invalid skips it).

    Example: annotator ingest seeds/ articles.jsonl --db annotations.db
    """
    from annotator.exchange.already_done import done_in
    from annotator.exchange.article_files import read_articles
    from annotator.exchange.formats.labelstudio_project import TEXT
    from annotator.exchange.ingest import ingest as ingest_articles
    from annotator.exchange.labelstudio_tasks import TaskReading

    if not paths and suggestions_from is None:
        raise fail("give the articles to ingest (files or folders), or --suggestions-from a predict folder")
    if no_suggest and suggestions_from is not None:
        raise fail("choose one of --no-suggest and --suggestions-from")
    field = TEXT if text_field is None else task_text_field(text_field)
    skipped: list[InputError] = []
    with errors_as_lines(db=db):
        tasks = TaskReading(field, done=done_in(db))  # re-trial t4r F8-v1: the import may have run
        articles = read_articles(paths or [], note, skipped if skip_invalid else None, db_option(db), tasks)
        if not articles and suggestions_from is None:  # nothing to store: no empty database either
            say_skipped(skipped)
            left = "is left as it was" if db.exists() else "was not created"
            holding = f"{paths[0]} holds" if paths and len(paths) == 1 else "the files given hold"
            said = "every file or line given was skipped (listed above)" if skipped else f"{holding} no article"
            raise fail(f"nothing ingested: {said}; {db} {left}")
        predicted = None
        if suggestions_from is not None:
            from annotator.exchange.predictions import read_predictions

            wanted = [a.article_id for a in articles] if paths else None
            predicted = read_predictions(suggestions_from, wanted, text_field)  # re-trial s52 t6 F1-v1-c
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
    twins = f", {len(report.duplicates)} duplicate(s) of a text stored under another id" if report.duplicates else ""
    twins += f", {len(report.rebuilt)} already stored with other spacing" if report.rebuilt else ""
    say(
        f"{len(report.added)} article(s) added, {len(report.skipped)} already stored{twins}{replaced}, "
        f"{report.suggestions:,} suggestion(s) -> {db}"
    )
    if report.duplicates:
        pairs = [f"{given} as {kept}" for given, kept in report.duplicates[:SHOWN_DUPLICATES]]
        more = len(report.duplicates) - len(pairs)
        say(
            "not stored, their text stored under another id (one article a text): "
            + ", ".join(pairs + ([f"and {more} more"] if more else []))
        )
    if report.rebuilt:  # re-trial t4r F12-v1: a CoNLL import's article of the story is the story's
        from annotator.exchange.realign import rebuilt_ingest_note

        say(rebuilt_ingest_note(report.rebuilt))
    for alike in report.ends_aside:  # newcomer trial F4: a .txt file and the JSONL a script made of it
        from annotator.store.ends_aside import but_for_its_end, stored_named

        say(
            f"note: {alike.source or alike.given} not stored: its text is that of {stored_named(alike)} {but_for_its_end(alike)}"
        )
    for conflict in report.conflicts:
        say(
            f"conflict: {conflict.article_id} '{conflict.title}' ({conflict.source}) is stored with a "
            f"different text that {', '.join(conflict.users)} opened, annotated or packed ({conflict.differs}): left as "
            "stored (--changed-text new adds the new text as an article of its own)"
        )
    for same in report.same_title:
        say(same_title_note(same, BY_INGEST))
    for given in report.assigned:
        say(
            f"note: {given.article_id} '{given.title}' ({given.source}) has the new text; it is assigned to "
            f"{', '.join(given.assignees)}, who had not started it in {db} (work on it in a pack made before would "
            "not merge back: its text changed)"
        )
    say_skipped(skipped)
    if trained_note:
        say(trained_note)
    if report.conflicts:  # not applied whole, as an import's conflict: a script must not take it as stored
        raise fail(
            f"{len(report.conflicts)} article(s) of the input not stored: their stored text is someone's work in "
            f"{db} (listed above); --changed-text new adds each as an article of its own"
        )


def _replaced(before: dict[str, set[str]], after: dict[str, set[str]]) -> str:
    """The versions the new suggestions took the place of as the current ones (", in place of those of ..."; the
    ones someone decided stay, for the record), or nothing."""
    gone = sorted({name for article, now in after.items() for name in before.get(article, set()) - now})
    return f", in place of those of {', '.join(gone)}" if gone else ""


def _waiting_on_done(
    before: list[tuple[str, int, int]], after: list[tuple[str, int, int]], on_done: bool, db: Path = Path(DEFAULT_DB)
) -> str:
    """When the run wrote suggestions on an article someone marked done (`on_done`) or changed the count: the
    suggestions that now wait undecided on articles marked done, where nothing asks about them, by annotator, as
    `stats` counts them (trial 43b: only `stats` showed them); or nothing."""
    if not after or (after == before and not on_done):
        return ""
    total = sum(count for _, count, _ in after)
    whose = ", ".join(f"{name}: {count}" for name, count, _ in after)
    wait = "waits" if total == 1 else "wait"
    return (
        f"{counted(total, 'suggestion')} now {wait} undecided on articles marked done ({whose}): nothing asks about "
        f"them there; `annotator stats{db_option(db)}` lists them, and O on an article's screen reopens it"
    )


#: How many ids of a text stored under another id the ingest summary names.
SHOWN_DUPLICATES = 5


def _trained_elsewhere(store: "Reader", db: Path, added: int) -> str:
    """New articles got the shipped pipeline's suggestions where others carry a trained pipeline's: say so, since
    a team that trained one expects it (ingest has no memory of the --model a `suggest` was given)."""
    line = _about_trained(
        store,
        "{count} stored article(s) have {name}'s",
        f"suggestions (a trained pipeline's); the {added} added now have the shipped pipeline's: "
        f"`annotator suggest --db {shlex.quote(str(db))} --model FOLDER` gives them the trained one's",
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
    from annotator.exchange.resuggesting import SuggestFailed, SuggestInterrupted, SuggestWriteFailed, resuggest
    from annotator.suggest import suggesters_for_model

    with reported_before_interrupts():
        with errors_as_lines(), open_store(db, intact=True) as store:
            versions_before = store.current_suggesters_by_article()
            left_before = store.left_undecided()
            try:
                with progress_bar("Suggesting") as progress:  # gone before the line that says why it stopped
                    touched, suggestions = resuggest(
                        store, model=model, everything=everything, workers=workers, progress=progress
                    )
            except SuggestInterrupted as stop:
                raise interrupted(f"interrupted: {_kept_before(stop.done, stop.total, db, model)}") from None
            except SuggestWriteFailed as stop:  # as an interrupt: the articles committed before it stay
                raise fail(f"{stop.reason}: {_kept_before(stop.done, stop.total, db, model)}") from None
            except SuggestFailed as stop:  # a bug: a rerun would fail on the same article
                left = f"the other {stop.total - stop.done} are unchanged"
                kept = (
                    f"{stop.done} of {stop.total} article(s) got their new suggestions before it and keep them; {left}"
                )
                raise fail(bug_line(stop, kept)) from None
            articles = len(touched)
            kept = _kept_trained(store, db) if model is None and not everything else ""
            why = _why_nothing(store, model, db, bool(kept)) if not articles and not everything else ""
            replaced = _replaced(versions_before, store.current_suggesters_by_article())
            done = store.articles_annotated_by(store.annotators(), [Status.DONE])
            left_more = _waiting_on_done(left_before, store.left_undecided(), bool(set(touched) & set(done)), db)
        stored(f"the suggestions are stored in {db}")
        names = " + ".join(suggesters_for_model(model).names)
        made = f" of {names}" if articles else ""  # which versions a team's trained pipeline stored (trial 43b)
        say(f"{suggestions:,} suggestion(s){made} for {articles} article(s){replaced}")
        if left_more:
            note(left_more)
        if kept:
            say(kept)
        if why:
            say(why)


def _kept_before(done: int, total: int, db: Path, model: str | None) -> str:
    """What a `suggest` stopped part way keeps, by ctrl+c or a failed write alike: each article is committed as
    soon as it is computed, so the first `done` keep their new suggestions and a rerun does the rest."""
    again = f"annotator suggest --db {shlex.quote(str(db))}" + (f" --model {shlex.quote(model)}" if model else "")
    return (
        f"{done} of {total} article(s) got their new suggestions before it and keep them; the other {total - done} "
        f"are unchanged: `{again}` computes those"
    )


def _kept_trained(store: "Reader", db: Path) -> str:
    """Which trained pipelines' suggestions a plain `suggest` kept (`exchange.resuggesting.outdated`), and how to replace
    them: the shipped pipeline never replaces them unasked."""
    return _about_trained(
        store,
        "{count} article(s) keep {name}'s",
        f"suggestions (a trained pipeline's, kept): `annotator suggest --db {shlex.quote(str(db))} --all` replaces them with the "
        "shipped pipeline's, `--model FOLDER` with another pipeline's",
    )


def _why_nothing(store: "Reader", model: str | None, db: Path, kept: bool) -> str:
    """Why `suggest` found nothing to do, when an article holds no suggestion of a kind that can be an import of
    a file that carried only some kinds (the store cannot tell that from a suggester that found nothing): which,
    and `--all`. An article without quotes is named only when its text has a quotation (quotes are found from
    the quote marks): else the quote suggester found none there, and `--all` would find none again."""
    from annotator.suggest import suggesters_for_model
    from annotator.suggest.pipeline import quote_finder
    from annotator.vocabulary import suggester_kind

    names = suggesters_for_model(model).names
    lacking = store.lacking_kinds([suggester_kind(name) for name in names])
    if "quotes" in lacking:
        find_quotes = quote_finder(names[1])
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
    again = f"annotator suggest --all --db {shlex.quote(str(db))}" + (f" --model {shlex.quote(model)}" if model else "")
    holds = f"this pipeline's versions ({', '.join(names)})" + (
        ", or keeps a trained pipeline's (above)," if kept else ""
    )
    return (
        f"nothing to suggest: every article holds {holds} of each kind it holds; "
        f"{'; '.join(groups)} (none found, or its suggestions came from a file that carried only some kinds, as "
        f"`export --suggestions --labels` writes: `{again}` recomputes every article)"
    )


def check(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Check the database without changing it: SQLite's integrity check, that the title search index matches the
    titles, and that replaying the event log gives every span, decision, status, flag reason, stamp and assignment.

    Example: annotator check --db annotations.db
    """
    from annotator.store.verify import check as problems_in

    with read_whole(), errors_as_lines(), open_store(db, read_only=True, whole=False) as store:
        problems = problems_in(store)
        for number, problem in enumerate(problems, 1):  # one line each, every one with what to do
            error = fail(f"{db}: problem {number} of {len(problems)}: {problem}")
        if problems:
            raise error
        events = store.count("events")
    say(f"{db}: ok (integrity check passed; {events} event(s) replay to the stored annotations)")


def _about_trained(store: "Reader", each: str, then: str) -> str:
    """One line about the articles that keep a trained pipeline's suggestions (`kept_trained`): `each` per
    pipeline (with {count} and {name}), then `then`; "" when there are none."""
    from annotator.exchange.resuggesting import kept_trained
    from annotator.suggest import suggesters_for_model

    counts = kept_trained(store.current_suggesters_by_article(), suggesters_for_model(None).names)
    if not counts:
        return ""
    which = "; ".join(each.format(count=count, name=name) for name, count in sorted(counts.items()))
    return f"{which} {then}"
