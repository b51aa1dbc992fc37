"""The model's side of `annotator evaluate`: the suggester versions `--suggester` chooses by name (each stored or
built in, one a kind) and the labels they make, or without them the current suggestions; and their spans on the
articles scored, this release's versions run now (`--model`'s weights, if given), others read as stored.
`reports.evaluation` scores whichever side it is given, this or an annotator's spans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.exchange.records import model_name
from annotator.lookalike import python_quoted
from annotator.reports.stored_versions import elsewhere
from annotator.rows import SpanLike
from annotator.store import Reader, db_option
from annotator.store.current import suggester_order
from annotator.vocabulary import Label, suggester_labels

if TYPE_CHECKING:
    from spacy.language import Language

#: The predicted side's name when no suggestion was found; else `records.model_name` ("model:" and the versions).
MODEL = "model"


def chosen_labels(store: Reader, suggesters: Sequence[str] | None, annotator: str | None) -> set[Label]:
    """The labels scored: all of them, or those the chosen suggester versions make. Each must be stored, or
    be one of this release's suggesters (run now; a version it replaced is only read as stored); at most one
    version of a kind."""
    if not suggesters:
        return set(Label)
    if annotator is not None:
        raise AnnotatorError("choose --annotator or --suggester, not both")
    from annotator.suggest import builtin_suggesters
    from annotator.suggest.superseded import replacement

    known = sorted(set(store.suggesters()) | set(builtin_suggesters()), key=suggester_order)
    kinds: dict[str, str] = {}
    for name in suggesters:
        newer = replacement(name)
        if name not in known and newer is not None:
            raise AnnotatorError(f"no {name!r} suggestions stored, and this release runs {newer!r} in its place")
        if name not in known and "@" in name and name.split("@", 1)[0] in known:  # a trained pipeline's, not here
            raise AnnotatorError(
                f"no {name} suggestion is stored in this database: nothing to score; {elsewhere(name, 'the reference', db_option(store.path))}"
            )
        if name not in known:
            raise AnnotatorError(f"no suggester {python_quoted(name)} (stored or built in: {', '.join(known)})")
        kind = name.split(".", 1)[0]
        if kind in kinds:
            raise AnnotatorError(f"one suggester of a kind at a time: {kinds[kind]!r} and {name!r}")
        kinds[kind] = name
    return {label for name in suggesters for label in suggester_labels(name)}


def _run_now(
    store: Reader, ids: list[str], names: Sequence[str], model: str | None, nlp: Language | None = None
) -> tuple[dict[str, list[SpanLike]], list[str]]:
    """This release's suggesters `names` run on the articles now (nothing stored): per article id, their spans,
    and the names they are made under. A kind not named is filled with the pipeline's own version, whose spans
    are left out. A version the pipeline itself makes is named as the pipeline names it: a trained folder's
    "entities.v16@<hash>", not the shipped weights' "entities.v16". `nlp`: `model` loaded already."""
    from annotator.suggest import Suggesters, builtin_suggesters, load_pipeline, suggest_texts, suggesters_of
    from annotator.suggest.loading import named_for

    nlp = nlp or load_pipeline(model)
    own = suggesters_of(nlp)
    made = [named_for(own, name) for name in names]
    entities = next((n for n in made if builtin_suggesters().get(n.split("@", 1)[0]) == "entities"), own.entities)
    quotes = next((n for n in made if builtin_suggesters().get(n.split("@", 1)[0]) == "quotes"), own.quotes)
    texts = [store.article(article_id).text for article_id in ids]
    results = suggest_texts(texts, nlp, suggesters=Suggesters(entities, quotes))
    spans: dict[str, list[SpanLike]] = {
        article_id: [s for s in suggestions if s.suggester in made]
        for article_id, (_, suggestions) in zip(ids, results, strict=True)
    }
    return spans, made


def suggested_spans(
    store: Reader, ids: list[str], suggesters: Sequence[str] | None, model: str | None, nlp: Language | None = None
) -> tuple[list[list[SpanLike]], str, set[str]]:
    """The model's spans per article, its name, and the suggester versions in it: the current suggestions, or the
    chosen versions (this release's run now, others as stored; `nlp`: `model` loaded already)."""
    from annotator.suggest import builtin_suggesters

    chosen = list(suggesters or [])
    now = [name for name in chosen if name in builtin_suggesters()]
    computed, made = _run_now(store, ids, now, model, nlp) if now else ({}, [])
    spans: list[list[SpanLike]] = []
    used: set[str] = {name for name in chosen if name not in now} | set(made)
    for article_id in ids:
        if chosen:
            stored = [
                s for s in store.latest_suggestions(article_id) if s.suggester in chosen and s.suggester not in now
            ]
            found: list[SpanLike] = [*stored, *computed.get(article_id, [])]
        else:
            current = store.current_suggestions(article_id)
            used.update(s.suggester for s in current)
            found = list(current)
        spans.append(found)
    name = model_name(sorted(used)) if used else MODEL
    return spans, name + (" (run now)" if now else ""), used
