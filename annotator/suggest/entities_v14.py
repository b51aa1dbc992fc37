"""entities.v14: entities.v13's layer, then the rules of `suggest.general_v14`, for spans entities.v13 missed: a
person's name again after a line break or two spaces, an outlet's or a group's name with its capital "The" ("told
The Verge"), no ACTOR starting inside a hyphenated word, "four or more" and "only one" as figures. entities.v13
stays as it was, so its stored suggestions can still be made again and compared. spaCy is not imported here: the
parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v5 import entity_candidates_v5
from annotator.suggest.general_v14 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V14 = "entities.v14"


def entity_candidates_v14(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v5(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, sorted(kept, key=lambda c: (c.start, c.end)))
