"""The general rules entities.v11 adds to entities.v10's layer: a gazetteer of place names (countries, continents, US
states and counties, cities of 15,000 people or more: GeoNames data, `annotator/data/places/`) tells where an ACTOR
span holds a place that the guide marks as a LOCATION of its own ("Places as places"):

- "X of <place>": the place is the LOCATION and X is left out, where X names no institution or polity ("the EEZ of
  Cyprus" -> "Cyprus"), or is a title with the person's name after a comma ("the Archbishop of Gdańsk, Jan Nowak" ->
  "Gdańsk", the person marked by their name); not "the Bank of Japan", "the State of Palestine" (the whole name
  acts: `lexicon.INSTITUTION_HEADS`, BODY_HEADS, ORGANISATION_HEADS, GOVERNMENTS), not a title with no name after it
  ("met the Archbishop of Canterbury": the title names the person), not a whole name of the gazetteer;
- "<name> and <name>", one of them a known place: two LOCATIONs ("between Crete and Cyprus"), not a whole name of
  the gazetteer ("Trinidad and Tobago"), not a subject (places that act are ACTORs, the guide's metonymy);
- "<place> residents" (a noun for the people of a place, `lexicon.RESIDENT_NOUNS`): the place a LOCATION, the
  people the ACTOR ("Gdańsk residents").

None of them applies to a span that acts (`entities._acts`: the subject of an active verb, ...). The gazetteer alone
adds no span: every known place after a preposition of place was already marked on the dev sets. spaCy is not
imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate, _acts
from annotator.suggest.general_v10 import RULES as V10_RULES
from annotator.suggest.lexicon import BODY_HEADS, GOVERNMENTS, INSTITUTION_HEADS, ORGANISATION_HEADS, RESIDENT_NOUNS
from annotator.suggest.places_v8 import capitalised_word
from annotator.wordlists import BODY_NOUNS, TITLE_HEADS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Heads of "X of <place>" whose whole name is the ACTOR.
_WHOLE_NAME_HEADS = frozenset(
    w.lower() for w in BODY_NOUNS | BODY_HEADS | ORGANISATION_HEADS | GOVERNMENTS | INSTITUTION_HEADS
)


@cache
def place_names() -> frozenset[str]:
    """The gazetteer: one place name a line of `annotator/data/places/places.txt`, as written (case kept)."""
    text = files("annotator").joinpath("data", "places", "places.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line)


def known_place(doc: Doc, start: int, end: int) -> bool:
    """The words start..end, without a leading "the", are a place name of the gazetteer (which writes some with
    theirs: "The Netherlands", "The Hague")."""
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    name = doc[start:end].text
    names = place_names()
    return name in names or f"The {name}" in names


def _acting(doc: Doc, span: Candidate) -> bool:
    return _acts(doc[span.start : span.end].root)


def _place_after_of(doc: Doc, span: Candidate, following: Candidate | None) -> int | None:
    """Where the place of "X of <place>" starts in an ACTOR span, if the place is to be its own LOCATION."""
    of = next((i for i in range(span.start + 1, span.end - 1) if doc[i].lower_ == "of"), None)
    if of is None:
        return None
    place = of + 2 if doc[of + 1].lower_ == "the" and of + 2 < span.end else of + 1
    head = doc[of - 1]
    if not known_place(doc, place, span.end) or head.lower_ in _WHOLE_NAME_HEADS:
        return None
    if known_place(doc, span.start, span.end):
        return None
    if head.text in TITLES or head.text in TITLE_HEADS:
        after = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else None
        if following is None or following.label is not Label.ACTOR or following.start != after:
            return None  # a title with no name after it names the person
    return place


def places_of(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR "X of <place>" becomes the place's LOCATION (see above)."""
    out = []
    for index, span in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        place = None if span.label is not Label.ACTOR or _acting(doc, span) else _place_after_of(doc, span, following)
        out.append(span if place is None else Candidate(place, span.end, Label.LOCATION, "other"))
    return out


def _two_places(doc: Doc, span: Candidate) -> list[tuple[int, int]] | None:
    """The two names of an ACTOR "<name> and <name>" that are places: one of them known, neither a subject."""
    words = doc[span.start : span.end]
    ands = [t.i for t in words if t.lower_ == "and"]
    if len(ands) != 1 or words.root.dep_ in ("nsubj", "nsubjpass") or _acting(doc, span):
        return None
    if not all(capitalised_word(t) or t.lower_ == "and" for t in words) or known_place(doc, span.start, span.end):
        return None
    parts = [(span.start, ands[0]), (ands[0] + 1, span.end)]
    if any(end <= start for start, end in parts) or not any(known_place(doc, *part) for part in parts):
        return None
    return parts


def coordinated_places(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR "<name> and <name>", one a known place, becomes two LOCATIONs (see above)."""
    out = []
    for span in spans:
        parts = _two_places(doc, span) if span.label is Label.ACTOR else None
        if parts is None:
            out.append(span)
        else:
            out.extend(Candidate(start, end, Label.LOCATION, "other") for start, end in parts)
    return out


def place_residents(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR "<place> residents" becomes the place's LOCATION and the people's ACTOR (see above)."""
    out = []
    for span in spans:
        start = span.start + 1 if doc[span.start].lower_ == "the" else span.start
        people = span.end - 1
        if (
            span.label is Label.ACTOR
            and people - start >= 1
            and doc[people].lemma_.lower() in RESIDENT_NOUNS
            and known_place(doc, start, people)
        ):
            out.append(Candidate(start, people, Label.LOCATION, "other"))
            out.append(Candidate(people, span.end, Label.ACTOR, span.kind, span.subject))
        else:
            out.append(span)
    return out


#: Every rule entities.v11 may run (the dev sets chose which of them run: `V11_RULES`).
CANDIDATE_RULES = [places_of, coordinated_places, place_residents]
#: entities.v11's own rules, in the order they run after entities.v10's.
V11_RULES = list(CANDIDATE_RULES)

RULES = [*V10_RULES, *V11_RULES]
