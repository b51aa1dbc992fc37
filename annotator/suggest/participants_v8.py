"""The participants of entities.v8 (`suggest.general_v8` runs these rules): the house conventions' longer
participants and names the sources leave out.

- a quantifier "of" a participant is part of it ("One of the men"), and so are an organisation's people ("captured
  ISIS fighters"), a body a common noun possesses ("the prime minister's office"), and members or relatives "of" an
  ACTOR ("members of the House of Representatives", "the family of Harry Dunn");
- a body named after its leader ("the Trump administration") and an adjective opening a sentence ("Armed
  plainclothes officers") are part of the participant;
- a newspaper's "The" opening a sentence is part of its name ("The New York Times reported");
- where a place name opens a participant ("US troops", "Northamptonshire police") the learned component's ACTOR
  over both lost to the small model's place: the rest of it is the ACTOR (the house conventions: "Cheltenham man"
  -> "Cheltenham" + "man");
- "the Queen", "the President": a capitalised title after "the" with no name after it is the person;
- a party's plural name with the capitalised words before it ("The Christian Democrats" -> "Christian Democrats");
- an acronym in brackets after a name is that name's ACTOR or LOCATION, and so is each later mention of it
  ("the World Health Organization (WHO) ... According to the WHO").

Each reads the tokens, the parse and general word lists only, naming no article's phrases. spaCy is not imported
here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.entities_v3 import SMALL_KEY, guide_candidates
from annotator.suggest.entities_v5 import MIN_CONFIDENCE
from annotator.suggest.lexicon import (
    GENERAL_TITLES,
    GOVERNMENTS,
    MEDIA_HEADS,
    MEMBER_NOUNS,
    ORGANISATION_PEOPLE,
    PARTY_PLURALS,
    POSSESSED_BODIES,
    ROYAL_TITLES,
)
from annotator.suggest.names import DETERMINERS, part_of_name
from annotator.suggest.places_v8 import ordered as _ordered

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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


def _rest_of_participant(doc: Doc, guide: Candidate, place_end: int, taken: set[int]) -> bool:
    """The words of the component's ACTOR after the place that opens it are unmarked and end in its noun."""
    root = doc[guide.start : guide.end].root
    return (
        not taken & set(range(place_end, guide.end))
        and root.i >= place_end
        and doc[place_end].pos_ in ("NOUN", "ADJ")
        and doc[guide.end - 1].pos_ == "NOUN"
    )


def participants_after_places(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Where the learned component marked a place and the participant after it as one ACTOR ("US troops") and the
    small model's place won, the rest is the ACTOR: LOCATION "US" + ACTOR "troops"."""
    taken = _taken(spans)
    places = {(s.start, s.end) for s in spans if s.label is Label.LOCATION}
    added = []
    for guide in guide_candidates(doc, MIN_CONFIDENCE):
        if guide.label is not Label.ACTOR:
            continue
        for start, end in places:
            if start == guide.start and end < guide.end and _rest_of_participant(doc, guide, end, taken):
                added.append(Candidate(end, guide.end, Label.ACTOR, "group"))
                taken |= set(range(end, guide.end))
    return _ordered(spans + added)


def titles_standing_for_people(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """ "the Queen", "The President": "the" and a capitalised title of one person, no name or "of" after it, is
    the person (the house conventions keep a title's determiner: "the Supreme Leader")."""
    taken = _taken(spans)
    added = []
    for index in range(1, len(doc)):
        word, after = doc[index], doc[index + 1] if index + 1 < len(doc) else None
        if (
            doc[index - 1].lower_ == "the"
            and word.text[:1].isupper()
            and word.lower_ in ROYAL_TITLES
            and not taken & {index - 1, index}
            and not (after is not None and (after.text[:1].isupper() or after.lower_ == "of"))
        ):
            added.append(Candidate(index - 1, index + 1, Label.ACTOR, "person"))
            taken |= {index - 1, index}
    return _ordered(spans + added)


def _acronym(token: Token) -> bool:
    """Capital letters, two to eight ("WHO", "USCG"), or with a plural s ("JWs"), and no title ("MP")."""
    text = token.text
    capitals = text[:-1] if text.endswith("s") and len(text) > 2 else text
    return token.is_alpha and capitals.isupper() and 2 <= len(capitals) <= 8 and token.lower_ not in GENERAL_TITLES


def acronyms(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An acronym in brackets right after an ACTOR or a LOCATION is the same, and so is each later unmarked mention
    of it ("the World Health Organization (WHO) ... the WHO said")."""
    taken = _taken(spans)
    known: dict[str, Candidate] = {}
    added = []
    for span in _ordered(spans):
        end = span.end
        if (
            span.label in (Label.ACTOR, Label.LOCATION)
            and end + 2 < len(doc)
            and doc[end].text == "("
            and doc[end + 2].text == ")"
            and _acronym(doc[end + 1])
            and end + 1 not in taken
        ):
            added.append(Candidate(end + 1, end + 2, span.label, span.kind))
            taken.add(end + 1)
            known[doc[end + 1].text] = span
    for index, token in enumerate(doc):
        if token.text in known and index not in taken:
            named = known[token.text]
            added.append(Candidate(index, index + 1, named.label, named.kind))
            taken.add(index)
    return _ordered(spans + added)


def _party_start(doc: Doc, end: int) -> int:
    """The start of a party's plural name ending at `end`: the proper nouns before its last word ("The Christian
    Democrats" -> "Christian Democrats"), and a capital "The" inside a sentence ("for The Greens")."""
    start = end - 1
    while start > 0 and doc[start - 1].tag_ in ("NNP", "NNPS") and doc[start - 1].is_alpha:
        start -= 1
    if start > 0 and part_of_name(doc[start - 1]):
        start -= 1
    return start


def parties(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A party's plural name the small model gives as a group (NORP) is an ACTOR, with the capitalised words before
    it ("The Christian Democrats, led by ...", "The Free Democrats failed"), where no span is or over a part of it."""
    out = list(spans)
    for name in doc.spans.get(SMALL_KEY, doc.ents):
        last = doc[name.end - 1]
        if name.label_ != "NORP" or last.lower_ not in PARTY_PLURALS or not last.text[:1].isupper():
            continue
        start = _party_start(doc, name.end)
        over = [s for s in out if s.start < name.end and start < s.end]
        if all(s.label is Label.ACTOR and start <= s.start and s.end <= name.end for s in over):
            out = [s for s in out if s not in over]
            out.append(Candidate(start, name.end, Label.ACTOR, "group"))
    return _ordered(out)


def _governed_by(doc: Doc, span: Candidate, taken: set[int]) -> bool:
    """ "the" before a name and, after it, an unmarked noun for the body the name leads, that the name modifies."""
    end = span.end
    return (
        span.start > 0
        and doc[span.start - 1].lower_ == "the"
        and span.start - 1 not in taken
        and end < len(doc)
        and doc[end].lower_ in GOVERNMENTS
        and end not in taken
        and doc[end - 1].head.i == end
        and doc[end - 1].ent_type_ in ("PERSON", "ORG", "")
    )


def named_administrations(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A body named after its leader is one ACTOR with its determiner: "the Trump administration", "the Morrison
    government", "The Biden campaign" (the sources marked the name alone)."""
    taken = _taken(spans)
    out = []
    for span in spans:
        if span.label is Label.ACTOR and _governed_by(doc, span, taken):
            span = Candidate(span.start - 1, span.end + 1, span.label, "group", span.subject)
        out.append(span)
    return out


def sentence_first_modifiers(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An adjective opening a sentence, on a participant right after it, is part of it ("Armed plainclothes officers
    ..."; the sources left it out for its capital)."""
    taken = _taken(spans)
    out = []
    for span in spans:
        index = span.start - 1
        if (
            span.label is Label.ACTOR
            and index >= 0
            and index not in taken
            and doc[index].is_sent_start
            and doc[index].pos_ == "ADJ"
            and doc[index].dep_ == "amod"
            and span.start <= doc[index].head.i < span.end
            and doc[span.start].is_lower
        ):
            span = Candidate(index, span.end, span.label, span.kind, span.subject)
        out.append(span)
    return out
