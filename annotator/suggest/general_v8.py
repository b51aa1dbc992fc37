"""The general rules entities.v8 adds to entities.v7's layer, for kinds of error the issue names (titles kept in
person spans, places inside names split or mislabelled) that newcomers' own stories showed again:

- a title of several words before a name stays out of the person's span: "Chief Executive Maria Fernandes" ->
  "Maria Fernandes" (entities.v3's whole names took "Executive" in, a capitalised word that is no title alone);
- a given name between a title and a surname is part of the name: "Mayor Ana Costa" -> "Ana Costa" (the small
  model read "Costa" alone as an organisation);
- names before a plural place noun are places each: "the Tondo and Malabon districts", "Marikina and Pasig cities"
  (the sources marked one of them, or made them ACTORs);
- a building's name after a preposition of place is a LOCATION with its "St." and its possessive: "taken to the
  Philippine General Hospital", "treated at St. Luke's Medical Center" (the guide: a hospital where someone is);
  a name that ran on over "on Taft Avenue" is cut there.

Each reads the tokens, the parse and general word lists only, naming no article's phrases. spaCy is not imported
here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v7 import RULES as V7_RULES
from annotator.suggest.general_v7 import street_and_building_names
from annotator.suggest.lexicon import (
    BODY_NOUNS,
    BUILDING_ENDINGS,
    GENERAL_TITLES,
    OCCUPATION_TITLES,
    ORGANISATION_HEADS,
    PLACE_NOUNS,
    PLURAL_PLACE_NOUNS,
    STREET_PREPOSITIONS,
    TITLE_HEADS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _title_word(token: Token) -> bool:
    word = token.lower_
    return word in GENERAL_TITLES or word in OCCUPATION_TITLES or word in TITLE_HEADS


def _capitalised_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def titles_off_names(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR ending in a person's name loses the title words at its start ("Chief Executive Maria Fernandes" ->
    "Maria Fernandes"); a capitalised word that is no title stays (a given name: "Superintendent Yolanda Yu")."""
    out = []
    for span in spans:
        start = span.start
        if span.label is Label.ACTOR and doc[span.end - 1].ent_type_ == "PERSON":
            while start < span.end - 1 and doc[start].ent_type_ != "PERSON" and _capitalised_word(doc[start]):
                if not _title_word(doc[start]):
                    break
                start += 1
        out.append(span if start == span.start else Candidate(start, span.end, span.label, "person"))
    return out


def given_names_after_titles(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR of one capitalised word takes in the capitalised words before it that the parse joins to it, when a
    title stands before them ("Mayor Ana | Costa" -> "Ana Costa"): a given name, not part of the title."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        start = span.start
        if span.label is Label.ACTOR and span.end - span.start == 1 and _capitalised_word(doc[span.start]):
            while (
                start > 1
                and start - 1 not in taken
                and doc[start - 1].pos_ == "PROPN"
                and _capitalised_word(doc[start - 1])
                and not _title_word(doc[start - 1])
                and doc[start - 1].head.i == span.start
            ):
                start -= 1
            if start == span.start or not _title_word(doc[start - 1]):
                start = span.start
        out.append(span if start == span.start else Candidate(start, span.end, Label.ACTOR, "person"))
    return out


def _person_words_after(doc: Doc, index: int, taken: set[int]) -> int:
    """The end of the unmarked capitalised proper nouns right after token `index` (a title), if they are a
    person's name: no title among them, and not ending in a word of a body's name ("Mayor Office")."""
    end = index + 1
    while (
        end < len(doc)
        and end not in taken
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].is_alpha
        and not _title_word(doc[end])
    ):
        end += 1
    if end - index - 1 not in (2, 3) or doc[end - 1].lower_ in BODY_NOUNS | ORGANISATION_HEADS | BUILDING_ENDINGS:
        return index + 1
    if end < len(doc) and doc[end].text[:1].isupper():
        return index + 1  # "Deputy Emergency Situations Minister": the words belong to a longer title or name
    return end


#: Title words that are also adjectives of names: "General Public License", "Grand Hotel".
ADJECTIVES = frozenset({"general", "grand", "supreme", "senior", "acting", "interim", "major", "home", "foreign"})


def names_after_titles(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Two or three capitalised words after a capitalised title, that no span marks, are a person's name: "Mayor
    Ines Costa visited" -> ACTOR "Ines Costa" (the small model took it for a product, and the rules then dropped
    the learned component's ACTOR)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for index, token in enumerate(doc):
        if index in taken or not token.is_title or token.lower_ not in GENERAL_TITLES or token.lower_ in ADJECTIVES:
            continue
        end = _person_words_after(doc, index, taken)
        if end > index + 1:
            added.append(Candidate(index + 1, end, Label.ACTOR, "person"))
            taken |= set(range(index + 1, end))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def _name_run_before(doc: Doc, end: int) -> int:
    """The start of the capitalised words ending at `end` (a place's name)."""
    start = end
    while start > 0 and _capitalised_word(doc[start - 1]) and not doc[start - 1].is_sent_start:
        start -= 1
    return start


def places_before_place_nouns(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Names joined by "and" (or commas) before a plural place noun are LOCATIONs each: "in the Tondo and Malabon
    districts" -> "Tondo", "Malabon". An ACTOR over exactly one of them becomes a LOCATION; one not marked is
    added; a span reaching past them is left as it is."""
    out = list(spans)
    for index, token in enumerate(doc):
        if token.lower_ not in PLURAL_PLACE_NOUNS or not token.is_lower:
            continue
        names: list[tuple[int, int]] = []
        end = index
        while end > 0:
            start = _name_run_before(doc, end)
            if start == end:
                break
            names.append((start, end))
            if start == 0 or doc[start - 1].lower_ not in ("and", ",", "or"):
                break
            end = start - 1
            if doc[end].text == "," or (end > 0 and doc[end - 1].text == ","):
                end = end - 1 if doc[end].text != "," else end
        if len(names) < 2:
            continue
        for start, end in names:
            over = [s for s in out if s.start < end and start < s.end]
            if not over:
                out.append(Candidate(start, end, Label.LOCATION, "other"))
            elif len(over) == 1 and (over[0].start, over[0].end) == (start, end) and over[0].label is Label.ACTOR:
                out = [Candidate(start, end, Label.LOCATION, "other") if s is over[0] else s for s in out]
    return sorted(out, key=lambda s: (s.start, s.end))


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
        _capitalised_word(doc[end]) or (end == start and saint) or (saint and doc[end].text in POSSESSIVES)
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
    return end + 1 < len(doc) and doc[end].lower_ in WHERE_WORDS and _capitalised_word(doc[end + 1])


def buildings(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """After a preposition of place (and "the"), a building's name is a LOCATION: ACTORs and LOCATIONs inside it
    give way to it, and one that runs on past it to where it stands is cut at its end ("the Philippine General
    Hospital on Taft Avenue" -> "Philippine General Hospital"; the street after it is v7's). A name that goes on
    otherwise is an organisation's ("Johns Hopkins Center for Systems Science") and is left alone."""
    out = list(spans)
    for index in range(1, len(doc)):
        if not _place_preposition(doc, index) or not (_capitalised_word(doc[index]) or doc[index].text in SAINTS):
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
    return sorted(out, key=lambda s: (s.start, s.end))


def place_nouns_on_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A place noun opening a sentence before a participant is part of it, not a place's name: "City officials
    said" -> ACTOR "City officials" (a place noun is a LOCATION only in a name: "Quezon City")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        index = span.start - 1
        if (
            span.label is Label.ACTOR
            and index >= 0
            and index not in taken
            and doc[index].is_sent_start
            and doc[index].tag_ in ("NN", "NNS")
            and doc[index].lower_ in PLACE_NOUNS
            and doc[index].head.i in range(span.start, span.end)
        ):
            span = Candidate(index, span.end, span.label, span.kind)
        out.append(span)
    return out


#: entities.v5's layer goes through these: entities.v7's rules, then v8's own (buildings before v7's streets run
#: again, so that a street cut off a building's name is found).
RULES = [
    *V7_RULES,
    titles_off_names,
    given_names_after_titles,
    names_after_titles,
    places_before_place_nouns,
    place_nouns_on_participants,
    buildings,
    street_and_building_names,
]
