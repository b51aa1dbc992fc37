"""`annotator accept`: the model's pending suggestions accepted without a screen (`store.accepting`)."""

from pathlib import Path
from typing import Annotated

import typer

from annotator.cli.common import (
    AnnotatorOption,
    DbOption,
    errors_as_lines,
    fail,
    note,
    open_store,
    reported_before_interrupts,
    say,
    stored,
)
from annotator.cli.names import default_annotator, login_in
from annotator.store import DEFAULT_DB


def accept(
    article_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ARTICLE_ID]...",
            help="The articles (default: yours: your assigned ones if you have any, else all; not done, skipped or flagged).",
            show_default=False,
        ),
    ] = None,
    done: Annotated[
        bool, typer.Option("--done", help="Mark each article done once none of its suggestions is left pending.")
    ] = False,
    annotator: AnnotatorOption = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Accept the model's pending suggestions as your annotation, as the screen's accept all (A) does.

    Article by article: an entity suggestion over an entity span is covered, not pending; a quote over a quote
    stays pending, for the screen. Each
    article's accept is one action of its event log (u on the screen undoes it); the whole command is one
    transaction (ctrl+c leaves nothing of it). Articles you marked done, skipped or flagged are left as they are
    unless named (a done one named is accepted on, one action that leaves it done; with nothing to accept, nothing is written). In a pack, your login works as the pack's annotator, as on the screen.

    Example: annotator accept --annotator alice --done
    """
    from annotator.store.accepting import accept_pending
    from annotator.store.new_names import new_annotator_note

    who = default_annotator(annotator, works=True, db=db)
    with reported_before_interrupts():
        with errors_as_lines(), open_store(db, intact=True) as store:
            owner, problem = None, None
            if annotator is None:  # the login: a pack's owner, as the screen takes it
                who, owner, problem = login_in(store, who, db)
            if problem:
                raise fail(problem)
            if owner:
                say(f"accepting as {who}: {owner}")
            new_name = new_annotator_note(store, who)  # a mistyped --annotator, before it has work
            store.command = "accept"  # its events say so: no time spent on a screen (`stats`)
            report = accept_pending(store, who, article_ids or (), done=done)
        if new_name is not None:
            note(new_name)
        if report.accepted:
            stored(f"the accepted suggestions are in {db}")
        marked = f", {report.marked_done} marked done" if report.marked_done else ""
        say(f"{who}: {report.accepted} suggestion(s) accepted in {report.articles} article(s){marked} -> {db}")
        if report.left_pending:
            say(
                f"left pending: {report.left_pending} suggestion(s) that overlap spans already there, in "
                f"{report.articles_left_pending} article(s): annotate them on the screen"
            )
        if report.nothing_pending:
            say(f"nothing pending: {report.nothing_pending} article(s)")
        if report.put_aside:
            say(
                f"left as they are: {report.put_aside} article(s) done, skipped or flagged (name them to accept there too)"
            )
        if report.accepted:
            say(
                "each article's accept is one action: undo it there with u (a screen open since before it: quit, open it again)"
            )
