"""What every command shares: the Typer app, the common options, one-line errors, progress bars, and opening
the command's database."""

# No `from __future__ import annotations` in this package: typer would evaluate every annotation string of
# every command before any command runs, about 15 ms more before the TUI opens.
import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Annotated

import typer

from annotator.errors import AnnotatorError
from annotator.exchange.formats import FORMATS
from annotator.store import Store
from annotator.vocabulary import GOLD

app = typer.Typer(
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Annotate news articles: actors, locations, figures and quotes, into gold data.",
)

DbOption = Annotated[Path, typer.Option("--db", help="The SQLite database file.", dir_okay=False)]
AnnotatorOption = Annotated[str | None, typer.Option("--annotator", help="Your name (default: your login name).")]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", help="An installed spaCy pipeline name or path (default: en_core_web_sm, else its mirror)."
    ),
]
FormatOption = Annotated[
    str,
    typer.Option("--format", help=f"{', '.join(FORMATS)} (jsonl is the native record)."),
]
AnnotatorsOption = Annotated[
    str | None,
    typer.Option("--annotators", help="Comma-separated annotators (default: all who finished an article, but gold)."),
]
ReviewerOption = Annotated[str | None, typer.Option("--reviewer", help="Who decides (default: your login name).")]
InProgressOption = Annotated[
    bool, typer.Option("--include-in-progress", help="Also compare articles still in progress.")
]


def fail(message: str) -> typer.Exit:
    typer.echo(f"annotator: error: {message}", err=True)
    return typer.Exit(1)


@contextmanager
def errors_as_lines() -> Iterator[None]:
    """Every error the user can fix becomes one line on stderr and exit status 1."""
    try:
        yield
    except AnnotatorError as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        raise fail("interrupted; nothing from this command was written") from None


def default_annotator(name: str | None) -> str:
    return name or getpass.getuser() or "annotator"


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on a terminal; silence when output is piped or in CI."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.progress import Progress

    with Progress(console=None, transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def open_store(db: Path, *, create: bool = False) -> Store:
    """The command's database; only commands that add to it create it, so a mistyped --db is an error."""
    with errors_as_lines():
        return Store.open(db, create=create)


@contextmanager
def store_to_fill(db: Path) -> Iterator[Store]:
    """Open the database, creating it; a command that fails leaves no database file it created behind."""
    created = not db.exists()
    store = open_store(db, create=True)
    try:
        with store:
            yield store
    except BaseException:
        if created:
            for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                with suppress(OSError):
                    path.unlink()
        raise


def chosen_annotators(
    store: Store, names: str | None, purpose: str = "agreement", include_in_progress: bool = False
) -> list[str]:
    """--annotators A,B,... (each one known to the database, as `evaluate` checks its names), or by default
    everyone who marked at least one article done (with `include_in_progress`, everyone with work that stands;
    gold excluded: someone who only opened an article does not count); at least two."""
    known = store.annotators()
    found = ", ".join(known) or "none"
    if names:
        chosen = [n.strip() for n in names.split(",") if n.strip()]
        unknown = [n for n in chosen if n not in known]
        if unknown:
            raise fail(f"no annotator named {unknown[0]!r} (in the database: {found})")
    else:
        chosen = [n for n in (known if include_in_progress else store.finished_annotators()) if n != GOLD]
    if len(set(chosen)) != len(chosen):
        raise fail("an annotator is named twice in --annotators")
    if len(chosen) < 2:
        finished = ", ".join(n for n in store.finished_annotators() if n != GOLD) or "none"
        raise fail(
            f"{purpose} needs two or more annotators (finished an article: {finished}; in the database: {found}); "
            "name them with --annotators A,B"
        )
    return chosen
