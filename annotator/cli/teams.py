"""Commands for a team: assigning articles with overlap, packs for annotating offline, merging the team's
databases back (the TUI in a browser, `serve`, is in `screens`)."""

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from annotator.cli.common import (
    DbOption,
    errors_as_lines,
    fail,
    note,
    open_store,
    progress_bar,
    reported_before_interrupts,
    say,
    store_to_fill,
    stored,
)
from annotator.cli.logins import check_entering, checked_login
from annotator.cli.merge_lines import (
    assignment_lines,
    conflict_line,
    ends_aside_lines,
    left_older_lines,
    past_shared_left_out,
    read_back_lines,
    replaced_count,
)
from annotator.cli.names import checked_name, named
from annotator.cli.paths import PathType, database_paths
from annotator.cli.same_titles import by_merge, same_title_note
from annotator.store import DEFAULT_DB
from annotator.vocabulary import Prefer

if TYPE_CHECKING:
    from annotator.store.assignments import AssignReport


def assign(
    annotators: Annotated[
        list[str],
        typer.Option(
            "--annotators",
            help="Comma-separated annotators, or the option once for each (a name with a comma given whole names "
            "the annotator the database knows by it): the team.",
        ),
    ],
    overlap: Annotated[int, typer.Option("--overlap", help="How many annotators get each article.")] = 1,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Only the first N articles, in ingest order (default: all).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same plan.")] = 0,
    unassigned: Annotated[
        bool,
        typer.Option(
            "--unassigned",
            help="Only the articles nobody is assigned (with --limit, the first N of them); the rest keep theirs: "
            "a second team's own articles.",
        ),
    ] = False,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Give every article (or the first --limit) to exactly --overlap of the annotators, balanced.

    Reproducible: the same seed on the same database gives the same plan. Running it again keeps every
    assignment that fits (nothing changes, articles ingested since are added); an assignee who has started an
    article keeps it whatever the team; work begun unassigned gets a place only where one is free. Stored in the
    `assignments` table, and as `assign`/`unassign` events.
    `annotator stats` shows each annotator's progress.

    Example: annotator assign --annotators alice,bob,carol --overlap 2 --seed 7
    Two teams: annotator assign --annotators alice,bob --overlap 2 --limit 50, then
    annotator assign --annotators carol,dan --overlap 2 --unassigned
    """
    from annotator.store.assignments import assign as assign_articles
    from annotator.store.assignments import assignees

    known: set[str] = set()
    if any("," in value for value in annotators):  # whole, such a value names someone the database knows, or none
        with errors_as_lines(), open_store(db, read_only=True) as store:  # nothing written before the names pass
            known = {*store.annotators(), *assignees(store)}
    team = [checked_name(name, "--annotators", works=True, db=db) for name in named(annotators, known)]
    by = checked_login()  # who assigned, in every event: a name as any other entering
    with reported_before_interrupts():
        with errors_as_lines(), open_store(db) as store:
            check_entering(store, by, None, given=False)
            report = assign_articles(store, team, overlap, limit=limit, seed=seed, by=by, unassigned=unassigned)
            everyone = len(store.article_ids())
        stored(f"the assignments are stored in {db}")
        unchanged = "" if report.added or report.removed else ": nothing changed"
        say(f"{report.articles} article(s) to {overlap} annotator(s) each (seed {seed}) -> {db}{unchanged}")
        if unassigned and not report.articles and everyone:  # not "no article was assigned before" (re-trial t5 N2)
            say(f"kept:       nothing to assign: each of the {everyone} article(s) here has its assignees already "
                "(--unassigned)")  # fmt: skip
            return
        if report.before:
            begun = f", {report.started} of them already started" if report.started else ""
            say(f"kept:       {report.kept} of the {report.before} earlier assignment(s){begun}")
        else:
            say("kept:       nothing (no article here was assigned before)")
        say_added(report)
        if report.removed:
            say(f"taken back: {report.removed} assignment(s) nobody had started (not in this team, or no room left)")
            for name, count in report.packed.items():
                say(
                    f"  {count} of them are in {name}'s pack (annotator pack): work done there merges back, but is "
                    "compared by assignment no longer (agreement and review --ignore-assignments compare it)"
                )
        say_not_given(report)
        for name, count in report.per_annotator.items():
            say(f"  {name:<14} {count} article(s)")


def rename_annotator(
    old: Annotated[str, typer.Argument(help="The name whose work moves (as the database holds it).")],
    new: Annotated[str, typer.Argument(help="The name it moves to (an annotator's name, as --annotator takes it).")],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Move everything stored under OLD to NEW: one annotator under two names (a mistyped --annotator, or a Label
    Studio user an older release stored twice) becomes one.

    Article by article: the work (spans, decisions, status, flag reason, cursor), the assignment, the Label Studio
    annotation ids and the comments; the event log keeps OLD's events, as history. Refused, with nothing written,
    where NEW has work of their own on an article OLD has work on. One transaction. `rename-annotator NEW OLD`
    moves it all back (NEW's own work too, if NEW had any); u on an article (as NEW or as OLD) takes back the work's move there only, while NEW has not
    changed it since (the ids and comments stay NEW's).

    Example: annotator rename-annotator labelstudio-user-11 ana
    """
    from annotator.exchange.formats.labelstudio_ids import ANNOTATION_IDS
    from annotator.store.pack import packed_out
    from annotator.store.renaming import rename_annotator as rename

    old = checked_name(old, "OLD")  # as stored: an older release's name too, which no name entering may be now
    new = checked_name(new, "NEW", works=True, db=db)
    if problem := _users_name_problem(old, new):
        raise fail(f"NEW: {problem}; nothing was written")
    by = checked_login()  # who renamed, in the assignment events: a name as any other entering
    with reported_before_interrupts():
        with errors_as_lines(), open_store(db, intact=True) as store:
            packed = packed_out(store, old)  # its work merges back as OLD's: said, as the screen says it
            report = rename(store, old, new, by=by, keyed=(ANNOTATION_IDS,))
        stored(f"the rename is stored in {db}")
        say(f"moved {report.articles} article(s) of {old} to {new} -> {db}")
        if packed and report.articles:
            note(f"{packed}; this rename is work on them here (u on an article takes it back)")


def _users_name_problem(old: str, new: str) -> str | None:
    """Why `new`, the name a Label Studio import gives a user known only by id, may not take `old`'s work: `old` is
    another such user's (a trial: labelstudio-user-2 renamed labelstudio-user-1 was taken, as `--user-map
    2=labelstudio-user-1` is not, and the next import stored user 2's answer under both names). A name of one's
    own (`ana`, by `--user-map 1=ana`) going back to it is fine."""
    from annotator.exchange.formats.labelstudio_users import synthetic
    from annotator.literal import quoted

    if not (synthetic(new) and synthetic(old)) or _user_id(new) == _user_id(old):
        return None  # the same user's id in another form (labelstudio_user_1) is theirs to go back to
    return (
        f"{quoted(new)} is the name a Label Studio import gives one user known only by id, and {quoted(old)} another's: "
        "one user's work may not take another user's name (the next import would store it under both)"
    )


def _user_id(name: str) -> str | None:
    found = re.search(r"(\d+)$", name)
    return found.group(1).lstrip("0") if found else None


def say_added(report: "AssignReport") -> None:
    """The places given, a line for each kind there is (none: no line). The articles assigned before that got one
    are named (a trial, t2 F7: "on 2 article(s) not assigned before" read as if all of them were on the two just
    ingested), and so are the new ones when some were assigned before (a run that hands out the articles ingested
    since)."""
    from annotator.wording import together

    filled = sum(len(places) for places in report.filled.values())
    names = f": {_articles(report, report.new_ids)}" if report.before and report.new_ids else ""
    begun = f"; {report.started_added} of them to whoever had already started the article"
    if report.added - filled:  # none: nothing to say (a run again that changes nothing said "added: 0 ... on 0")
        say(
            f"added:      {report.added - filled} assignment(s), on {report.new_articles} article(s) not assigned "
            f"before{names}" + (begun if report.started_added else "")
        )
    if report.filled:

        def given(article_id: str) -> str:
            places = report.filled[article_id]
            return " to " + together([f"{who} (had started it)" if began else who for who, began in places])

        say(f"filled:     {filled} free place(s) on article(s) assigned before: "
            f"{_articles(report, list(report.filled), given)}")  # fmt: skip


def say_not_given(report: "AssignReport") -> None:
    """Work team members began on articles assigned to others where no place was free: it is left unassigned, out
    of what agreement and review compare, however often assign runs again."""
    if report.not_given:

        def whose(article_id: str) -> str:
            return f" ({', '.join(report.not_given[article_id])})"

        say(
            f"not given:  {len(report.not_given)} article(s) begun by team members not assigned to them, no place "
            f"being free: {_articles(report, list(report.not_given), whose)}; their work there is not compared "
            "(agreement and review --ignore-assignments compare it)"
        )


def _articles(report: "AssignReport", articles: list[str], after: Callable[[str], str] = lambda _: "") -> str:
    """The first articles of a summary's line by id and title, each with what `after` says of it; how many more."""
    from annotator.literal import quoted
    from annotator.store.assignments import NAMED
    from annotator.wording import clipped

    shown = [f"{i} {quoted(clipped(report.titles[i], 24))}{after(i)}" for i in articles[:NAMED]]
    more = f" and {len(articles) - NAMED} more (annotator stats --articles)" if len(articles) > NAMED else ""
    return ", ".join(shown) + more


def pack(
    annotator: Annotated[str, typer.Option("--annotator", help="Whose assigned articles go into the pack.")],
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            help="The pack: a new database file.",
            click_type=PathType(dir_okay=False),
            callback=database_paths,
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Write one annotator's assigned articles, with their suggestions, to a database of their own.

    They annotate it anywhere (`annotator annotate --db bob.db --annotator bob`); `annotator merge bob.db`
    brings the work back. Nobody else's work goes into a pack.

    Example: annotator pack --annotator bob -o bob.db
    """
    from annotator.store.pack import pack as write_pack

    annotator = checked_name(annotator, "--annotator", works=True, db=db)
    with reported_before_interrupts():
        with errors_as_lines(), open_store(db) as store:
            report = write_pack(store, annotator, output, note)
        stored(f"the pack is written to {output}")
        say(f"{report.articles} article(s), {report.suggestions:,} suggestion(s) for {annotator} -> {output}")


def merge(
    others: Annotated[
        list[Path],
        typer.Argument(
            help="Other annotator databases to bring into this one.", click_type=PathType(), callback=database_paths
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    prefer: Annotated[
        Prefer | None,
        typer.Option("--prefer", help="Who wins when an annotator's work differs: this or other (default: report)."),
    ] = None,
) -> None:
    """Bring other databases' articles, annotations and events into this one; merging twice changes nothing.

    An article whose id is stored here with another text is a conflict: left out with the work on it, the rest
    merged, and the exit status is 1. So is an annotator's work that differs in both files, without --prefer.

    Example: annotator merge alice.db bob.db --db review.db
    """
    from annotator.exchange.formats.given_files import refuse_as_a_database
    from annotator.store.merge import merge as merge_databases
    from annotator.store.merged_assignments import assignments_merged, last_event

    with reported_before_interrupts():
        with errors_as_lines(), store_to_fill(db) as store, progress_bar("Merging") as progress:
            with errors_as_lines(db=db):  # a file of records or articles: the command that reads it, into this db
                for other in others:
                    refuse_as_a_database(other)
            before = last_event(store)
            report = merge_databases(store, others, prefer, progress)
            added = assignments_merged(store, before)
        stored(f"the merge is stored in {db}")
        say(
            f"{report.articles_added} article(s), {report.annotations_added} annotation(s) and "
            f"{report.events_copied} event(s) added; {replaced_count(report)}; "
            f"{report.unchanged} unchanged; "
            f"{len(report.conflicts) + len(report.text_conflicts) + len(report.past_shared)} conflict(s) -> {db}"
        )
        if report.brought_up_to_date:
            say(
                f"{report.brought_up_to_date} annotation(s) brought up to date: the other file's work went on from "
                "this database's (no conflict; its later events are added)"
            )
        for line in [*left_older_lines(report), *read_back_lines(report)]:
            say(line)
        if report.suggestions_copied:
            say(f"{report.suggestions_copied} suggestion(s) added")
        if report.tokens_refined:
            say(
                f"{report.tokens_refined} article(s) now have the other file's tokens: they divide this database's "
                "finer (an older release kept markup brackets glued to words), and every span here still sits on them"
            )
        for line in assignment_lines(report, added, several=len(others) > 1, db=db):
            say(line)
        for conflict in report.conflicts:
            say(conflict_line(conflict, prefer, db))
        for left in report.text_conflicts:
            work = f" and {', '.join(left.annotators)}'s work on it" if left.annotators else ""
            say(
                f"conflict: {left.article_id} '{left.title}' ({left.source}) is stored here with a different text: left "
                f"as stored; {left.source}'s article{work} {'were' if work else 'was'} not merged"
            )
        for same in report.same_titles:
            say(same_title_note(same, by_merge(db)))
        for line in ends_aside_lines(report):  # newcomer trial F4: one story, its texts' ends apart
            say(line)
        left_out = []
        if report.text_conflicts:
            sources = ", ".join(dict.fromkeys(left.source for left in report.text_conflicts))
            left_out.append(
                f"{len(report.text_conflicts)} article(s) of {sources} not merged (another text under an id stored "
                "here)"
            )
        unmerged = [c for c in report.conflicts if prefer is None or c.renamed_to or c.renamed_there or c.assignment_to
                    or c.renamed_apart]  # fmt: skip
        if unmerged:  # the other's work was not applied: a script must not take it so
            sources = ", ".join(dict.fromkeys(conflict.source for conflict in unmerged))
            why = (
                "their annotator was renamed here (listed above)"
                if all(c.renamed_to or c.assignment_to for c in unmerged)
                else "their annotator was renamed there to a name with work of its own here (listed above)"
                if all(c.renamed_onto_own for c in unmerged)
                else "their annotator was renamed to one name there and another here (listed above)"
                if all(c.renamed_apart for c in unmerged)  # re-trial s59 t20 F3: it said --prefer other takes theirs
                else "their annotator was renamed in one file and worked on in the other (listed above)"
                if all(c.renamed_to or c.renamed_there or c.assignment_to or c.renamed_apart for c in unmerged)
                else "they differ from the work here (listed above); --prefer other takes theirs, --prefer this keeps "
                "this database's"
            )
            left_out.append(f"{len(unmerged)} annotation(s) of {sources} not merged: {why}")
        left_out += past_shared_left_out(report)
        if left_out:
            raise fail(f"{'; '.join(left_out)}; the rest is merged into {db}")
