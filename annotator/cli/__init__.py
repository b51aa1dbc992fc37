"""The `annotator` command: a thin layer over the core. Each command's docstring is its help.

The commands live by topic (`data`, `importing`, `exports`, `overview`, `corpus`, `teams`, `unassigning`, `quality`, `training`, `screens`); this module registers them, in the order the help
lists them, and holds the top-level options.
"""

# ctrl+c or SIGTERM while these imports run is the console script's to say (`annotator.entry`)
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from annotator.cli import (
    accepting,
    corpus,
    data,
    exports,
    importing,
    overview,
    quality,
    screens,
    teams,
    training,
    unassigning,
)
from annotator.cli.common import AnnotatorOption, Command, app, fail, out_of_memory
from annotator.cli.paths import PathType
from annotator.cli.printed import begin_output, interrupted_kept
from annotator.interrupts import at_the_end, received, status, stood, terminate_as_interrupt, terminated
from annotator.store import DEFAULT_DB

#: Every command, in the order `annotator --help` lists them.
COMMANDS: dict[str, Callable[..., None]] = {
    "ingest": data.ingest,
    "suggest": data.suggest,
    "predict": corpus.predict,
    "export": exports.export,
    "import": importing.import_,
    "merge": teams.merge,
    "assign": teams.assign,
    "unassign": unassigning.unassign,
    "pack": teams.pack,
    "rename-annotator": teams.rename_annotator,
    "stats": overview.stats,
    "agreement": quality.agreement,
    "adjudicate": quality.adjudicate,
    "accept": accepting.accept,
    "check": data.check,
    "evaluate": quality.evaluate,
    "train": training.train,
    "review": screens.review,
    "annotate": screens.annotate,
    "serve": screens.serve,
}
for name, command in COMMANDS.items():
    app.command(name=name, cls=Command)(command)


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help=f"The SQLite database file (default: {DEFAULT_DB}; for any command).",
            click_type=PathType(dir_okay=False),
        ),
    ] = None,
    annotator: AnnotatorOption = None,
) -> None:
    """Without a command: open the annotation screen (`annotator annotate`)."""
    _begun.append(True)
    begin_output()  # in one process, as tests run commands, the last command's output is not this one's
    if ctx.invoked_subcommand is None:
        screens.annotate(db=db or Path(DEFAULT_DB), annotator=annotator)
        return
    given = {name: value for name, value in (("db", db), ("annotator", annotator)) if value is not None}
    takes = inspect.signature(COMMANDS[ctx.invoked_subcommand]).parameters
    unused = [f"--{name}" for name in given if name not in takes]
    if unused:
        raise fail(f"{' and '.join(unused)} does not apply to `annotator {ctx.invoked_subcommand}`")
    if given:  # `annotator --db x.db stats` means `annotator stats --db x.db`: the command's own option wins
        ctx.default_map = {ctx.invoked_subcommand: given}


#: Whether the command has begun (Typer called `main_callback`): an interrupt raised outside Typer's handling came
#: before (the console script says "interrupted while starting", `annotator.entry`) or as it exits.
_begun: list[bool] = []
#: Said when a command did its work and reported it although an interrupt came: some code dropped the interrupt
#: after the command's last write (every write raises a dropped one again: `interrupts.keeping`).
DONE_ANYWAY = "annotator: interrupted after this command's work was done (reported above)\n"


def _uncaught() -> str:
    """The line for an interrupt that ended a command outside its own handling (as it imports its modules, takes
    its options, prints its report): what it kept, as far as `interrupts.keeping` saw."""
    if stood():
        return "annotator: interrupted after this command's work was saved\n"
    return f"annotator: error: interrupted; {interrupted_kept()}\n"


def main() -> None:
    """The console script: a SIGTERM or SIGHUP stops a command as ctrl+c does (`annotator.interrupts`), exit status
    143 or 129. From the moment the command ends (Typer's SystemExit) interrupts are ignored (`at_the_end`), so
    that its end is said as it was decided; one that came before was recorded, and is said here."""
    terminate_as_interrupt()
    try:
        try:
            app()
        finally:
            at_the_end()
    except (KeyboardInterrupt, SystemExit) as end:
        at_the_end()  # again: an interrupt raised before the first took hold skipped the rest of it
        _end(end)
    except MemoryError:  # outside a command's `errors_as_lines` (its options, its report): one line all the same
        _say(f"annotator: error: {out_of_memory()}\n")
        raise SystemExit(1) from None


def _end(end: KeyboardInterrupt | SystemExit) -> None:
    """Exit as the command ended. A KeyboardInterrupt came outside Typer's handling: before the command began, or
    as it exits, or just before `at_the_end` took hold (Typer's SystemExit is then its context: the command ended
    as that says, and the interrupt is received)."""
    if isinstance(end, KeyboardInterrupt) and isinstance(end.__context__, SystemExit):
        end = end.__context__
    if isinstance(end, KeyboardInterrupt):
        if not _begun:
            raise end  # the console script's line (`annotator.entry`)
        _say(_uncaught())
        raise SystemExit(status()) from None
    if _escaped_interrupt(end):  # Typer ends a ctrl+c no command caught with status 130 and nothing said
        _say(_uncaught())
        raise SystemExit(status()) from None
    if end.code in (0, None) and received():
        _say(DONE_ANYWAY)
        raise SystemExit(status()) from None
    if terminated():  # the line is said; 130, the status of ctrl+c, was the command's
        raise SystemExit(status()) from None
    raise end


def _say(line: str) -> None:
    """A line on standard error, if it can still take one (a closed terminal cannot)."""
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _escaped_interrupt(end: SystemExit) -> bool:
    """Whether this exit is Typer's for a KeyboardInterrupt that reached it (`Exit(130) from` the interrupt)."""
    if end.code != 130:
        return False
    cause: BaseException | None = end
    for _ in range(8):
        if cause is None:
            return False
        if isinstance(cause, KeyboardInterrupt):
            return True
        cause = cause.__cause__ or (None if cause.__suppress_context__ else cause.__context__)
    return False
