"""Model suggestions for ACTOR, LOCATION, FIGURE and QUOTE (with speakers), under versioned suggester names.

Importing this package does not import spaCy: the model is loaded by `load_pipeline` when suggestions are
wanted, and the rule modules only receive parsed docs.
"""

from annotator.suggest.entities import ENTITIES_SUGGESTER
from annotator.suggest.pipeline import ModelNotFound, load_pipeline, suggest_doc, suggest_texts
from annotator.suggest.quotes import QUOTES_SUGGESTER
from annotator.suggest.tokens import tokens_of

SUGGESTER_NAMES: tuple[str, ...] = (ENTITIES_SUGGESTER, QUOTES_SUGGESTER)

__all__ = ["SUGGESTER_NAMES", "ModelNotFound", "load_pipeline", "suggest_doc", "suggest_texts", "tokens_of"]
