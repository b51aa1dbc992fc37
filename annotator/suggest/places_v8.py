"""The place rules of entities.v8 (`suggest.general_v8` runs them): places the issue names as split or mislabelled,
as newcomers' own stories and the corpus outside test showed them.

- names before a place noun are places: "the Tondo and Malabon districts", "Marikina and Pasig cities", "the Alentejo
  region" (the sources made some of them ACTORs, or marked one of two);
- a building's name after a preposition of place is a LOCATION with its "St." and its possessive: "taken to the
  Philippine General Hospital", "treated at St. Luke's Medical Center" (the guide: a hospital where someone is); a
  name that ran on over "on Taft Avenue" is cut there;
- a name before a lower-case building noun ("the Policlinico Tor Vergata hospital") is a LOCATION without it, and
  a street named street word first ("on Via dell'Archeologia", "in Rua da Prata") is one;
- "residents of X": the residents an ACTOR, X a LOCATION (as "people of X" is);
- a name the small model gives as a place that is no country or city (seas, regions, parks: "in the Eastern
  Mediterranean", "into Northern Syria") is a LOCATION after a preposition of place where nothing else is (entities.v3
  took only its GPE names).

Each reads the tokens, the parse and general word lists only, naming no article's phrases. spaCy is not imported
here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest import general
from annotator.suggest.entities import Candidate
from annotator.suggest.entities_v3 import SMALL_KEY
from annotator.suggest.lexicon import (
    BUILDING_ENDINGS,
    ELIDED,
    PLACE_PREPOSITIONS,
    PLURAL_PLACE_NOUNS,
    RESIDENT_NOUNS,
    SINGULAR_PLACE_NOUNS,
    STREET_OPENERS,
    STREET_PREPOSITIONS,
)
from annotator.wordlists import PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def capitalised_word(token: Token) -> bool:
    """A word of letters starting with a capital: a word of a name."""
    return token.is_alpha and token.text[:1].isupper()


def ordered(spans: list[Candidate]) -> list[Candidate]:
    return sorted(spans, key=lambda s: (s.start, s.end))


def _name_run_before(doc: Doc, end: int) -> int:
    """The start of the capitalised words ending at `end` (a place's name)."""
    start = end
    while start > 0 and capitalised_word(doc[start - 1]) and not doc[start - 1].is_sent_start:
        start -= 1
    return start


def _names_before(doc: Doc, index: int) -> list[tuple[int, int]]:
    """The runs of capitalised words joined by "and", "or" or commas that end right before token `index`."""
    names: list[tuple[int, int]] = []
    end = index
    while end > 0:
        start = _name_run_before(doc, end)
        if start == end:
            break
        names.append((start, end))
        if start < 2 or doc[start - 1].lower_ not in ("and", ",", "or"):
            break
        end = start - 1
        if doc[end].lower_ in ("and", "or") and doc[end - 1].text == ",":
            end -= 1  # "Tondo, Malabon, and Navotas"
    return names


def _only(over: list[Candidate], start: int, end: int) -> bool:
    """One ACTOR over exactly these words."""
    return len(over) == 1 and (over[0].start, over[0].end) == (start, end) and over[0].label is Label.ACTOR


def places_before_place_nouns(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Names before a lower-case place noun are LOCATIONs: each of two or more before a plural ("in the Tondo and
    Malabon districts" -> "Tondo", "Malabon"), the one before a singular ("the Alentejo region"). An ACTOR over
    exactly one of them becomes a LOCATION; before a plural, one not marked is added; a span reaching past them is
    left as it is."""
    out = list(spans)
    for index, token in enumerate(doc):
        plural = token.lower_ in PLURAL_PLACE_NOUNS
        if not token.is_lower or not (plural or token.lower_ in SINGULAR_PLACE_NOUNS):
            continue
        names = _names_before(doc, index)
        if (plural and len(names) < 2) or (not plural and len(names) != 1):
            continue
        for start, end in names:
            over = [s for s in out if s.start < end and start < s.end]
            if not over and plural:
                out.append(Candidate(start, end, Label.LOCATION, "other"))
            elif _only(over, start, end) and doc[start].ent_type_ != "NORP":  # not "the Kurdish region"
                out = [Candidate(start, end, Label.LOCATION, "other") if s is over[0] else s for s in out]
    return ordered(out)


SAINTS = frozenset({"St.", "St", "Saint"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: Prepositions after which a building's name may go on to say where it stands: "... Hospital on Taft Avenue".
WHERE_WORDS = frozenset({"on", "in", "at", "near", "off"})


def _building_end(doc: Doc, start: int) -> int:
    """The end of a building's name from `start`: capitalised words (a possessive only in a saint's name, "St.
    Luke's Medical Center", not "London's Hyde Park") up to a word that ends a building's name; `start` if none."""
    saint = doc[start].text in SAINTS
    end = start
    while end < len(doc) and (
        capitalised_word(doc[end]) or (end == start and saint) or (saint and doc[end].text in POSSESSIVES)
    ):
        end += 1
    while end > start and doc[end - 1].lower_ not in BUILDING_ENDINGS:
        end -= 1
    return end if end - start > 1 else start


def _place_preposition(doc: Doc, index: int) -> bool:
    """A preposition of place (after which "the" may stand) before token `index`; not "according to"."""
    at = index - 2 if index > 1 and doc[index - 1].lower_ == "the" else index - 1
    return at >= 0 and doc[at].lower_ in STREET_PREPOSITIONS and not (at > 0 and doc[at - 1].lower_ == "according")


def _runs_on_to_a_place(doc: Doc, end: int) -> bool:
    """The words after a building's name say where it stands ("on Taft Avenue"), so a span over both is cut."""
    return end + 1 < len(doc) and doc[end].lower_ in WHERE_WORDS and capitalised_word(doc[end + 1])


def buildings(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """After a preposition of place (and "the"), a building's name is a LOCATION: ACTORs and LOCATIONs inside it
    give way to it, and one that runs on past it to where it stands is cut at its end ("the Philippine General
    Hospital on Taft Avenue" -> "Philippine General Hospital"; the street after it is v7's). A name that goes on
    otherwise is an organisation's ("Johns Hopkins Center for Systems Science") and is left alone."""
    out = list(spans)
    for index in range(1, len(doc)):
        if not _place_preposition(doc, index) or not (capitalised_word(doc[index]) or doc[index].text in SAINTS):
            continue
        end = _building_end(doc, index)
        if end == index or (end < len(doc) and doc[end].text in POSSESSIVES):
            continue
        over = [s for s in out if s.start < end and index < s.end]
        if any(s.label is Label.FIGURE or s.start < index - 1 for s in over):
            continue
        if any(s.end > end for s in over) and not _runs_on_to_a_place(doc, end):
            continue
        if end < len(doc) and doc[end].lower_ in ("of", "for") and not over:
            continue  # "the National Radio Hall of Fame": the name goes on
        out = [s for s in out if s not in over]
        out.append(Candidate(index, end, Label.LOCATION, "other"))
    return ordered(out)


def _generic_building(doc: Doc, start: int) -> int:
    """The end of capitalised words from `start` right before a lower-case building noun ("the Policlinico Tor
    Vergata | hospital"), or `start` if there are none."""
    end = start
    while end < len(doc) and capitalised_word(doc[end]):
        end += 1
    head = doc[end] if end < len(doc) else None
    if end == start or head is None or not head.is_lower or head.lower_ not in BUILDING_ENDINGS:
        return start
    return end


def named_buildings_with_generic_heads(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """After a preposition of place and "the", a name before a lower-case building noun is a LOCATION without it
    (the house conventions: "Masih-e-Daneshavari hospital", "Costa Sur power plant" -> the name): "taken to the
    Policlinico Tor Vergata hospital". An ACTOR over exactly the name becomes one; an unmarked name is added."""
    out = list(spans)
    for index in range(2, len(doc)):
        if doc[index - 1].lower_ != "the" or not _place_preposition(doc, index):
            continue
        end = _generic_building(doc, index)
        if end == index:
            continue
        over = [s for s in out if s.start < end and index < s.end]
        if not over:
            out.append(Candidate(index, end, Label.LOCATION, "other"))
        elif _only(over, index, end):
            out = [Candidate(index, end, Label.LOCATION, "other") if s is over[0] else s for s in out]
    return ordered(out)


def _foreign_street_end(doc: Doc, start: int) -> int:
    """The end of a street's name that opens with its street word ("Via dell'Archeologia", "Rua da Prata"): the
    word, particles, and capitalised words; `start` if the name has no capitalised word after the street word."""
    end = start + 1
    while end < len(doc) and (
        capitalised_word(doc[end]) or doc[end].lower_ in PARTICLES or _elided_particle(doc[end].lower_)
    ):
        end += 1
    while end > start + 1 and not capitalised_word(doc[end - 1]) and not _elided_particle(doc[end - 1].lower_):
        end -= 1
    return end if end > start + 1 else start


def _elided_particle(word: str) -> bool:
    """ "dell'Archeologia", "d'Italia": an elided particle glued to the word after it."""
    return any(word.startswith(p) and len(word) > len(p) + 1 and word[len(p)].isalpha() for p in ELIDED)


def foreign_streets(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A street named the way Italian, Portuguese, Spanish or French write it, street word first, after a preposition
    of place is a LOCATION where no span is: "on Via dell'Archeologia", "in Rua da Prata"."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for index in range(1, len(doc)):
        if doc[index].text not in STREET_OPENERS or not _place_preposition(doc, index):
            continue
        end = _foreign_street_end(doc, index)
        if end > index and not taken & set(range(index, end)):
            added.append(Candidate(index, end, Label.LOCATION, "other"))
            taken |= set(range(index, end))
    return ordered(spans + added)


def residents_of_places(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR "residents of X" (people, citizens, villagers ...) is the residents, and X a LOCATION, as "people of
    X" is everywhere else: "Residents of Serpa queued" -> "Residents" + "Serpa"."""
    out = []
    for span in spans:
        words = doc[span.start : span.end]
        ofs = [t for t in words if t.lower_ == "of"]
        if span.label is Label.ACTOR and len(ofs) == 1 and ofs[0].i + 1 < span.end:
            of = ofs[0]
            place = doc[of.i + 1 : span.end]
            if (
                of.head.lemma_.lower() in RESIDENT_NOUNS
                and all(t.pos_ == "PROPN" for t in place)
                and place.root.ent_type_ in ("GPE", "LOC", "")
            ):
                out.append(Candidate(span.start, of.i, Label.ACTOR, span.kind))
                out.append(Candidate(of.i + 1, span.end, Label.LOCATION, "other"))
                continue
        out.append(span)
    return out


#: Prepositions after which a name the small model gives as a place is where something is or goes.
INTO = PLACE_PREPOSITIONS | {"into", "toward", "towards", "off"}


def _where(doc: Doc, name: Span) -> bool:
    """A name of proper nouns (capitalised adjectives before them: "Eastern Mediterranean") after a preposition of
    place, that names no work or body ("the Law of the Sea", "The Atlantic" as a magazine, "Western District of")
    and modifies no noun after it."""
    at = name.start - 1
    if at >= 0 and doc[at].lower_ == "the":
        at -= 1
    words = [t for t in name if t.lower_ != "the"]
    return (
        at >= 0
        and doc[at].lower_ in INTO
        and bool(words)
        and all(t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.is_title) for t in words)
        and words[-1].pos_ == "PROPN"
        and name.root.dep_ not in ("compound", "amod", "nmod")
        and not (name.end < len(doc) and doc[name.end].lower_ == "of")
        and not (name[0].text == "The" and not name[0].is_sent_start)
        and not (name.start > 0 and doc[name.start - 1].text == "The" and not doc[name.start - 1].is_sent_start)
        and not any(doc[i].lower_ == "of" and doc[i - 1].is_title for i in range(max(1, name.start - 2), name.start))
    )


def small_model_places(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """The small model's LOC names (seas, regions, parks; entities.v3 took its GPE names only) after a preposition
    of place, through the general span rules, where no span is: "in the Eastern Mediterranean", "into Northern
    Syria", "in Forbury Gardens"."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for name in doc.spans.get(SMALL_KEY, doc.ents):
        if name.label_ != "LOC" or taken & set(range(name.start, name.end)) or not _where(doc, name):
            continue
        for place in general.apply(doc, [Candidate(name.start, name.end, Label.LOCATION, "other")]):
            if place.label is Label.LOCATION and not taken & set(range(place.start, place.end)):
                added.append(place)
                taken |= set(range(place.start, place.end))
    return ordered(spans + added)
