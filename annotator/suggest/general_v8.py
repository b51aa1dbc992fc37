"""The general rules entities.v8 adds to entities.v7's layer, for kinds of error the issue names (titles kept in
person spans, places inside names split or mislabelled) that newcomers' own stories showed again. The people:

- a title of several words before a name stays out of the person's span: "Chief Executive Maria Fernandes" ->
  "Maria Fernandes" (entities.v3's whole names took "Executive" in, a capitalised word that is no title alone);
- two or three capitalised words after a title that nothing marks are a person ("Mayor Ines Costa"), and a given
  name between a title and a surname is part of the name ("Mayor Ana Costa" -> "Ana Costa", not "Costa");
- a descriptor in apposition to a person's name is not marked ("Boris Johnson, the current prime minister");
- a place noun opening a sentence stays in the participant it modifies ("City officials said");
- the house conventions' longer participants: a quantifier "of" them ("One of the men"), the people of a named
  organisation ("captured ISIS fighters"), a body a common noun possesses ("the prime minister's office"), members or
  relatives "of" an ACTOR ("members of the House of Representatives", "the family of Harry Dunn"), and a newspaper's
  "The" opening a sentence ("The New York Times reported").

The places are `suggest.places_v8`'s. Each rule reads the tokens, the parse and general word lists only, naming
no article's phrases. spaCy is not imported here: the parsed Doc is handed in.
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
    MEDIA_HEADS,
    MEMBER_NOUNS,
    OCCUPATION_TITLES,
    ORGANISATION_HEADS,
    ORGANISATION_PEOPLE,
    PLACE_NOUNS,
    POSSESSED_BODIES,
    TITLE_HEADS,
)
from annotator.suggest.names import DETERMINERS
from annotator.suggest.places_v8 import buildings, places_before_place_nouns, residents_of_places, small_model_places

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


def _sentence_first_place_noun(doc: Doc, index: int, span: Candidate) -> bool:
    """A common place noun capitalised only as a sentence's first word, modifying `span` right after it."""
    word = doc[index]
    return (
        bool(word.is_sent_start)
        and word.tag_ in ("NN", "NNS")
        and word.lower_ in PLACE_NOUNS
        and span.start <= word.head.i < span.end
    )


def place_nouns_on_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A place noun opening a sentence before a participant is part of it, not a place's name: "City officials
    said" -> ACTOR "City officials" (a place noun is a LOCATION only in a name: "Quezon City"); a LOCATION the
    sources made of that word alone goes into the ACTOR."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    taken = {i for s in ordered for i in range(s.start, s.end)}
    out: list[Candidate] = []
    for span in ordered:
        index = span.start - 1
        if span.label is Label.ACTOR and index >= 0 and _sentence_first_place_noun(doc, index, span):
            before = out[-1] if out else None
            alone = before is not None and (before.start, before.end) == (index, index + 1)
            if alone and before is not None and before.label is Label.LOCATION:
                out.pop()
                span = Candidate(index, span.end, span.label, span.kind)
            elif index not in taken:
                span = Candidate(index, span.end, span.label, span.kind)
        out.append(span)
    return out


def appositive_descriptors(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A common noun in apposition to a person's name is not marked ("Boris Johnson, the current prime minister";
    the house conventions: a descriptor of someone named is not marked separately)."""
    people = [s for s in spans if s.label is Label.ACTOR and doc[s.end - 1].ent_type_ == "PERSON"]
    out = []
    for span in spans:
        root = doc[span.start : span.end].root
        if (
            span.label is Label.ACTOR
            and root.pos_ == "NOUN"
            and root.dep_ == "appos"
            and root.i == span.end - 1
            and any(p.start <= root.head.i < p.end for p in people)
        ):
            continue
        out.append(span)
    return out


#: Quantifiers that take "of" a participant into its span: "One of the men", "most of the injured".
QUANTIFIERS = frozenset({"one", "some", "most", "many", "all", "several", "few", "both", "each", "none", "any"})
#: Determiners of a participant after a quantifier's "of".
OF_DETERMINERS = frozenset({"the", "these", "those", "their", "his", "her", "its", "our"})


def _taken(spans: list[Candidate]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def quantified_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A quantifier "of" a participant is part of it ("One of the men who held him", "most of the people"); not
    after a number or "but" ("all but one of the petitioners")."""
    taken = _taken(spans)
    out = []
    for span in spans:
        if (
            span.label is Label.ACTOR
            and span.start >= 2
            and doc[span.start - 1].lower_ == "of"
            and doc[span.start].lower_ in OF_DETERMINERS
        ):
            word = doc[span.start - 2]
            before = doc[word.i - 1] if word.i > 0 else None
            if (
                word.lower_ in QUANTIFIERS
                and word.i not in taken
                and not (before is not None and (before.like_num or before.lower_ == "but"))
            ):
                span = Candidate(word.i, span.end, span.label, span.kind, span.subject)
        out.append(span)
    return out


def newspapers_the(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A newspaper's "The" is part of its name, also opening a sentence ("The New York Times reported")."""
    out = []
    for span in spans:
        if (
            span.label is Label.ACTOR
            and span.start > 0
            and doc[span.start - 1].text == "The"
            and doc[span.end - 1].lower_ in MEDIA_HEADS
            and doc[span.start].is_title
        ):
            span = Candidate(span.start - 1, span.end, span.label, span.kind, span.subject)
        out.append(span)
    return out


def _people_of(doc: Doc, span: Candidate, taken: set[int]) -> bool:
    """A plural noun for an organisation's people right after its name, that the name modifies and no name follows."""
    if span.end >= len(doc) or span.end in taken:
        return False
    noun = doc[span.end]
    return (
        noun.lower_ in ORGANISATION_PEOPLE
        and noun.tag_ == "NNS"
        and noun.dep_ != "compound"
        and doc[span.end - 1].ent_type_ == "ORG"
        and doc[span.end - 1].head.i == span.end
        and not (span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "PROPN")
    )


def organisation_people(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An organisation's name with a plural noun for its people after it is one ACTOR, with the adjectives on the
    noun ("captured ISIS fighters", "ISIS detainees"); not a nationality ("Turkish soldiers"), nor a title before a
    name ("Labour Party leader Jeremy Corbyn")."""
    taken = _taken(spans)
    out = []
    for span in spans:
        if span.label is Label.ACTOR and doc[span.start].text[:1].isupper() and _people_of(doc, span, taken):
            start = span.start
            while (
                start > 0
                and start - 1 not in taken
                and doc[start - 1].dep_ == "amod"
                and doc[start - 1].head.i == span.end
                and doc[start - 1].is_lower
            ):
                start -= 1
            span = Candidate(start, span.end + 1, span.label, "group", span.subject)
        out.append(span)
    return out


def possessed_bodies(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A participant named by a common noun, possessing a body or its people, is one ACTOR with it ("the prime
    minister's office", "the man's family")."""
    taken = _taken(spans)
    out = []
    for span in spans:
        end = span.end
        if (
            span.label is Label.ACTOR
            and end + 1 < len(doc)
            and doc[end].text in ("'s", "’s")
            and doc[span.start].lower_ in ("the", "a")
            and doc[end - 1].is_lower
            and doc[end + 1].lower_ in POSSESSED_BODIES
            and end + 1 not in taken
        ):
            span = Candidate(span.start, end + 2, span.label, "group", span.subject)
        out.append(span)
    return out


def _member_noun(token: Token) -> bool:
    """A plural member or relative noun, or one after "the", that is no predicate or apposition ("a member of the
    family" describes someone; "members of the public" are participants)."""
    return (
        token.lower_ in MEMBER_NOUNS
        and token.is_lower
        and token.dep_ not in ("appos", "attr")
        and (token.tag_ == "NNS" or (token.i > 0 and token.nbor(-1).lower_ == "the"))
    )


def _whole_phrase(doc: Doc, span: Candidate) -> bool:
    """The span ends its noun phrase: no noun after it that it modifies ("the Shinawatra | family")."""
    return span.end >= len(doc) or doc[span.end - 1].head.i < span.end


def members_of(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Members or relatives "of" an ACTOR are one ACTOR with it, marked or not ("members of the House of
    Representatives", "friends of the victims", "the family of Harry Dunn")."""
    taken = _taken(spans)
    out: list[Candidate] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        last = out[-1] if out else None
        if span.label is Label.ACTOR and last is not None and last.label is Label.ACTOR:
            between = [t.lower_ for t in doc[last.end : span.start]]
            if _member_noun(doc[last.end - 1]) and between in (["of"], ["of", "the"]) and _whole_phrase(doc, span):
                out[-1] = Candidate(last.start, span.end, Label.ACTOR, "group", last.subject)
                continue
        of = span.start - 2 if span.start > 1 and doc[span.start - 1].lower_ == "the" else span.start - 1
        unmarked = of > 0 and doc[of].lower_ == "of" and of - 1 not in taken
        if span.label is Label.ACTOR and unmarked and _member_noun(doc[of - 1]) and _whole_phrase(doc, span):
            start = of - 2 if of > 1 and doc[of - 2].lower_ in DETERMINERS and of - 2 not in taken else of - 1
            span = Candidate(start, span.end, Label.ACTOR, "group", span.subject)
        out.append(span)
    return out


#: entities.v5's layer goes through these: entities.v7's rules, then v8's own (v7's streets run again after the
#: buildings, so that a street cut off a building's name is found; the small model's places last, where no span is).
RULES = [
    *V7_RULES,
    titles_off_names,
    given_names_after_titles,
    names_after_titles,
    appositive_descriptors,
    place_nouns_on_participants,
    quantified_participants,
    newspapers_the,
    organisation_people,
    possessed_bodies,
    members_of,
    places_before_place_nouns,
    residents_of_places,
    buildings,
    street_and_building_names,
    small_model_places,
]
