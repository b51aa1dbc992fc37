"""The general rules entities.v9 adds to entities.v8's layer, for the kinds of error left on news nobody tuned on:
participants in a generic or describing use marked ACTOR (precision), and places that are parties.

- a common-noun ACTOR that is a modifier of the noun after it is no participant: "the press | secretary", "a |
  court order", "the international military | intervention" (the component marked a piece of a longer phrase);
- an indefinite common noun that is the predicate of "be" describes, it is no participant: "he is a nice man",
  "this is a new government", "they were all crew" (the house conventions: a predicate describing someone is not
  marked);
- an indefinite common noun after "as" or "like" is a role or a comparison: "lived there as a legal resident",
  "joined as an observer", "sparkle like a child";
- a country after "with" or "against" is a party, an ACTOR ("spoke with Turkey", "sanctions against Russia"; not
  "the border with Mexico").

Each rule reads the tokens, the parse and general word lists only, naming no article's phrases; each was kept for
a gain on the second entity dev set (`tests/fixtures/gold/entities_dev2.jsonl`) with no loss on dev. spaCy is not
imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v8 import RULES as V8_RULES

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

#: Words opening an indefinite participant: one unnamed instance, or a whole kind ("all crew").
INDEFINITES = frozenset({"a", "an", "all"})
#: Prepositions whose object is a party, not a place ("talks with", "sanctions against"; "for" was tried: it is also
#: a place's, "bound for Jakarta", "a rally planned for North Carolina").
PARTY_PREPOSITIONS = frozenset({"with", "against"})
#: Nouns "with" a place after them that keep it a place ("the border with Mexico").
PLACE_RELATIONS = frozenset({"border", "borders", "frontier", "boundary"})


def _common(words: Span) -> bool:
    """A participant the sources made of common nouns: no name among its words."""
    return not any(t.pos_ == "PROPN" or t.is_upper or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in words)


def modifiers_are_no_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A common-noun ACTOR that modifies a noun right after it is a piece of that noun's phrase: "the press |
    secretary", "a | court order", "a new | judge-led inquiry". A possessor stays ("the court's decision"), and so does a participant in a coordination the parse hung on the
    noun ("according to police and county officials")."""
    out = []
    for span in spans:
        words = doc[span.start : span.end]
        root = words.root
        if (
            span.label is Label.ACTOR
            and _common(words)
            and root.dep_ in ("det", "compound", "amod", "nmod", "npadvmod")
            and root.head.i >= span.end
            and (root.head.pos_ in ("NOUN", "PROPN") or root.head.dep_ in ("amod", "compound"))
            and not any(t.dep_ in ("case", "conj", "cc") for t in root.children)
        ):
            continue
        out.append(span)
    return out


def predicates_are_no_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An indefinite common noun that is the predicate of "be" describes its subject: "he is a nice man", "they
    were all crew"; no ACTOR. After "what ... was" it names someone ("what I took for a police officer"), and after "there was" it brings someone
    in ("There was a woman, a season ticket holder")."""
    out = []
    for span in spans:
        words = doc[span.start : span.end]
        root = words.root
        if (
            span.label is Label.ACTOR
            and doc[span.start].lower_ in INDEFINITES
            and _common(words)
            and root.dep_ == "attr"
            and root.head.lemma_ == "be"
            and not any(t.dep_ == "expl" or (t.dep_ == "nsubj" and t.tag_ in ("WP", "WDT")) for t in root.head.children)
        ):
            continue
        out.append(span)
    return out


def roles_are_no_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An indefinite common noun after "as" or "like" is a role or a comparison: "as an observer", "like a child"."""
    out = []
    for span in spans:
        words = doc[span.start : span.end]
        root = words.root
        if (
            span.label is Label.ACTOR
            and doc[span.start].lower_ in INDEFINITES
            and _common(words)
            and root.dep_ == "pobj"
            and root.head.lower_ in ("as", "like")
        ):
            continue
        out.append(span)
    return out


def places_as_parties(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A country or city after "with" or "against" is a party to what is done: an ACTOR ("talks with Turkey",
    "sanctions against Russia", "aligned with Iran"; not "the border with Mexico")."""
    out = []
    for span in spans:
        root = doc[span.start : span.end].root
        if (
            span.label is Label.LOCATION
            and root.ent_type_ == "GPE"
            and root.dep_ == "pobj"
            and root.head.lower_ in PARTY_PREPOSITIONS
            and doc[span.start - 1].lower_ not in INDEFINITES
            and root.head.head.lower_ not in PLACE_RELATIONS
        ):
            span = Candidate(span.start, span.end, Label.ACTOR, "group", span.subject)
        out.append(span)
    return out


#: Every rule entities.v9 may run, by name (the dev sets chose which of them run: `V9_RULES`).
CANDIDATE_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [
    modifiers_are_no_participants,
    predicates_are_no_participants,
    roles_are_no_participants,
    places_as_parties,
]
#: entities.v9's own rules, in the order they run after entities.v8's.
V9_RULES = list(CANDIDATE_RULES)

RULES = [*V8_RULES, *V9_RULES]
