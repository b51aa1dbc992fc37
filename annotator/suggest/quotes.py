"""quotes.v1: direct quotations found from the quote marks, and their speakers from the dependency parse.

`find_quotes` needs only the text (one scan over the quote marks), so it is testable without a model;
`attribute_speakers` walks a few tokens around each quote to the reporting verb and its subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate, noun_phrase
from annotator.suggest.lexicon import GROUP_PRONOUNS, PERSON_PRONOUNS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUOTES_SUGGESTER = "quotes.v1"

QUOTE_MARK = re.compile('["“”]')
OPENERS_BEFORE = frozenset(" \t\n([{—–-:")
#: A quote this short with no speaker is taken for a scare quote or a title.
SCARE_MAX_WORDS = 3
AFTER_WINDOW = 6
#: Small words a title-case title leaves in lower case ("Scientology vs. the Internet").
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "on", "in", "to", "for", "at", "by", "vs."})


@dataclass
class Quote:
    """Content offsets (marks excluded); `chain` numbers the paragraphs of one quotation reopened paragraph by
    paragraph, so they share one speaker; `speaker` is filled by `attribute_speakers`; `reported` marks a quote
    a reporting clause gives to someone the rules could not name ('"No," it added.', quotes.v4): no scare quote."""

    start: int
    end: int
    chain: int
    speaker: Candidate | None = None
    reported: bool = False


def _looks_opening(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + 1] if at + 1 < len(text) else "\n"
    return before in OPENERS_BEFORE and not after.isspace()


def _content(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip white space inside the marks; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def find_quotes(text: str, across_blank_lines: bool = False) -> list[Quote]:
    """Quotations between straight or curly double quotes, paragraph by paragraph.

    A paragraph that ends inside an open quote whose next paragraph reopens with a quote mark continues the same
    quotation (one quote per paragraph, one chain); any other unclosed mark is left alone (unbalanced), as is a
    closing mark with no opening one. A quote wrapped in brackets, `("British exit")`, is a gloss: skipped.
    The next paragraph is the next line, unless `across_blank_lines` (quotes.v5): quotes.v1-v4 lost the first
    paragraph of a quotation continued after a blank line.
    """
    between = " \t\r\n" if across_blank_lines else " \t"
    quotes: list[Quote] = []
    marks = [(m.start(), m.group()) for m in QUOTE_MARK.finditer(text)]
    chain = 0
    continuing = False
    open_at: int | None = None
    paragraph_end = -1
    index = 0
    while index < len(marks):
        at, mark = marks[index]
        if at > paragraph_end:  # entering a new paragraph: settle a quote left open in the previous one
            if open_at is not None and paragraph_end >= 0:
                next_start = paragraph_end + 1
                while next_start < len(text) and text[next_start] in between:
                    next_start += 1
                if next_start == at and _looks_opening(text, at):
                    bounds = _content(text, open_at + 1, paragraph_end)
                    if bounds:
                        quotes.append(Quote(bounds[0], bounds[1], chain))
                    continuing = True
            if not continuing:
                chain += 1
            continuing = False
            open_at = None
            newline = text.find("\n", at)
            paragraph_end = newline if newline >= 0 else len(text)
        if open_at is None:
            if mark == "“" or (mark == '"' and _looks_opening(text, at)):
                open_at = at
        elif mark in ('"', "”"):
            bounds = _content(text, open_at + 1, at)
            glossed = open_at > 0 and text[open_at - 1] == "(" and text[at + 1 : at + 2] == ")"
            if bounds and not glossed:
                quotes.append(Quote(bounds[0], bounds[1], chain))
            open_at = None
            chain += 1
        index += 1
    return quotes


def _subject(verb: Token) -> Token | None:
    """The nsubj of a reporting verb, climbing through coordinated or subordinate verbs ("and wrote")."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
        if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp", "csubj") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_ in SPEECH_VERBS


def _reporting_verbs(doc: Doc, first: int, last: int, inside: list[bool]) -> Iterator[Token]:
    """Verbs that may report the quote at tokens [first, last), most likely first: right after it, then before
    it in its sentence (nearest first), then later in the sentence."""
    index, steps = last, 0
    while index < len(doc) and steps < AFTER_WINDOW and "\n" not in doc[index].text:
        if not inside[index]:
            if _is_speech_verb(doc[index]):
                yield doc[index]
            if doc[index].text in (".", "!", "?", ";") or doc[index].pos_ in ("CCONJ", "SCONJ"):
                break  # "... tragedy" while X wrote: the next clause reports something else
            steps += 1
        index += 1
    sentence_start = doc[max(first - 1, 0)].sent.start
    index = first - 1
    while index >= sentence_start and "\n" not in doc[index].text:
        if not inside[index] and _is_speech_verb(doc[index]):
            yield doc[index]
        index -= 1
    sentence_end = doc[min(last, len(doc) - 1)].sent.end
    for index in range(last, sentence_end):
        if "\n" in doc[index].text:
            break
        if not inside[index] and _is_speech_verb(doc[index]):
            yield doc[index]


def _nearest_before(candidates: list[Candidate], position: int, kinds: tuple[str, ...]) -> Candidate | None:
    """What a pronoun stands for: the nearest earlier fitting ACTOR that is a clause subject, else the nearest
    earlier fitting ACTOR at all (subjects are the usual antecedents of a reporting "he")."""
    nearest = subject = None
    for candidate in candidates:
        if candidate.end > position:
            break
        if candidate.label is Label.ACTOR and candidate.kind in kinds:
            nearest = candidate
            if candidate.subject:
                subject = candidate
    return subject or nearest


def _speaker_for(
    doc: Doc, subject: Token, candidates: list[Candidate], by_token: dict[int, Candidate], added: list[Candidate]
) -> Candidate | None:
    """Turn the subject of a reporting verb into an ACTOR candidate (existing, resolved or new)."""
    for child in subject.children:
        if child.dep_ == "appos" and child.i in by_token and by_token[child.i].label is Label.ACTOR:
            return by_token[child.i]
    if subject.i in by_token:
        found = by_token[subject.i]
        if found.label is Label.LOCATION:
            found.label, found.kind = Label.ACTOR, "group"  # a place that speaks stands for its government
        return found if found.label is Label.ACTOR else None
    lower = subject.lower_
    if lower in PERSON_PRONOUNS:
        return _nearest_before(candidates, subject.i, ("person",))
    if lower in GROUP_PRONOUNS:
        return _nearest_before(candidates, subject.i, ("group",))
    bounds = noun_phrase(doc, subject)
    if bounds is None:
        return None
    overlapping = {by_token[i].start for i in range(*bounds) if i in by_token}
    if overlapping:
        owners = [by_token[i] for i in range(*bounds) if i in by_token and by_token[i].label is Label.ACTOR]
        return owners[0] if owners else None
    kind = "person" if doc[bounds[1] - 1].tag_ in ("NN", "NNP") else "group"
    new = Candidate(bounds[0], bounds[1], Label.ACTOR, kind)
    for i in range(*bounds):
        by_token[i] = new
    added.append(new)
    return new


def attribute_speakers(doc: Doc, quotes: list[Quote], candidates: list[Candidate]) -> list[Candidate]:
    """Fill each quote's speaker; return ACTOR candidates that had to be added for speakers (sorted later)."""
    if not quotes:
        return []
    inside = [False] * len(doc)
    token_ranges: list[tuple[int, int]] = []
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        first, last = (span.start, span.end) if span is not None else (0, 0)
        token_ranges.append((first, last))
        for i in range(max(first - 1, 0), min(last + 1, len(doc))):
            if doc[i].is_quote or i in range(first, last):
                inside[i] = True
    by_token = {i: c for c in candidates for i in range(c.start, c.end)}
    added: list[Candidate] = []
    chain_speakers: dict[int, Candidate] = {}
    for quote, (first, last) in zip(quotes, token_ranges, strict=True):
        if last <= first:
            continue
        for verb in _reporting_verbs(doc, first, last, inside):
            subject = _subject(verb)
            if subject is not None:
                quote.speaker = _speaker_for(doc, subject, candidates, by_token, added)
            if quote.speaker is not None:
                break
        if quote.speaker is not None:
            chain_speakers.setdefault(quote.chain, quote.speaker)
    for quote in quotes:
        if quote.speaker is None:
            quote.speaker = chain_speakers.get(quote.chain)
    return added


def is_scare_quote(text: str, quote: Quote) -> bool:
    """A quote nobody is reported as saying that is short (a term in scare quotes) or in title case (the
    title of a work or an article)."""
    if quote.speaker is not None or quote.reported:
        return False
    words = [w for w in text[quote.start : quote.end].split() if w[:1].isalpha()]
    if len(words) <= SCARE_MAX_WORDS:
        return True
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in TITLE_SMALL_WORDS)
    return capitalised == len(words)
