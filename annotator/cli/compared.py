"""What `agreement`, `review` and `adjudicate --auto` say when no article is compared: why, and what to run.

Two reasons a person cannot see from "no article is marked done by all of ...": assignments (only an article's
assignees are compared, so two people who finished the same articles, one of them unassigned, share none), and
a default team of three or more whose members finished articles in smaller groups. Each gets its command to copy.
An article a flag or a skip leaves out is named, with who put it aside and what makes it compared (a newcomer's
trial: the flag that left nothing to compare went unsaid, though a second article compared made it a note).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from annotator.cli.common import fail, note
from annotator.literal import quoted
from annotator.reports.flagged import left_out_until, put_aside_apart
from annotator.store import Reader, db_option
from annotator.store.assignments import compared_articles, finished_together
from annotator.store.same_titles import titled_alike_apart
from annotator.vocabulary import Status
from annotator.wording import annotators_option, counted, together

IN_PROGRESS_HINT = " (--include-in-progress also compares articles still in progress)"
#: The groups named when no article is compared (the largest first).
SHOWN = 3


def command(db: Path, verb: str, names: Sequence[str], *extra: str) -> str:
    """The command for these annotators, to copy (`wording.annotators_option`)."""
    return " ".join([f"annotator {verb}{db_option(db)} {annotators_option(names)}", *extra])


def nothing_compared(
    store: Reader, db: Path, names: Sequence[str], verb: str, include_in_progress: bool = False,
    extra: Sequence[str] = (), by_assignment: bool = True,
) -> typer.Exit:  # fmt: skip
    """The error (and notes, each with its command) for no article compared among `names`; `verb` is the command
    ("agreement", "adjudicate --auto", "review": review has no --include-in-progress); `extra` its options to
    repeat (--reviewer); `by_assignment` False: --ignore-assignments was given."""
    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
    state = "done or in progress" if include_in_progress else "done"
    by = names[0] if len(names) == 1 else f"all of {', '.join(names)}"
    head = f"no article is marked {state} by {by}"
    progress = ["--include-in-progress"] if include_in_progress else []
    ignoring = [] if by_assignment else ["--ignore-assignments"]
    flags = [*extra, *progress, *ignoring]
    aside = put_aside_apart(store, names, statuses, by_assignment)
    tail = f"; {left_out_until(store, aside)}" if aside else ""
    tail += titled_alike(store, names, statuses, state)
    anyway = compared_articles(store, names, statuses, by_assignment=False) if by_assignment else []
    if anyway:
        n = len(anyway)
        finished = "have" if include_in_progress else "finished"
        what = f"{counted(n, 'article')} done or in progress" if include_in_progress else counted(n, "article")
        each = {1: names[0], 2: "both"}.get(len(names), "all of them")  # one name: a team of one's gold
        jointly = {1: "", 2: " both"}.get(len(names), " all")
        why = (
            f"{together(names)}{jointly} {finished} {what}, but with assignments only "
            f"an article's assignees are compared, and {'it is not' if n == 1 else f'none of those {n} is'} assigned to {each}"
            f"{_theirs(store, [article_id for article_id, _ in anyway], names)}"
        )
        agree = command(db, "agreement", names, *progress, "--ignore-assignments")  # agreement has no --reviewer
        auto = command(db, "adjudicate --auto", names, *flags, "--ignore-assignments")
        them = "it" if n == 1 else "them"
        if verb == "review":
            todo = f"`{command(db, 'review', names, *flags, '--ignore-assignments')}` reviews {them} anyway"
        else:
            todo = f"`{agree if verb == 'agreement' else auto}` compares {them} anyway"
        return fail(f"{head}: {why}; {todo}{tail}")
    groups = groups_together(store, names, statuses, by_assignment)
    hint = ""
    if verb != "review" and not include_in_progress:  # only where --include-in-progress would change something
        wider = [Status.DONE, Status.IN_PROGRESS]
        if compared_articles(store, names, wider, by_assignment=by_assignment) or (
            groups_together(store, names, wider, by_assignment) != groups
        ):
            hint = IN_PROGRESS_HINT
    if not groups:
        return fail(f"{head}{hint}{tail}")
    listing = ", ".join(
        f"{together(group)} {count}{f' (none assigned to {_each(group)})' if outside else ''}"
        for group, count, outside in groups
    )
    finished = "have articles done or in progress" if include_in_progress else "finished articles"
    why = "; with assignments only an article's assignees are compared" if any(g[2] for g in groups) else ""
    error = fail(f"{head}{hint}; some {finished} together: {listing}{why}{tail}")
    does = "reviews" if verb == "review" else "compares"
    for group, count, outside in groups:
        them = "that 1" if count == 1 else f"those {count}"
        note(f"`{command(db, verb, group, *flags, *(['--ignore-assignments'] if outside else []))}` {does} {them}")
    return error


def titled_alike(store: Reader, names: Sequence[str], statuses: Sequence[str], state: str) -> str:
    """The hint that articles of one title were finished apart ("; 'Port to close' is the title of articles done
    by different annotators: ..."), one story stored twice maybe (newcomer trial F4: its texts apart by a trailing
    newline, merged by an older release), or nothing."""
    found = titled_alike_apart(store, names, statuses)
    if not found:
        return ""
    named = "; ".join(
        f"{quoted(title)}: " + ", ".join(f"{article_id} by {together(who)}" for article_id, who in articles)
        for title, articles in found[:SHOWN]
    )
    more = f"; and {len(found) - SHOWN} more title(s)" if len(found) > SHOWN else ""
    return (
        f"; articles with the same title are {state} by different annotators, one story stored twice maybe (texts "
        f"that differ only in white space at their end are one article to `ingest` and `merge` now): {named}{more}"
    )


def _theirs(store: Reader, articles: Sequence[str], names: Sequence[str]) -> str:
    """ "(it is alice's and bob's)": whose work those of `articles` assigned to none of `names` await (a newcomer's
    trial: `adjudicate --auto --annotators carol,dan` made gold of an article alice and bob had not started)."""
    others = [assigned for article_id in articles if (assigned := store.assignees_of(article_id))]
    others = [assigned for assigned in others if not set(assigned) & set(names)]
    if not others:
        return ""
    whose = together(sorted({name for assigned in others for name in assigned}))
    if len(articles) == 1:
        return f" (it is {whose}'s to annotate)"
    return f" ({len(others)} of them {whose}'s to annotate)"


def _each(group: Sequence[str]) -> str:
    return "both" if len(group) == 2 else "all of them"


def groups_together(
    store: Reader, names: Sequence[str], statuses: Sequence[str], by_assignment: bool
) -> list[tuple[list[str], int, bool]]:
    """The groups to name when nothing is compared (`SHOWN` at most, the most articles first), each with its
    count and whether it needs --ignore-assignments: a group that finished articles together none of which is
    assigned to all of them (a pack taken back and given to another, then finished by both; a newcomer's trial)."""
    assigned = finished_together(store, names, statuses, by_assignment=by_assignment)
    found = [(group, count, False) for group, count in assigned]
    if by_assignment:
        named = {tuple(group) for group, _, _ in found}
        outside = finished_together(store, names, statuses, by_assignment=False)
        found += [(group, count, True) for group, count in outside if tuple(group) not in named]
    return sorted(found, key=lambda g: (-g[1], -len(g[0]), g[0]))[:SHOWN]
