"""entities.v12: entities.v11's layer, then the rules of `suggest.general_v12`: the unmarked common-noun subject of a
verb of saying is an ACTOR ("the grid operator said"), and a headline's capitals are its case, not names ("Ferry strike
halts ..." -> no "Ferry"). entities.v11 stays as it was, so its stored suggestions can still be made again and
compared. spaCy is not imported here: the parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v5 import entity_candidates_v5
from annotator.suggest.general_v12 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V12 = "entities.v12"


def entity_candidates_v12(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v5(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, kept)
