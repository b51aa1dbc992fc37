"""quotes.v3: quotes.v2's speaker steps (`speakers.SpeakersV2`) with general rules found on news nobody tuned on
(the speaker dev set, `benchmarks/speakers_dev.py`), each an overridden method, each kept for a gain there:
- an attribution after the quote names its speaker after the verb ("..., said University X's chancellor,
  Pradeep Khosla", '"..." tweeted former executive Ken Gude'): the person named in the phrase after the verb,
  else the phrase's ACTOR, else the verb's own noun argument ("said a protester using ..." -> "a protester");
- a subject inside a quotation never speaks it ('"A lot of people think that," said a protester'), and a
  person in apposition to a subject that is no person speaks for it ("The institute's director, Dr. Anthony
  Fauci, said");
- a reporting verb reports an earlier one only when it comes before it in the same paragraph ("X said that
  Y said", not "Y said ...; Z reported" nor a verb of the paragraph before);
- "according to" a named source reports the clause it is attached to, wherever the quote hangs in it
  ('According to X, the pandemic is "unprecedented."'), and beats a colon's subject in its sentence;
- a relative pronoun stands for the person or body it follows ("Thomas Gray, 24, who cited ...: '...'"),
  and a statement with no owner belongs to the subject that made it ("Facebook released a statement which
  read");
- a quote opened after a comma belongs to the nearest subject before it even without a speech verb ("Mick
  Jagger also reacted on Twitter, '...'"), a quote that opens a sentence with no reporting clause to the
  previous sentence's subject in its paragraph ("X criticised the decision. '...'");
- pronouns: the source of "according to" is an antecedent like a subject, and the speaker is the latest
  mention of the antecedent's entity whatever the small model typed it ("Amman", a person, not the city);
- a speaker the rules add has no title before the name ("Cardinal Marc Ouellet" -> "Marc Ouellet");
- "talk" reports words ("Khosla talked of Munk's '...'"), and a document (a decree, a constitution, a
  ruling) speaks only for its named author ("The decree signed by the Pope read '...'").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import GENERAL_TITLES, PERSON_PRONOUNS
from annotator.suggest.mentions import Mentions, kind_of, named_next_to, of_words, owner, phrase_speaker, same_entity
from annotator.suggest.quotes import Quote
from annotator.suggest.speakers import SpeakersV2, _is_according, _paragraph_of

if TYPE_CHECKING:
    from spacy.tokens import Token

QUOTES_V3 = "quotes.v3"

#: Verbs of speaking beyond quotes.v2's ("Khosla talked of Munk's '...'").
MORE_SPEECH_VERBS = frozenset({"talk"})
#: Documents that carry words but never speak: their owner or author does, if named.
DOCUMENT_NOUNS = frozenset(
    {"decree", "constitution", "ruling", "judgment", "judgement", "summary", "proclamation", "manifesto", "memo"}
    | {"memorandum", "resolution", "treaty", "verdict", "indictment", "charter", "petition"}
)
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
#: How many words after a reporting verb its inverted subject may run ("said Santa Barbara County Sheriff Bill
#: Brown"), and how many tokens before it a closing quote makes it an attribution after the quote.
AFTER_VERB_WORDS = 12
QUOTE_BEFORE_VERB = 3
#: Where the phrase after a reporting verb stops: the end of the clause, a bracket, a relative or participle.
PHRASE_ENDS = frozenset({".", ";", "!", "?", "(", ":"})


def _person(ctx: Mentions, candidate: Candidate) -> bool:
    return ctx.doc[candidate.end - 1].ent_type_ == "PERSON"


def _missed_name(token: Token) -> bool:
    """A person's name (the small model's PERSON, or a proper noun in apposition) the entity layer left out:
    its last word, with only proper-noun compounds before it."""
    if token.pos_ != "PROPN" or not (token.ent_type_ == "PERSON" or token.dep_ == "appos"):
        return False
    return all(t.pos_ == "PROPN" and t.dep_ == "compound" for t in token.subtree if t.i != token.i)


def _names_a_source(ctx: Mentions, according: Token) -> bool:
    """ "according to" followed by a name or a pronoun (not "according to agreed facts")."""
    objects = [o for to in according.children for o in to.children if o.dep_ == "pobj"]
    return any(o.i in ctx.by_token or o.pos_ == "PRON" for o in objects)


def _person_named(ctx: Mentions, subject: Token) -> Candidate | None:
    """A person named in apposition to a subject that is no person ("The institute's director, Dr. Anthony
    Fauci, said"), through its appositions and conjuncts."""
    own = ctx.by_token.get(subject.i)
    if own is not None and own.label is Label.ACTOR and _person(ctx, own):
        return None
    stack = [c for c in subject.children if c.dep_ in ("appos", "conj")]
    while stack:
        token = stack.pop(0)
        found = ctx.by_token.get(token.i)
        if found is not None and found.label is Label.ACTOR and _person(ctx, found):
            return found
        stack += [c for c in token.children if c.dep_ in ("appos", "conj")]
    return None


class MentionsV3(Mentions):
    """A pronoun's antecedent as quotes.v3 finds it."""

    def is_subject(self, candidate: Candidate) -> bool:
        """A clause subject, or the source a clause is attributed to ("According to Dr. Tom Frieden, ...")."""
        root = self.doc[candidate.start : candidate.end].root
        according = root.dep_ == "pobj" and root.head.lower_ == "to" and _is_according(root.head.head)
        return according or super().is_subject(candidate)

    def add(self, start: int, end: int) -> Candidate:
        """A new ACTOR for a speaker the entity layer left out, without the titles before a name ("Cardinal
        Marc Ouellet" -> "Marc Ouellet"), as the entity layer marks names."""
        while start < end - 1 and self.doc[start].lower_ in GENERAL_TITLES and self.doc[start + 1].pos_ == "PROPN":
            start += 1
        return super().add(start, end)

    def later_mentions(self, chosen: Candidate, pronoun: int, fitting: list[Candidate]) -> list[Candidate]:
        """Every later mention of the chosen entity counts, even one the entity layer typed as another kind
        ("Amman", a person here and a city to the small model)."""
        return [
            c
            for c in self.candidates
            if c.label is Label.ACTOR
            and chosen.start <= c.start
            and c.end <= pronoun
            and same_entity(self.doc, c, chosen)
        ]


class SpeakersV3(SpeakersV2):
    """quotes.v3's rules (see the module docstring)."""

    mentions = MentionsV3

    def _reports(self, token: Token) -> bool:
        return super()._reports(token) or (token.pos_ == "VERB" and token.lemma_ in MORE_SPEECH_VERBS)

    def _phrase(self, ctx: Mentions, head: Token) -> Candidate | None:
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            noun = head.head.head
            named = ctx.by_token.get(noun.i)
            if named is None or kind_of(ctx.doc, named.start, named.end) not in ("person", "body"):
                return None  # "products, which promoted ..." speak for nobody
            head = noun  # "Gray, who cited ..." -> Gray
        if head.lemma_.lower() in DOCUMENT_NOUNS and head.ent_type_ != "PERSON":
            return owner(ctx, head)  # "The decree signed by the Pope read"; a constitution says nobody's words
        found = phrase_speaker(ctx, head)
        if found is None and of_words(head) and head.dep_ == "dobj":
            for subject in (c for c in head.head.children if c.dep_ == "nsubj"):
                return self._phrase(ctx, subject)  # "Facebook released a statement which read"
        return found

    def _outermost(self, ctx: Mentions, word: Token) -> Token:
        low, high = _paragraph_of(ctx.text, word.idx)
        while (
            word.dep_ == "ccomp" and word.head.i < word.i and low <= word.head.idx < high and self._reports(word.head)
        ):
            word = word.head
        return word

    def _subjects(self, ctx: Mentions, verb: Token) -> list[Token]:
        return [s for s in super()._subjects(ctx, verb) if not ctx.inside[s.i]]

    def _subject_speaker(self, ctx: Mentions, subject: Token, word: Token) -> Candidate | None:
        if subject.i > word.i or named_next_to(ctx, subject.left_edge.i, word) is None:
            person = _person_named(ctx, subject)
            if person is not None:
                return person
        return super()._subject_speaker(ctx, subject, word)

    def _speaker_of(self, ctx: Mentions, word: Token) -> Candidate | None:
        reporting_verb = not (_is_according(word) or word.pos_ in ("NOUN", "PROPN"))
        if reporting_verb and word.tag_ != "VBG" and not any(c.dep_ == "agent" for c in word.children):
            after_quote = any(ctx.inside[i] for i in range(max(word.i - QUOTE_BEFORE_VERB, 0), word.i))
            if after_quote and not any(s.i < word.i for s in self._subjects(ctx, word)):
                found = self._after_verb(ctx, word)
                if found is not None:
                    return found
        return super()._speaker_of(ctx, word)

    def _after_verb(self, ctx: Mentions, verb: Token) -> Candidate | None:
        """The speaker named after an inverted reporting verb: a person's name in the phrase that follows it
        (to the end of the clause, a bracket, a relative clause or a participle), else that phrase's ACTOR,
        else the verb's own noun argument ("said a protester"; not "written as the caption")."""
        doc = ctx.doc
        end = verb.i + 1
        while end < min(verb.sent.end, verb.i + 1 + AFTER_VERB_WORDS):
            token = doc[end]
            if ctx.inside[end] or token.text in PHRASE_ENDS or "\n" in token.text or token.dep_ in ("relcl", "acl"):
                break
            end += 1
        if end == verb.i + 1:
            return None
        taken = {id(c): c for i in range(verb.i + 1, end) if (c := ctx.by_token.get(i)) is not None}
        inside = [c for c in taken.values() if c.end <= end]
        people = [c for c in inside if _person(ctx, c)]
        if people:
            return ctx.actor_at(people[0].start)
        names = [t for t in doc[verb.i + 1 : end] if t.i not in ctx.by_token and _missed_name(t)]
        if names:  # a name the entity layer missed: "said X's chancellor, Pradeep Khosla"
            return ctx.add(min(t.i for t in names[0].subtree), names[0].i + 1)
        actors = [c for c in inside if c.label is Label.ACTOR]
        if actors:
            return actors[0]
        nominal = [t for t in doc[verb.i + 1 : end] if t.pos_ in ("NOUN", "PROPN") and t.head == verb]
        return self._phrase(ctx, nominal[0]) if nominal else None

    def _governor(self, ctx: Mentions, first: int, last: int, short: bool = False) -> Iterator[Token]:
        yield from super()._governor(ctx, first, last, short)
        doc = ctx.doc
        low, high = _paragraph_of(ctx.text, doc[first].idx)
        for root in (t for t in doc[first:last] if not first <= t.head.i < last):
            head = root
            while head.head.i != head.i and low <= head.head.idx < high:
                head = head.head
                for child in head.children:
                    if _is_according(child) and not ctx.inside[child.i] and _names_a_source(ctx, child):
                        yield child  # 'According to X, the pandemic is "unprecedented."'

    def _mark_before(self, ctx: Mentions, first: int) -> int:
        mark = first - 1
        while mark >= 0 and (ctx.doc[mark].is_quote or ctx.doc[mark].is_space):
            mark -= 1  # the quote's own opening marks, never another quote of the paragraph
        return mark

    def _colon_subjects(self, ctx: Mentions, first: int, words_only: bool = True) -> Iterator[Token]:
        doc = ctx.doc
        mark = self._mark_before(ctx, first)
        if mark < 0 or doc[mark].text not in (":", ","):
            return
        if doc[mark].text == "," and "\n" in doc[mark:first].text:
            return  # a colon ends a paragraph to open a quote in the next; a comma does not
        clause = doc[doc[mark].sent.start : mark]
        if any(_is_according(t) and not ctx.inside[t.i] for t in clause):
            return  # "According to X, the manifesto ... could strengthen the case: '...'" is X's
        if doc[mark].text == ":":
            yield from super()._colon_subjects(ctx, first, words_only)
        elif not words_only:
            subjects = [
                t for t in clause if t.dep_ == "nsubj" and not ctx.inside[t.i] and t.lower_ not in RELATIVE_PRONOUNS
            ]
            if subjects:  # only the subject nearest the comma: its clause is the one the quote follows
                nearest = subjects[-1]
                actor = ctx.by_token.get(nearest.i)
                if nearest.pos_ == "PRON" or (actor is not None and actor.label is Label.ACTOR):
                    yield nearest  # "Mick Jagger also reacted on Twitter, '...'"; "..., I say, '...'" is nobody's

    def _from_paragraph(
        self, ctx: Mentions, index: int, quotes: list[Quote], ranges: list[tuple[int, int]], text: str
    ) -> Candidate | None:
        found = super()._from_paragraph(ctx, index, quotes, ranges, text)
        if found is not None:
            return found
        doc = ctx.doc
        first = ranges[index][0]
        own = doc[first].sent
        if not all(ctx.inside[i] or doc[i].is_space for i in range(own.start, first)) or own.start == 0:
            return None
        previous = doc[own.start - 1].sent
        low, _ = _paragraph_of(text, quotes[index].start)
        if previous.root.idx < low:  # a sentence the parser ran over the paragraph break counts from its verb
            return None
        for subject in (
            c for c in previous.root.children if c.dep_ == "nsubj" and c.idx >= low and not ctx.inside[c.i]
        ):
            actor = ctx.by_token.get(subject.i)
            if subject.lower_ in PERSON_PRONOUNS or (actor is not None and actor.label is Label.ACTOR):
                return self._phrase(ctx, subject)  # "X criticised the decision on Twitter. '...'"
        return None


attribute_speakers_v3 = SpeakersV3().attribute
