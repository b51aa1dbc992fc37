"""The general rules entities.v15 adds to entities.v14's layer, for names it typed as places:

- a person's full name right after a place name is the person, not a place: in "Mayor of London Sadiq Khan",
  "President of France Emmanuel Macron", "then-governor of Alaska Sarah Palin" the name is the object of "of" in
  the parse, so the rule that makes "the mayor of X" a place (`general.by_role`) took the person for X. A name of
  two or more proper nouns that the small model types PERSON, written right after a place it types GPE or LOC,
  and that the gazetteer does not know as a place, is an ACTOR;
- a name whose last word is the head of an organisation's name ("Burisma Holdings", "Port Authority",
  "Metropolitan Police", "Make-A-Wish Foundation") is an ACTOR wherever it stands: companies, forces, councils
  and agencies act, even after "in" or "into"; "Air" ends an airline's name only where the small model types the
  name an organisation and no "the" comes before it ("Mahan Air"; "the Flyboard Air" is a machine).

Each rule reads the tokens, the small model's types and general word lists, naming no article's phrases. spaCy is
not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.general_v11 import known_place
from annotator.suggest.general_v14 import RULES as V14_RULES
from annotator.suggest.lexicon import ORGANISATION_NAME_ENDINGS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

    from annotator.suggest.entities import Candidate

#: The small model's types of a place written before a person's name ("of London Sadiq Khan").
PLACE_TYPES = frozenset({"GPE", "LOC"})


def _person_after_place(doc: Doc, span: Candidate) -> bool:
    words = doc[span.start : span.end]
    before = span.start - 1
    return (
        span.end - span.start >= 2
        and all(t.pos_ == "PROPN" for t in words)
        and words.root.ent_type_ == "PERSON"
        and before >= 0
        and doc[before].ent_type_ in PLACE_TYPES
        and bool(doc[before].whitespace_)
        and not known_place(doc, span.start, span.end)
    )


def people_after_places(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A LOCATION that is a person's full name right after a place name is that person (an ACTOR)."""
    return [
        replace(s, label=Label.ACTOR, kind="person") if s.label is Label.LOCATION and _person_after_place(doc, s) else s
        for s in spans
    ]


def _organisation_name(doc: Doc, span: Candidate) -> bool:
    last = doc[span.end - 1]
    if span.end - span.start < 2 or not all(t.text[:1].isupper() or not t.is_alpha for t in doc[span.start : span.end]):
        return False
    airline = (
        last.text == "Air" and last.ent_type_ == "ORG" and not (span.start and doc[span.start - 1].lower_ == "the")
    )
    return last.text in ORGANISATION_NAME_ENDINGS or airline


def organisations_by_name(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A LOCATION whose name ends in an organisation's head word is that organisation (an ACTOR)."""
    return [
        replace(s, label=Label.ACTOR, kind="group") if s.label is Label.LOCATION and _organisation_name(doc, s) else s
        for s in spans
    ]


V15_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [people_after_places, organisations_by_name]
RULES = [*V14_RULES, *V15_RULES]
