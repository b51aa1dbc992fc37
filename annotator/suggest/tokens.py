"""Token offsets from spaCy: the one way a parsed Doc becomes tokens, and the blank English tokenizer.

White-space tokens are not places a span may start or end, so they are left out everywhere.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from annotator.rows import Token

if TYPE_CHECKING:
    from spacy.tokens import Doc


def tokens_of(doc: Doc) -> list[Token]:
    """Token offsets of a parsed (or only tokenized) Doc; white-space tokens are not places to stop."""
    return [Token(start=t.idx, end=t.idx + len(t.text)) for t in doc if not t.is_space]


@lru_cache(maxsize=1)
def blank_english() -> Any:
    """spaCy's blank English pipeline, built once: building it takes about half a second."""
    import spacy

    return spacy.blank("en")


def tokenize(texts: list[str], nlp: Any = None) -> list[list[Token]]:
    """Token offsets without the statistical model: spaCy's English tokenizer alone is fast."""
    tokenizer = (nlp or blank_english()).tokenizer
    return [tokens_of(tokenizer(text)) for text in texts]
