"""A record of the model's suggestions (`export --suggestions`, `predict`), stored as suggestions by an import
(`exchange.importing`): never as anyone's annotation, never an older suggester version over a newer one."""

from __future__ import annotations

from annotator.exchange.files import Where
from annotator.models import Suggestion
from annotator.store import Store
from annotator.vocabulary import suggester_kind, suggester_version


def check_not_older(store: Store, article_id: str, suggestions: list[Suggestion], where: Where) -> None:
    """A batch becomes current only if its version is not older than the article's current one of its kind (by
    number: entities.v1 < entities.v3, whenever made). An older one is refused, not kept aside as not current: the
    store has no mark for that, and a batch made later reads as the newest to `suggest` and an older `merge`."""
    have = set(store.suggesters(article_id))
    for version in sorted({s.suggester for s in suggestions} - have):
        kind = suggester_kind(version)
        newest = max((v for v in have if suggester_kind(v) == kind), key=suggester_version, default=None)
        if newest is not None and suggester_version(newest) > suggester_version(version):
            raise where.error(
                f"suggester {version} is older than {newest}, whose suggestions this article has: an older version "
                "never replaces a newer one",
                "annotator",
            )


def store_suggestions(store: Store, article_id: str, suggestions: list[Suggestion]) -> int:
    """A record of the model's suggestions, stored as suggestions (never as an annotator's work): each suggester
    version the article lacks becomes its kind's current batch, replacing the undecided suggestions of that
    kind's other versions, as `annotator suggest` would; a version the article has already changes nothing. How
    many were stored."""
    have = set(store.suggesters(article_id))
    batches: dict[str, list[Suggestion]] = {}
    for suggestion in suggestions:
        batches.setdefault(suggestion.suggester, []).append(suggestion)
    stored = 0
    for version, batch in batches.items():
        if version in have:
            continue
        store.drop_undecided_suggestions(
            article_id, sorted(v for v in have if suggester_kind(v) == suggester_kind(version))
        )
        store.keep_suggestions(article_id, batch)
        stored += len(batch)
    return stored
