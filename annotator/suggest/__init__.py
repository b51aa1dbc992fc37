"""Model suggestions for ACTOR, LOCATION, FIGURE and QUOTE (with speakers), under versioned suggester names.

Importing this package does not import spaCy: the model is loaded by `load_pipeline` when suggestions are
wanted, and the rule modules only receive parsed docs.
"""

from annotator.suggest.loading import ModelNotFound, load_pipeline, suggesters_for_model, suggesters_of
from annotator.suggest.pipeline import (
    DEFAULT_SUGGESTERS,
    ENTITY_SUGGESTERS,
    QUOTE_SUGGESTERS,
    RULES_V1,
    Suggesters,
    builtin_suggesters,
    suggest_doc,
    suggest_texts,
)
from annotator.suggest.tokens import tokens_of

#: The suggester versions `ingest` and `suggest` record with the default pipeline (entities.v1 where an
#: installation lacks the shipped guide component).
SUGGESTER_NAMES: tuple[str, ...] = suggesters_for_model(None).names

__all__ = [
    "DEFAULT_SUGGESTERS",
    "ENTITY_SUGGESTERS",
    "QUOTE_SUGGESTERS",
    "RULES_V1",
    "SUGGESTER_NAMES",
    "ModelNotFound",
    "Suggesters",
    "builtin_suggesters",
    "load_pipeline",
    "suggest_doc",
    "suggest_texts",
    "suggesters_for_model",
    "suggesters_of",
    "tokens_of",
]
