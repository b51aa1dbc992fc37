"""`annotator export`: annotations or suggestions out, in our native JSONL or a format another tool reads, to a
file, exports/ or standard output (`import` is in `cli.importing`)."""

import errno
import os
import shlex
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO, cast

import typer

from annotator.cli.common import (
    NATIVE,
    QUOTES_KEY,
    AnnotatorOption,
    DbOption,
    FormatOption,
    errors_as_lines,
    fail,
    note,
    open_store,
    progress_bar,
    read_whole,
    reported_before_interrupts,
    say,
    stored,
)
from annotator.cli.names import default_annotator
from annotator.cli.paths import PathType, given_path, output_paths
from annotator.cli.printed import printing
from annotator.literal import json_shown_literally
from annotator.store import DEFAULT_DB
from annotator.vocabulary import GOLD, Status
from annotator.wording import counted

if TYPE_CHECKING:
    from annotator.exchange.formats.options import ExportOptions
    from annotator.store import Reader, Store


def export(
    db: DbOption = Path(DEFAULT_DB),
    annotator: AnnotatorOption = None,
    gold: Annotated[bool, typer.Option("--gold", help="Export the adjudicated gold annotations.")] = False,
    suggestions: Annotated[bool, typer.Option("--suggestions", help="Export the model's suggestions.")] = False,
    format: FormatOption = NATIVE,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Output file, or - for standard output (default: exports/ANNOTATOR.jsonl, never over another "
            "database's export there).",
            callback=given_path,
        ),
    ] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status", help="Which annotations: statuses, comma-separated (done, in_progress, skipped, ...), or all."
        ),
    ] = "done",
    labels: Annotated[
        str | None, typer.Option("--labels", help="Only spans of these labels, e.g. ACTOR,LOCATION,FIGURE.")
    ] = None,
    spans_key: Annotated[
        str, typer.Option("--spans-key", help="spacy: the doc.spans key that holds the quotes.")
    ] = QUOTES_KEY,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Also write the tool's config here: spacy, a `spacy train` config; labelstudio, the labelling config.",
            click_type=PathType(dir_okay=False),
            callback=output_paths,
        ),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite", help="Replace an existing output even if annotator did not write it (or it was changed)."
        ),
    ] = False,
) -> None:
    """Write annotations in a format, one record per article (native JSONL unless --format says otherwise).

    Example: annotator export --annotator alice --format prodigy -o exports/alice.prodigy.jsonl
    """
    from annotator.exchange.formats import get_format
    from annotator.exchange.formats.options import ExportOptions, parse_labels, parse_statuses
    from annotator.exchange.records import EarlierExportKept, export_to_path
    from annotator.exchange.records import export as export_records

    name = format.value
    if gold and suggestions:
        raise fail("choose one of --gold and --suggestions")
    if suggestions and name == "conll":  # read back, the model's spans would pass for someone's finished work
        raise fail(
            "CoNLL cannot say that spans are the model's suggestions, not anyone's work: export --suggestions as "
            "jsonl, prodigy, labelstudio, spacy or doccano"
        )
    if config is not None and get_format(name).config is None:
        raise fail("--config goes with --format spacy (a `spacy train` config) or labelstudio (the labelling config)")
    if config is not None and output == "-":
        raise fail("--config is written with the export: give it a file (-o PATH), not standard output")
    if output == "-" and get_format(name).binary and sys.stdout.isatty():  # bytes a terminal would take for codes
        raise fail(
            f"--format {name} writes binary data, not text for a terminal: redirect standard output "
            f"(-o - > export{get_format(name).suffix}) or give -o PATH"
        )
    # from the output's rename on, an interrupt waits for the report
    with (
        reported_before_interrupts(),
        read_whole("and so may what this command wrote"),
        errors_as_lines(),
        open_store(db, read_only=True) as store,
    ):
        options = ExportOptions(statuses=parse_statuses(status), labels=parse_labels(labels), spans_key=spans_key)
        chosen = get_format(name)
        who = None if suggestions else GOLD if gold else default_annotator(annotator)
        if who is not None and who not in store.annotators():
            found = ", ".join(store.annotators()) or "none"
            from annotator.store.new_names import unknown_name_line

            raise fail(
                unknown_name_line(store, who) or f"no annotations by '{who}' to export (in the database: {found})"
            )
        if output == "-":  # JSON with its invisible characters as \u escapes: a terminal may show it (`literal`)
            shown = json_shown_literally if chosen.suffix in (".json", ".jsonl") else lambda out: out
            count = _to_standard_output(lambda out: export_records(store, name, shown(out), who, options=options))
            say(f"{count} record(s) written", err=True)
            tell_notes(options, count)
            _say_why_none(store, who, status, count)
            _say_flagged(store, who, options)
            _say_open_gold(store, db, who, options)
            return
        kind = "" if chosen.suffix == f".{name}" else f".{name}"  # alice.jsonl, alice.prodigy.jsonl, alice.spacy
        path = Path(output) if output else _in_exports(f"{who or 'suggestions'}{kind}{chosen.suffix}")
        try:
            with progress_bar("Exporting") as progress:
                count = export_to_path(
                    store,
                    name,
                    path,
                    who,
                    progress,
                    options,
                    make_folder=output is None,
                    config=config,
                    note=note,
                    overwrite=overwrite,
                    keep_earlier=output is None,
                )
        except EarlierExportKept as kept:
            if kept.made is not None:  # another database's: never offered for replacing without saying so
                say(
                    f"0 record(s): {path} left as it was: it is the export of another database, {kept.made} (-o PATH "
                    f"writes this database's empty export; -o {shlex.quote(str(path))} would replace that one)"
                )
            else:
                say(
                    f"0 record(s): {path} left as it was, with the export written there before (-o {shlex.quote(str(path))} writes an "
                    "empty one)"
                )
            tell_notes(options, 0)
            _say_why_none(store, who, status, 0)
            return
        stored(f"the export is written to {path}")
        what = "spaCy training config" if name == "spacy" else "Label Studio labelling config"
        say(f"{count} record(s) -> {path}" + (f"; {what} -> {config}" if config else ""))
        tell_notes(options, count)
        _say_why_none(store, who, status, count)
        _say_flagged(store, who, options)
        _say_open_gold(store, db, who, options)


def _say_flagged(store: "Reader", who: str | None, options: "ExportOptions") -> None:
    """Gold exported of an article an annotator has flagged (a question to the lead, which `agreement` and
    `adjudicate --auto` leave out): named, as a team lead's trial found its gold exported as done without a word."""
    if who != GOLD:
        return
    from annotator.reports.flagged import flagged_among, flagged_line

    exported = [article for article, state, _ in store.annotated_articles(GOLD) if state in options.statuses]
    found = flagged_among(store, exported)
    if found:
        say(f"note: gold exported of {counted(len(found), 'article')} an annotator has flagged: "
            f"{flagged_line(store, found)}", err=True)  # fmt: skip


def _say_open_gold(store: "Store", db: Path, who: str | None, options: "ExportOptions") -> None:
    """Done gold exported where an annotator's done work differs from it, each article named with why
    (`gold_stale.stale_gold`, as `train` says it), which `adjudicate --auto` and `review` tell: named here
    too (a lead's trial: such gold went out with no word)."""
    if who != GOLD or Status.DONE not in options.statuses:
        return
    from annotator.cli.compared import command
    from annotator.gold_stale import stale_gold, stale_line

    done = [article for article, state, _ in store.annotated_articles(GOLD) if state is Status.DONE]
    stale = stale_gold(store, done)
    if stale:
        teams = list(dict.fromkeys(found.team for found in stale))
        shows = " or ".join(f"`{command(db, 'review', team)}`" for team in teams)
        say(f"note: gold exported of {counted(len(stale), 'article')} where an annotator's done work differs from "
            f"it: {stale_line(store, stale)}: {shows} shows what is open there", err=True)  # fmt: skip


def _say_why_none(store: "Reader", who: str | None, status: str, count: int) -> None:
    """An export of no record says which statuses the annotator's articles have (a newcomer's trial: "0
    record(s)" and an empty file, with two articles skipped and flagged)."""
    if count or who is None:
        return
    found = Counter(str(state.value) for _, state, _ in store.annotated_articles(who))
    if found:
        held = ", ".join(f"{n} {name}" for name, n in sorted(found.items()))
        say(f"note: no article of {who}'s has the status {status} ({held}): --status all exports them all", err=True)


def _in_exports(name: str) -> Path:
    """The default output, exports/NAME; a name that would put it anywhere else (a stored name from an older
    release, before names were checked) is refused: the default never leaves exports/."""
    folder = Path(os.path.realpath("exports"))  # realpath: a link loop is no traceback (it is refused on writing)
    path = Path("exports") / name
    if Path(os.path.realpath(path)).parent != folder:
        raise fail(f"the default output exports/{name} would not be inside exports/: give -o PATH")
    return path


def tell_notes(options: "ExportOptions", count: int) -> None:
    """The writer's notes, and the records the status filter left out (an export of none says more: `_say_why_none`)."""
    for what, n in options.written.notes.items():
        say(f"note: {n} {what}", err=True)
    left_out = options.written.left_out
    if count and left_out:  # by status, in Status's order: "1 in_progress and 2 skipped"
        which = " and ".join(f"{left_out[status]} {status.value}" for status in Status if left_out[status])
        say(f"note: {which} record(s) left out (--status all takes every status)", err=True)


class _Whole:
    """Standard output's bytes, each write whole or an error: a pipe whose reader left during a large write
    (`export --format spacy -o - | head -c 10`) took part of it, the buffer said so by returning less, and the rest was
    dropped: "4000 record(s) written", status 0, a DocBin cut short (trial s55 t10 T2). The next write, of the rest,
    raises the broken pipe."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            if not (written := self._out.write(view)):  # nothing taken, and no error said: never loop on it
                raise BrokenPipeError(errno.EPIPE, "standard output took nothing")
            view = view[written:]
        return len(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self._out, name)


def _to_standard_output(write: Callable[[BinaryIO], int]) -> int:
    """Write to standard output; a full disk or a closed pipe is one line (or, for `| head`, silence)."""
    import os

    printing()
    try:
        count = write(cast(BinaryIO, _Whole(sys.stdout.buffer)))
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        raise typer.Exit(1) from None
    except OSError as error:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise fail(f"cannot write to standard output: {error.strerror}") from None
    return count
