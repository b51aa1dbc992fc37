"""A Label Studio task nobody annotated, which import leaves out and counts, with what names it: where it is and
its id (trial t4 F8: only counted; `exchange.unannotated_tasks` names them and the ingest that stores them)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.exchange.files import Where
from annotator.exchange.formats.common import Dropped


@dataclass(frozen=True)
class Unannotated(Dropped):
    """A task nobody annotated, left out and counted like any `Dropped`, and named: where it is, its id."""

    where: Where | None = None
    task: int | str | None = None
