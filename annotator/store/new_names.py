"""Whether an annotator's name is new to the database: a mistyped --annotator works as a new annotator without a
word, as a mistyped --db once made a new database. The screen says it at start-up (`tui.app`, beside the New
database notice); `accept` and `import --annotator` say it on stderr, in the same words."""

from __future__ import annotations

import shlex

from annotator.literal import quoted
from annotator.store.aliases import renamed_line, renamed_to
from annotator.store.names import (
    IN_THIS_FILE,
    WORKING_HERE,
    comma_problem,
    holds,
    length_problem,
    look_alike_problem,
    renamed_away,
    stored_names,
)
from annotator.store.reads import Reader
from annotator.vocabulary import is_model

NAMES_SHOWN = 6


def new_name_notice(store: Reader, name: str, hint: str, *, said_after: bool = False) -> str | None:
    """The notice for `name` when it has no work, no assignment and no event here while others have work or an
    assignment; None otherwise (a known name, or a database nobody has worked in yet). `hint`: how to be one of
    them ("give --annotator"). `said_after`: a command says it after its work under the name, so it "had" none
    "before this command" (a re-trial, 38D: "has no work" printed after `accept` stored its work)."""
    assigned = store.assignees()
    if name in assigned:
        return None
    working = store.annotators()
    if name in working:
        return None
    others = sorted({*assigned, *working})
    if not others or store.events(annotator=name):  # nobody else; or their edits, since undone
        return None
    shown = ", ".join(others[:NAMES_SHOWN]) + (
        f" and {len(others) - NAMES_SHOWN} more" if len(others) > NAMES_SHOWN else ""
    )
    meant = "one of them" if len(others) > 1 else others[0]
    had = (
        "had no work, assignment or event in this database before this command"
        if said_after
        else ("has no work, assignment or event in this database")
    )
    return f"{quoted(name)} {had} (it has {shown}). If you meant {meant}, {hint}."


def new_annotator_note(store: Reader, name: str) -> str | None:
    """The notice as a command's note says it (`accept`, `import --annotator`), worked out before it writes under
    `name` and said after."""
    notice = new_name_notice(store, name, "give that name with --annotator", said_after=True)
    return None if notice is None else f"New annotator: {notice}"


def entering_problem(store: Reader, name: str) -> str | None:
    """Why `name` may not enter this database, else None: new here, it is longer than a name may be
    (`names.length_problem`: a name the database holds is taken at any length, an earlier import's Label Studio
    email perhaps); it looks like a name stored here that it is not ("аlісе" in Cyrillic letters where alice works:
    `names.look_alike_problem`). Every way a name enters the store asks it (`import`, `accept`, `merge`, `assign`,
    the screen's who). A name renamed away is none of these (`Ana` renamed `ana`): the store refuses work under it,
    naming the rename (`aliases`), and an import puts it under the new name."""
    away = renamed_away(store.conn)
    if name in away:
        return None
    names = stored_names(store.conn)
    if (too_long := length_problem(name)) and name not in {stored for _, stored, _, _ in names}:
        return too_long
    present = [stored for _, stored, _, problem in names if problem is None and stored not in away]
    return look_alike_problem(name, present, WORKING_HERE) or _like_an_alias(store, name, away)


def given_problem(store: Reader, name: str) -> str | None:
    """Why a name a person types to work under (the screen's who) may not be taken: new here with a comma
    (`names.comma_problem`: an option's new name is refused so too, `cli.names.checked_name`), else
    `entering_problem`. A name the database holds with a comma is taken whole."""
    if (comma := comma_problem(name)) and not holds(store.conn, name):
        return comma
    return entering_problem(store, name)


def unknown_name_line(store: Reader, name: str, option: str = "--annotator") -> str | None:
    """What a command reading `name`'s work says where no annotator here has it, before its own "no annotations by":
    the rename that took all of it (`aliases.renamed_line`), or, where `name` holds a comma and the database stores
    no such name, that the option takes one name, which holds a comma only as the database stores it (hA 2: `export
    --annotator 'ana,bob'` said "no annotations by 'ana,bob'", as of a mistyped name). None otherwise. The one
    place of this wording (`export`, `evaluate`'s --annotator and --gold-from, `train`)."""
    if (renamed := renamed_line(store.conn, name, option)) is not None:
        return renamed
    names = stored_names(store.conn)
    if "," not in name or name in {held for _, held, _, _ in names}:  # `names.holds`: taken whole
        return None
    away = renamed_away(store.conn)
    stored = sorted({held for _, held, _, problem in names if problem is None and "," in held and held not in away})
    found = f"in the database: {', '.join(store.annotators()) or 'none'}"
    said = f"{option} takes one annotator's name, and"
    if not stored:
        return f"{said} no name in this database holds a comma: {quoted(name)} ({found})"
    return (
        f"{said} {quoted(name)} is none in this database: a name holds a comma only as the database stores it "
        f"({', '.join(map(quoted, stored))}) ({found})"
    )


def _like_an_alias(store: Reader, name: str, away: set[str]) -> str | None:
    """Why a new name looking like a name renamed away to another may not enter: the same person, most likely, who
    would stand under two names (re-trial s55 t11 U2: `--annotator ana` was refused beside Ana's work, and taken as a
    new annotator once Ana was renamed bea). A name renamed to this very name is no problem (`Ana` renamed `ana`)."""
    for old in sorted(away):
        new = renamed_to(store.conn, old)
        if new is not None and new != name and look_alike_problem(name, [old], WORKING_HERE):
            return (
                f"{name!r} looks like {old!r}, who was renamed {new!r} (annotator rename-annotator): work as {new!r} "
                f"(--annotator {shlex.quote(new)})"
            )
    return None


class EnteringNames:
    """The annotators' names a file brings, each checked once (`problem`) against the database's
    (`entering_problem`) and the file's earlier ones."""

    def __init__(self, store: Reader, earlier: str = IN_THIS_FILE) -> None:
        self.store = store
        self.earlier = earlier  # how a message names an earlier one of the names
        self.entered: list[str] = []

    def problem(self, name: str) -> str | None:
        if name in self.entered or is_model(name):
            return None
        problem = entering_problem(self.store, name) or look_alike_problem(name, self.entered, self.earlier)
        if problem is None:
            self.entered.append(name)
        return problem
