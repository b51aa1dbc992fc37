"""entities.v13: entities.v12's layer, then the rules of `suggest.general_v13`: a money figure keeps its multiplier
("£3m", not "£3"), a sports score is a FIGURE of its own, not part of a name ("Carlisle United 3-1" -> ACTOR + FIGURE),
and a capitalised common word opening a sentence is no ACTOR ("Count the ballots ..."). entities.v12 stays as it was,
so its stored suggestions can still be made again and compared. spaCy is not imported here: the parsed Doc is handed
in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v5 import entity_candidates_v5
from annotator.suggest.general_v13 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V13 = "entities.v13"


def entity_candidates_v13(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v5(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, kept)
