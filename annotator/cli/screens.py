"""Commands that open the terminal interface: annotating, reviewing into gold, and serving it to browsers."""

import shlex
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from annotator.cli.common import (
    AnnotatorOption,
    AnnotatorsOption,
    DbOption,
    ReviewerOption,
    errors_as_lines,
    fail,
    open_store,
    say,
    store_to_fill,
)
from annotator.cli.logins import check_entering
from annotator.cli.names import checked_name, chosen_annotators, default_annotator, login_in
from annotator.cli.quality import IgnoreAssignmentsOption
from annotator.interrupts import acted_on
from annotator.store import DEFAULT_DB

if TYPE_CHECKING:
    from annotator.tui.app import AnnotatorApp


def review(
    db: DbOption = Path(DEFAULT_DB),
    annotators: AnnotatorsOption = None,
    reviewer: ReviewerOption = None,
    ignore_assignments: IgnoreAssignmentsOption = False,
) -> None:
    """Settle disagreements into gold, article by article (the TUI), over articles all annotators marked done.

    Spans all annotators agree on go into gold when an article opens (g takes them back); a, b, c ... pick
    annotator 1, 2, 3 ...'s version of the current disagreement; j / k move between disagreements; the usual
    annotation keys edit gold; d marks gold done. Every decision is an event naming the reviewer.

    Example: annotator review --annotators alice,bob --reviewer carol
    """
    from annotator.store.assignments import compared_articles
    from annotator.vocabulary import Status

    who = default_annotator(reviewer, "--reviewer", works=True, db=db)
    with (
        errors_as_lines(),
        open_store(db, read_only=True, intact=True) as store,
    ):  # read only: the names checked, nothing written
        check_entering(store, who, "--reviewer", given=reviewer is not None)  # "аӀісе" where alice works
        names = chosen_annotators(store, annotators, "review", one_named=True)
        if not compared_articles(store, names, [Status.DONE], by_assignment=not ignore_assignments):
            from annotator.cli.compared import nothing_compared

            raise nothing_compared(
                store, db, names, "review", extra=["--reviewer", who] if reviewer else [],
                by_assignment=not ignore_assignments,
            )  # fmt: skip
    _needs_terminal("the review screen")  # before the screen opens the database to write gold
    from annotator.tui.review import make_review_app

    with errors_as_lines():
        tui = make_review_app(db, who, names, by_assignment=not ignore_assignments)
    _run(tui)


def annotate(
    db: DbOption = Path(DEFAULT_DB),
    annotator: AnnotatorOption = None,
    ask_annotator: Annotated[
        bool, typer.Option("--ask-annotator", hidden=True, help="Ask who is annotating first (`annotator serve`).")
    ] = False,
) -> None:
    """Open the annotation screen (ingests the seed articles into an empty database first).

    Keys can be remapped in a TOML file ($ANNOTATOR_KEYMAP or ~/.config/annotator/keymap.toml).

    Example: annotator annotate --db annotations.db --annotator alice
    """
    chosen = (
        None if ask_annotator and not annotator else default_annotator(annotator, works=True, db=db)
    )  # before opening
    _needs_terminal("the annotation screen", "or `annotator serve` to annotate in a browser")
    existed = db.exists()
    with errors_as_lines(), store_to_fill(db) as store:
        if not store.count("articles"):
            from annotator.exchange.article_files import seed_articles
            from annotator.exchange.ingest import ingest as ingest_articles

            report = ingest_articles(store, seed_articles())
            say(f"ingested {len(report.added)} seed article(s) with {report.suggestions:,} suggestion(s)")
        who, owner, problem = chosen or "", None, None
        if annotator is None and not ask_annotator:
            who, owner, problem = login_in(store, who, db)
        if who and not problem:  # "аӀісе" in Cyrillic letters where alice works: the store's rule
            from annotator.store.new_names import entering_problem

            problem = entering_problem(store, who)
    if owner:
        say(f"annotating as {who}: {owner}")
    elif problem:
        say(f"annotator: error: {problem}", err=True)
        raise typer.Exit(USAGE)
    from annotator.tui.app import make_app

    with errors_as_lines():
        tui = make_app(db, who, created=not existed)
    _run(tui)


#: The exit status of a screen started without a terminal, or without a name it can tell: a usage error, as click
#: gives one.
USAGE = 2


def _needs_terminal(screen: str, elsewhere: str = "") -> None:
    """Refuse at once, before any database is opened, a screen with no terminal to read keys from (standard input)
    or to draw on (standard error, where Textual draws): it would write escape sequences into a file and wait for
    keys that never come. A session of `annotator serve` runs with Textual's web driver (TEXTUAL_DRIVER, which
    Textual reads to choose its driver) and needs none."""
    import os
    import sys

    if os.environ.get("TEXTUAL_DRIVER"):
        return
    missing = [
        name
        for name, stream in (("standard input", sys.__stdin__), ("standard error", sys.__stderr__))
        if not _is_terminal(stream)
    ]
    if missing:
        line = (
            f"{screen} needs a terminal for its keys (standard input) and its drawing (standard error); "
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not one"
        )
        say(f"annotator: error: {line}: run it in a terminal{', ' + elsewhere if elsewhere else ''}", err=True)
        raise typer.Exit(USAGE)


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # closed
        return False


#: The exit status of a screen closed by a SIGINT, as of every command interrupted (`common.interrupted`).
INTERRUPTED = 128 + signal.SIGINT


@contextmanager
def _interrupt_closes(tui: "AnnotatorApp") -> Iterator[None]:
    """While the screen runs, a SIGINT (`kill -INT`; in the terminal ctrl+c is a key) closes it as the app closes on
    a SIGTERM, with status 130: asyncio's own handling cancelled Textual's main task, which Textual took for a quiet
    end (status 0, not a word). Before the screen's loop runs, or after, it is an interrupt as anywhere else: the
    loop, as it closes, set the default action of the SIGTERM and SIGHUP it handled, which ended the process with no
    word once the screen was gone; the handlers of before are set again, and the signal that closed the screen is
    recorded as received (`interrupts.acted_on`: a second one is ignored, the exit status is its)."""
    import asyncio  # Textual's, loaded with the screen: not on every command's start

    from annotator.tui.app import CLOSING

    def closing(number: int, frame: FrameType | None) -> None:
        try:
            loop = asyncio.get_running_loop()  # the screen's: a handler runs in the main thread, inside its loop
        except RuntimeError:
            raise KeyboardInterrupt from None
        loop.call_soon_threadsafe(tui.exit, None, INTERRUPTED)

    handlers = {number: signal.getsignal(number) for number in CLOSING}
    handlers[signal.SIGINT] = signal.signal(signal.SIGINT, closing)
    try:
        yield
    finally:
        closed_by = {code: number for number, code in {**CLOSING, signal.SIGINT: INTERRUPTED}.items()}
        if tui.return_code in closed_by:
            acted_on(closed_by[tui.return_code])
        for number, handler in handlers.items():
            if handler is not None and not (number in CLOSING and signal.getsignal(number) is signal.SIG_IGN):
                signal.signal(number, handler)


def _run(tui: "AnnotatorApp") -> None:
    """Run the screen to its end: closed by a SIGTERM, a SIGHUP or a SIGINT, one line (if the terminal is still
    there) and exit status 143, 129 or 130, as any command interrupted; ended by an exception (Textual sets its
    return code, prints a traceback and returns as if all went well), one line and status 1."""
    from annotator.tui.app import CLOSING

    with _interrupt_closes(tui):
        tui.run()
    if tui.return_code in (*CLOSING.values(), INTERRUPTED):
        fail("interrupted; every action the screen showed as done is stored")
        raise typer.Exit(tui.return_code)
    crash = tui.crash()
    if crash is not None:
        raise fail(crash)


def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this machine only).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    annotator: Annotated[
        str | None, typer.Option("--annotator", help="Who annotates (default: each session asks).")
    ] = None,
    public: Annotated[
        bool,
        typer.Option("--public", help="Allow a --host other than this machine (anyone who reaches it can annotate)."),
    ] = False,
    url: Annotated[
        str | None, typer.Option("--url", help="The address browsers use, if not http://HOST:PORT (a proxy, a tunnel).")
    ] = None,
) -> None:
    """Serve the annotation screen to a web browser (textual-serve): every page load is a session.

    Without --annotator, each session first asks who is annotating (offering the names with assignments).
    Only this machine can connect unless --host names another address, which needs --public: textual-serve
    has no authentication. A request must name the server's own address as its Host (--host:--port, this
    machine's names for it, or --url's), and a session's websocket must come from its own page (Origin):
    another site's page cannot open a session or read one. From elsewhere, use an SSH tunnel:
    ssh -L 8000:127.0.0.1:8000 host (another local port than 8000 needs --url http://127.0.0.1:PORT). Every
    interface (--host 0.0.0.0 or ::) needs --url: the address browsers elsewhere open.

    Example: annotator serve --db team.db --port 8000
    """
    from annotator.errors import AnnotatorError
    from annotator.tui.served_addresses import WILDCARDS, ServedAddresses, bracketed, unbracketed
    from annotator.tui.serving import LOCAL_HOSTS, check_listening, serve_command

    if annotator is not None:
        annotator = checked_name(annotator, "--annotator", works=True, db=db)
    host = unbracketed(host)
    if host not in LOCAL_HOSTS and not public:
        raise fail(f"--host {host} would let other machines connect, with no password: add --public to mean it")
    try:
        ServedAddresses.of(host, port, url)  # a --url no browser opens, no page address: before any other check
    except AnnotatorError as error:
        raise fail(str(error)) from None
    with errors_as_lines(), open_store(db) as store:
        if not store.count("articles"):
            raise fail(f"{db}: no article to annotate yet (annotator ingest ... --db {shlex.quote(str(db))})")
        check_listening(host, port)
    if host not in LOCAL_HOSTS:
        reach = f"this machine's port {port}" if host in WILDCARDS else f"{bracketed(host)}:{port}"
        say(
            f"warning: serving on {bracketed(host)}: textual-serve has no authentication, so anyone who can reach "
            f"{reach} can read and change {db}",
            err=True,
        )
    try:
        serve_command(db, host, port, annotator, url)
    except AnnotatorError as error:  # not errors_as_lines: ctrl+c is how a server stops, not an interruption
        raise fail(str(error)) from None
