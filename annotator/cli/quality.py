"""Commands about quality: agreement between annotators, settling it into gold, and scoring against gold."""

from pathlib import Path
from typing import Annotated

import typer

from annotator.cli.common import (
    AnnotatorsOption,
    DbOption,
    InProgressOption,
    ModelOption,
    ReviewerOption,
    errors_as_lines,
    fail,
    note,
    open_store,
    read_whole,
    reported_before_interrupts,
    say,
    say_json,
    stored,
)
from annotator.cli.compared import command, nothing_compared
from annotator.cli.logins import check_entering
from annotator.cli.names import chosen_annotators, default_annotator
from annotator.cli.paths import PathType, output_paths
from annotator.store import DEFAULT_DB, db_option

IgnoreAssignmentsOption = Annotated[
    bool,
    typer.Option(
        "--ignore-assignments",
        help="Compare every article all of them finished, whoever it is assigned to (by default, with assignments, "
        "an article only among its assignees).",
    ),
]


def agreement(
    db: DbOption = Path(DEFAULT_DB),
    annotators: AnnotatorsOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Also write a self-contained HTML report here.", click_type=PathType(), callback=output_paths
        ),
    ] = None,
    include_in_progress: InProgressOption = False,
    ignore_assignments: IgnoreAssignmentsOption = False,
    limit: Annotated[int, typer.Option(help="Articles with disagreements listed in the HTML report.")] = 100,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace an existing --html file even if annotator did not write it.")
    ] = False,
) -> None:
    """How far annotators agree, over the articles all of them marked done: per pair and label.

    Example: annotator agreement --annotators alice,bob --html agreement.html
    """
    from annotator.exchange.writing import written_atomically
    from annotator.gold import article_consensus
    from annotator.metrics.agreement import agreement as compute
    from annotator.reports.agreement import (
        MODEL_AGREES,
        annotators_of,
        command_only_line,
        finished_pairs,
        left_out_notes,
        load,
        pair_notes,
        report_pairs,
        text_lines,
        unchanged_by,
        unchanged_by_line,
    )
    from annotator.reports.agreement_html import ArticleDisputes, html_page
    from annotator.reports.flagged import left_out_line, put_aside_out
    from annotator.store.unchecked import command_only, model_unchanged

    with read_whole(), errors_as_lines(), open_store(db, read_only=True, intact="tokens") as store:
        names = chosen_annotators(
            store, annotators, "agreement", include_in_progress, by_assignment=not ignore_assignments
        )
        corpus = load(store, names, include_in_progress, by_assignment=not ignore_assignments)
        if not corpus.article_ids:
            raise nothing_compared(
                store, db, names, "agreement", include_in_progress, by_assignment=not ignore_assignments
            )
        report = compute(corpus)
        whose = [(a, annotators_of(corpus, i)) for i, a in enumerate(corpus.article_ids)]
        unchecked = len(model_unchanged(store, whose))  # `accept`'s, or A then d on the screen: one caution
        by_whom = unchanged_by(
            store, report.annotators, whose
        )  # one rubber-stamper beside a careful one (a lead's trial, F1)
        report = report.model_copy(  # in --json too (re-trial 42r)
            update={
                "command_only": len(command_only(store, whose)),
                "suggestions_unchanged": unchecked,
                "suggestions_unchanged_by": {name: count for name, (count, _) in by_whom.items()},
            }
        )
        statuses = ["done", "in_progress"] if include_in_progress else ["done"]
        flagged = put_aside_out(store, names, statuses, by_assignment=not ignore_assignments)
        own_notes = [line for line in [unchanged_by_line(by_whom)] if line]
        own_notes += [f"note: {left_out_line(store, flagged)}"] if flagged else []
        shared, left = finished_pairs(store, names, include_in_progress, by_assignment=not ignore_assignments)
        flags = [*(["--include-in-progress"] if include_in_progress else []),
                 *(["--ignore-assignments"] if ignore_assignments else [])]  # fmt: skip
        notes = pair_notes(
            report_pairs(report), shared, lambda a, b: command(db, "agreement", [a, b], *flags), include_in_progress
        )
        progress = ["--include-in-progress"] if include_in_progress else []

        def ignoring(a: str, b: str) -> str:
            return command(db, "agreement", [a, b], *progress, "--ignore-assignments")

        if html is not None:
            disputes: list[ArticleDisputes] = []
            for index, article_id in enumerate(corpus.article_ids):
                if len(disputes) >= limit:
                    break
                found = article_consensus(store, article_id, annotators_of(corpus, index)).disagreements
                if found:
                    article = store.article(article_id)
                    disputes.append(ArticleDisputes(article_id=article_id, title=article.title, text=article.text,
                                                    disagreements=found))  # fmt: skip
            with written_atomically(html, note=note, overwrite=overwrite, option="--html") as out:
                caution = command_only_line(unchecked, report.articles, MODEL_AGREES) if unchecked else ""
                own = [line.removeprefix("note: ") for line in own_notes]  # as the text has them (a trial, N5)
                out.write(html_page(report, disputes, limit, caution, own).encode("utf-8"))
    if json_output:
        say_json(report.model_dump_json(indent=2))
        for line in [*notes, *left_out_notes(report_pairs(report), left, ignoring, include_in_progress), *own_notes]:
            note(line.removeprefix("note: "))  # the JSON alone on standard output
        if unchecked:
            note(command_only_line(unchecked, report.articles, MODEL_AGREES))
    else:
        lines = text_lines(report, include_in_progress, shared, notes, left, ignoring, unchecked)
        lines[lines.index("") : lines.index("")] = own_notes  # beside what was compared, as the pairs' notes are
        for line in lines:
            say(line)  # one line each, whatever a name holds
    if html is not None:
        say(f"HTML report -> {html}", err=True)


def adjudicate(
    db: DbOption = Path(DEFAULT_DB),
    annotators: AnnotatorsOption = None,
    auto: Annotated[bool, typer.Option("--auto", help="Put every span all annotators agree on into gold.")] = False,
    reviewer: ReviewerOption = None,
    include_in_progress: InProgressOption = False,
    ignore_assignments: IgnoreAssignmentsOption = False,
) -> None:
    """Settle agreement into gold: --auto takes the spans all annotators agree on (each article one event).

    Articles without any disagreement are marked done in gold; the rest wait for `annotator review`.

    Example: annotator adjudicate --auto --annotators alice,bob
    """
    import shlex

    from annotator.gold import auto_adjudicate
    from annotator.gold_assignees import unfinished_assignees, unfinished_lines
    from annotator.reports.agreement import (
        command_only_line,
        compared_whom,
        finished_pairs,
        left_out_notes,
        narrowing,
        pair_notes,
        pairs_compared,
    )
    from annotator.reports.flagged import beside_line, left_out_line, put_aside_beside, put_aside_out
    from annotator.reports.under_review import left_to_review
    from annotator.store.assignments import compared_articles
    from annotator.store.unchecked import model_unchanged
    from annotator.vocabulary import Status

    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]

    if not auto:
        raise fail(
            f"only --auto is available from the command line; disagreements are settled in `annotator review{db_option(db)}`"
        )
    who = default_annotator(reviewer, "--reviewer", works=True, db=db)
    step_by_step = (
        "articles settled before it keep their gold (each article is one event, undoable); the rest are unchanged: "
        "run the same command again to finish"
    )
    with reported_before_interrupts():
        with errors_as_lines(step_by_step), open_store(db, intact=True) as store:
            check_entering(store, who, "--reviewer", given=reviewer is not None)  # "аӀісе" where alice works
            names = chosen_annotators(
                store,
                annotators,
                "adjudication",
                include_in_progress,
                one_named=True,
                by_assignment=not ignore_assignments,
            )
            compared = compared_articles(store, names, statuses, by_assignment=not ignore_assignments)
            extra = ["--reviewer", who] if reviewer else []
            if not compared:  # nothing written: a script is told (status 1)
                raise nothing_compared(
                    store, db, names, "adjudicate --auto", include_in_progress, extra, not ignore_assignments
                )
            # a pair that finished more articles together than all of them is named, as `agreement` names it, and
            # what assignments left out of them (a re-trial, 38c): one count for both, as agreement has
            shared, left_out = finished_pairs(store, names, include_in_progress, by_assignment=not ignore_assignments)
            flags = [*extra, *(["--include-in-progress"] if include_in_progress else []),
                     *(["--ignore-assignments"] if ignore_assignments else [])]  # fmt: skip
            pairs = pairs_compared(names, compared)
            notes = pair_notes(
                pairs,
                shared,
                lambda a, b: command(db, "adjudicate --auto", [a, b], *flags),
                include_in_progress,
            )
            ignoring = [*extra, *(["--include-in-progress"] if include_in_progress else []), "--ignore-assignments"]
            notes += left_out_notes(  # none with --ignore-assignments: nothing is left out
                pairs, left_out, lambda a, b: command(db, "adjudicate --auto", [a, b], *ignoring), include_in_progress
            )
            whom = compared_whom(names, any(len(of) < len(names) for _, of in compared), include_in_progress)
            narrowed = narrowing(pairs, shared, include_in_progress)  # where the line is read first (trial 34)
            whom += f"; {narrowed}" if narrowed else ""
            unchecked = len(model_unchanged(store, compared))  # before gold's own events: whose work it settles
            flagged = put_aside_out(store, names, statuses, by_assignment=not ignore_assignments)
            beside = put_aside_beside(
                store, compared, not ignore_assignments
            )  # a team of one's gold where another flagged (trial N5)
            flagged_notes = [*([left_out_line(store, flagged)] if flagged else []),
                             *([beside_line(store, beside)] if beside else [])]  # fmt: skip
            unfinished = unfinished_lines(  # an assignee settled without, their pack out perhaps (re-trial t2);
                store,  # none with --ignore-assignments: the lead said assignments do not decide whose work counts
                unfinished_assignees(store, compared) if not ignore_assignments else [],
                lambda who: command(db, "review", [*names, *who], *extra),
                lambda pack: f"annotator merge {shlex.quote(pack)}{db_option(db)}",
            )
            store.command = "adjudicate --auto"  # its events say so (gold marked done too): no time on a screen
            report = auto_adjudicate(store, names, who, include_in_progress, by_assignment=not ignore_assignments)
        stored(f"the gold annotations are stored in {db}")
        left = ""
        if report.unchanged:  # adjudicated by a run before (or nothing agreed): none of the gold written now
            left = (
                f"; {report.unchanged} article(s) with nothing new for gold, with {report.unchanged_open} "
                "disagreement(s) left for review in them"
            )
        if report.done_before:  # gold done before: left alone, but what review shows there is said
            left += f"; {report.done_before} article(s) whose gold is done left as they are"
        again = command(db, "review", names, *extra, *(["--ignore-assignments"] if ignore_assignments else []))
        if report.done_open:
            left += f", with {report.done_open} disagreement(s) open in them, which `{again}` shows"
        if report.under_review:  # a reviewer's unfinished gold: not added to, not marked done (trial 43a), named
            ignoring = ["--ignore-assignments"] if ignore_assignments else []
            left += "; " + left_to_review(  # the command names who began it (the run's --reviewer when none is named)
                report.under_review,
                report.begun_by,
                lambda who: command(
                    db, "review", names, *(["--reviewer", shlex.quote(who)] if who else extra), *ignoring
                ),
            )
        agreed = "agreed " if len(names) > 1 else ""  # one annotator's spans agree with nobody (trial 43b)
        # where the line names other articles too, which articles the first count is of (two counts of
        # disagreements, one of done gold, had read as one)
        where = (
            " in the articles adjudicated now" if report.done_before or report.under_review or report.unchanged else ""
        )
        say(
            f"{report.articles} article(s) compared ({whom}): {report.spans} {agreed}span(s) into gold, "
            f"{report.settled} article(s) settled, {report.disagreements} disagreement(s) left for review{where}{left}"
        )
        for line in notes:
            note(line.removeprefix("note: "))
        for line in flagged_notes:  # an assignee's flag is a question to the lead (a lead's trial, F6); a skip too
            note(line)
        for line in unfinished:
            note(line)
        if unchecked and (report.spans or report.settled):  # not of a run that settled nothing (re-trial 42r)
            note(
                command_only_line(
                    unchecked, len(compared), "the gold settled there is the model's suggestions, unchecked"
                )
            )
        if report.refused:
            say(f"skipped (gold already has clashing spans): {', '.join(report.refused)}", err=True)


def evaluate(
    db: DbOption = Path(DEFAULT_DB),
    annotator: Annotated[
        str | None,
        typer.Option(
            "--annotator", help="Score this annotator, on the articles they started (default: the model's suggestions)."
        ),
    ] = None,
    gold_from: Annotated[
        str | None,
        typer.Option("--gold-from", help="The reference: an annotator, or a native JSONL file (default: gold)."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    include_in_progress: Annotated[
        bool, typer.Option("--include-in-progress", help="Also reference articles still in progress.")
    ] = False,
    model: ModelOption = None,
    suggester: Annotated[
        list[str] | None,
        typer.Option(
            "--suggester",
            help="Score these suggester versions (repeat it, or separate names by commas), on the labels they make. "
            "This release's, run now: entities.v1, entities.v3 to v16, quotes.v1 to v6; others (a trained "
            "pipeline's, entities.v16@<hash>) are read as stored.",
        ),
    ] = None,
    unseen_by: Annotated[
        list[Path] | None,
        typer.Option(
            "--unseen-by",
            click_type=PathType(),
            help="Also leave out the articles this trained pipeline folder learned from (repeat it): to compare two "
            "pipelines on the same articles.",
        ),
    ] = None,
    include_learned: Annotated[
        bool,
        typer.Option(
            "--include-learned",
            help="Also score the articles the pipeline scored learned from (left out by default: the shipped "
            "component's dev gold and GUM documents, a --model folder's); a caution says how many.",
        ),
    ] = False,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            help="Also score this other version of a --suggester's kind on the same articles, and print the gain in "
            "ALL's exact F1 over it with a paired bootstrap interval (as `annotator train` prints its own).",
        ),
    ] = None,
) -> None:
    """Score the model's suggestions (or an annotator) against gold, over the articles gold marks done.

    Prints exact and overlap P/R/F1 per label, speaker accuracy, and how annotators corrected the
    suggestions (accepted, moved, relabelled, rejected, and spans added), per suggester version and label.
    The model is its current suggestions, or with --suggester the versions named (entities.v1, quotes.v4, ...):
    this release's own versions are run now (with --model's pipeline), others read as stored. With --model a
    folder `annotator train` wrote, its own versions are run now and the articles it learned from left out; the
    shipped suggesters likewise leave out what the shipped learned component learned from (--include-learned keeps
    them).

    Example: annotator evaluate --suggester entities.v1 --gold-from exports/gold.jsonl --json

    Example: annotator evaluate --model models/a --unseen-by models/b   (then the same with a and b swapped)

    Example: annotator evaluate --suggester entities.v16 --against entities.v15
    """
    from annotator.reports.evaluation import score
    from annotator.reports.evaluation_text import text_lines
    from annotator.reports.reference import choose_reference

    names = [name.strip() for value in suggester or [] for name in value.split(",") if name.strip()]
    with read_whole(), errors_as_lines(db=db), open_store(db, read_only=True, intact=True) as store:
        reference = choose_reference(store, gold_from, include_in_progress)
        report = score(
            store,
            reference,
            annotator,
            include_in_progress,
            suggesters=names or None,
            model=model,
            unseen_by=[str(folder) for folder in unseen_by or []],
            include_learned=include_learned,
            against=against,
        )
    if json_output:
        say_json(report.model_dump_json(indent=2))
    else:
        for line in text_lines(report, db_option(db)):
            say(line)  # one line each, whatever a name holds
