"""What an earlier command already did, told from the database, so that the notes of `ingest` and `import` on a
Label Studio export do not advise it again (re-trial t4r F8-v1: after the ingest the import's note advised, the
import named it still, and ingest's note named the import that had already run, sending the user back and forth).
Where the database cannot be read (not made yet, not ours), the advice is given as before."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.exchange.formats.labelstudio_ids import ANNOTATION_IDS
from annotator.exchange.labelstudio_tasks import AnnotationIds
from annotator.models import ArticleIn
from annotator.store import Store


def texts_stored(database: Path, articles: Iterable[ArticleIn]) -> bool:
    """Whether the database holds every one of these articles (its id, or its text): an ingest of them adds none."""
    articles = list(articles)
    try:
        if not articles or not database.is_file():
            return False
        with Store.open(database, read_only=True, create=False) as store:
            return all(store.has_article(article) is not None for article in articles)
    except (AnnotatorError, sqlite3.Error, OSError):
        return False


def annotations_imported(database: Path, answered: Iterable[tuple[ArticleIn, AnnotationIds]]) -> bool:
    """Whether the annotations of these tasks are imported: each task's article is stored and keeps every one of
    their ids in `labelstudio_annotation_ids`, as import records them (`kept_ids`); annotations without an id
    cannot be told imported."""
    answered = list(answered)
    try:
        if not answered or not database.is_file():
            return False
        with Store.open(database, read_only=True, create=False) as store:
            for article, ids in answered:
                if None in ids or (found := store.has_article(article)) is None:
                    return False
                kept = store.article(found).meta.get(ANNOTATION_IDS)
                if not isinstance(kept, dict) or not all(given in kept.values() for given in ids):
                    return False
            return True
    except (AnnotatorError, sqlite3.Error, OSError):
        return False


def imported_into(database: Path) -> Callable[[list[tuple[ArticleIn, AnnotationIds]]], str]:
    """For ingest's note (`TaskReading.imported`): the database's name when the tasks' annotations are imported
    there already, else "" (the note then names the import)."""
    return lambda answered: str(database) if annotations_imported(database, answered) else ""
