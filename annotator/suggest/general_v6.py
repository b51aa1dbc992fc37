"""The general rules entities.v6 adds to entities.v5's layer: shapes of newsroom copy that the dev sets never show
(their Wikinews texts had datelines removed) and kinds of error the issue names on news nobody tuned on:

- datelines: the upper-case place a story or paragraph opens with, before a comma, a bracket or a dash
  ("VALENCIA, Spain —", "LONDON (Reuters) -", "ST. LOUIS, Mo. —"), is a LOCATION (the small model took such
  places for organisations, or missed them);
- vessels: a name after a ship's prefix ("MV", "HMS", "USS") names a vessel, no ACTOR or LOCATION, and so do the
  article's other mentions of that name;
- figures: a number written with hyphens and a fraction ("three-and-a-half million") is one FIGURE.

Each is plain English typography over the tokens and word lists, naming no article's phrases. spaCy is not
imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import ROUND_NUMBERS, _words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The dashes a dateline ends with ("VALENCIA, Spain —", "LONDON (Reuters) -", "KYIV --").
DASHES = frozenset({"-", "--", "—", "–"})
#: Newsroom slugs written in capitals before a dash, which are no place ("UPDATE -", "BREAKING —").
SLUGS = _words("update updated breaking exclusive analysis opinion editorial correction watch live urgent flash")
#: Prefixes of ships' names, written in capitals: motor vessel, steam ship, naval ships of several countries.
VESSEL_PREFIXES = frozenset(
    {"MV", "M/V", "MS", "M/S", "SS", "RMS", "HMS", "HMCS", "HMAS", "HMNZS", "USS", "USNS", "USCGC", "INS", "FV", "RV"}
)
#: The words of a hyphenated fraction after a whole number: "three-and-a-half", "two-and-a-quarter".
FRACTIONS = frozenset({"half", "quarter", "third"})


def _capital_word(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token.text) > 1


def _opens_paragraph(doc: Doc, index: int) -> bool:
    return index == 0 or "\n" in doc[index - 1].text or "\n" in doc[index - 1].whitespace_


def _dateline_dash(doc: Doc, end: int) -> bool:
    """Whether a dateline's dash comes after its place's end: at once, after a region or country (", Spain",
    ", Mo."), or after an agency's bracket ("(Reuters)"), and with a space before it ("SARS-CoV-2" has none)."""
    index = end
    if index < len(doc) and doc[index].text == ",":
        index += 1
        while index < len(doc) and index - end < 5 and (doc[index].text[:1].isupper() or doc[index].text == "."):
            index += 1
        if index == end + 1:
            return False  # "UNESCO, a specialized agency": a comma, then no region's name
    if index < len(doc) and doc[index].text == "(":
        close = next((i for i in range(index + 1, min(index + 6, len(doc))) if doc[i].text == ")"), None)
        if close is None:
            return False
        index = close + 1
    return index < len(doc) and doc[index].text in DASHES and bool(doc[index - 1].whitespace_)


def _dateline_at(doc: Doc, start: int) -> int | None:
    """The end of a dateline's place starting at `start` (a paragraph's first token), or None: upper-case words,
    joined by "." or "-" ("ST. LOUIS", "PORT-AU-PRINCE"), then a dash, maybe after a region and an agency."""
    end = start
    while end < len(doc) and end - start < 8:
        token = doc[end]
        if _capital_word(token):
            end += 1
        elif token.text in (".", "-") and end > start and end + 1 < len(doc) and _capital_word(doc[end + 1]):
            end += 1  # "ST. LOUIS": the tokenizer makes the point its own token
        elif token.text.endswith(".") and token.text[:-1].isalpha() and token.text[:-1].isupper():
            end += 1  # "ST." as one token
        else:
            break
    if end == start or not _dateline_dash(doc, end) or any(t.lower_ in SLUGS for t in doc[start:end]):
        return None
    return end


def datelines(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A paragraph's opening upper-case place before a comma, a bracket or a dash is a LOCATION; a span over it
    (the small model's organisation, or "VALENCIA , Spain" as one) gives way."""
    found = [
        (start, end)
        for start in range(len(doc))
        if _opens_paragraph(doc, start) and (end := _dateline_at(doc, start)) is not None
    ]
    if not found:
        return spans
    kept = [s for s in spans if not any(s.start < end and start < s.end for start, end in found)]
    kept += [Candidate(start, end, Label.LOCATION, "other") for start, end in found]
    return sorted(kept, key=lambda s: (s.start, s.end))


def _vessel_name(doc: Doc, span: Candidate) -> str | None:
    """The name of a vessel this span is (or starts with the prefix of), or None."""
    words = doc[span.start : span.end]
    if words[0].text in VESSEL_PREFIXES and len(words) > 1:
        return words[1:].text
    before = span.start - 1
    if before >= 0 and doc[before].text in VESSEL_PREFIXES and words[0].text[:1].isupper():
        return words.text
    return None


def vessels(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A name after a ship's prefix is a vessel, not a participant or a place, wherever the article names it."""
    names = {name for span in spans if span.label is not Label.FIGURE and (name := _vessel_name(doc, span)) is not None}
    if not names:
        return spans

    def bare(span: Candidate) -> str:
        words = doc[span.start : span.end]
        return words[1:].text if words[0].lower_ == "the" and len(words) > 1 else words.text

    return [s for s in spans if s.label is Label.FIGURE or (_vessel_name(doc, s) is None and bare(s) not in names)]


def _fraction_end(doc: Doc, end: int) -> int:
    """Past "-and-a-half" (and a round number after it) from `end`, or `end` itself."""
    words = [t.lower_ for t in doc[end : end + 6]]
    if (
        words[:5] in (["-", "and", "-", "a", "-"], ["-", "and", "-", "an", "-"])
        and words[5:6]
        and words[5] in FRACTIONS
    ):
        end += 6
        if end < len(doc) and doc[end].lower_ in ROUND_NUMBERS:
            end += 1
    return end


def hyphenated_figures(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A FIGURE ending where "-and-a-half" follows takes it, and the round number after it."""
    out = []
    taken = {i for s in spans for i in range(s.start, s.end)}
    for span in spans:
        end = _fraction_end(doc, span.end) if span.label is Label.FIGURE else span.end
        if end != span.end and not taken & set(range(span.end, end)):
            span = Candidate(span.start, end, span.label, span.kind, span.subject)
        out.append(span)
    return out


RULES = [datelines, vessels, hyphenated_figures]
