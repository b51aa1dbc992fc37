"""entities.v16: entities.v15's layer, then the rule of `suggest.general_v16`: a number with a multiplier or unit
glued inside its token is a FIGURE whole ("2.4bn", "38C", "100MW"). entities.v15 stays as it was, so its stored
suggestions can still be made again and compared. spaCy is not imported here: the parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v5 import entity_candidates_v5
from annotator.suggest.general_v16 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V16 = "entities.v16"


def entity_candidates_v16(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v5(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, sorted(kept, key=lambda c: (c.start, c.end)))
