"""quotes.v2: the speaker of each direct quotation, from the parse first and the paragraph around it second.

For each quote (found by `quotes.find_quotes`), in order:
1. the reporting word that governs it in the parse: a speech verb the quote's own words hang from ("said",
   "tweeted", "called X ..."), "according to", or a speech noun ("a statement by X", "an order by X");
2. failing that, a speech verb next to it: right after it in its clause ("..., said Bill Brown, a ..."),
   before it in its sentence, or later in its sentence; a verb after the quote that has a complement of its
   own ("X tweeted that ...") reports something else and is passed over;
3. failing that, the paragraph: another quote of the same paragraph with a speaker (the one before, else the
   one after: a speaker named later), the reporting clause of the next sentence in the paragraph ("X added",
   "X told reporters"), the subject of a speech verb in the sentence before, or a quotation that continues
   the previous paragraph's quote or colon.

A reporting word's speaker is its subject (the name next to the verb when a title or description comes
first, as in "speaker of the parliament Ali Larijani wrote"), its agent ("by X"), the object of "according
to", or the owner of a statement ("the family's statement read"). A pronoun stands for the nearest earlier
compatible ACTOR (a person for he/she, an organisation for it, a group or organisation for they/we),
preferring clause subjects, and the speaker is that entity's mention nearest the pronoun.
Short or title-case quotes get a speaker only from steps 1 and 2, so scare quotes stay unattributed (and are
then dropped by `quotes.is_scare_quote`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import EXTRA_SPEECH_VERBS, SPEECH_VERBS
from annotator.suggest.mentions import Mentions, named_next_to, of_words, owner, phrase_speaker
from annotator.suggest.quotes import Quote, is_scare_quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUOTES_V2 = "quotes.v2"

#: How far up the parse from a quote's words its reporting verb may be ("told AFP the man is in care with
#: 'severe burns'": burns -> with -> care -> in -> is -> told).
GOVERNOR_STEPS = 6
#: How many sentences apart two quotes of one paragraph may be for one to lend the other its speaker.
NEIGHBOUR_SENTENCES = 2
#: The words after a quote that may still be its reporting clause ("..., said the mayor of the town").
AFTER_WINDOW = 8
#: The same for a short quote, which may be a scare quote: only a reporting clause right after it.
SHORT_AFTER_WINDOW = 3


def _is_speech_verb(token: Token) -> bool:
    """A verb of saying; a participle naming a thing ("a process called ...") is not one."""
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return False
    return token.pos_ in ("VERB", "AUX") and (token.lemma_ in SPEECH_VERBS or token.lemma_ in EXTRA_SPEECH_VERBS)


def _is_according(token: Token) -> bool:
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def _has_own_complement(verb: Token, ctx: Mentions) -> bool:
    """A verb after the quote whose clausal complement lies outside the quote reports other words."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and not ctx.inside[c.i] for c in verb.children) or any(
        c.dep_ == "mark" and c.lower_ == "that" for c in verb.subtree if c.i > verb.i
    )


def _governs_a_quote(verb: Token, ctx: Mentions) -> bool:
    """A verb reporting a quote of its own (its complement's words are quoted)."""
    return any(ctx.inside[c.i] and not c.is_punct for c in verb.children)


def _paragraph_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _sentence_number(doc: Doc, token: int) -> int:
    starts = [s.start for s in doc.sents]
    return bisect_right(starts, token)


class SpeakersV2:
    """quotes.v2's rules, one method a step, so a later version overrides a step and keeps the rest."""

    def _reports(self, token: Token) -> bool:
        """A verb of saying (`_is_speech_verb`)."""
        return _is_speech_verb(token)

    #: Who the doc's phrases name, while speakers are found (a later version may widen it).
    mentions: type[Mentions] = Mentions

    def _phrase(self, ctx: Mentions, head: Token) -> Candidate | None:
        """The ACTOR a noun phrase names (`mentions.phrase_speaker`)."""
        return phrase_speaker(ctx, head)

    def _subjects(self, ctx: Mentions, verb: Token) -> list[Token]:
        """The subjects of a verb, nearest the verb first, climbing through coordinated or subordinate verbs
        ("and wrote") and from a relative clause to its noun ("X, who said")."""
        for _ in range(4):
            found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if found:
                return sorted(found, key=lambda t: abs(verb.i - t.i))
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
                return [verb.head]
            if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp", "csubj") and verb.head is not verb:
                verb = verb.head
            else:
                return []
        return []

    def _subject_speaker(self, ctx: Mentions, subject: Token, word: Token) -> Candidate | None:
        """The speaker a subject of the reporting word names: the name right before the word, or the phrase's."""
        named = named_next_to(ctx, subject.left_edge.i, word) if subject.i < word.i else None
        return named or self._phrase(ctx, subject)

    def _speaker_of(self, ctx: Mentions, word: Token) -> Candidate | None:
        """The speaker that a reporting word names."""
        if _is_according(word):
            for to in word.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return self._phrase(ctx, obj)
            return None
        if word.pos_ in ("NOUN", "PROPN"):
            found = owner(ctx, word)
            if found is not None or not any(c.dep_ == "nsubj" for c in word.children):
                return found  # else a verb the tagger took for a noun: "The Department notes, ..."
        for agent in (c for c in word.children if c.dep_ == "agent"):
            for obj in agent.children:
                if obj.dep_ == "pobj":
                    return self._phrase(ctx, obj)
        subjects = self._subjects(ctx, word)
        if not subjects:
            return named_next_to(ctx, word.sent.start, word)  # "..., the president of X, Jamel Msallem, said"
        for subject in subjects:
            if subject.dep_ == "nsubjpass":
                continue  # "he was quoted as saying" is handled by its agent, "was told" names the listener
            speaker = self._subject_speaker(ctx, subject, word)
            if speaker is not None:
                return speaker
        left = min(s.left_edge.i for s in subjects)
        return named_next_to(ctx, left, word, people_only=False)  # "Ambassador to the UN Nikki Haley wrote"

    def _outermost(self, ctx: Mentions, word: Token) -> Token:
        """The reporting verb that reports a reporting verb ("his office said that the cabinet had asked ...",
        "X told Y the data suggested: ...") is the quote's attribution."""
        while word.dep_ == "ccomp" and word.head is not word and self._reports(word.head):
            word = word.head
        return word

    def _governor(self, ctx: Mentions, first: int, last: int, short: bool = False) -> Iterator[Token]:
        """Reporting words the quote's own words hang from in the parse (nearest first). A short quote that is
        the subject of a clause ("the word 'pandemic' refers to", "the so-called 'peace plan' was published")
        is a mention of a term, not words someone is reported as saying."""
        doc = ctx.doc
        low, high = _paragraph_of(ctx.text, doc[first].idx)
        roots = [t for t in doc[first:last] if not (first <= t.head.i < last) or t.head is t]
        for root in roots:
            for child in root.children:
                if not low <= child.idx < high or ctx.inside[child.i]:
                    continue
                if _is_according(child) or self._reports(child):
                    yield child  # '"...," according to X' or a parenthetical "(he said)"
            head = root
            for _ in range(GOVERNOR_STEPS):
                if head.head is head or (short and head.dep_ in ("nsubj", "nsubjpass")):
                    break
                head = head.head
                if first <= head.i < last or not low <= head.idx < high:
                    break
                if self._reports(head) or _is_according(head):
                    yield self._outermost(ctx, head)
                    break
                if head.pos_ == "NOUN" and of_words(head):
                    yield head
                    break

    def _nearby(self, ctx: Mentions, first: int, last: int, after_only: bool = False) -> Iterator[Token]:
        """Speech verbs next to the quote: right after it in its clause, before it in its sentence (nearest
        first), then later in its sentence (only right after it, '"lousy," he said', when `after_only`)."""
        doc, inside = ctx.doc, ctx.inside
        index, steps = last, 0
        window = SHORT_AFTER_WINDOW if after_only else AFTER_WINDOW
        while index < len(doc) and steps < window and "\n" not in doc[index].text:
            if not inside[index]:
                token = doc[index]
                if (self._reports(token) and not _has_own_complement(token, ctx)) or _is_according(token):
                    yield token
                if token.text in (".", "!", "?", ";") or token.pos_ in ("CCONJ", "SCONJ"):
                    break
                steps += 1
            index += 1
        if after_only:
            return
        sentence = doc[max(first - 1, 0)].sent
        for index in range(first - 1, sentence.start - 1, -1):
            if "\n" in doc[index].text:
                break
            if not inside[index] and (self._reports(doc[index]) or _is_according(doc[index])):
                yield doc[index]
        end = doc[min(last, len(doc) - 1)].sent.end
        for index in range(last, end):
            if "\n" in doc[index].text:
                break
            if not inside[index] and (self._reports(doc[index]) or _is_according(doc[index])):
                yield doc[index]

    def _mark_before(self, ctx: Mentions, first: int) -> int:
        """The token before the quote that starts at token `first` (-1 for none), past white space and quotes."""
        mark = first - 1
        while mark >= 0 and (ctx.inside[mark] or ctx.doc[mark].is_space):
            mark -= 1
        return mark

    def _colon_subjects(self, ctx: Mentions, first: int, words_only: bool = True) -> Iterator[Token]:
        """The subject of a clause that introduces the quote with a colon but no speech verb the model knows:
        a statement ("The family's statement on the death read: ..."), or else (`words_only` False) an ACTOR or
        a pronoun ("The Biden campaign recycled a statement: ...")."""
        doc = ctx.doc
        colon = self._mark_before(ctx, first)
        if colon < 0 or doc[colon].text != ":":
            return
        start = doc[colon].sent.start
        for token in doc[start:colon]:
            if token.dep_ != "nsubj" or ctx.inside[token.i]:
                continue
            named = any(t.i in ctx.by_token for t in token.subtree)
            if of_words(token) or (not words_only and (token.pos_ == "PRON" or named)):
                yield token

    def _direct(self, ctx: Mentions, first: int, last: int, short: bool) -> Candidate | None:
        """A speaker from the quote's own reporting clause (steps 1 and 2); for a short quote (a word or two, or
        a title) only a verb its words hang from or one right after it: "called the deal 'lousy'"."""
        seen: set[int] = set()
        for subject in self._colon_subjects(ctx, first):
            speaker = self._phrase(ctx, subject)
            if speaker is not None:
                return speaker
        for word in self._governor(ctx, first, last, short):
            seen.add(word.i)
            speaker = self._speaker_of(ctx, word)
            if speaker is not None:
                return speaker
        if not short:
            for subject in self._colon_subjects(ctx, first, words_only=False):
                speaker = self._phrase(ctx, subject)
                if speaker is not None:
                    return speaker  # "The Biden campaign recycled a statement it first put out in July: ..."
        for word in self._nearby(ctx, first, last, after_only=short):
            if word.i in seen:
                continue
            seen.add(word.i)
            speaker = self._speaker_of(ctx, word)
            if speaker is not None:
                return speaker
        return None

    def _reported_by_unnamed(self, ctx: Mentions, first: int, last: int) -> bool:
        """A short quote with no speaker that a reporting clause still gives to someone (not in quotes.v2 and v3:
        such a quote is taken for a scare quote)."""
        return False

    def _sentence_speaker(self, ctx: Mentions, start: int, end: int, intransitive: bool) -> Candidate | None:
        """The subject of a speech verb in tokens [start, end) outside quotes (only verbs without a complement of
        their own when `intransitive`: "X added", "X told reporters")."""
        for index in range(start, end):
            token = ctx.doc[index]
            if ctx.inside[index]:
                continue
            if token.dep_ in ("nsubj", "nsubjpass") and of_words(token):
                found = owner(ctx, token) or owner(ctx, token.head)
                if found is not None:
                    return found  # "The words came from X", "The remarks were made by X"
            if not self._reports(token) and not any(c.dep_ == "dobj" and of_words(c) for c in token.children):
                continue  # "X issued a statement regarding ..." reports the next sentence's quote too
            if intransitive and (_has_own_complement(token, ctx) or _governs_a_quote(token, ctx)):
                continue
            speaker = self._speaker_of(ctx, token)
            if speaker is not None:
                return speaker
        return None

    def _from_paragraph(
        self, ctx: Mentions, index: int, quotes: list[Quote], ranges: list[tuple[int, int]], text: str
    ) -> Candidate | None:
        """Step 3 for quote `index`: its paragraph (and the paragraph before, for a continued quotation)."""
        doc = ctx.doc
        quote = quotes[index]
        first, last = ranges[index]
        start, end = _paragraph_of(text, quote.start)
        here = _sentence_number(doc, first)
        same = [
            j
            for j, q in enumerate(quotes)
            if start <= q.start < end
            and j != index
            and q.speaker is not None
            and abs(_sentence_number(doc, ranges[j][0]) - here) <= NEIGHBOUR_SENTENCES
        ]
        before = [j for j in same if j < index]
        after = [j for j in same if j > index]
        if before:
            return quotes[before[-1]].speaker
        if after:
            return quotes[after[0]].speaker
        root = doc[first].sent.root
        if not first <= root.i < last:
            for subject in (c for c in root.children if c.dep_ == "nsubj"):
                if subject.pos_ == "PRON" or subject.i in ctx.by_token:
                    found = self._phrase(ctx, subject)
                    if found is not None:
                        return found  # "He has based his campaign on the pledge to begin '...'"
        sentence = doc[min(last, len(doc) - 1)].sent
        if sentence.end < len(doc):
            following = doc[sentence.end].sent
            if following.start_char < end:
                found = self._sentence_speaker(ctx, following.start, following.end, intransitive=True)
                if found is not None:
                    return found
        own = doc[first].sent
        if own.start > 0:
            previous = doc[own.start - 1].sent
            if previous.start_char >= start:
                found = self._sentence_speaker(ctx, previous.start, previous.end, intransitive=False)
                if found is not None:
                    return found
        if text[start : quote.start].strip(" \t\"“”'‘") == "" and start > 0:
            previous_start, _ = _paragraph_of(text, start - 1)
            earlier = [
                j for j, q in enumerate(quotes) if previous_start <= q.start < start - 1 and q.speaker is not None
            ]
            ends_with = text[previous_start : start - 1].rstrip()
            if earlier and (ends_with.endswith(":") or ends_with.endswith(("”", '"'))):
                return quotes[earlier[-1]].speaker
        return None

    def attribute(self, doc: Doc, quotes: list[Quote], candidates: list[Candidate]) -> list[Candidate]:
        """Fill each quote's speaker; return the ACTOR candidates added for unnamed speakers."""
        if not quotes:
            return []
        inside = [False] * len(doc)
        ranges: list[tuple[int, int]] = []
        for quote in quotes:
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            first, last = (span.start, span.end) if span is not None else (0, 0)
            ranges.append((first, last))
            for i in range(max(first - 1, 0), min(last + 1, len(doc))):
                if doc[i].is_quote or first <= i < last:
                    inside[i] = True
        ctx = self.mentions(doc, sorted(candidates, key=lambda c: c.start), inside)
        text = ctx.text
        for quote, (first, last) in zip(quotes, ranges, strict=True):
            if last > first:
                short = is_scare_quote(text, quote)
                quote.speaker = self._direct(ctx, first, last, short=short)
                quote.reported = short and quote.speaker is None and self._reported_by_unnamed(ctx, first, last)
        chains: dict[int, Candidate] = {}
        for quote in quotes:
            if quote.speaker is not None:
                chains.setdefault(quote.chain, quote.speaker)
        for quote in quotes:
            if quote.speaker is None:
                quote.speaker = chains.get(quote.chain)
        for index, quote in enumerate(quotes):
            first, last = ranges[index]
            if quote.speaker is None and last > first and not is_scare_quote(text, quote):
                quote.speaker = self._from_paragraph(ctx, index, quotes, ranges, text)
        return ctx.added


attribute_speakers_v2 = SpeakersV2().attribute
