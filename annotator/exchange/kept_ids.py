"""The Label Studio annotation ids an import keeps in an article's meta (`labelstudio_ids.ANNOTATION_IDS`), per
annotator: on the articles it adds, and on those already stored (re-trial t4r F7-v1: an article ingested first,
or imported before, kept its meta as it was, and every id of the work put on it was lost without a word, though
they are what matches that work back to the server; F7-v2: a later export's new annotator's id likewise). An id
an article keeps for an annotator is never replaced: another one for them in the file is said, not kept."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from annotator.exchange.formats.labelstudio_ids import ANNOTATION_IDS
from annotator.store import Store

#: How many of the ids not kept the note names, the rest counted.
SHOWN = 5


@dataclass(frozen=True)
class IdNotKept:
    """An annotation id of the file not kept: the article keeps `kept` for that annotator (or, under the key, a
    value that is no ids by annotator: `kept` is then the whole value, `by_annotator` False)."""

    article_id: str
    annotator: str
    kept: Any
    given: int | str
    by_annotator: bool = True


def annotation_ids(answers: Iterable[tuple[str, str, int | str | None]]) -> dict[str, dict[str, int | str]]:
    """Of (article, annotator, annotation id) for each record imported, each article's annotators' ids, for the
    articles any record gave one."""
    kept: dict[str, dict[str, int | str]] = {}
    for article, annotator, given in answers:
        if given is not None:
            kept.setdefault(article, {})[annotator] = given
    return kept


def with_annotation_ids(
    article_id: str, meta: Mapping[str, Any], ids: Mapping[str, int | str], not_kept: list[IdNotKept]
) -> dict[str, Any]:
    """The article's meta with the annotators' ids it has none for added; the others are put in `not_kept`."""
    if not ids:
        return dict(meta)
    stored = meta.get(ANNOTATION_IDS, {})
    if not isinstance(stored, dict):  # a key of the article's own (a data field so named): left as it is
        not_kept += [IdNotKept(article_id, who, stored, given, by_annotator=False) for who, given in ids.items()]
        return dict(meta)
    not_kept += [
        IdNotKept(article_id, who, stored[who], given, True) for who, given in ids.items() if _other(stored, who, given)
    ]
    return {**meta, ANNOTATION_IDS: {**stored, **{who: given for who, given in ids.items() if who not in stored}}}


def keep_on_stored(
    store: Store,
    answered: Mapping[str, Mapping[str, int | str]],
    added: Collection[str],
    left: Collection[tuple[str, str]],
) -> list[IdNotKept]:
    """Add the ids of the work an import put on articles already stored (not those it `added`, which have theirs;
    nor of `left`: (article, annotator) whose record was not imported, in conflict with the stored work) to their
    meta, in the import's transaction (the caller holds it); the ids not kept."""
    not_kept: list[IdNotKept] = []
    for article_id, ids in answered.items():
        if article_id in added:
            continue
        imported = {who: given for who, given in ids.items() if (article_id, who) not in left}
        meta = store.article(article_id).meta
        if (merged := with_annotation_ids(article_id, meta, imported, not_kept)) != meta:
            store.set_article_meta(article_id, merged)
    return not_kept


def not_kept_note(not_kept: list[IdNotKept]) -> str:
    """The note naming the file's annotation ids not kept, the article keeping another for the annotator; "" for
    none."""
    if not not_kept:
        return ""
    named = ", ".join(map(_said, not_kept[:SHOWN])) + (
        f" and {len(not_kept) - SHOWN} more" if len(not_kept) > SHOWN else ""
    )
    return (
        f"note: {len(not_kept)} annotation id(s) of the file not kept in {ANNOTATION_IDS}, the article keeping "
        f"another for the same annotator: {named}"
    )


def _other(stored: Mapping[str, Any], annotator: str, given: int | str) -> bool:
    return annotator in stored and stored[annotator] != given


def _said(one: IdNotKept) -> str:
    given = json.dumps(one.given, ensure_ascii=False)
    if not one.by_annotator:
        return f"{one.article_id} keeps its own {ANNOTATION_IDS} (not ids by annotator; the file's {one.annotator} {given})"
    return f"{one.article_id} {one.annotator} keeps {json.dumps(one.kept, ensure_ascii=False)} (the file's {given})"
