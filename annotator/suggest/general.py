"""General span rules for entities.v3, applied to any source of entity spans (the learned component, the small
model's names): the guide's span conventions in plain English grammar, naming no article's phrases.

- edges: punctuation, white space and a possessive 's off a span, never across a line break; a leading
  article off a name unless it is part of it ("an e-mail to The New York Times");
- names and titles (`suggest.names`): a person's whole name; a title is not part of a name ("Commissioner
  Stephen Mold" -> "Stephen Mold"; "Society President Ash Soni" -> "Society", "Ash Soni"); a participant named
  by a common noun or a title keeps its determiner ("the captain", "the Supreme Leader"), a title alone is no
  ACTOR;
- other scripts: a span mostly in another script than Latin is a quoted original, not a mention;
- figures (`suggest.figures`): dates, times, ordinals, numbers in names ("Channel 13") and "one" as an article
  are none, a "one" counted with other numbers is one; a figure takes its qualifier ("at least 35", "nearly
  24", "as many as 32", "all 33", "~23", "a dozen", "half a million");
- roles: a place that is the active subject of a verb acts (ACTOR), a name after "in"/"at" is a place unless
  the small model names an organisation there;
- things (a time zone, a prize, a disease, "anti-X") are no ACTOR or LOCATION.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest import figures, names
from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import (
    AGENT_NOUNS,
    EXPERIENCER_VERBS,
    FACILITY_WORDS,
    GENERAL_TITLES,
    MEDIA_NOUNS,
    MODIFIER_PREFIXES,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PUBLISHING_VERBS,
    RESIDENT_NOUNS,
    THING_HEADS,
    TIME_ZONES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: The small model's type of an organisation's name: "a seat in the Senate", "sources within the party" name an
#: organisation, not a place (its PERSON names after "in" are most often foreign places: "in Ghazni").
AGENT_ENTS = frozenset({"ORG"})


def edges(doc: Doc, span: Candidate) -> Candidate | None:
    """The span without punctuation, white space or a possessive at its edges, cut at a line break; None
    if nothing is left."""
    start, end = span.start, span.end
    for index in range(start, end):
        if "\n" in doc[index].text:
            end = index
            break
    while start < end and (doc[start].is_punct or doc[start].is_space) and doc[start].text not in figures.KEPT_SIGNS:
        start += 1
    while end > start and (
        doc[end - 1].lower_ in POSSESSIVE
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != "%")
    ):
        end -= 1
    if (
        end - start > 1
        and span.label is not Label.FIGURE
        and doc[start].lower_ in ("the", "a", "an")
        and doc[start + 1].pos_ == "PROPN"
        and not names.part_of_name(doc[start])
    ):
        start += 1
    if (
        span.label is Label.LOCATION
        and end - start > 1
        and doc[end - 1].is_lower
        and doc[end - 1].lemma_ in PLACE_NOUNS
    ):
        end -= 1  # "Gaza city", "Kunar province": the proper-noun part is the place's name
    return Candidate(start, end, span.label, span.kind) if end > start else None


def other_script(doc: Doc, span: Candidate) -> bool:
    """Mostly letters of another script than Latin: a quoted original or a transliteration."""
    letters = [ch for ch in doc[span.start : span.end].text if ch.isalpha()]
    return bool(letters) and sum(ord(ch) > 0x24F for ch in letters) * 2 > len(letters)


def _subject_acts(root: Token) -> bool:
    """The subject (or a conjoined subject) of a verb other than be, have or a verb of undergoing."""
    if root.dep_ == "conj" and root.head.dep_ == "nsubj":
        root = root.head
    head = root.head
    return (
        root.dep_ == "nsubj"
        and head.pos_ in ("VERB", "AUX")
        and head.lemma_ not in ("be", "have")
        and head.lemma_ not in EXPERIENCER_VERBS
    )


def by_role(doc: Doc, span: Candidate) -> Candidate:
    """A place that acts is an ACTOR (the subject, or one of the joined subjects, of a verb other than be or
    have; the source in "according to"); a proper name after a locative preposition ("in", "at", "near", ...)
    or before a place noun ("Maidan Wardak province") is a LOCATION."""
    root = doc[span.start : span.end].root
    head = root.head
    if span.label is Label.LOCATION:
        source = root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"
        owner = (
            root.dep_ in ("poss", "appos") and head.lemma_.lower() in AGENT_NOUNS and head.lower_ not in GENERAL_TITLES
        )  # "Israel's forces" (the guide), "its ally, X"; not "Iran's Supreme Leader": a role's country is a place
        building = any(t.lower_ in FACILITY_WORDS for t in doc[span.start : span.end])  # a building does not act
        if (_subject_acts(root) and not building) or source or owner:
            return Candidate(span.start, span.end, Label.ACTOR, "group")
    elif span.label is Label.ACTOR and (
        root.ent_type_ in PLACE_ENTS or (root.pos_ == "PROPN" and root.ent_type_ not in AGENT_ENTS)
    ):
        where = root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS
        named_place = root.dep_ == "compound" and head.lemma_.lower() in PLACE_NOUNS
        whose = head.head.lower_ in GENERAL_TITLES or head.head.lemma_ in RESIDENT_NOUNS
        of_place = root.dep_ == "pobj" and head.lower_ == "of" and whose  # "the mayor of X", "people of X"
        if where or named_place or of_place:
            return Candidate(span.start, span.end, Label.LOCATION, "other")
    return span


def apply(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Every general rule, span by span, then the figures' qualifiers over the whole list."""
    out: list[Candidate] = []
    for span in spans:
        kept = edges(doc, span)
        if kept is None or other_script(doc, kept):
            continue
        if kept.label is Label.FIGURE and figures.not_a_figure(doc, kept):
            continue
        if kept.label is Label.ACTOR:
            kept = names.with_determiner(doc, kept)
            if kept is None:
                continue
        elif kept.label is Label.LOCATION and names.titles_only(doc, kept.start, kept.end):
            continue
        pieces = names.place_before_person(doc, kept)
        out.extend(pieces if pieces else names.split_titles(doc, by_role(doc, kept)))
    taken = {i for s in out for i in range(s.start, s.end)}
    return [figures.qualified(doc, s, taken - set(range(s.start, s.end))) for s in out]


#: The small model's entity types that are things, not participants or places: events, laws, works,
#: products (platforms, vessels), languages, times (time zones).
THING_ENTS = frozenset({"EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE", "TIME", "DATE"})


#: A name of a model or a strain: letters, then a hyphen and a number ("COVID-19", "SARS-CoV-2", "F-16"), or
#: letters and numbers in turn ("H5N1"): a disease, a virus, an aircraft or a product, not a participant.
MODEL_SHAPE = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*-[0-9]+[A-Za-z]*|[A-Z][0-9]+[A-Z][0-9]+")


#: A pronoun and a verb run together with an apostrophe the tokenizer did not split ("I‘m", "We’re").
CONTRACTION = re.compile(r"(?i)(?:i|we|you|they|he|she|it)['‘’`](?:m|re|ve|ll|d|s)")


def _platform(root: Token) -> bool:
    """A name used as a medium: "a YouTube video", "wrote on Instagram"."""
    head = root.head
    if root.dep_ == "compound" and head.lower_ in MEDIA_NOUNS:
        return True
    verb = head.head
    return root.dep_ == "pobj" and head.lower_ == "on" and verb.pos_ == "VERB" and verb.lemma_ in PUBLISHING_VERBS


def is_thing(doc: Doc, span: Candidate) -> bool:
    """An ACTOR or LOCATION that names a thing: the small model types it as one (its root's type, and no person,
    organisation or place type inside: "COVID-19" as an event, "Game of Life" as a work); a time zone ("UTC",
    "Central European Time"); a name headed by a thing noun ("the Nobel Prize"); a model's or a strain's name
    ("COVID-19"); a name made a modifier by a prefix ("anti-Brexit")."""
    if span.label is Label.FIGURE:
        return False
    tokens = doc[span.start : span.end]
    root = tokens.root
    if (
        tokens.text in TIME_ZONES
        or (len(tokens) > 1 and tokens[-1].text == "Time")
        or (root.lower_ in THING_HEADS and root.is_title and len(tokens) > 1)
        or MODEL_SHAPE.fullmatch(tokens.text)
        or tokens[1 if tokens[0].pos_ == "DET" else 0 :].text.lower().startswith(MODIFIER_PREFIXES)
        or _platform(root)
        or (root.dep_ == "oprd" and root.head.lemma_ in ("entitle", "title"))  # "an artwork entitled America"
        or (span.start > 0 and doc[span.start - 1].text == "#")  # a hashtag
        or CONTRACTION.fullmatch(tokens.text)
    ):
        return True
    types = {t.ent_type_ for t in tokens}
    named = types & {"PERSON", "ORG", "NORP", *PLACE_ENTS}
    return root.ent_type_ in THING_ENTS and not named and not names.names_a_body(root)  # "the ... Ministry"


def surname_people(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A one-word LOCATION that is the surname of a person named in full in the article is that person
    ("John Horton Conway ... Conway's death"): an ACTOR."""
    names = {
        doc[span.end - 1].lower_
        for span in spans
        if span.label is Label.ACTOR and doc[span.end - 1].ent_type_ == "PERSON" and span.end - span.start > 1
    }
    out = []
    for span in spans:
        if span.label is Label.LOCATION and span.end - span.start == 1 and doc[span.start].lower_ in names:
            span = Candidate(span.start, span.end, Label.ACTOR, "person")
        out.append(span)
    return out


def document_rules(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Rules over the combined layer: things are no ACTOR or LOCATION, a person's surname is the person, a title
    or description before a person's name is not marked."""
    kept = [span for span in spans if not is_thing(doc, span)]
    titled = [names.title_before_name(doc, span) for span in surname_people(doc, kept)]
    return [span for span in titled if span is not None]
