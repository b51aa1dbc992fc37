"""`evaluate --model FOLDER --against NAME`: under --model, a version this release runs is run with the folder's
weights (`suggest.loading.named_for`), so "--against entities.v15" became the pipeline itself, entities.v15@<hash>,
and the report printed a gain of +0.000 "over entities.v15@<hash>" (a newcomer's finding). A comparison of a version
with itself is refused, naming the command that compares the pipeline with the shipped version instead."""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from annotator.errors import AnnotatorError
from annotator.reports.paired import kind


def own_versions(suggesters: Sequence[str] | None, model: str | None) -> Sequence[str] | None:
    """The versions scored: those named, or with --model and none named, the pipeline's own, run now (before
    --against is checked: `--model F --against entities.v14` compares them with that version on its weights)."""
    if model is None or suggesters:
        return suggesters
    from annotator.suggest.loading import suggesters_for_model

    return [name.split("@", 1)[0] for name in suggesters_for_model(model).names]


def as_run(name: str, model: str) -> str:
    """The name a version's suggestions get under --model: this release's guided versions carry the folder's hash."""
    from annotator.suggest import builtin_suggesters
    from annotator.suggest.loading import named_for, suggesters_for_model

    return named_for(suggesters_for_model(model), name) if name in builtin_suggesters() else name


def against_itself(suggesters: Sequence[str], against: str, model: str | None, db: str) -> None:
    """Refuse `--against` naming, under --model, the version scored as it is run (or stored), in one line with the
    command that compares the folder's pipeline with the shipped version: its stored suggestions against that version
    run now on the shipped weights, on the articles it did not learn (`--unseen-by` the folder)."""
    if model is None:
        return
    scored = next((name for name in suggesters if kind(name) == kind(against)), None)
    if scored is None or as_run(scored, model) != as_run(against, model):
        return
    made, shipped = as_run(scored, model), against.split("@", 1)[0]
    db, model = shlex.quote(db), shlex.quote(model)  # pasted whole, spaces and all
    raise AnnotatorError(
        f"--against {against} under --model {model} is {made}, the version scored (--model runs this release's "
        f"versions on the folder's weights): it would be compared with itself. To compare the pipeline with the "
        f"shipped {shipped}: `annotator evaluate --db {db} --suggester {made} --against {shipped} --unseen-by "
        f"{model}` (its suggestions as `annotator suggest --db {db} --model {model}` stored them, on the articles it "
        "did not learn)"
    )
