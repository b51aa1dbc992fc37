"""`annotator stats`: what a database holds, as Rich tables."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from annotator.cli.common import DbOption, errors_as_lines, fail, note, open_store, read_whole, say, say_json, say_lines
from annotator.cli.tables import render_tables
from annotator.literal import literal
from annotator.store import DEFAULT_DB
from annotator.vocabulary import GOLD, Status
from annotator.wording import OTHERS_MARK, counted

#: `stats --articles`' cell for an article assigned to others (one word: a script splits the columns at spaces).
UNASSIGNED = "unassigned"
#: After a status: work on an article assigned to others only, which the team's comparisons leave out.

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from annotator.store import Store


def stats(
    db: DbOption = Path(DEFAULT_DB),
    articles: Annotated[
        bool,
        typer.Option(
            "--articles",
            help="Instead, list every article: its id, each annotator's status (unassigned: with assignments, not "
            "theirs) and its title, one a line.",
        ),
    ] = False,
    json_output: Annotated[
        bool,
        typer.Option("--json", help="With --articles: the list as JSON, every id and title whole."),
    ] = False,
) -> None:
    """Print what the database holds: articles, suggestions by suggester and label, each annotator's articles
    by status and time spent, the suggestions each left undecided on articles they marked done (nothing asks
    about them there), and each annotator's assigned articles (assigned, to do, in progress, done, put aside).
    --articles lists the articles instead, with the ids other commands take (`accept ID`). Either ends with a
    note naming done gold an annotator's done work differs from, as `train` and `export --gold` name it.

    Time spent is the sum of the gaps between an annotator's consecutive actions on the screens, each gap at most
    5 minutes (a longer one is a break), counted only while a screen was open (from opening an article; the time
    between quitting and opening again is no work; a database of an older release counts every gap); what
    commands wrote (accept, import, merge, adjudicate --auto) is no
    time on a screen and is left out (an `accept` of a release before this one is counted: its events do not
    say it was the command). Time under a name `rename-annotator` moved work from counts for the name it went to,
    on the articles where that rename stands. Under `reviews`, each reviewer's time on gold's review screens, from
    the events that name them.

    Example: annotator stats --db annotations.db
    """
    if json_output and not articles:
        raise fail("--json goes with --articles (the list of articles as JSON)")
    if articles:
        return _list_articles(db, json_output)
    from annotator.metrics.activity import reviewing_time
    from annotator.reports.time_spent import screen_seconds
    from annotator.store.assignments import progress
    from annotator.store.sessions import sessions_of

    with read_whole(), errors_as_lines(), open_store(db, read_only=True, intact="rows") as store:
        figures = store.stats()
        minutes = {who: seconds / 60 for who, seconds in screen_seconds(store).items()}
        reviewed = reviewing_time(store.events(annotator=GOLD), sessions_of(store.conn, GOLD))
        reviewing = {who: seconds / 60 for who, seconds in reviewed.items()}
        assignments = progress(store)
        # To do as `--articles` lists it (the rows of status todo in the table are only the articles begun).
        to_do = _to_do(store, sorted({row["annotator"] for row in figures["annotations"]}))
        stale = _stale_gold(store, db)
    say_lines(render_tables(stats_tables(db, figures, minutes, assignments, to_do, reviewing)))
    if stale:
        note(stale)


def _list_articles(db: Path, as_json: bool = False) -> None:
    """One line an article, in ingest order: its id, each annotator's status (todo where their work does not
    stand, as `stats` counts it; with assignments, `unassigned` where the article is not theirs: a newcomer's trial
    read todo as theirs to do) and its title last, never cut; columns two spaces apart, stored text literal. An id
    longer than `LONGEST_ID` is clipped in the middle (one of 100,000 characters padded every line to its width),
    with a note; `as_json` gives the same list as JSON, every id whole."""
    with read_whole(), errors_as_lines(), open_store(db, read_only=True, intact="rows") as store:
        titles = store.titles()
        names, status = _statuses(store)
        stale = _stale_gold(store, db)
    if as_json:
        listed = [{"id": i, "title": t, "status": {n: status(n, i) for n in names}} for i, t in titles]
        say_json(json.dumps(listed, ensure_ascii=False, indent=2))
        if stale:  # on standard error, the JSON as it was
            note(stale)
        return
    rows = [["id", *(literal(name) for name in names), "title"]]
    rows += [[shown_id(i), *(status(n, i) for n in names), literal(t)] for i, t in titles]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        say("  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]))
    if any(len(i) > LONGEST_ID for i, _ in titles):
        note(f"ids longer than {LONGEST_ID} characters are shown clipped (…); --json lists them whole")
    if any(cell.endswith(OTHERS_MARK) for row in rows[1:] for cell in row[1:-1]):
        note(
            f"{OTHERS_MARK}: work on an article assigned to others only: agreement, adjudicate --auto and review "
            "leave it out (--ignore-assignments takes it)"
        )
    if stale:
        note(stale)


def _stale_gold(store: "Store", db: Path) -> str:
    """The note on gold done where an annotator's done work differs from it, each article with why
    (`gold_stale.stale_gold`, as `train` and `export --gold` say it; a newcomer's trial: `stats` said nothing), or
    nothing."""
    from annotator.cli.compared import command
    from annotator.gold_stale import stale_gold, stale_line

    done = [article for article, state, _ in store.annotated_articles(GOLD) if state is Status.DONE]
    stale = stale_gold(store, done)
    if not stale:
        return ""
    shows = " or ".join(f"`{command(db, 'review', team)}`" for team in dict.fromkeys(s.team for s in stale))
    return (
        f"gold is done on {counted(len(stale), 'article')} where an annotator's done work differs from it: "
        f"{stale_line(store, stale)}: {shows} shows what is open there"
    )


def _statuses(store: "Store") -> tuple[list[str], Callable[[str, str], str]]:
    """Everyone with work or assignments, by name, and the status `stats --articles` shows for (name, article id)."""
    from annotator.store.assignments import assignees, team_of

    given = assignees(store)  # someone assigned articles and not begun has a column too (trial 37b)
    names = sorted({*store.annotators(), *given})
    statuses = {name: {i: s.value for i, s, _ in store.annotated_articles(name)} for name in names}
    team = team_of(store, names)  # the one rule of whose an article is, as agreement and review use it

    def status(name: str, article_id: str) -> str:
        """`unassigned` where an article with assignments is not the annotator's (`team_of`), their status with a *
        where they worked on it all the same (that work is not compared); an article nobody is assigned is open to
        all. Gold is nobody's to be assigned."""
        others = name != GOLD and name not in team(article_id)
        held = statuses[name].get(article_id)
        if held is None:
            return UNASSIGNED if others else Status.TODO.value
        return f"{held}{OTHERS_MARK}" if others else held

    return names, status


def _to_do(store: "Store", annotators: list[str]) -> dict[str, int]:
    """How many articles `stats --articles` lists as each annotator's to do: theirs (assigned to them or to nobody)
    and without their work."""
    _, status = _statuses(store)
    ids = [article_id for article_id, _ in store.titles()]
    return {who: sum(status(who, article_id) == Status.TODO.value for article_id in ids) for who in annotators}


#: The longest article id `stats --articles` shows whole; a longer one keeps its start and its end (where a
#: changed text's `~HASH` is) around "…".
LONGEST_ID = 40


def shown_id(article_id: str) -> str:
    if len(article_id) <= LONGEST_ID:
        return article_id
    return article_id[: LONGEST_ID - 13] + "…" + article_id[-12:]


def stats_tables(
    db: Path,
    figures: dict[str, Any],
    minutes: dict[str, float],
    assignments: list[tuple[str, int, int, int, int, int]],
    to_do: dict[str, int],
    reviewing: dict[str, float] | None = None,
) -> list["Table | Text | str"]:
    """The tables `stats` prints: the database's path as a line of its own (never cut), then Rich tables, stored names shown literally (`literal`: Rich would drop control
    characters silently) and as Text (never read as markup)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    def table(*columns: str, title: str, names: int = 1) -> Table:
        made = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", show_edge=False, pad_edge=False)
        for index, column in enumerate(columns):
            made.add_column(column, justify="left" if index < names else "right")
        return made

    # The path on a line of its own, never cut or folded however long it is: a script (or a person) copies it.
    where = f"database     {literal(str(db))}"
    summary = Table.grid(padding=(0, 2))
    summary.add_column()
    summary.add_column()
    for name in ("articles", "suggestions", "spans", "events"):
        summary.add_row(name, str(figures[name]))
    tables: list[Table | Text | str] = [where, summary]
    if figures["suggestions_by_label"]:
        by_label = table("suggester", "label", "suggestions", title="suggestions", names=2)
        for row in figures["suggestions_by_label"]:
            by_label.add_row(Text(literal(row["suggester"])), row["label"], str(row["suggestions"]))
        tables.append(by_label)
    statuses = [status.value for status in Status]
    counts: dict[str, dict[str, int]] = {}
    for row in figures["annotations"]:
        counts.setdefault(row["annotator"], {})[row["status"]] = row["articles"]
    annotations = table("annotator", *statuses, "time spent", title="annotations")
    for who, by_status in counts.items():
        by_status[Status.TODO.value] = to_do[who]
        spent = f"{minutes.get(who, 0.0):.1f} min"
        annotations.add_row(Text(literal(who)), *(str(by_status.get(status, 0)) for status in statuses), spent)
    # With none, the line alone: a table of no rows printed its header under it. Text, not str: a block of its
    # own, a blank line apart from the tables around it (a str line would head the next table).
    tables.append(annotations if counts else Text("annotations: none yet"))
    if reviewing:  # gold's time, by the reviewers its screen events name
        reviews = table("reviewer", "time spent", title="reviews")
        for name, reviewed in reviewing.items():
            reviews.add_row(Text(literal(name)), f"{reviewed:.1f} min")
        tables.append(reviews)
    if figures["left_undecided"]:  # marking an article done settles what is pending there: these are not
        left = table("annotator", "suggestions", "done articles", title="")
        for name, suggestions, done in figures["left_undecided"]:
            left.add_row(Text(literal(name)), str(suggestions), str(done))
        why = "not pending: O on its screen reopens an article and asks about them again"
        tables += [f"suggestions left undecided on done articles ({why})", left]
    if assignments:
        assigned = table(
            "annotator", "assigned", "to do", "in progress", "done", "skipped/flagged", title="assignments"
        )
        for name, *numbers in assignments:
            assigned.add_row(Text(literal(name)), *(str(n) for n in numbers))
        tables.append(assigned)
    return tables
