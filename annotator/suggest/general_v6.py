"""The general rules entities.v6 adds to entities.v5's layer: shapes of newsroom copy that the dev sets never show
(their Wikinews texts had datelines removed) and kinds of error the issue names on news nobody tuned on:

- datelines: the upper-case place a story or paragraph opens with, before a comma, a bracket or a dash
  ("VALENCIA, Spain —", "LONDON (Reuters) -", "ST. LOUIS, Mo. —"), is a LOCATION (the small model took such
  places for organisations, or missed them);
- datelines also: the region or country after the place's comma is a LOCATION, the agency in the bracket an ACTOR;
- vessels: a name after a ship's prefix ("MV", "HMS", "BRP") or a noun for a ship or an aircraft ("the frigate X")
  names a vessel, no ACTOR or LOCATION, and so do the article's other mentions of that name;
- products: a maker's name before a model's number ("an Airbus A320", "a Boeing 737") names the product, no ACTOR,
  and the model's number is no FIGURE;
- places: the name in "the island of X", "the city of X" is a LOCATION (the small model missed such names or took
  them for actors);
- figures: a number written with hyphens and a fraction ("three-and-a-half million") is one FIGURE.

Each is plain English typography over the tokens and word lists, naming no article's phrases. spaCy is not
imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.figure_shapes import fraction_length
from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v4 import bare_name
from annotator.suggest.lexicon import ROUND_NUMBERS, _words
from annotator.wordlists import DATELINE_DASHES, SLUGS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Prefixes of ships' names, written in capitals: motor vessel and tanker, steam ship, yachts, research and fishing
#: vessels, the navies' and coast guards' ships of several countries.
VESSEL_PREFIXES = _words(
    """MV M/V MS M/S MT SS RMS MY SY SV FV RV HMS HMCS HMAS HMNZS USS USNS USCGC CCGS INS BRP HNLMS TCG PNS KRI NRP
    ROKS ARA BNS HDMS HSwMS"""
)
#: A month's name or abbreviation in a dateline's date, and the day after it: "June 3", "Nov. 14", "Sept 9".
MONTH = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|June|July|August|September|October|November|December"
)
DAY = re.compile(r"[1-9]|[12][0-9]|3[01]")
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
#: Nouns for ships and aircraft that introduce a name: "the frigate X" is a vessel, not a participant.
VESSEL_NOUNS = _words(
    """frigate destroyer cruiser corvette warship submarine trawler freighter tanker ferry ship vessel boat yacht
    liner lifeboat tug barge aircraft airliner jet plane helicopter"""
)
#: A year, which names an edition, not a model: "Toronto Comicon 2019".
YEAR = re.compile(r"(?:19|20)[0-9]{2}")
#: Nouns for places that take their name in an "of" phrase: "the island of Kythira", "the city of Valencia".
PLACE_OF_NOUNS = _words(
    """island islands city town village province state region district county port capital municipality
    prefecture governorate archipelago peninsula"""
)
#: A model's number after a maker's name: "Airbus A320", "Boeing 737", "787-9".
MODEL_NUMBER = re.compile(r"[A-Z]{0,2}[1-9][0-9]{2,3}(?:-[0-9]+)?[A-Za-z]{0,3}")


def _capital_word(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token.text) > 1


def _opens_paragraph(doc: Doc, index: int) -> bool:
    return index == 0 or "\n" in doc[index - 1].text or "\n" in doc[index - 1].whitespace_


def date_length(doc: Doc, index: int) -> int:
    """How many tokens from `index` make a dateline's date ("June 3", "Nov. 14", "Tuesday"), 0 if none
    (entities.v7 reads datelines with a date; entities.v6 does not)."""
    if index >= len(doc):
        return 0
    if doc[index].text in WEEKDAYS:
        return 1
    day = doc[index + 1].text if index + 1 < len(doc) else ""
    return 2 if MONTH.fullmatch(doc[index].text) and DAY.fullmatch(day) else 0


def _at_date(doc: Doc, index: int, dates: bool) -> int:
    """With `dates`, the tokens of a date at `index`, with a comma before it ("Mo., Dec. 2"); else 0."""
    if not dates:
        return 0
    if index < len(doc) and doc[index].text == "," and (length := date_length(doc, index + 1)):
        return length + 1
    return date_length(doc, index)


def _dateline_dash(doc: Doc, end: int, dates: bool = False) -> bool:
    """Whether a dateline's dash comes after its place's end: at once, after a region or country (", Spain",
    ", Mo."), (with `dates`) a date, or after an agency's bracket ("(Reuters)"), and with a space before it
    ("SARS-CoV-2" has none)."""
    index = end
    if index < len(doc) and doc[index].text == ",":
        index += 1
        while index < len(doc) and index - end < 5:
            if date := _at_date(doc, index, dates):
                index += date
                break
            if not (doc[index].text[:1].isupper() or doc[index].text == "."):
                break
            index += 1
        if index == end + 1:
            return False  # "UNESCO, a specialized agency": a comma, then no region's name
    if index < len(doc) and doc[index].text == "(":
        close = next((i for i in range(index + 1, min(index + 6, len(doc))) if doc[i].text == ")"), None)
        if close is None:
            return False
        index = close + 1
    return index < len(doc) and doc[index].text in DATELINE_DASHES and bool(doc[index - 1].whitespace_)


def _dateline_at(doc: Doc, start: int, dates: bool = False) -> int | None:
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
    if end == start or not _dateline_dash(doc, end, dates) or any(t.lower_ in SLUGS for t in doc[start:end]):
        return None
    return end


def _dateline_parts(doc: Doc, start: int, end: int, dates: bool = False) -> list[Candidate]:
    """A dateline's spans: its place, the region or country after the comma (LOCATIONs) and the agency in its
    bracket (an ACTOR, the story's source): "VALENCIA, Spain (Levante Press) —"; with `dates`, a date is none of
    them ("LISBON, June 3 (Reuters) -")."""
    parts = [Candidate(start, end, Label.LOCATION, "other")]
    index = end
    if doc[index].text == ",":
        first = index = index + 1
        while doc[index].text not in DATELINE_DASHES and doc[index].text != "(" and not _at_date(doc, index, dates):
            index += 1
        if index > first:
            parts.append(Candidate(first, index, Label.LOCATION, "other"))
        index += _at_date(doc, index, dates)
    if doc[index].text == "(":
        close = next(i for i in range(index + 1, len(doc)) if doc[i].text == ")")
        if close > index + 1:
            parts.append(Candidate(index + 1, close, Label.ACTOR, "group"))
    return parts


def datelines(doc: Doc, spans: list[Candidate], dates: bool = False) -> list[Candidate]:
    """A paragraph's opening dateline: its upper-case place and the region after it are LOCATIONs, the agency in
    its bracket an ACTOR; spans over them give way (the small model took the places for organisations or for
    actors, and an agency's name for a place). With `dates` (entities.v7), a dateline may carry a date."""
    parts = [
        part
        for start in range(len(doc))
        if _opens_paragraph(doc, start) and (end := _dateline_at(doc, start, dates)) is not None
        for part in _dateline_parts(doc, start, end, dates)
    ]
    if not parts:
        return spans
    kept = [s for s in spans if not any(s.start < p.end and p.start < s.end for p in parts)]
    return sorted(kept + parts, key=lambda s: (s.start, s.end))


def _vessel_name(doc: Doc, span: Candidate) -> str | None:
    """The name of a vessel this span is (or starts with the prefix of), or None."""
    words = doc[span.start : span.end]
    if words[0].text in VESSEL_PREFIXES and len(words) > 1:
        return words[1:].text
    if span.start == 0 or not words[0].text[:1].isupper():
        return None
    before = doc[span.start - 1]
    named = before.text in VESSEL_PREFIXES or (before.text.islower() and before.lower_ in VESSEL_NOUNS)
    return words.text if named else None


def vessels(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A name after a ship's prefix or a noun for a ship or an aircraft ("the frigate X") is a vessel, not a
    participant or a place, wherever the article names it."""
    names = {name for span in spans if span.label is not Label.FIGURE and (name := _vessel_name(doc, span)) is not None}
    if not names:
        return spans
    return [
        s for s in spans if s.label is Label.FIGURE or (_vessel_name(doc, s) is None and bare_name(doc, s) not in names)
    ]


def _maker_of_model(doc: Doc, span: Candidate) -> bool:
    """An ACTOR that names a product's maker right before the model's number ("Airbus A320", "a Boeing 737")."""
    after = span.end
    return (
        span.label is Label.ACTOR
        and after < len(doc)
        and bool(doc[span.end - 1].whitespace_)
        and MODEL_NUMBER.fullmatch(doc[after].text) is not None
        and not YEAR.fullmatch(doc[after].text)  # "Comicon 2019": an event's year
    )


def products(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A maker's name before a model's number names the product ("an Airbus A320"): no ACTOR, and the model's
    number no FIGURE."""
    models = {s.end for s in spans if _maker_of_model(doc, s)}
    return [s for s in spans if not _maker_of_model(doc, s) and not (s.label is Label.FIGURE and s.start in models)]


def _name_after(doc: Doc, start: int) -> int:
    """The end of the run of capitalised proper nouns from `start` (`start` itself if there is none)."""
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return end


def places_of(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """The name in "the island of X", "the city of X" is a LOCATION: an ACTOR there becomes one, and an unmarked
    name there is added."""
    out = list(spans)
    for index in range(1, len(doc) - 1):
        noun = doc[index - 1]
        if doc[index].lower_ != "of" or not noun.text.islower() or noun.lower_ not in PLACE_OF_NOUNS:
            continue
        start, end = index + 1, _name_after(doc, index + 1)
        if end == start:
            continue
        over = [s for s in out if s.start < end and start < s.end]
        if not over:
            out.append(Candidate(start, end, Label.LOCATION, "other"))
        elif len(over) == 1 and (over[0].start, over[0].end) == (start, end) and over[0].label is Label.ACTOR:
            out = [Candidate(start, end, Label.LOCATION, "other") if s is over[0] else s for s in out]
    return sorted(out, key=lambda s: (s.start, s.end))


def _fraction_end(doc: Doc, end: int) -> int:
    """Past "-and-a-half" (and a round number after it) from `end`, or `end` itself."""
    length = fraction_length([t.lower_ for t in doc[end : end + 6]])
    if length < 3:  # the "-and-a-" forms only: a figure the sources made holds "-thirds" already ("about two-thirds")
        return end
    end += length
    return end + 1 if end < len(doc) and doc[end].lower_ in ROUND_NUMBERS else end


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


RULES = [datelines, vessels, products, places_of, hyphenated_figures]
