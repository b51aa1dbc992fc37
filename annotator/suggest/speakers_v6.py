"""quotes.v6: quotes.v5's quotations and speakers, and four general constructions the third dev set showed
(`tests/fixtures/gold/entities_dev3.jsonl`, training/README.md "A third dev set"):
- "X quoted Y as saying '...'", "Y was quoted as saying": the one quoted speaks, not the one who quotes (quotes.v2
  to v5 gave the words to X, an outlet); a thing quoted ("He quoted the Bible: ...") leaves the quoter speaking;
- a statement from or by someone that the clause before a colon makes its object speaks for them ("The palace
  issued the following statement from the king: '...'" is the king's), ahead of the clause's subject, which only
  passes it on; a possessor does not ("in their comments:" may be any one of them);
- "point out" reports words as "note" does ("She pointed out she had '...'");
- a participle of saying that the parse hangs under the clause a verb of saying reports ("He stated the trial would
  not be impartial, saying he expected '...'") has that verb's subject, not the reported clause's ("the trial").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import SPEECH_NOUNS
from annotator.suggest.mentions import Mentions, owner
from annotator.suggest.speakers_v4 import SpeakersV4

if TYPE_CHECKING:
    from spacy.tokens import Token

QUOTES_V6 = "quotes.v6"

#: Verbs whose object, not subject, is the one whose words follow ("Politico quoted Tim Manning as saying").
QUOTING_VERBS = frozenset({"quote", "cite"})


def _points_out(token: Token) -> bool:
    return (
        token.pos_ == "VERB"
        and token.lemma_ == "point"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    )


def _sent_by(ctx: Mentions, statement: Token) -> Candidate | None:
    """The ACTOR a statement is from or by ("a statement from the king"), not its possessor ("their comments" may
    be any one of them)."""
    children = list(statement.children)
    sent = any(
        c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and any(o.dep_ == "pobj" for o in c.children)
        for c in children
    )
    if not sent or any(c.dep_ == "poss" for c in children):
        return None
    found = owner(ctx, statement)
    return found if found is not None and found.label is Label.ACTOR else None


class SpeakersV6(SpeakersV4):
    """quotes.v6's rules (see the module docstring)."""

    def _reports(self, token: Token) -> bool:
        return super()._reports(token) or _points_out(token)

    def _quoted(self, ctx: Mentions, verb: Token) -> Candidate | None:
        """The one a quoting verb quotes: its object ("quoted X as saying") or its passive subject ("X was quoted
        as saying"), when that is an ACTOR of the layer or a name; not a thing ("citing the move as '...'") nor
        the quoted words themselves ("cited the government's 'ongoing repression'")."""
        for child in verb.children:
            if child.dep_ not in ("dobj", "nsubjpass") or any(ctx.inside[t.i] for t in child.subtree):
                continue
            actor = ctx.by_token.get(child.i)
            if (actor is not None and actor.label is Label.ACTOR) or child.pos_ == "PROPN":
                found = self._phrase(ctx, child)
                if found is not None and found.label is Label.ACTOR:
                    return found
        return None

    def _speaker_of(self, ctx: Mentions, word: Token) -> Candidate | None:
        if word.pos_ == "VERB" and word.lemma_ in QUOTING_VERBS:
            quoted = self._quoted(ctx, word)
            if quoted is not None:
                return quoted
        return super()._speaker_of(ctx, word)

    def _subjects(self, ctx: Mentions, verb: Token) -> list[Token]:
        head = verb.head
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.dep_ == "ccomp" and self._reports(head.head):
            return super()._subjects(ctx, head.head)  # "He stated the trial would ..., saying ..." -> He
        return super()._subjects(ctx, verb)

    def _direct(self, ctx: Mentions, first: int, last: int, short: bool) -> Candidate | None:
        mark = self._mark_before(ctx, first)
        if mark >= 0 and ctx.doc[mark].text == ":":
            for token in ctx.doc[ctx.doc[mark].sent.start : mark]:
                if token.dep_ == "dobj" and token.lemma_.lower() in SPEECH_NOUNS and not ctx.inside[token.i]:
                    found = _sent_by(ctx, token)
                    if found is not None:
                        return found  # "issued the following statement from the king: ..."
        return super()._direct(ctx, first, last, short)


attribute_speakers_v6 = SpeakersV6().attribute
