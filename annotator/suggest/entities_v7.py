"""entities.v7: entities.v6's layer through the rules of `suggest.general_v7`: diseases, event words and words of
radio talk are no participants, figures written in pieces are one, and a qualified fraction is a figure.
entities.v6 stays as it was, so its stored suggestions can still be made again and compared. spaCy is not imported
here: the parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities_v6 import entity_candidates_v6
from annotator.suggest.general_v7 import RULES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

ENTITIES_V7 = "entities.v7"


def entity_candidates_v7(doc: Doc) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`)."""
    kept = entity_candidates_v6(doc)
    for rule in RULES:
        kept = rule(doc, kept)
    for candidate in kept:
        root = doc[candidate.start : candidate.end].root
        candidate.subject = root.dep_ == "nsubj" or (root.dep_ == "appos" and root.head.dep_ == "nsubj")
    return kept
