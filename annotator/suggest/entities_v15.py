"""entities.v15: entities.v14's layer, then the rules of `suggest.general_v15`, for names it typed as places: a
person's full name right after a place ("Mayor of London Sadiq Khan") and an organisation's name by its head word
("Burisma Holdings", "Port Authority") are ACTORs. entities.v14 stays as it was, so its stored suggestions can
still be made again and compared. spaCy is not imported here: the parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v5 import entity_candidates_v5
from annotator.suggest.general_v15 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V15 = "entities.v15"


def entity_candidates_v15(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v5(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, sorted(kept, key=lambda c: (c.start, c.end)))
