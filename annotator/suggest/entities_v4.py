"""entities.v4: entities.v3's layer through the general rules of `suggest.general_v4`, found on news the shipped
component never saw (the second entity dev set). entities.v3 stays as it was, so its stored suggestions can
still be made again and compared. spaCy is not imported here: the parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v3 import entity_candidates_v3
from annotator.suggest.general_v4 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V4 = "entities.v4"


def entity_candidates_v4(doc: Doc, min_confidence: float = 0.0) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`); the guide's
    spans under `min_confidence` are left out (entities.v5; entities.v4 takes them all)."""
    kept = entity_candidates_v3(doc, min_confidence)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, sorted(kept, key=lambda c: (c.start, c.end)))
