"""The login name where a command stores it (as an annotator, a reviewer, or who assigned: an event's `by`), and a
name entering a database beside the names it holds: each refused in one line, as an option's name is."""

from __future__ import annotations

import getpass

import typer

from annotator.cli.common import fail
from annotator.store import Store
from annotator.vocabulary import entered_name, reserved_problem

#: Where the login name is read from (`getpass.getuser`), as a message names it.
LOGIN = "your login name (LOGNAME/USER)"


def login_refused(problem: str, option: str | None) -> typer.Exit:
    """The one line refusing the login: where it is read from, and the reason, which names it (every name rule's
    reason does: it had been named before it too, twice in the line), and the option that names the person
    instead, when there is one."""
    return fail(f"{LOGIN}: {problem}" + (f": give {option} NAME" if option else ""))


def checked_login(option: str | None = None) -> str:
    """The login name a command stores (as the annotator, the reviewer, or who assigned: an event's `by`), by the
    rule every name entering follows (`vocabulary.entered_name`, gold reserved); else one line naming LOGNAME/USER
    and, when there is one, the option that names the person instead."""
    login = getpass.getuser() or "annotator"
    name, problem = entered_name(login)
    problem = reserved_problem(login) or problem
    if problem:
        raise login_refused(problem, option)
    return name


def check_entering(store: Store, name: str, option: str | None, given: bool) -> None:
    """Refuses, in one line, a name that looks like another the database holds (`new_names.entering_problem`:
    annotators and reviewers alike), given with `option` (`given`) or read from the login."""
    from annotator.store.new_names import entering_problem

    problem = entering_problem(store, name)
    if problem and given:
        raise fail(f"{option}: {problem}")
    if problem:
        raise login_refused(problem, option)
