"""What every command shares: the Typer app, the common options, one-line errors, progress bars, and opening
the command's database."""

# No `from __future__ import annotations` in this package: typer would evaluate every annotation string of
# every command before any command runs, about 15 ms more before the TUI opens.
import shlex
import signal
import sqlite3
import sys
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, Literal

import typer
from typer._click import Context, Parameter  # typer 0.28 ships its own click: its errors are these classes
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperCommand, TyperGroup

from annotator.cli.once import GivenOnce
from annotator.cli.paths import PathType, database_paths, given_path
from annotator.cli.printed import LIVE, interrupted_kept, printing
from annotator.errors import (
    NOTHING_OF_THIS_CHANGE,
    OUT_OF_MEMORY,
    AnnotatorError,
    SuggestingFailed,
    keep_details,
    on_database,
)
from annotator.exchange.formats import FORMATS
from annotator.interrupts import report_first, stood, stop_if_interrupted
from annotator.literal import literal, literal_json, literal_lines
from annotator.store import Store, WriteFailed, db_option
from annotator.store.damage import damage
from annotator.store.unlocked import NOTHING_WRITTEN, reads_so_far, torn_reads, written_under


class UsageLine(ClickException):
    """A usage error (an unknown option, a value outside a closed set) shown as every other error: one line,
    `annotator: error: ...`, exit status 1."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        say(f"annotator: error: {self.format_message()}", err=True)


@contextmanager
def usage_errors_as_lines() -> Iterator[None]:
    try:
        yield
    except UsageError as error:
        raise UsageLine(error.format_message().replace("\n", " ")) from None


def _show_help(ctx: Context, param: Parameter, value: bool) -> None:
    """--help: the help printed as every command prints (`say_lines`), so a full standard output is one line."""
    if value and not ctx.resilient_parsing:
        say_lines(ctx.get_help())
        ctx.exit()


class SaysHelp:
    """A click command whose --help prints through `say_lines` (click's own help option ends in a traceback when
    standard output is full)."""

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.callback = _show_help
        return option


class Command(SaysHelp, GivenOnce, TyperCommand):
    """Every command (`cli.COMMANDS`): typer's, with the help printed by `say_lines`, and an option that takes one
    name given twice refused (`GivenOnce`)."""


class Commands(SaysHelp, GivenOnce, TyperGroup):
    """The command group: click parses and checks the options (closed sets as Enums, which typer makes click
    Choices), and its usage errors keep the project's one-line form."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        with usage_errors_as_lines():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Context) -> Any:
        with usage_errors_as_lines():
            return super().invoke(ctx)


app = typer.Typer(
    cls=Commands,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Annotate news articles: actors, locations, figures and quotes, into gold data.",
)


DbOption = Annotated[
    Path,
    typer.Option(
        "--db", help="The SQLite database file.", click_type=PathType(dir_okay=False), callback=database_paths
    ),
]
AnnotatorOption = Annotated[str | None, typer.Option("--annotator", help="Your name (default: your login name).")]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="A spaCy pipeline: an installed one's name, or a folder. Default: en_core_web_sm (else its mirror) "
        "with the learned component shipped with annotator: entities.v16 and quotes.v6. A folder `annotator train` "
        "wrote, or one whose NER predicts ACTOR, LOCATION and FIGURE: entities.v16@<its hash>; any other pipeline, en_core_web_sm named here included: entities.v1 and "
        "quotes.v6.",
        callback=given_path,  # '' named no pipeline, and the default one ran in its place
    ),
]
#: The format names as a closed set (typer turns an Enum into a choice, checked before the command runs).
FormatName = StrEnum("FormatName", [(name.replace("-", "_"), name) for name in FORMATS])  # type: ignore[misc]
NATIVE = FormatName("jsonl")
#: The spaCy spans key of quotes, as annotator.exchange.formats.options.QUOTES_KEY (not imported before a command runs).
QUOTES_KEY = "quotes"
FormatOption = Annotated[FormatName, typer.Option("--format", help="The file's format (jsonl is the native record).")]
AnnotatorsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--annotators",
        help="Comma-separated annotators, or the option once for each (a name with a comma given whole names that "
        "annotator); default: all who finished an article, but gold.",
    ),
]
ReviewerOption = Annotated[str | None, typer.Option("--reviewer", help="Who decides (default: your login name).")]
InProgressOption = Annotated[
    bool, typer.Option("--include-in-progress", help="Also compare articles still in progress.")
]


def say(text: str, *, err: bool = False) -> None:
    """Print one line a command has to say. Paths and stored strings in it (names, titles, ids) are shown
    literally, a line break included, so none can send a control sequence to the terminal or make a line
    two (`annotator.literal`). A full or closed standard output is one line on standard error (silence for a
    closed pipe, as `| head` makes), never a traceback."""
    _print(literal(text), err)


def say_skipped(skipped: Collection[AnnotatorError]) -> None:
    """What --skip-invalid passed over (`ingest`, `predict`): the files and lines that hold no article, one a line."""
    if skipped:
        say(f"skipped {len(skipped)} file(s) or line(s) that hold no article:")
        for error in skipped:
            say(f"  {error}")


def say_lines(text: str, *, err: bool = False) -> None:
    """Print lines the program laid out (a table, the help), as `say` prints one: each line shown literally,
    only the breaks between them kept."""
    _print(literal_lines(text), err)


#: What the running command has already stored or written (`stored`), for the line a full standard output prints.
_STORED: list[str] = []


def stored(what: str) -> None:
    """Tell `say` that the command's work is stored (`what`: "the import is in t.db"), before it prints its report:
    a standard output that cannot take the report then says the work is kept and only the report was lost, so
    nobody runs the command again for nothing."""
    _STORED.append(what)


def _print(text: str, err: bool) -> None:
    import os

    if not err:
        printing()
    try:
        if err and LIVE:  # through Rich's stand-in for stderr, above the bar (s61 t23 F6: a note shared its line)
            sys.stderr.write(f"{text}\n")
            sys.stderr.flush()
        else:
            typer.echo(text, err=err)
    except OSError as error:
        stream = sys.stderr if err else sys.stdout
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())  # no second error when Python exits
        if err or isinstance(error, BrokenPipeError):
            raise typer.Exit(1) from None
        kept = f"; {_STORED[-1]}; only this report could not be printed" if _STORED else ""
        raise fail(f"cannot write to standard output: {error.strerror}{kept}") from None


def say_json(text: str) -> None:
    """Print JSON, its strings' control characters written as \\u escapes (the same JSON value), as `say` prints
    (a full standard output is one line)."""
    _print(literal_json(text), False)


def note(line: str) -> None:
    """A note the core hands up (leftovers beside a file, a merge into a file created meanwhile), on stderr."""
    say(f"annotator: note: {line}", err=True)


def fail(message: str) -> typer.Exit:
    """An error is one line, whatever stored text it quotes (a line break in it is shown, not printed)."""
    say(f"annotator: error: {message}", err=True)
    return typer.Exit(1)


ALL_OR_NOTHING = NOTHING_WRITTEN
#: The exit status of a command interrupted by ctrl+c (a SIGINT), whenever it comes: 128 + SIGINT, as a shell
#: reports a process ended by it; `cli.main` makes it 143 for a SIGTERM.
INTERRUPTED = 128 + signal.SIGINT


def interrupted(line: str) -> typer.Exit:
    """A ctrl+c (or SIGTERM) is one line saying what is kept ("interrupted; ..."), and status 130 (143), whenever
    it comes: as while starting (`annotator.entry`), after the work was saved (`reported_before_interrupts`) and on
    the screens (`cli.screens`)."""
    say(f"annotator: error: {line}", err=True)
    return typer.Exit(INTERRUPTED)


@contextmanager
def errors_as_lines(kept: str = ALL_OR_NOTHING, db: Path | None = None) -> Iterator[None]:
    """Every error the user can fix becomes one line on stderr and exit status 1. `kept` says what a ctrl+c
    leaves (`interrupted`, status 130): nothing, for a command that writes in one transaction (or none); a
    command that commits step by step says what its finished steps keep, after ctrl+c or a failed write alike.
    An error that follows an interrupt some code dropped (spaCy's loading, which said "not installed") is the
    interrupt's doing: the interrupt is said. `db`: the command's --db, which a command the error advises carries
    (`errors.on_database`)."""
    try:
        try:
            yield
        except AnnotatorError:
            stop_if_interrupted()
            raise
    except SuggestingFailed as error:
        raise fail(bug_line(error, kept)) from None
    except AnnotatorError as error:
        if kept != ALL_OR_NOTHING and isinstance(error, WriteFailed):  # the steps committed before it stay
            raise fail(f"{str(error).removesuffix(NOTHING_OF_THIS_CHANGE)}; {kept}") from None
        raise fail(on_database(error, db_option(db), db)) from None
    except KeyboardInterrupt:
        raise interrupted(f"interrupted; {interrupted_kept(kept)}") from None
    except MemoryError:
        raise fail(out_of_memory(kept)) from None
    except sqlite3.DatabaseError as error:
        if line := torn_read(error, kept):
            raise fail(line) from None
        raise


def torn_read(error: sqlite3.DatabaseError, kept: str = ALL_OR_NOTHING) -> str | None:
    """SQLite's error reading a file read without locks that another process changed meanwhile
    (`examining.torn_reads`), as one line: run the command again (by then the writer holds the file open, and it
    is read through the writer's WAL, as SQLite's readers do). None for any other error: a traceback, a bug."""
    torn = torn_reads()
    return written_under(torn[0], kept, error) if torn else None


@contextmanager
def read_whole(kept: str = "nothing was shown") -> Iterator[None]:
    """A read-only command whose file another process wrote while it read it (`store.unlocked`) says so in one
    line and fails, though SQLite raised nothing: what it read may mix two states of the file (a count from before
    an `accept` beside a status from after). `kept`: what it did with what it read (printed, wrote)."""
    since = reads_so_far()
    yield
    if torn := torn_reads(since):
        raise fail(written_under(torn[0], kept))


def out_of_memory(kept: str = ALL_OR_NOTHING) -> str:
    """A MemoryError a reader did not name a file for (`exchange.files.too_large`), in one line: what the command
    kept, `kept`, unless its all-or-nothing work was saved before (`interrupts.stood`); never a traceback (trial t4
    F2: ~40 lines through typer, ending `MemoryError`)."""
    saved = kept == ALL_OR_NOTHING and stood()
    return f"{OUT_OF_MEMORY}; {SAVED_BEFORE if saved else kept}"


SAVED_BEFORE = "this command's work was saved before it ran out"


def bug_line(error: SuggestingFailed, kept: str) -> str:
    """A bug in the suggesters (or in a --model pipeline), in one line: the article and what failed, what the
    command kept (`kept`), and the file its traceback went to for a bug report (`errors.keep_details`, as a
    screen's crash keeps its own)."""
    try:
        details = f"its traceback is in {keep_details(error.details)}, for a bug report"
    except OSError as failed:
        details = f"its traceback could not be kept ({failed.strerror or failed})"
    return f"{error}; {kept}; {details}"


SAVED = "interrupted after this command's work was saved (reported above)"


@contextmanager
def reported_before_interrupts() -> Iterator[None]:
    """Around an all-or-nothing command and its report: a ctrl+c or SIGTERM from its COMMIT on waits until the
    report is printed, then one line says the work was saved and the status is 130 (143 for SIGTERM): "nothing
    from this command was written" is said only before the COMMIT (`interrupts.report_first`)."""
    with report_first() as late:
        yield
    if late:
        say(f"annotator: {SAVED}", err=True)
        raise typer.Exit(INTERRUPTED)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on a terminal; silence when output is piped or in CI."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.progress import Progress

    with Progress(console=None, transient=True) as bar:
        task = bar.add_task(label, total=None)
        LIVE.append(True)
        try:
            yield lambda done, total: bar.update(task, completed=done, total=total)
        finally:
            LIVE.pop()


#: What `open_store` checks before a command reads: nothing (False), everything but the tokens (True), the tokens too
#: ("tokens"), or all but the spans and suggestions ("rows").
Intact = bool | Literal["tokens", "rows"]


def open_store(
    db: Path, *, create: bool = False, read_only: bool = False, whole: bool = True, intact: Intact = False
) -> Store:
    """The command's database; only commands that add to it create it, so a mistyped --db is an error.
    Commands that only read open it `read_only`: they never write to it, not even its journal mode, and read one
    state of it, in one transaction, whatever another process commits meanwhile. `whole`
    False: a file lacking part of the schema is opened, for `check` to say what is missing. `intact`: a command
    that reads its spans and suggestions refuses a file another program damaged (`store.content.damage`; "tokens":
    its tokens too, "rows": all but its spans and suggestions)."""
    with errors_as_lines():
        store = Store.open(db, create=create, read_only=True if read_only else None, whole=whole)
        if read_only:  # one snapshot for the command: each read its own let `agreement` mix two states (trial t3)
            store.conn.execute("BEGIN")
        if intact:
            refuse_damaged(store, db, close=True, checked=intact)
        return store


def refuse_damaged(store: Store, db: Path, *, close: bool = False, checked: Intact = True) -> None:
    """Refuse (and close) a database whose articles, spans or suggestions its own commands could not have written:
    read, they ended `accept` in a traceback (a text stored as a blob) and `adjudicate --auto` copied a span past
    its text into gold (stop 40). `close`: the store is the caller's to close, not a context's."""
    problems = damage(store.conn, spans=checked != "rows", tokens=checked == "tokens")
    if problems:
        if close:
            store.close()
        raise AnnotatorError(
            f"{db}: {problems[0]}; nothing was done (annotator check --db {shlex.quote(str(db))} lists every problem)"
        )


@contextmanager
def store_to_fill(db: Path) -> Iterator[Store]:
    """Open the database to add to it; a new one is built beside its name and put in place only when the command
    succeeds, so a failed command leaves no database it created behind, and never deletes one."""
    from annotator.store.creating import filling

    with errors_as_lines(), filling(db, note=note) as store:
        if store.count("articles"):  # one being made has nothing to check
            refuse_damaged(store, db)
        yield store


def task_text_field(given: str) -> str:
    """--text-field of ingest and predict (the data field of a Label Studio task holding its text), as given: a
    name with white space around it, or none, is a typo, refused."""
    if not given.strip() or given != given.strip():
        raise fail(f"--text-field: expected the name of a field of a Label Studio task's data, got {given!r}")
    return given
