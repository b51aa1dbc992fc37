"""Whose corrections `evaluate`'s table holds. An annotator whose work on the articles scored is only suggestions
`annotator accept` accepted, unchanged since, adds nothing to it (a command's accept is no person's check): named
with what is left out, not among those the table is by (trial s59 t19 F5: "by bob, root" over a table of bob's
alone, root's 11 accepts left out below it). One with no work there counted is not named either."""

from __future__ import annotations

from collections.abc import Mapping

from annotator.metrics.corrections import Corrections


def only_accepts(theirs: Corrections) -> bool:
    """Whether one annotator's telemetry holds nothing but `annotator accept`'s acceptances."""
    return bool(
        theirs.annotations
        and theirs.accepted_by_command
        and not theirs.rows
        and not theirs.annotations_imported
        and not any(theirs.added.values())
        and not any(theirs.imported.values())
    )


def by_a_person(telemetry: Corrections, each: Mapping[str, Corrections]) -> tuple[Corrections, dict[str, int]]:
    """The telemetry naming only the annotators whose work it holds, and those left out (their article
    annotations, each all `annotator accept`'s). With nobody's work counted, it names them all, as it says why."""
    left = {name: theirs.annotations for name, theirs in each.items() if only_accepts(theirs)}
    counted = [name for name, theirs in each.items() if theirs.annotations and name not in left]
    if not counted and not left:
        return telemetry, {}
    update = {"annotators": counted, "annotations": telemetry.annotations - sum(left.values())}
    return telemetry.model_copy(update=update), left


def left_out_line(by_command: int, left: Mapping[str, int]) -> str:
    """The one line saying what `annotator accept` accepted is left out, and whose work it was all of."""
    line = f"{by_command} suggestion(s) `annotator accept` accepted, unchanged since, are left out"
    if left:
        whose = " and ".join(f"{name}'s {n}" for name, n in left.items())
        line += f", and with them {whose} article annotation(s), which hold nothing else"
    return line + ": a command's accept is no person's check"
