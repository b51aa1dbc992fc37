"""`annotator stats`: what a database holds, as Rich tables."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.cli.common import DbOption, errors_as_lines, open_store, render_tables, say_lines
from annotator.literal import literal
from annotator.store import DEFAULT_DB
from annotator.vocabulary import Status

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


def stats(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Print what the database holds: articles, suggestions by suggester and label, each annotator's articles
    by status and time spent, and each annotator's assigned articles (assigned, to do, in progress, done, put
    aside).

    Example: annotator stats --db annotations.db
    """
    from annotator.metrics.activity import time_spent
    from annotator.store.assignments import progress
    from annotator.store.reads import NOT_EDITS

    with errors_as_lines(), open_store(db, read_only=True) as store:
        figures = store.stats()
        minutes = {
            who: time_spent(e for e in store.events(annotator=who) if e.action not in NOT_EDITS) / 60
            for who in store.annotators()
        }
        assignments = progress(store)
    say_lines(render_tables(stats_tables(db, figures, minutes, assignments)))


def stats_tables(
    db: Path, figures: dict[str, Any], minutes: dict[str, float], assignments: list[tuple[str, int, int, int, int, int]]
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
        spent = f"{minutes.get(who, 0.0):.1f} min"
        annotations.add_row(Text(literal(who)), *(str(by_status.get(status, 0)) for status in statuses), spent)
    # With none, the line alone: a table of no rows printed its header under it. Text, not str: a block of its
    # own, a blank line apart from the tables around it (a str line would head the next table).
    tables.append(annotations if counts else Text("annotations: none yet"))
    if assignments:
        assigned = table(
            "annotator", "assigned", "to do", "in progress", "done", "skipped/flagged", title="assignments"
        )
        for name, *numbers in assignments:
            assigned.add_row(Text(literal(name)), *(str(n) for n in numbers))
        tables.append(assigned)
    return tables
