"""The general rules entities.v13 adds to entities.v12's layer, for three defects a newcomer met on fresh news:

- a money figure keeps its multiplier suffix: the tokenizer splits "£3m" into "£", "3", "m" and the figure stopped at
  "£3" (one token, "£1.2bn", was whole). A FIGURE that opens with a currency sign and ends in a number is extended
  over a multiplier ("m", "bn", "k", "tn" and their spellings, `MULTIPLIERS`) written right after it, with no space;
- a sports score is a FIGURE of its own, not part of a name: "3-1" (a number, a hyphen or dash, a number, written
  without spaces, neither longer than two digits, so no year or season) inside an ACTOR or LOCATION cuts it; each
  name on either side is an ACTOR (a club or a side, the one a score is about), the score one FIGURE, as a range
  is one FIGURE ("6% to 11%"). A FIGURE that covers part of such a score is extended over all of it;
- a capitalised common word at the start of a sentence is no name: a one-word ACTOR that opens a sentence is dropped
  where the parse reads it as a verb ("Count the ballots ...") or where the same text writes it in lower case
  ("Turnout rose ... The turnout was ..."), unless it is a noun for a doer (`general_v12.agent_noun`: "Police said",
  "Officials said", "Critics ..." are ACTORs). A word the text never writes in lower case stays: with no word list
  of English nouns at hand, "Turnout" alone is not told from a one-word name ("Rudaw reports", "Wikinews
  attended": reading the small model's PERSON label on a word named once dropped those too, on the corpus).

Each rule reads the tokens, the parse and general word lists only, naming no article's phrases.
spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v12 import RULES as V12_RULES
from annotator.suggest.general_v12 import agent_noun

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

#: Multipliers written right after a money figure ("£3m", "$40bn", "€5k").
MULTIPLIERS = frozenset({"m", "mn", "mln", "bn", "b", "bln", "k", "tn", "trn"})
CURRENCY_SIGNS = frozenset("£$€¥₹")
DASHES = frozenset({"-", "–", "—"})
#: Fine-grained tags of a verb's base, present and past forms: a word the parse reads so is no name.
VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ"})


def _taken(spans: list[Candidate]) -> set[int]:
    return {index for span in spans for index in range(span.start, span.end)}


def money_multipliers(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A FIGURE opening with a currency sign and ending in a number takes the multiplier glued to it ("£3m")."""
    taken = _taken(spans)
    for span in spans:
        if span.label is not Label.FIGURE or span.end >= len(doc) or span.end in taken:
            continue
        last, after = doc[span.end - 1], doc[span.end]
        has_sign = any(char in CURRENCY_SIGNS for char in doc[span.start : span.end].text) or (
            span.start > 0 and doc[span.start - 1].text in CURRENCY_SIGNS
        )
        if has_sign and last.text[-1:].isdigit() and not last.whitespace_ and after.lower_ in MULTIPLIERS:
            span.end += 1
            taken.add(span.end - 1)
    return spans


def _score_at(doc: Doc, index: int) -> bool:
    """Whether doc[index : index + 3] is a score: "3-1", no spaces, numbers of one or two digits."""
    if index < 0 or index + 3 > len(doc):
        return False
    first, dash, second = doc[index], doc[index + 1], doc[index + 2]
    return (
        first.is_digit
        and second.is_digit
        and len(first.text) <= 2
        and len(second.text) <= 2
        and dash.text in DASHES
        and not first.whitespace_
        and not dash.whitespace_
        and (index + 3 == len(doc) or not doc[index + 3].text[:1].isalnum() or bool(second.whitespace_))
    )


def _name_part(doc: Doc, start: int, end: int) -> Candidate | None:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end > start and any(token.pos_ == "PROPN" for token in doc[start:end]):
        return Candidate(start, end, Label.ACTOR, "group")
    return None


def scores(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A score inside a name cuts it into ACTOR(s) and the FIGURE; a FIGURE on part of a score covers all of it."""
    out: list[Candidate] = []
    for span in spans:
        at = next((i for i in range(span.start - 2, span.end) if _score_at(doc, i)), None)
        if at is None:
            out.append(span)
        elif span.label is Label.FIGURE:
            out.append(Candidate(min(span.start, at), max(span.end, at + 3), Label.FIGURE, span.kind, span.subject))
        elif span.start <= at and at + 3 <= span.end:
            before, after = _name_part(doc, span.start, at), _name_part(doc, at + 3, span.end)
            out.extend(part for part in (before, Candidate(at, at + 3, Label.FIGURE, "other"), after) if part)
        else:
            out.append(span)
    out.sort(key=lambda span: span.start)
    kept: list[Candidate] = []
    for span in out:  # a FIGURE widened over a score may now reach a neighbour: the first one keeps its tokens
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def sentence_start_words(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A one-word ACTOR opening a sentence that the parse reads as a verb, or the text writes in lower case, is
    dropped."""
    starts = {sentence.start for sentence in doc.sents}
    lower = {token.text for token in doc if token.is_lower}
    kept = []
    for span in spans:
        token = doc[span.start]
        if (
            span.label is Label.ACTOR
            and span.end - span.start == 1
            and span.start in starts
            and token.is_title
            and not agent_noun(token)
            and (token.tag_ in VERB_TAGS or token.lower_ in lower)
        ):
            continue
        kept.append(span)
    return kept


#: Every rule entities.v13 may run (the dev sets chose which of them run: `V13_RULES`).
CANDIDATE_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [
    money_multipliers,
    scores,
    sentence_start_words,
]
V13_RULES = list(CANDIDATE_RULES)
RULES = [*V12_RULES, *V13_RULES]
