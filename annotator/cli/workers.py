"""--workers, wherever it is given (ingest, suggest, predict): at most one per core.

The work is CPU-bound and each worker loads spaCy's pipeline, so a worker beyond the cores only adds memory and
switching: more are cut to one per core, said in a note, not refused, since the results are the same with any
number and a script written for a larger machine still runs (trial 39a: `--workers 100000` was taken silently).
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from annotator.cli.common import note

PER_CORE = "at most one per core: more are cut to that, with a note"


def cores() -> int:
    """The cores this process may run on: its CPU affinity (a container's or taskset's share), not the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - no affinity outside Linux
        return os.cpu_count() or 1


def one_per_core(value: int | None) -> int | None:
    """--workers as given, or one per core when it asks for more (said in a note)."""
    usable = cores()
    if value is None or value <= usable:
        return value
    note(f"--workers {value}: more workers than cores do not help; using {usable}, one per core")
    return usable


WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers",
        min=1,
        callback=one_per_core,
        help=f"Processes that parse and suggest (spaCy's pipeline in each); same results with any; {PER_CORE}.",
    ),
]
