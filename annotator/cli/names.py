"""Who a command works as or reads: the names options give (one rule for every name), the login's default, whose a
file is when no name was given, and the annotators a team command compares."""

# No `from __future__ import annotations` in this package (see `cli.common`).
import getpass
import re
import shlex
import unicodedata
from collections.abc import Collection, Iterable
from pathlib import Path

from annotator.cli.common import fail, open_store
from annotator.literal import quoted
from annotator.store import Store, db_option
from annotator.store.names import comma_problem, holds, length_problem, long_names
from annotator.vocabulary import (
    GOLD,
    Status,
    entered_name,
    is_model,
    model_problem,
    name_problem,
    not_utf8_problem,
    worker_problem,
)


def checked_name(name: str, option: str, *, works: bool = False, db: Path | None = None) -> str:
    """A name an option gives, by the one rule for annotators' names (`vocabulary.name_problem`: never a path,
    no white space at its ends); else one line naming the option. A model's name (`model:...`) is nobody's.
    `works`: the command works under the name (annotates, imports, assigns, packs, reviews), so gold, which only
    review and adjudication write, is refused too (`vocabulary.reserved_problem`); reading commands read it. A
    name longer than a new one may be (`names.length_problem`), or with a comma, is taken only where the database
    `db` holds it (`_new_name_problem`)."""
    if problem := model_problem(name):
        raise fail(f"{option}: {problem}")
    if works:  # a name entering as someone's work: `vocabulary.entered_name`'s rule, in NFC
        problem = worker_problem(name) or name_problem(name)
        name, problem = (name, problem) if problem else entered_name(name)
        problem = problem or _new_name_problem(name, option, db)
    else:
        name = unicodedata.normalize("NFC", name)  # as names are stored
        problem = name_problem(name)
    if problem:
        raise fail(f"{option}: {problem}")
    return name


def _new_name_problem(name: str, option: str, db: Path | None) -> str | None:
    """Why `name` may not be taken from an option as a name new to `db`: over the length limit (newcomer-first: a
    Label Studio user's email of 64 characters an earlier import stored was refused to every command, with no way
    to work under it), or holding a comma, which `--annotators` parts names at (S9: `assign --annotators "Smith, J"`
    made two annotators of one new name). A name the database holds is taken as it is, read only for such a
    name. Where the database holds longer names, a length refusal names one and the rename that shortens it."""
    problem = length_problem(name) or comma_problem(name)
    if problem is None or db is None or not db.exists():
        return problem
    with open_store(db, read_only=True) as store:  # only for such a name: the usual one opens nothing more
        if holds(store.conn, name):  # renamed away too: the store says so
            return None
        held = long_names(store.conn) if problem == length_problem(name) else []
    if held and option != "NEW":  # NEW is rename's own: no rename to advise
        problem += (
            f"; {db} holds no such name (its longer names, such as {held[0]!r}, work as they are; "
            f"`annotator rename-annotator {shlex.quote(held[0])} NEW{db_option(db)}` gives one a shorter name)"
        )
    return problem


def default_annotator(
    name: str | None, option: str = "--annotator", *, works: bool = False, db: Path | None = None
) -> str:
    """The name given (`checked_name`, a long one held by `db`), else the login (a login that is no name to work
    under is refused as well, saying to give the option)."""
    if name is not None:
        return checked_name(name, option, works=works, db=db)
    login = getpass.getuser() or "annotator"
    from annotator.cli.logins import checked_login, login_refused

    if works:  # a login stored as someone's work: the rule every name follows, gold refused as the login
        return checked_login(option)
    if problem := not_utf8_problem(login):  # no name to look up either
        raise login_refused(problem, option)
    return login


def login_in(store: Store, login: str, db: Path) -> tuple[str, str | None, str | None]:
    """Whom a login works as in this file, when no name was given: (name, note, problem). A pack (articles assigned
    to one annotator only) is that annotator's: work done in it as the login would merge back as someone else's.
    A login with neither work nor an assignment in a file that assigns articles to several is a problem: nothing
    says whose the file is."""
    assignees = store.assignees()
    if login in assignees:
        return login, None, None
    if len(assignees) == 1:
        owner = assignees[0]
        return owner, f"the articles here are assigned to {owner} only (--annotator NAME for another)", None
    if assignees and login not in store.annotators() and store.last_opened(login) is None:
        problem = (
            f"{db} assigns articles to {', '.join(assignees)}, and your login name {quoted(login)} has neither work nor "
            "an assignment in it: give --annotator NAME (one of them, or your own to work on unassigned articles)"
        )
        return login, None, problem
    return login, None, None


def named(values: Iterable[str], known: Collection[str]) -> list[str]:
    """The names `--annotators` gives, in order: each value split at its commas ("alice, bob": spaces around them
    go), unless it is whole the name of an annotator the database knows ("Smith, J", which a split would make
    two: `vocabulary.name_problem` allows a comma, and databases hold such names); the option repeated adds more.
    White space at a value's ends stays, for the name rule to refuse (s61 t23 F3: `unassign --annotator "bob "`
    unassigned bob, where every other command refuses the name)."""
    found: list[str] = []
    for value in values:
        if value in known:
            found.append(value)
        else:
            found += re.split(r" *, *", value)  # an empty one too, for the caller to judge
    return found


def chosen_annotators(
    store: Store,
    names: list[str] | None,
    purpose: str = "agreement",
    include_in_progress: bool = False,
    *,
    one_named: bool = False,
    by_assignment: bool = True,
) -> list[str]:
    """--annotators A,B,... (`named`; each one known to the database, as `evaluate` checks its names), or by default
    everyone who marked at least one article done (with `include_in_progress`, everyone with work that stands;
    gold excluded: someone who only opened an article does not count); at least two, or with `one_named` one
    named alone (adjudication and review of a team of one; by default two, since a second annotator may not
    have finished yet). The error names the articles a flag or a skip keeps from being compared (`by_assignment`
    False: --ignore-assignments), and offers no team of one that would take any of them."""
    known = store.annotators()
    found = ", ".join(known) or "none"
    if names:
        chosen = [name for name in named(names, known) if name]  # "alice,bob,": nothing after the last comma
        model = next(filter(is_model, chosen), None)
        if model is not None:
            raise fail(
                f"{quoted(model)} names the model's suggestions, not an annotator (`annotator evaluate"
                f"{db_option(store.path)} --suggester NAME` scores a suggester)"
            )
        chosen = [checked_name(name, "--annotators") for name in chosen]
        unknown = [n for n in chosen if n not in known]
        if unknown:
            from annotator.store.aliases import renamed_line

            said = f"no annotations by '{unknown[0]}' (in the database: {found})"  # as `evaluate` says
            raise fail(renamed_line(store.conn, unknown[0], "--annotators") or said)
    else:
        chosen = [n for n in (known if include_in_progress else store.finished_annotators()) if n != GOLD]
    if len(set(chosen)) != len(chosen):
        raise fail("an annotator is named twice in --annotators")
    if len(chosen) < 2 and not (one_named and names and chosen):
        from annotator.reports.flagged import left_out_until, put_aside_apart
        from annotator.store.assignments import compared_articles

        statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
        team = chosen if names else [name for name in known if name != GOLD]  # whoever may have put one aside
        aside = put_aside_apart(store, team, statuses, by_assignment)
        finishers = [n for n in store.finished_annotators() if n != GOLD]
        finished = ", ".join(finishers) or "none"
        left_out = {article for article, _ in aside}
        taken = [a for a, _ in compared_articles(store, finishers, statuses, by_assignment=by_assignment)]
        alone = (
            f" (or one, --annotators {finishers[0]}, to take one annotator's work as gold)"
            if one_named
            and len(finishers) == 1
            and taken
            # not when it would take anything another put aside (trial N5; re-trial t5 N1: alice's other article
            # made it offered, and following it settled gold on the article bob had flagged)
            and not left_out.intersection(taken)
            else ""
        )
        raise fail(
            f"{purpose} needs two or more annotators (finished an article: {finished}; in the database: {found}); "
            f"name them with --annotators A,B{alone}{f'; {left_out_until(store, aside)}' if aside else ''}"
        )
    return chosen
