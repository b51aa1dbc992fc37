"""entities.v1: spaCy's named entities mapped to ACTOR, LOCATION and FIGURE, with the guide's span rules.

Works on token indices of a parsed Doc; one pass over `doc.ents` and one over the reporting verbs, so the cost
stays small next to the parse itself. spaCy is never imported here: the Doc is handed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.lexicon import (
    AGENT_NOUNS,
    FACILITY_WORDS,
    INANIMATE_SOURCES,
    NON_AGENT_HEADS,
    NOT_ENTITIES,
    PLACE_NOUNS,
    QUALIFIERS_1,
    QUALIFIERS_2,
    SPEECH_VERBS,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITIES_SUGGESTER = "entities.v1"

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
DETERMINERS = frozenset({"the", "a", "an"})
SINGLE_COUNT = frozenset({"one", "1", "a single"})


@dataclass
class Candidate:
    """An entity-layer span in token indices; `kind` says what a pronoun may stand for (person, group, other)."""

    start: int
    end: int
    label: Label
    kind: str
    subject: bool = False


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, a trailing possessive and punctuation at either end; never cross a line break."""
    for index in range(start, end):
        if "\n" in doc[index].text:
            end = index
            break
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in {"'s", "’s", "'"}
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != "%")
    ):
        end -= 1
    return start, end


def _is_title(token: Token) -> bool:
    return token.lower_ in TITLES


def _person_bounds(doc: Doc, start: int, end: int, taken: set[int]) -> tuple[int, int]:
    """Strip titles; grow over adjacent proper nouns the model left out ("Sadiq" before "Khan")."""
    while start < end - 1 and _is_title(doc[start]):
        start += 1
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and end not in taken
        and not _is_title(doc[end])
        and doc[end].is_title
        and doc[end].ent_type_ in ("", "PERSON")
    ):
        end += 1
    while (
        start > 0
        and doc[start - 1].tag_ == "NNP"
        and (start - 1) not in taken
        and not _is_title(doc[start - 1])
        and doc[start - 1].is_title
        and doc[start - 1].ent_type_ == ""
    ):
        start -= 1
    return start, end


def _acts(root: Token) -> bool:
    """A place name that acts or speaks: subject of a verb other than 'be', or possessor/modifier of an agent."""
    dep = root.dep_
    head = root.head
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_ != "be":
        return True
    if dep in ("poss", "compound", "amod", "appos", "nmod") and head.lemma_.lower() in AGENT_NOUNS:
        return True
    if dep == "appos" and head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_VERBS:
        return True
    if dep == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    if dep == "poss" and head.ent_type_ == "PERSON":
        return True  # "Israel's National Security Advisor Tzachi Hanegbi"
    return any(c.lemma_.lower() in AGENT_NOUNS for c in root.conjuncts)


def _place_context(root: Token) -> bool:
    """A name the model called a person or organisation but the sentence treats as a place; acronyms ("in the
    EU") are left to be organisations."""
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside") and not root.text.isupper():
        return True
    return root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS


def _figure_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Add a qualifier the model left out ("up to four") and drop a counted unit ("160 square miles" -> "160")."""
    if start >= 2 and (doc[start - 2].lower_, doc[start - 1].lower_) in QUALIFIERS_2:
        start -= 2
    elif start >= 1 and doc[start - 1].lower_ in QUALIFIERS_1 and doc[start - 1].ent_type_ == "":
        start -= 1
    for index in range(start, end):
        token = doc[index]
        if (
            token.pos_ == "NOUN"
            and not token.like_num
            and token.lower_ not in ("dozens", "hundreds", "thousands", "millions", "half", "%")
        ):
            return start, index
    return start, end


def _closes_a_title(doc: Doc, start: int, end: int) -> bool:
    """A name of three or more words right after "<title> of", whose first word is the title's place."""
    return end - start >= 3 and start > 1 and doc[start - 1].lower_ == "of" and _is_title(doc[start - 2])


def _map_entity(doc: Doc, ent: Span, taken: set[int]) -> list[Candidate]:
    """One model entity -> zero, one or two candidates under the guide's rules."""
    label = ent.label_
    start, end = _trim(doc, ent.start, ent.end)
    if start >= end or doc[start:end].text.lower() in NOT_ENTITIES:
        return []
    # "Organisation of Islamic Cooperation (OIC": split the bracketed short form off.
    words = [t.text for t in doc[start:end]]
    if "(" in words and ")" not in words:
        cut = start + words.index("(")
        head = doc.char_span(doc[start].idx, doc[cut - 1].idx + len(doc[cut - 1]), label=label) if cut > start else None
        out = _map_entity(doc, head, taken) if head is not None else []
        if cut + 1 < end:
            out.append(Candidate(cut + 1, end, Label.ACTOR, "group"))
        return out
    span = doc[start:end]
    root = span.root
    if label in NUMBER_LABELS:
        text = span.text.lower()
        if text in SINGLE_COUNT or ":" in text or text.endswith(("am", "pm")):
            return []
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.is_title and not before.is_sent_start:
            return []  # part of a name: "Channel 13", "Article 50"
        start, end = _figure_bounds(doc, start, end)
        return [Candidate(start, end, Label.FIGURE, "other")] if end > start else []
    if label == "ORG" and (
        _is_title(doc[end - 1]) or (end < len(doc) and _is_title(doc[end]) and all(_is_title(t) for t in span))
    ):
        return []  # "National Security Advisor", "Interior (Minister)": a title, not an organisation
    if label in ("PERSON", "ORG") and _closes_a_title(doc, start, end):
        # "Mayor of Koszalin Piotr Jedlinski": the place closes the title, the person follows.
        person_start, person_end = _person_bounds(doc, start + 1, end, taken)
        return [
            Candidate(start, start + 1, Label.LOCATION, "other"),
            Candidate(person_start, person_end, Label.ACTOR, "person"),
        ]
    if label == "PERSON":
        if _place_context(root):
            return [Candidate(start, end, Label.LOCATION, "other")]
        start, end = _person_bounds(doc, start, end, taken)
        return [Candidate(start, end, Label.ACTOR, "person")]
    if label == "ORG":
        if any(t.lower_ in FACILITY_WORDS for t in span) or _place_context(root):
            return [Candidate(start, end, Label.LOCATION, "other")]
        return [Candidate(start, end, Label.ACTOR, "group")]
    if label == "NORP":
        if root.dep_ in ("amod", "compound", "nmod") and root.head.lemma_.lower() in NON_AGENT_HEADS:
            return []
        if end < len(doc) and doc[end].text == "-":
            return []  # "Muslim-majority"
        if root.head.ent_type_ in ("GPE", "LOC", "FAC", "ORG") and root.head.i not in range(start, end):
            return []  # "Muslim Mindanao": part of a place's description
        return [Candidate(start, end, Label.ACTOR, "group")]
    if label in PLACE_LABELS:
        if label != "FAC" and _acts(root):
            return [Candidate(start, end, Label.ACTOR, "group")]
        return [Candidate(start, end, Label.LOCATION, "other")]
    return []


def noun_phrase(doc: Doc, head: Token) -> tuple[int, int] | None:
    """The source phrase for an unnamed speaker: determiner to head noun ("one resident", "the army")."""
    if head.pos_ == "PRON" and head.lower_ in ("some", "many", "several", "most", "one"):
        objects = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        pobj = [g for c in objects for g in c.children if g.dep_ == "pobj"]
        if pobj and pobj[0].pos_ == "NOUN":
            return head.i, pobj[0].i + 1
        return None
    if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in INANIMATE_SOURCES:
        return None
    if head.pos_ == "PROPN" and _is_title(head) and any(c.dep_ == "prep" for c in head.children):
        return None  # "Mayor of Koszalin Piotr Jedlinski declared": the name is found as an entity
    start = head.i
    while (
        start > head.left_edge.i
        and doc[start - 1].dep_ in ("det", "amod", "compound", "nummod", "poss")
        and doc[start - 1].head.i in range(start, head.i + 1)
    ):
        start -= 1
    return start, head.i + 1


def source_phrases(doc: Doc) -> list[tuple[int, int]]:
    """Unnamed sources of statements: subjects of reporting verbs and objects of "according to"."""
    found: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_ == "according" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
        elif token.pos_ == "VERB" and token.lemma_ in SPEECH_VERBS:
            objects = [c for c in token.children if c.dep_ == "nsubj"]
            if token.dep_ == "acl" and token.head.pos_ == "NOUN":
                objects.append(token.head)  # "officials reporting ..."
        else:
            continue
        for subject in objects:
            if subject.ent_type_ or any(c.dep_ == "appos" and c.ent_type_ for c in subject.children):
                continue  # named already, or "The mayor of London, Sadiq Khan, said"
            bounds = noun_phrase(doc, subject)
            if bounds:
                found.append(bounds)
    return found


def entity_candidates(doc: Doc) -> list[Candidate]:
    """All entity-layer candidates of a doc, non-overlapping, in token order."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    candidates: list[Candidate] = []
    for ent in doc.ents:
        candidates.extend(c for c in _map_entity(doc, ent, taken) if c.end > c.start)
    for start, end in source_phrases(doc):
        kind = "person" if doc[end - 1].tag_ in ("NN", "NNP") else "group"
        candidates.append(Candidate(start, end, Label.ACTOR, kind))
    return mark_subjects(doc, resolve_overlaps(candidates))


def mark_subjects(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Each candidate told whether it is a clause's subject (or in apposition to one): the speaker rules prefer
    subjects, so every entity suggester marks its final layer this way."""
    for candidate in candidates:
        root = doc[candidate.start : candidate.end].root
        candidate.subject = root.dep_ == "nsubj" or (root.dep_ == "appos" and root.head.dep_ == "nsubj")
    return candidates


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the entity layer flat: named entities (earlier in the list) win over later, added phrases."""
    kept: list[Candidate] = []
    used: set[int] = set()
    for candidate in candidates:
        tokens = set(range(candidate.start, candidate.end))
        if tokens & used:
            continue
        used |= tokens
        kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))
