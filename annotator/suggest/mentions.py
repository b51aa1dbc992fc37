"""Who a phrase of the text names, for the speaker rules (quotes.v2): the ACTOR candidates by token, pronouns
and their antecedents, statements and their owners, names next to a reporting verb.

`Mentions` holds one doc's entity-layer candidates while speakers are found; ACTORs it adds for unnamed
speakers ("one resident") are reported back so they join the suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate, noun_phrase
from annotator.suggest.lexicon import (
    BODY_NOUNS,
    GROUP_PRONOUNS,
    INANIMATE_SOURCES,
    PERSON_PRONOUNS,
    POSSESSIVES,
    PROXY_NOUNS,
    SPEECH_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
#: How many sentences (outside quotes) back a subject is still the preferred antecedent of a pronoun.
SUBJECT_WINDOW_SENTENCES = 3


def of_words(token: Token) -> bool:
    """A statement, a document or an account rather than a person: "statement", "the words", "a report"."""
    lemma = token.lemma_.lower()
    return lemma in SPEECH_NOUNS or lemma in INANIMATE_SOURCES or lemma in PROXY_NOUNS


@dataclass
class Mentions:
    """One doc's state while speakers are found: candidates by token, ACTORs added, quote tokens."""

    doc: Doc
    candidates: list[Candidate]
    inside: list[bool]
    by_token: dict[int, Candidate] = field(default_factory=dict)
    added: list[Candidate] = field(default_factory=list)
    #: Pronouns already resolved (token index -> ACTOR): later pronouns may continue the chain.
    resolved: dict[int, Candidate] = field(default_factory=dict)
    #: The doc's text, read once (spaCy builds `doc.text` anew, token by token, on each access).
    text: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self.by_token = {i: c for c in self.candidates for i in range(c.start, c.end)}
        self.text = self.doc.text

    def is_subject(self, candidate: Candidate) -> bool:
        """A clause subject: the preferred antecedent of a pronoun."""
        return _is_subject(self.doc, candidate)

    def later_mentions(self, chosen: Candidate, pronoun: int, fitting: list[Candidate]) -> list[Candidate]:
        """The mentions of the chosen antecedent's entity from it up to the pronoun, among those that fit it."""
        return [c for c in fitting if c.start >= chosen.start and same_entity(self.doc, c, chosen)]

    def unmarked_antecedent(self, pronoun: Token, window_start: int) -> Candidate | None:
        """An antecedent the entity layer left unmarked, for a pronoun no ACTOR fits (none before quotes.v4)."""
        return None

    def actor_at(self, index: int) -> Candidate | None:
        found = self.by_token.get(index)
        if found is not None and found.label is Label.LOCATION:
            found.label, found.kind = Label.ACTOR, "group"  # a place that speaks stands for its government
        return found if found is not None and found.label is Label.ACTOR else None

    def add(self, start: int, end: int) -> Candidate:
        """A new ACTOR for an unnamed speaker, unless part of it is taken by another span."""
        owners = [self.by_token[i] for i in range(start, end) if i in self.by_token]
        if owners:
            return owners[0]
        new = Candidate(start, end, Label.ACTOR, kind_of(self.doc, start, end))
        for i in range(start, end):
            self.by_token[i] = new
        self.candidates.append(new)
        self.candidates.sort(key=lambda c: c.start)
        self.added.append(new)
        return new


def kind_of(doc: Doc, start: int, end: int) -> str:
    """person (he, she), body (it, they) or group (they) for a span of tokens."""
    root = doc[start:end].root
    types = {t.ent_type_ for t in doc[start:end]}
    if "PERSON" in types and root.ent_type_ == "PERSON":
        return "person"
    if root.ent_type_ in ORG_ENTS or root.lemma_.lower() in BODY_NOUNS:
        return "body"
    if root.tag_ in ("NNS", "NNPS"):
        return "group"
    return "person" if root.pos_ in ("NOUN", "PROPN") else "group"


def _fits(ctx: Mentions, candidate: Candidate, pronoun: str) -> bool:
    kind = kind_of(ctx.doc, candidate.start, candidate.end)
    pronoun = POSSESSIVES.get(pronoun, pronoun)
    if pronoun in PERSON_PRONOUNS:
        return kind == "person"
    if pronoun in ("it", "its"):
        return kind == "body"
    return kind in ("body", "group")


def same_entity(doc: Doc, a: Candidate, b: Candidate) -> bool:
    """Two mentions of one entity: same words, or a name sharing its last word ("David Livermore", "Livermore")."""
    words_a = [t.lower_ for t in doc[a.start : a.end]]
    words_b = [t.lower_ for t in doc[b.start : b.end]]
    if words_a == words_b:
        return True
    proper = doc[a.end - 1].pos_ == "PROPN" and doc[b.end - 1].pos_ == "PROPN"
    return proper and words_a[-1] == words_b[-1]


def antecedent(ctx: Mentions, pronoun: Token) -> Candidate | None:
    """The nearest earlier ACTOR a pronoun can stand for (a clause subject within a few sentences first: a
    mention outside quotes, a pronoun resolved before, or a proper-noun subject the entity layer missed),
    then that entity's mention nearest the pronoun."""
    doc = ctx.doc
    lower = POSSESSIVES.get(pronoun.lower_, pronoun.lower_)
    found = ctx.resolved.get(pronoun.i)
    if found is not None:
        return found
    sentences = [s.start for s in doc.sents if s.start <= pronoun.i and not ctx.inside[s.start]]
    window_start = sentences[-SUBJECT_WINDOW_SENTENCES] if len(sentences) >= SUBJECT_WINDOW_SENTENCES else 0
    earlier = [c for c in ctx.candidates if c.end <= pronoun.i and c.label is Label.ACTOR and _fits(ctx, c, lower)]
    subjects: list[tuple[int, Candidate | None]] = [
        (c.start, c) for c in earlier if c.start >= window_start and ctx.is_subject(c) and not ctx.inside[c.start]
    ]
    subjects += [
        (i, c)
        for i, c in ctx.resolved.items()
        if window_start <= i < pronoun.i and _same_class(doc[i].lower_, lower) and doc[i].dep_ == "nsubj"
    ]
    if lower in PERSON_PRONOUNS:
        subjects += [
            (t.i, None)
            for t in doc[window_start : pronoun.i]
            if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.i not in ctx.by_token and not ctx.inside[t.i]
        ]
    chosen: Candidate | None
    if subjects:
        position, chosen = max(subjects, key=lambda pair: pair[0])
        if chosen is None:
            bounds = noun_phrase(doc, doc[position])  # "Radmall conceded ... 'We had ...', he said"
            chosen = ctx.add(*bounds) if bounds is not None else None
    else:
        chosen = earlier[-1] if earlier else None
    if chosen is None:
        chosen = ctx.unmarked_antecedent(pronoun, window_start)
        if chosen is not None:
            ctx.resolved[pronoun.i] = chosen
        return chosen
    later = ctx.later_mentions(chosen, pronoun.i, earlier)
    speaker = later[-1] if later else chosen
    ctx.resolved[pronoun.i] = speaker
    return speaker


def _same_class(a: str, b: str) -> bool:
    a, b = POSSESSIVES.get(a, a), POSSESSIVES.get(b, b)
    return (a in PERSON_PRONOUNS) == (b in PERSON_PRONOUNS)


def _is_subject(doc: Doc, candidate: Candidate) -> bool:
    root = doc[candidate.start : candidate.end].root
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ in ("appos", "conj") and root.head.dep_ == "nsubj")


def named_next_to(ctx: Mentions, left: int, verb: Token, people_only: bool = True) -> Candidate | None:
    """A person's name right before the verb, not before token `left`: "speaker of the parliament Ali Larijani
    wrote", "writer and performer Rob Bartlett tweeted", or in apposition: "The mayor of Paris, Anne
    Hidalgo, wrote" (whatever the parser attached the name to)."""
    before = verb.i - 1
    comma = before >= 0 and ctx.doc[before].text == ","
    if comma:
        before -= 1
    candidate = ctx.by_token.get(before)
    if candidate is None or candidate.label is not Label.ACTOR or candidate.end != before + 1:
        return None
    if (people_only and ctx.doc[before].ent_type_ != "PERSON") or candidate.start < left:
        return None
    if comma and (candidate.start == 0 or ctx.doc[candidate.start - 1].text != ","):
        return None
    return candidate


def owner(ctx: Mentions, noun: Token) -> Candidate | None:
    """Who a statement or message belongs to: its possessor, or the object of by/from/of/for."""
    for child in noun.children:
        if child.dep_ == "poss":
            return phrase_speaker(ctx, child)  # "the family's statement", "its press release"
    preps = [c for c in noun.children if c.dep_ in ("prep", "agent")]
    for participle in (c for c in noun.children if c.dep_ == "acl"):
        preps += [c for c in participle.children if c.dep_ == "agent"]  # "a statement released by X"
    for child in preps:
        if child.lower_ in ("by", "from", "of", "for"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    phrase = range(obj.left_edge.i, obj.i + 1)  # the noun phrase, not its relative clauses
                    actors = [ctx.by_token[i] for i in phrase if i in ctx.by_token]
                    actors = [c for c in actors if c.label is Label.ACTOR]
                    people = [c for c in actors if ctx.doc[c.end - 1].ent_type_ == "PERSON"]
                    if people or actors:
                        return (people or actors)[-1]  # "an order by Coast Guard Commandant Admiral E. H."
                    return phrase_speaker(ctx, obj)
    return None


def phrase_speaker(ctx: Mentions, head: Token) -> Candidate | None:
    """The ACTOR a noun phrase headed by `head` names: its span, a named apposition, a pronoun's antecedent,
    a statement's owner, or a new unnamed source ("one resident")."""
    lower = head.lower_
    if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in POSSESSIVES:
        return antecedent(ctx, head)
    if head.pos_ == "PRON" and lower not in ("some", "many", "several", "most", "one"):
        return None
    if of_words(head):
        found = owner(ctx, head)
        if found is not None:
            return found  # "The family's statement read", "The account for The Show tweeted"
    own = ctx.actor_at(head.i)
    for child in head.children:
        if child.dep_ == "appos" and child.i in ctx.by_token:
            named = ctx.actor_at(child.i)
            if named is None:
                continue
            name = ctx.doc[named.end - 1]
            if name.ent_type_ == "PERSON" or (own is None and (head.pos_ != "PROPN" or name.pos_ == "PROPN")):
                return named  # "A spokesman, John Doe, said"; not "Cattelan, the artist" for an unmarked name
    if own is not None:
        return own
    if of_words(head) and head.lemma_.lower() not in PROXY_NOUNS:
        return None
    for token in head.subtree:
        named = ctx.actor_at(token.i) if token.ent_type_ == "PERSON" else None
        if named is not None:
            return named  # "said study co-author and Research Fellow Martin How"
    bounds = noun_phrase(ctx.doc, head)
    return ctx.add(*bounds) if bounds is not None else None
