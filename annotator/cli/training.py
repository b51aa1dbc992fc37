"""`annotator train`: fine-tuning the suggestions' learned entity layer on the team's gold (or one annotator's
work, or native files), and what it learned from."""

import shlex
from pathlib import Path
from typing import Annotated

import typer

from annotator.cli.common import (
    DbOption,
    errors_as_lines,
    fail,
    note,
    open_store,
    progress_bar,
    reported_before_interrupts,
    say,
    stored,
)
from annotator.cli.compared import command
from annotator.cli.paths import PathType, output_paths
from annotator.store import DEFAULT_DB, db_option
from annotator.vocabulary import GOLD, Status


def train(
    db: DbOption = Path(DEFAULT_DB),
    annotator: Annotated[
        str | None, typer.Option("--annotator", help="Learn from this annotator's done articles (default: gold).")
    ] = None,
    from_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--from",
            help="Learn from native JSONL files (their records marked done) instead of --db.",
            click_type=PathType(),
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="The new pipeline folder (default: models/trained-<date-time> in the current folder; -2, -3... if taken).",
            click_type=PathType(),
            callback=output_paths,
        ),
    ] = None,
    curve: Annotated[
        bool, typer.Option("--curve", help="Train on 25/50/75/100% of the articles and print the F1 of each.")
    ] = False,
    epochs: Annotated[
        int | None, typer.Option(min=1, help="Passes over the training articles (default: 12, 4 articles an update).")
    ] = None,
    seed: Annotated[
        int, typer.Option(min=0, max=2**32 - 1, help="Seeds the held-out split and the training order.")
    ] = 0,
    base: Annotated[
        Path | None,
        typer.Option(
            "--base",
            help="Start from a pipeline folder `annotator train` wrote (default: the shipped one).",
            click_type=PathType(),
        ),
    ] = None,
    include_in_progress: Annotated[
        bool, typer.Option("--include-in-progress", help="Also learn from articles still in progress.")
    ] = False,
) -> None:
    """Fine-tune the suggestions' learned entity layer on the team's gold, holding a fifth of the articles out
    (round(n/5), at least one).

    Prints per-label P/R/F1 on the held-out articles before and after, and writes a pipeline folder for
    `annotator suggest --model FOLDER`. --curve trains on 25/50/75/100% instead and prints the F1 at each.

    Example: annotator train --out models/ours && annotator suggest --model models/ours
    """
    from datetime import UTC, datetime

    from annotator.cli.trained_from import evaluate_from
    from annotator.exchange.training import Source, train_curve, train_model
    from annotator.gold_stale import stale_gold, stale_line
    from annotator.reports.training import changed_line, curve_lines, report_lines, unchecked_line

    source = Source(annotator or GOLD, tuple(from_files or ()), include_in_progress)
    if annotator and from_files:
        raise fail("choose --annotator or --from, not both")
    if curve and out is not None:
        raise fail("--curve writes no pipeline: leave out --out")
    folder = out or Path("models") / datetime.now(UTC).strftime("trained-%Y%m%d-%H%M%S")
    changed = ""
    with reported_before_interrupts():  # from the pipeline's rename on, an interrupt waits for the report
        with errors_as_lines(db=db), progress_bar("Training") as progress:
            if from_files:
                report = (
                    train_curve(None, source, epochs=epochs, seed=seed, base=base, progress=progress, note=note)
                    if curve
                    else train_model(
                        None, source, folder, epochs=epochs, seed=seed, base=base, progress=progress, note=note,
                        numbered=out is None,
                    )
                )  # fmt: skip
            else:
                with open_store(db, read_only=True, intact=True) as store:
                    report = (
                        train_curve(store, source, epochs=epochs, seed=seed, base=base, progress=progress, note=note)
                        if curve
                        else train_model(
                            store, source, folder, epochs=epochs, seed=seed, base=base, progress=progress,
                            note=note, numbered=out is None,
                        )
                    )  # fmt: skip
                    if source.annotator == GOLD:  # an annotator's own work is learned as it is now
                        statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
                        taken = store.articles_annotated_by([GOLD], statuses)
                        stale = stale_gold(store, taken)
                        teams = dict.fromkeys(found.team for found in stale)
                        reviews = [command(db, "review", team) for team in teams]
                        changed = changed_line(len(stale), len(taken), stale_line(store, stale), reviews)
        unchecked = unchecked_line(report.unchanged)  # from files, their records say (`store.as_suggested`)
        if not curve:
            stored(f"the model is written to {report.out}")
        again = _curve_command(db, annotator, from_files or [], epochs, seed, base, include_in_progress)
        evaluate = evaluate_from(db, from_files, report.out) if from_files and report.out is not None else None
        for line in curve_lines(report) if curve else report_lines(report, db_option(db), again, annotator, evaluate):
            say(line)
        for line in (unchecked, changed):
            if line:
                note(line)


def _curve_command(
    db: Path, annotator: str | None, files: list[Path], epochs: int | None, seed: int, base: Path | None,
    include_in_progress: bool,
) -> str:  # fmt: skip
    """`annotator train --curve` with the options of this run but --out: it learns from what this run learned from
    (pasted bare, it trained on ./annotations.db's gold whatever this run read)."""
    options = [f" --from {shlex.quote(str(path))}" for path in files] or [db_option(db)]
    if annotator is not None:
        options.append(f" --annotator {shlex.quote(annotator)}")
    if include_in_progress:
        options.append(" --include-in-progress")
    if epochs is not None:
        options.append(f" --epochs {epochs}")
    if seed:
        options.append(f" --seed {seed}")
    if base is not None:
        options.append(f" --base {shlex.quote(str(base))}")
    return "annotator train --curve" + "".join(options)
