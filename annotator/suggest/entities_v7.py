"""entities.v7: entities.v5's layer through entities.v6's rules, with datelines read with their date, and then the
rules of `suggest.general_v7`: diseases, event words and words of radio talk are no participants, figures written
in pieces are one, a qualified fraction is a figure, and a street or a building after a preposition of place is a
location.
entities.v6 stays as it was, so its stored suggestions can still be made again and compared. spaCy is not imported
here: the parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import mark_subjects
from annotator.suggest.entities_v5 import entity_candidates_v5
from annotator.suggest.general_v7 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V7 = "entities.v7"


def entity_candidates_v7(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v5(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    return mark_subjects(doc, kept)
