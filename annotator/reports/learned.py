"""`evaluate --model FOLDER` and `--unseen-by`: a trained pipeline is scored only on articles it did not learn
(its meta.json names them), and stored suggestions scored with --model must be that folder's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.reports.reference import Reference
from annotator.store import Reader
from annotator.vocabulary import content_hash


def same_pipeline(suggesters: Sequence[str], model: str | None) -> None:
    """A trained pipeline's stored suggestions scored with --model must be that folder's: what is left out is
    what --model's pipeline learned."""
    if model is None:
        return
    from annotator.suggest.loading import folder_hash, trained_meta

    stored = [name for name in suggesters if "@" in name]
    if stored and trained_meta(model) is None:
        raise AnnotatorError(
            f"{model} is not a folder `annotator train` wrote, and {stored[0]!r} is a trained pipeline's"
        )
    weights = folder_hash(Path(model)) if stored else ""
    for name in stored:
        if name.split("@", 1)[1] != weights:
            raise AnnotatorError(
                f"{name!r} was not made by the pipeline at {model} (its suggestions are named @{weights}): "
                "--model says whose training articles are left out"
            )


def not_learned(store: Reader, ids: list[str], models: list[str], reference: Reference) -> tuple[list[str], int]:
    """The reference's articles but those any of these pipelines learned from (their meta.json says which), and
    how many were left out: a model scores too high on its own training articles, and two pipelines compare only
    on articles neither learned (`--unseen-by`)."""
    from annotator.suggest.loading import learned_from

    known = frozenset().union(*(learned_from(model) for model in models))
    if not known:
        return ids, 0
    kept = [i for i in ids if i not in known and content_hash(store.article(i).text) not in known]
    if not kept:
        raise AnnotatorError(
            f"the pipeline(s) at {', '.join(models)} learned from all {len(ids)} article(s) {reference.name} has "
            f"{reference.articles_rule}: none is left to score on honestly (add gold they have not seen)"
        )
    return kept, len(ids) - len(kept)
