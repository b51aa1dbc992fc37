"""Which articles `evaluate` leaves out because a pipeline learned them, and why, each reason counted apart
(a newcomer's finding: `evaluate --model` said "3 more left out: the pipeline learned from them, or the shipped
learned component it started from", one count for two reasons). An article is counted once, under the first
reason that holds: the `--model` pipeline learned it, else a pipeline named by `--unseen-by`, else the shipped
learned component (the suggestions scored read it, or the `--model` pipeline started from it)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from annotator.errors import AnnotatorError
from annotator.reports.learned import not_learned, same_pipeline
from annotator.reports.reference import Reference
from annotator.store import Reader
from annotator.vocabulary import content_hash


class LearnedLeftOut(BaseModel):
    """The articles left out as learned, by reason (`--json`'s `learned_left_out_by`; their sum is
    `learned_left_out`)."""

    model_config = ConfigDict(frozen=True)

    model: int = 0  # the --model pipeline learned them (its meta.json: its base's too)
    unseen_by: int = 0  # a pipeline named by --unseen-by learned them, not the one scored
    shipped: int = 0  # only the shipped learned component learned them (its learned.json)


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
    if not (model is not None or unseen_by or shipped):
        return ids, LearnedLeftOut(), 0, shipped
    same_pipeline(suggesters, model)
    from annotator.suggest.loading import learned_from, trained_meta
    from annotator.suggest.shipped import shipped_learned

    for folder in unseen_by:
        if trained_meta(folder) is None:
            raise AnnotatorError(f"--unseen-by {folder}: not a pipeline folder written by `annotator train`")
    models = [model, *unseen_by] if model else list(unseen_by)
    every, (ids, count) = ids, not_learned(store, ids, models, reference, shipped, keep=include_learned)
    learned = every if include_learned else [i for i in every if i not in set(ids)]

    def known(article_id: str, names: frozenset[str]) -> bool:
        return article_id in names or content_hash(store.article(article_id).text) in names

    by_model = learned_from(model) if model else frozenset()
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
        return ids, LearnedLeftOut(), count, shipped
    return ids, LearnedLeftOut(model=reasons[0], unseen_by=reasons[1], shipped=reasons[2]), 0, shipped


def left_out_lines(left_out: LearnedLeftOut, model: bool) -> list[str]:
    """A line for each reason articles were left out as learned (`model`: the suggestions scored are a --model
    pipeline's, which started from the shipped component)."""
    shipped = (
        "the shipped learned component the pipeline started from learned from them (its learned.json names them)"
        if model
        else "the shipped learned component (annotator/data/guide/), which the suggestions scored use, learned from "
        "them (its learned.json names them; --include-learned keeps them)"
    )
    reasons = [
        (left_out.model, "the pipeline learned from them (its meta.json names them)"),
        (left_out.unseen_by, "a pipeline named by --unseen-by learned from them (its meta.json names them)"),
        (left_out.shipped, shipped),
    ]
    return [f"  {count} more left out: {why}" for count, why in reasons if count]
