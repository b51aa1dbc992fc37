"""A corpus too large for an annotation database: suggestions computed on a Dask cluster, written as files."""

from pathlib import Path
from typing import Annotated

import typer

from annotator.cli.common import (
    ModelOption,
    bug_line,
    errors_as_lines,
    fail,
    interrupted,
    note,
    progress_bar,
    say,
    say_skipped,
    task_text_field,
)
from annotator.cli.paths import PathType, output_paths
from annotator.cli.workers import PER_CORE, one_per_core
from annotator.errors import InputError, SuggestingFailed


def scheduler_address(value: str) -> str:
    """--scheduler read by Dask's own address parsers before any work starts: a malformed address, an unknown
    scheme or a missing port is a usage error naming the option and the value, not Dask's ValueError later."""
    from distributed.comm.addressing import get_address_host_port, parse_address
    from distributed.comm.registry import get_backend

    try:
        scheme, _ = parse_address(value)
        get_backend(scheme)
        if scheme != "inproc":  # an in-process address has no host or port
            get_address_host_port(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a Dask scheduler address: {error}") from None
    return value


def predict(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help=".txt files, folders of them, .jsonl files with a 'text' field, or Label Studio task files (a JSON "
            "array or JSONL of tasks, their text in data.text: --text-field).",
            click_type=PathType(),
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            help="Folder for the shards' records and manifest.json (resumable).",
            click_type=PathType(),
            callback=output_paths,
        ),
    ],
    model: ModelOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            callback=one_per_core,
            help=f"Worker processes of a local Dask cluster (default: one per core; {PER_CORE}).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            callback=lambda value: value if value is None else scheduler_address(value),
            help="Use an existing Dask scheduler instead, e.g. tcp://host:8786.",
        ),
    ] = None,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Articles per shard (and file).")] = 100,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Skip files and .jsonl lines that hold no article (blank, not UTF-8, not valid, a FIFO), listing "
            "each (file, line, why), and predict the rest.",
        ),
    ] = False,
    text_field: Annotated[
        str,
        typer.Option(
            "--text-field",
            help="Label Studio tasks: the data field holding the text, as the labelling config names it "
            '(<Text value="$content">: --text-field content), as ingest reads it.',
        ),
    ] = "text",
) -> None:
    """Suggest over a corpus on a Dask cluster: one JSONL file of suggestion records per shard of the input, and a
    manifest; a rerun skips the shards already done. `ingest --suggestions-from` stores them.

    Example: annotator predict archive.jsonl -o predictions/ --workers 2
    """
    from annotator.exchange.manifest import started_in
    from annotator.exchange.predict import predict as predict_corpus

    if workers is not None and scheduler is not None:
        raise fail("choose one of --workers (a local cluster) and --scheduler (an existing one)")
    task_text_field(text_field)
    skipped: list[InputError] = []
    with errors_as_lines():
        try:
            with progress_bar("Predicting") as progress:  # gone before the line that says why it stopped
                report = predict_corpus(
                    inputs,
                    output,
                    model=model,
                    workers=workers,
                    scheduler=scheduler,
                    shard_size=shard_size,
                    batch_size=batch_size,
                    progress=progress,
                    note=note,
                    skipped=skipped if skip_invalid else None,
                    text_field=text_field,
                )
        except KeyboardInterrupt:
            if not started_in(output):  # it named a folder never made (a newcomer's trial)
                raise interrupted(
                    "interrupted before any shard was finished; nothing was kept: run the same command to start again"
                ) from None
            raise interrupted(
                f"interrupted; the shards finished so far are kept in {output}: run the same command to go on"
            ) from None
        except SuggestingFailed as failure:  # a bug: a rerun would fail on the same article
            kept = f"the shards finished before it are kept in {output}" if started_in(output) else "nothing was kept"
            raise fail(bug_line(failure, kept)) from None
    computed = (  # on the workers that computed them; none computed, on none
        f"{report.computed} computed on {report.workers} worker(s), {report.words_per_second:,.0f} words/s"
        if report.computed
        else "0 computed"
    )
    say(
        f"{report.articles} article(s) in {report.shards} shard(s) ({computed}, {report.shards - report.computed} "
        f"already done), {report.suggestions:,} suggestion(s) -> {output}"
    )
    say_skipped(skipped)
