"""Which articles `evaluate` leaves out because a pipeline learned them, and why, each reason counted apart
(a newcomer's finding: `evaluate --model` said "3 more left out: the pipeline learned from them, or the shipped
learned component it started from", one count for two reasons). An article is counted once, under the first
reason that holds: the `--model` pipeline learned it (or, its suggestions read as stored, the pipeline that made
them: what `suggest --model` recorded, `store.pipelines`), else a pipeline named by `--unseen-by`, else the shipped
learned component (the suggestions scored read it, or the trained pipeline started from it). Stored suggestions of a
trained pipeline whose learning nothing recorded are refused without the folder or `--include-learned` (a
newcomer's finding: all 8 articles were scored, 6 of them learned, under one caution line)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from annotator.errors import AnnotatorError
from annotator.reports.learned import not_learned, same_pipeline
from annotator.reports.reference import Reference
from annotator.store import Reader
from annotator.store.pipelines import learned_by
from annotator.vocabulary import content_hash


class LearnedLeftOut(BaseModel):
    """The articles left out as learned, by reason (`--json`'s `learned_left_out_by`; their sum is
    `learned_left_out`)."""

    model_config = ConfigDict(frozen=True)

    model: int = 0  # the --model pipeline learned them (its meta.json: its base's too)
    unseen_by: int = 0  # a pipeline named by --unseen-by learned them, not the one scored
    shipped: int = 0  # only the shipped learned component learned them (its learned.json)
    #: The trained pipelines (hashes) whose suggestions, read as stored, are scored with what they learned recorded.
    recorded: tuple[str, ...] = Field(default=(), exclude=True)
    #: Those with nothing recorded, scored only with --include-learned (a caution says so).
    unknown: tuple[str, ...] = Field(default=(), exclude=True)


def stored_pipelines(store: Reader, ids: Sequence[str], names: Sequence[str]) -> list[str]:
    """The hashes of the trained pipelines whose stored suggestions are scored: of the versions named ("@<hash>"),
    or with none named, of the current suggestions on these articles."""
    if not names:
        by_article = store.current_suggesters_by_article()
        names = sorted({name for i in ids for name in by_article.get(i, ())})
    return sorted({name.split("@", 1)[1] for name in names if "@" in name})


def _not_recorded(store: Reader, pipelines: Sequence[str], names: Sequence[str]) -> AnnotatorError:
    """The refusal of stored suggestions whose pipeline's learning nothing recorded: the commands that work."""
    db = f" --db {shlex.quote(str(store.path))}" if store.path else ""
    others = " ".join(f"--suggester {name}" for name in names if "@" in name)  # not --against's built-in one
    return AnnotatorError(
        f"the suggestions of the pipeline @{pipelines[0]} are stored without which articles it learned from (stored "
        "by a release before 2026-12-05, or brought by merge or predict), and it scores too high on those: "
        f"`annotator suggest{db} --model FOLDER` records them (FOLDER: the folder `annotator train` wrote, whose "
        f"suggestions are named @{pipelines[0]}), then `annotator evaluate{db}{' ' + others if others else ''}` "
        f"leaves them out; or `annotator evaluate{db} --model FOLDER` runs it now; --include-learned scores them all"
    )


def leave_out_learned(
    store: Reader,
    ids: list[str],
    reference: Reference,
    model: str | None,
    unseen_by: Sequence[str],
    shipped: bool,
    include_learned: bool,
    suggesters: Sequence[str],
) -> tuple[list[str], LearnedLeftOut, int, bool]:
    """The articles to score, those left out as learned by reason, how many learned ones `include_learned` kept,
    and whether the shipped component's learning left out (or, kept, included) any (with --model: said only where
    it did)."""
    from annotator.suggest.loading import folder_hash, learned_from, trained_meta
    from annotator.suggest.shipped import shipped_learned

    pipelines = stored_pipelines(store, ids, suggesters) if model is None else []
    found = {pipeline: learned_by(store, pipeline) for pipeline in pipelines}
    given = {folder_hash(Path(folder)) for folder in unseen_by}  # a folder named by --unseen-by says it
    unknown = tuple(p for p, learned in found.items() if learned is None and p not in given)
    if unknown and not include_learned:
        raise _not_recorded(store, unknown, suggesters)
    recorded = frozenset().union(*(learned for learned in found.values() if learned))
    shipped = shipped or bool(recorded)  # a trained pipeline started from the shipped component
    mark = LearnedLeftOut(recorded=tuple(p for p, learned in found.items() if learned), unknown=unknown)
    if not (model is not None or unseen_by or shipped):
        return ids, mark, 0, shipped
    same_pipeline(suggesters, model)
    for folder in unseen_by:
        if trained_meta(folder) is None:
            raise AnnotatorError(f"--unseen-by {folder}: not a pipeline folder written by `annotator train`")
    models = _distinct([model, *unseen_by] if model else list(unseen_by))
    every, (ids, count) = ids, not_learned(store, ids, models, reference, shipped, include_learned, recorded)
    learned = every if include_learned else [i for i in every if i not in set(ids)]

    def known(article_id: str, names: frozenset[str]) -> bool:
        return article_id in names or content_hash(store.article(article_id).text) in names

    by_model = learned_from(model) if model else recorded
    by_unseen = frozenset().union(*(learned_from(m) for m in unseen_by))
    by_shipped = shipped_learned() if shipped else frozenset()
    reasons = [0, 0, 0]
    for article_id in learned:
        reason = next(
            (n for n, names in enumerate((by_model, by_unseen, by_shipped)) if known(article_id, names)), None
        )
        if reason is not None:
            reasons[reason] += 1
    if shipped and model is not None:  # said only where the folder's start learned some of those left out
        shipped = any(known(article_id, by_shipped) for article_id in learned)
    if include_learned:
        return ids, mark, count, shipped
    return (
        ids,
        mark.model_copy(update={"model": reasons[0], "unseen_by": reasons[1], "shipped": reasons[2]}),
        0,
        shipped,
    )


def _distinct(folders: list[str]) -> list[str]:
    """Each pipeline folder once, as first named: `--model models/ours --unseen-by models/ours/` named it twice in
    "the pipeline(s) at models/ours, models/ours"."""
    seen: dict[Path, str] = {}
    for folder in folders:
        seen.setdefault(Path(folder).resolve(), folder)
    return list(seen.values())


def left_out_lines(left_out: LearnedLeftOut, model: bool) -> list[str]:
    """A line for each reason articles were left out as learned (`model`: the suggestions scored are a --model
    pipeline's, which started from the shipped component)."""
    shipped = (
        "the shipped learned component the pipeline started from learned from them (its learned.json names them)"
        if model
        else "the shipped learned component (annotator/data/guide/), which the suggestions scored use, learned from "
        "them (its learned.json names them; --include-learned keeps them)"
    )
    made = ", ".join(f"@{pipeline}" for pipeline in left_out.recorded)
    reasons = [
        (
            left_out.model,
            f"the pipeline that made the suggestions {made} learned from them (`annotator suggest --model` recorded "
            "them from its meta.json; --include-learned keeps them)"
            if made
            else "the pipeline learned from them (its meta.json names them)",
        ),
        (left_out.unseen_by, "a pipeline named by --unseen-by learned from them (its meta.json names them)"),
        (left_out.shipped, shipped),
    ]
    return [f"  {count} more left out: {why}" for count, why in reasons if count]
