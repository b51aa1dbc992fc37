"""entities.v11: entities.v10's layer, then the rules of `suggest.general_v11`: a gazetteer of place names tells the
places inside ACTOR spans ("the EEZ of Cyprus", "Crete and Cyprus", "Gdańsk residents"). entities.v10 stays as it
was, so its stored suggestions can still be made again and compared. spaCy is not imported here: the parsed Doc is
handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v5 import entity_candidates_v5
from annotator.suggest.general_v11 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V11 = "entities.v11"


def entity_candidates_v11(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v5(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, kept)
