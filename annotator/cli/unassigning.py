"""`annotator unassign`: one person taken off an article by name (`store.unassigning`), where `assign` would give
back whichever place a draw picks."""

from pathlib import Path
from typing import Annotated

import typer

from annotator.cli.common import DbOption, errors_as_lines, fail, open_store, reported_before_interrupts, say, stored
from annotator.cli.logins import check_entering, checked_login
from annotator.cli.names import checked_name, named
from annotator.store import DEFAULT_DB


def unassign(
    article_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ARTICLE_ID...",
            help="The articles, by the ids `stats --articles` and `export` show.",
            show_default=False,
        ),
    ],
    annotators: Annotated[
        list[str],
        typer.Option(
            "--annotator",
            "--annotators",
            help="Whose assignment goes: a name, comma-separated names, or the option once for each (a name with a "
            "comma given whole names the assignee the database knows by it).",
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Take an annotator's assignment of the articles back, by name; their work there stays.

    Only the assignment is removed (an `unassign` event each, as `assign`'s own take-back writes): the annotator's
    status, spans and decisions stay, and a merge of a file (a pack) still holding the older assignment leaves it
    out. Use it where `assign` would give back the place of whoever a draw picks, as after a merge that left an
    article more assignees than its overlap. Refused, with nothing written, where an article is unknown or the
    annotator is not assigned it.

    Example: annotator unassign a4 --annotator dave
    """
    from annotator.literal import quoted
    from annotator.store.assignments import assignees
    from annotator.store.unassigning import unassign as unassign_articles

    known: set[str] = set()
    if any("," in value for value in annotators):  # whole, such a value names an assignee, or none
        with errors_as_lines(), open_store(db, read_only=True) as store:
            known = set(assignees(store))
    names = [_checked(name, db) for name in named(annotators, known)]
    by = checked_login()  # who took it back, in every event
    with reported_before_interrupts():
        with errors_as_lines(), open_store(db) as store:
            check_entering(store, by, None, given=False)
            report = unassign_articles(store, article_ids, names, by=by)
        stored(f"the assignments are stored in {db}")
        for one in report.unassigned:
            now = ", ".join(one.assignees) or "nobody (open to all, as an article never assigned)"
            say(f"unassigned {one.annotator} from {one.article_id} {quoted(one.title)} -> {db}; assigned now: {now}")
            if one.started:
                say(f"  {one.annotator}'s work on {one.article_id} stays; only the assignment is removed")
            if one.packed:
                say(
                    f"  it is in {one.annotator}'s pack (annotator pack): work done there merges back, but is compared "
                    "by assignment no longer (agreement and review --ignore-assignments compare it)"
                )


def _checked(name: str, db: Path) -> str:
    """`--annotator`'s name by the rule for names (`checked_name`); one it refuses that, its invisible characters and
    white space at its ends left out, is an assignee here is offered as what was meant, and the line says nothing
    was unassigned, as for a name not assigned (s61 t23 F4: "b\u200bob" got the rule alone, no "did you mean")."""
    import unicodedata

    from annotator.literal import quoted
    from annotator.lookalike import invisible
    from annotator.store.assignments import assignees
    from annotator.vocabulary import name_problem

    problem = name_problem(unicodedata.normalize("NFC", name))
    if problem is None or not db.is_file():
        return checked_name(name, "--annotator")
    seen = "".join(c for c in name.strip() if unicodedata.category(c) != "Cf" and not invisible(c))
    with errors_as_lines(), open_store(db, read_only=True) as store:
        meant = seen if seen != name and seen in assignees(store) else None
    raise fail(f"--annotator: {problem}{f'; did you mean {quoted(meant)}?' if meant else ''}; nothing was unassigned")
