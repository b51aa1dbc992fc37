"""`evaluate --model FOLDER` and `--unseen-by`: a trained pipeline is scored only on articles it did not learn
(its meta.json names them), and stored suggestions scored with --model must be that folder's. The shipped
suggesters (entities.v3 and later on the shipped learned component) likewise leave out the articles that component
learned from (`suggest.shipped`: the dev gold and GUM's Wikinews documents); `--include-learned` keeps them all,
said in a caution."""

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


def started_from_shipped(model: str) -> bool:
    """Whether a pipeline folder `annotator train` wrote: every one starts from the shipped learned component (or
    from a folder that did), so what that component learned flatters it too (newcomer trial 41n: the seed article,
    scored alone at 1.000)."""
    from annotator.suggest.loading import trained_meta

    return trained_meta(model) is not None


def uses_shipped(store: Reader, ids: Sequence[str], suggesters: Sequence[str] | None, model: str | None = None) -> bool:
    """Whether the model's suggestions scored on these articles come from the shipped learned component (with no
    --model): the current ones where an entity version of theirs reads it, or the versions named, this release's
    run now on the default pipeline (a quote version alone runs with the pipeline's own entity layer, whose ACTORs
    give its quotes their speakers); with --model, whether `annotator train` wrote that folder
    (`started_from_shipped`)."""
    if model is not None:
        return started_from_shipped(model)
    from annotator.suggest import builtin_suggesters
    from annotator.suggest.loading import suggesters_for_model
    from annotator.suggest.shipped import any_guided

    if not suggesters:
        return any(any_guided(s.suggester for s in store.current_suggestions(i)) for i in ids)
    built_in = builtin_suggesters()
    run_now = [name for name in suggesters if name in built_in]
    if run_now and not any(built_in[name] == "entities" for name in run_now):
        run_now.append(suggesters_for_model(None).entities)
    return any_guided([*suggesters, *run_now])


def not_learned(
    store: Reader,
    ids: list[str],
    models: list[str],
    reference: Reference,
    shipped: bool = False,
    keep: bool = False,
    recorded: frozenset[str] = frozenset(),
) -> tuple[list[str], int]:
    """The reference's articles but those any of these pipelines learned from (their meta.json says which, or,
    `shipped`, the shipped component's learned.json), and how many were left out: a model scores too high on its
    own training articles, and two pipelines compare only on articles neither learned (`--unseen-by`). `keep`
    (`--include-learned`): every article kept, the count those learned. `recorded`: what the pipeline of stored
    suggestions scored learned (`store.pipelines`)."""
    from annotator.suggest.loading import learned_from
    from annotator.suggest.shipped import SHIPPED_NAME, shipped_learned

    known = frozenset().union(recorded, *(learned_from(model) for model in models))
    if shipped:
        known |= shipped_learned()
    if not known:
        return ids, 0
    kept = [i for i in ids if i not in known and content_hash(store.article(i).text) not in known]
    if keep:
        return ids, len(ids) - len(kept)
    if not kept:
        whose = [f"the pipeline(s) at {', '.join(models)}"] if models else []
        whose += ["the pipeline that made the suggestions scored"] if recorded else []
        whose += [SHIPPED_NAME] if shipped else []
        raise AnnotatorError(
            f"{' and '.join(whose)} learned from all {len(ids)} article(s) {reference.name} has "
            f"{reference.articles_rule}: none is left to score on honestly (add gold "
            f"{'they have' if models or recorded else 'it has'} not seen, or --include-learned to score them anyway)"
        )
    return kept, len(ids) - len(kept)
