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
  "the border with Mexico"), and so is a country addressed or held to account ("urged Germany to", "called on
  France to", "sanction Saudi Arabia");
- an indefinite object of an infinitive after a participle is any one of a kind ("needed to impeach an official");
- the missed participants: a nationality or religion word before a plural noun for people ("Syrian refugees",
  "Catholic bishops": the word, as the house conventions mark "Israeli tanks"), "the" and a noun for a body of
  people as a clause's subject ("The embassy declined"), a platform's name as a subject ("Facebook was ordered").

Each rule reads the tokens, the parse and general word lists only, naming no article's phrases; each was kept for
a gain on the second entity dev set (`tests/fixtures/gold/entities_dev2.jsonl`) with no loss on dev. spaCy is not
imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v8 import RULES as V8_RULES
from annotator.suggest.lexicon import BODY_HEADS, GROUP_PLURALS, PARTY_OBJECT_VERBS, PLATFORMS

if TYPE_CHECKING:
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


def _drops(test: Callable[[Doc, Candidate], bool]) -> Callable[[Doc, list[Candidate]], list[Candidate]]:
    """A rule that leaves out the spans `test` picks out (named and documented as `test`)."""

    @wraps(test)
    def rule(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
        return [span for span in spans if not test(doc, span)]

    return rule


def _as_parties(test: Callable[[Doc, Candidate], bool]) -> Callable[[Doc, list[Candidate]], list[Candidate]]:
    """A rule that makes the places `test` picks out ACTORs, parties to what is done."""

    @wraps(test)
    def rule(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
        return [Candidate(s.start, s.end, Label.ACTOR, "group", s.subject) if test(doc, s) else s for s in spans]

    return rule


@_drops
def modifiers_are_no_participants(doc: Doc, span: Candidate) -> bool:
    """A common-noun ACTOR that modifies a noun right after it is a piece of that noun's phrase: "the press |
    secretary", "a | court order", "a new | judge-led inquiry". A possessor stays ("the court's decision"), and so does a participant in a coordination the parse hung on the
    noun ("according to police and county officials"), and so does the agent of an act the noun names ("the police
    killing of George Floyd")."""
    words = doc[span.start : span.end]
    root = words.root
    return (
        span.label is Label.ACTOR
        and _common(words)
        and root.dep_ in ("det", "compound", "amod", "nmod", "npadvmod")
        and root.head.i >= span.end
        and (root.head.pos_ in ("NOUN", "PROPN") or root.head.dep_ in ("amod", "compound"))
        and not any(t.dep_ in ("case", "conj", "cc") for t in root.children)
        and not root.head.lower_.endswith("ing")
    )


@_drops
def predicates_are_no_participants(doc: Doc, span: Candidate) -> bool:
    """An indefinite common noun that is the predicate of "be" describes its subject: "he is a nice man", "they
    were all crew"; no ACTOR. After "what ... was" it names someone ("what I took for a police officer"), and after "there was" it brings someone
    in ("There was a woman, a season ticket holder")."""
    words = doc[span.start : span.end]
    root = words.root
    return (
        span.label is Label.ACTOR
        and doc[span.start].lower_ in INDEFINITES
        and _common(words)
        and root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and not any(t.dep_ == "expl" or (t.dep_ == "nsubj" and t.tag_ in ("WP", "WDT")) for t in root.head.children)
    )


@_drops
def roles_are_no_participants(doc: Doc, span: Candidate) -> bool:
    """An indefinite common noun after "as" or "like" is a role or a comparison: "as an observer", "like a child"."""
    words = doc[span.start : span.end]
    root = words.root
    return (
        span.label is Label.ACTOR
        and doc[span.start].lower_ in INDEFINITES
        and _common(words)
        and root.dep_ == "pobj"
        and root.head.lower_ in ("as", "like")
    )


@_as_parties
def places_as_parties(doc: Doc, span: Candidate) -> bool:
    """A country or city after "with" or "against" is a party to what is done: an ACTOR ("talks with Turkey",
    "sanctions against Russia", "aligned with Iran"; not "the border with Mexico")."""
    root = doc[span.start : span.end].root
    return (
        span.label is Label.LOCATION
        and root.ent_type_ == "GPE"
        and root.dep_ == "pobj"
        and root.head.lower_ in PARTY_PREPOSITIONS
        and doc[span.start - 1].lower_ not in INDEFINITES
        and root.head.head.lower_ not in PLACE_RELATIONS
    )


@_as_parties
def places_addressed(doc: Doc, span: Candidate) -> bool:
    """A country that is the object of a verb of addressing or holding to account is a party, an ACTOR: "asking the
    United States to waive", "persuade leaders to sanction Saudi Arabia", "They called on Turkey to halt"."""
    root = doc[span.start : span.end].root
    head = root.head
    addressed = (root.dep_ == "dobj" and head.lemma_.lower() in PARTY_OBJECT_VERBS) or (
        root.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() == "call"
    )
    return span.label is Label.LOCATION and root.ent_type_ == "GPE" and addressed


def _word_of_its_own(doc: Doc, index: int) -> bool:
    """No name word or hyphen joined to the word before it ("Native American", "ex-Muslim")."""
    if index == 0:
        return True
    before = doc[index - 1]
    return bool(before.whitespace_) and before.pos_ != "PROPN" and before.ent_type_ != "NORP"


def nationality_groups(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A nationality, religion or party word before a plural noun for people or groups, where nothing is marked, is
    the group's ACTOR ("Syrian refugees", "Catholic bishops", "Kurdish groups"; the house conventions: "Israeli
    tanks", "Egyptian and Qatari mediators"). Not a word ending a longer name or a word ("Native American voters",
    "ex-Muslim activists")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for token in doc:
        head = token.head
        if (
            token.ent_type_ == "NORP"
            and token.dep_ == "amod"
            and token.text[:1].isupper()
            and head.i == token.i + 1
            and head.lower_ in GROUP_PLURALS
            and not taken & {token.i, head.i}
            and _word_of_its_own(doc, token.i)
        ):
            added.append(Candidate(token.i, token.i + 1, Label.ACTOR, "group"))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def bodies_as_subjects(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """ "The" and a noun for a body of people, the subject of a clause where nothing is marked, is an ACTOR with its
    determiner ("The embassy declined the request", "the committee is already doing", "The rock trio was"); not
    before a name, which is the body ("The news agency AFP has")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for token in doc:
        if token.dep_ != "nsubj" or token.lower_ not in BODY_HEADS:
            continue
        start = token.left_edge.i
        if (
            doc[start].lower_ == "the"
            and all(t.dep_ in ("det", "amod", "compound") and t.ent_type_ == "" for t in doc[start : token.i])
            and all(t.is_lower or t.i == start for t in doc[start : token.i])
            and not taken & set(range(start, token.i + 1))
            and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN")
        ):
            added.append(Candidate(start, token.i + 1, Label.ACTOR, "group"))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def platforms_that_act(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A platform's name that is the subject of a clause is the company, an ACTOR ("Facebook was ordered to
    remove the post"; "on Facebook", "via Twitter" stay unmarked)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = [
        Candidate(t.i, t.i + 1, Label.ACTOR, "group")
        for t in doc
        if t.lower_ in PLATFORMS and t.dep_ in ("nsubj", "nsubjpass") and t.text[:1].isupper() and t.i not in taken
    ]
    return sorted(spans + added, key=lambda s: (s.start, s.end))


@_drops
def generic_objects(doc: Doc, span: Candidate) -> bool:
    """An indefinite common noun that is the object of an infinitive after a participle names any one of a kind, not
    a participant: "is needed to impeach an official", "required to convict a person", "designed to intimidate a
    civilian population" (not "went to arrest a man")."""
    words = doc[span.start : span.end]
    root = words.root
    verb = root.head
    return (
        span.label is Label.ACTOR
        and doc[span.start].lower_ in ("a", "an")
        and _common(words)
        and root.dep_ == "dobj"
        and verb.tag_ == "VB"
        and any(t.dep_ == "aux" and t.lower_ == "to" for t in verb.children)
        and verb.head.tag_ == "VBN"
    )


#: Every rule entities.v9 may run, by name (the dev sets chose which of them run: `V9_RULES`).
CANDIDATE_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [
    modifiers_are_no_participants,
    predicates_are_no_participants,
    roles_are_no_participants,
    places_as_parties,
    places_addressed,
    nationality_groups,
    bodies_as_subjects,
    platforms_that_act,
    generic_objects,
]
#: entities.v9's own rules, in the order they run after entities.v8's.
V9_RULES = list(CANDIDATE_RULES)

RULES = [*V8_RULES, *V9_RULES]
