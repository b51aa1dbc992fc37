"""`suggest --model FOLDER` and `ingest --model FOLDER` record, beside the suggestions they store, which articles the
folder's pipeline learned from (`annotator.store.pipelines`), so `evaluate` leaves them out of a score of those
stored suggestions without being given the folder."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.store.pipelines import record_learned


def record_pipeline(store: Store, model: str | None) -> None:
    """Record what a folder `annotator train` wrote learned from, under its pipeline's hash; nothing for another
    pipeline (the shipped one, an installed one, one `spacy train` made: what it learned is not known)."""
    from annotator.suggest.loading import folder_hash, learned_from, trained_meta

    if model is None or trained_meta(model) is None:
        return
    record_learned(store, folder_hash(Path(model)), learned_from(model))
