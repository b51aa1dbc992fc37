"""quotes.v4: quotes.v3's speakers, and a short quote that a pronoun is reported as saying is kept as a quote.

quotes.v3 takes a quote of three words or fewer with no speaker for a scare quote and drops it. When the speaker
is a pronoun whose antecedent the rules could not find among the entity layer's ACTORs ('... walked out. "We are
done," they said.', where the entity layer left the subject of "walked out" unmarked), the quote lost its speaker
and then itself. quotes.v4:
- keeps such a quote: a verb of saying that its words hang from directly, or that follows right after it, with a
  personal pronoun as its subject ("it added", "they told reporters", "she said") reports words somebody said, not
  a term in scare quotes; the quote then gets its speaker as a longer quote does (the paragraph's other quotes and
  reporting clauses), or none. A verb further up the parse ("She posted a photo with 'goodbye' written as the
  caption"), a passive verb ('"a monster," it was called') or a pronoun inside the quote changes nothing;
- gives "it", "they" or "we" that no ACTOR fits an antecedent the entity layer left unmarked: the nearest clause
  subject outside quotes within the pronoun's window that is a noun for a doer ("The miners walked out",
  `general_v12.agent_noun`), a body for "it" ("The ferry company cancelled ..."), added as an ACTOR as quotes.v2
  adds "one resident"; only for a pronoun that nothing else fits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.suggest.entities import Candidate, noun_phrase
from annotator.suggest.general_v12 import agent_noun
from annotator.suggest.lexicon import BODY_HEADS, BODY_NOUNS, GOVERNMENTS
from annotator.suggest.mentions import Mentions
from annotator.suggest.speakers_v3 import MentionsV3, SpeakersV3
from annotator.wordlists import BODY_NOUNS as BODY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

QUOTES_V4 = "quotes.v4"

#: Subject pronouns that stand for a speaker ("I" and "you" in news are the writer or the reader).
SPEAKING_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
#: Nouns for a body that "it" may stand for ("the company", "the council").
BODIES = BODY_NOUNS | BODY_HEADS | GOVERNMENTS | BODY_WORDS


def _fits_unmarked(token: Token, pronoun: str) -> bool:
    """A common-noun subject that "it" (a body, singular) or "they"/"we" (a doer) may stand for."""
    if pronoun == "it":
        return token.tag_ == "NN" and (token.lemma_.lower() in BODIES or token.lower_ in BODIES)
    return agent_noun(token) and (token.tag_ == "NNS" or token.lemma_.lower() in BODIES)


class MentionsV4(MentionsV3):
    """quotes.v3's mentions, and an unmarked subject for "it", "they" and "we" that no ACTOR fits."""

    def unmarked_antecedent(self, pronoun: Token, window_start: int) -> Candidate | None:
        lower = pronoun.lower_
        if lower not in ("it", "they", "we"):
            return None  # he and she: the proper-noun subjects of quotes.v2
        for token in reversed(self.doc[window_start : pronoun.i]):
            if token.dep_ != "nsubj" or token.pos_ != "NOUN" or self.inside[token.i] or token.i in self.by_token:
                continue
            if _fits_unmarked(token, lower):
                bounds = noun_phrase(self.doc, token)
                if bounds is None:
                    return None
                owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i < bounds[0]]
                start = owners[0].left_edge.i if owners else bounds[0]  # "The union's members", as "his office"
                return self.add(start, bounds[1])
        return None


class SpeakersV4(SpeakersV3):
    """quotes.v4's rules (see the module docstring)."""

    mentions = MentionsV4

    def _reported_by_unnamed(self, ctx: Mentions, first: int, last: int) -> bool:
        """A verb of saying the quote's words hang from directly ('it called the plan "too costly"'), or right
        after the quote ('"...," it added'), with a pronoun as its active subject; not a verb further up the parse
        ('She posted a photo with "goodbye" written as the caption' is no quote of hers)."""
        heads = {t.head.i for t in ctx.doc[first:last] if not first <= t.head.i < last}
        governing = [w for w in self._governor(ctx, first, last, short=True) if w.i in heads]
        for word in [*governing, *self._nearby(ctx, first, last, after_only=True)]:
            if not self._reports(word):
                continue
            for subject in self._subjects(ctx, word):
                if subject.dep_ == "nsubj" and subject.lower_ in SPEAKING_PRONOUNS and subject.pos_ == "PRON":
                    return True
        return False


attribute_speakers_v4 = SpeakersV4().attribute
