"""The general rules entities.v7 adds to entities.v6's layer, for kinds of error the issue names on news nobody
tuned on and that newcomers' own stories showed:

- datelines with a date ("LISBON, June 3 (Reuters) -"): entities.v6 read a dateline only without one;
- things by their word: a disease or a virus ("Coronavirus has come", "blamed Ebola") and an event such as
  "Brexit" are no ACTOR or LOCATION (the learned component marks them; entities.v1 already left "Brexit" out);
- words of radio talk: "Roger," opening a sentence in a radio exchange is the procedure word, not a person
  addressed, unless the article names a person of that first name;
- figures in pieces: "six and three-quarters percent", "one and a half", "hundreds of thousands" are one FIGURE
  each (the sources made two, or only "a half" or "millions"); a proportion stays two ("29 out of 30", the house convention of tests/fixtures/README.md);
- a fraction with a qualifier and no number ("almost half", "nearly a third") is a FIGURE, as "nearly half" is in
  the guide, unless it measures time ("nearly half an hour"); the sources marked none;
- after a preposition of place, the name of a street or a building ("at Fishmongers' Hall", "on Kings Road") is a
  LOCATION (the component took halls for organisations, and missed roads).

Each reads the tokens and general word lists only, naming no article's phrases. spaCy is not imported here: the
parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest import figures
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v6 import datelines, hyphenated_figures, places_of, products, vessels
from annotator.suggest.lexicon import (
    DISEASES,
    NOT_ENTITIES,
    PLACE_NAME_ENDINGS,
    RADIO_WORDS,
    STREET_PREPOSITIONS,
)
from annotator.wordlists import FRACTIONS, TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _opens_sentence(doc: Doc, index: int) -> bool:
    before = doc[index - 1].text if index > 0 else ""
    return doc[index].is_sent_start or index == 0 or before in ("]", "...", "…", '"', "“", "(", ":", "\n")


def _radio_word(doc: Doc, span: Candidate, first_names: set[str]) -> bool:
    """'Roger,' opening a sentence, when no person the article names in full has that first name."""
    word = doc[span.start]
    return (
        span.end - span.start == 1
        and word.lower_ in RADIO_WORDS
        and word.lower_ not in first_names
        and _opens_sentence(doc, span.start)
        and span.end < len(doc)
        and doc[span.end].text in (",", ".", "!")
    )


def things_by_word(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """No ACTOR or LOCATION for a disease, an event word or a radio procedure word."""
    first_names = {
        doc[s.start].lower_ for s in spans if s.label is Label.ACTOR and s.end - s.start > 1 and doc[s.start].is_title
    }
    return [
        s
        for s in spans
        if s.label is Label.FIGURE
        or not (
            (s.end - s.start == 1 and doc[s.start].lower_ in DISEASES | NOT_ENTITIES)
            or _radio_word(doc, s, first_names)
        )
    ]


def _fraction(token: Token) -> bool:
    """A fraction word, alone or ending a hyphenated number ("half", "three-quarters")."""
    return token.lower_.split("-")[-1] in FRACTIONS


#: Plural round numbers that count larger ones with "of": "tens of millions", "hundreds of thousands".
COUNTING_PLURALS = frozenset({"tens", "dozens", "hundreds", "thousands", "millions"})
SCALE_PLURALS = frozenset({"hundreds", "thousands", "millions", "billions"})


def _join_at(doc: Doc, left: Candidate, right: Candidate) -> bool:
    """Whether the words between two FIGUREs join them into one: "and" before a fraction ("six and
    three-quarters"), "of" between plural round numbers ("hundreds of thousands")."""
    between = tuple(t.lower_ for t in doc[left.end : right.start])
    if between == ("of",):
        return doc[left.end - 1].lower_ in COUNTING_PLURALS and doc[right.start].lower_ in SCALE_PLURALS
    return between == ("and",) and any(_fraction(t) for t in doc[right.start : right.end])


def _number_before(doc: Doc, span: Candidate, taken: set[int]) -> int:
    """Where a FIGURE begins with the number no source marked before it: "one" of "one and a half" (the sources
    made "a half"), "tens" of "tens of millions" (they made "millions"); else its start."""
    start = span.start
    if start < 2 or start - 2 in taken:
        return start
    before, joiner = doc[start - 2], doc[start - 1].lower_
    half = doc[start].lower_ in ("a", "an") and joiner == "and" and before.like_num
    counted = joiner == "of" and before.lower_ in COUNTING_PLURALS and doc[start].lower_ in SCALE_PLURALS
    return start - 2 if half or counted else start


def joined_figures(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """FIGUREs in pieces made one: "six and three-quarters percent", "one and a half", "tens of millions"."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    out: list[Candidate] = []
    for span in ordered:
        last = out[-1] if out else None
        if span.label is Label.FIGURE and last is not None and last.label is Label.FIGURE and _join_at(doc, last, span):
            out[-1] = Candidate(last.start, span.end, Label.FIGURE, last.kind)
            continue
        out.append(span)
    taken = {i for s in out for i in range(s.start, s.end)}
    joined = []
    for span in out:
        if span.label is Label.FIGURE and (start := _number_before(doc, span, taken)) != span.start:
            whole = Candidate(start, span.end, Label.FIGURE, span.kind)
            span = figures.qualified(doc, whole, taken - set(range(span.start, span.end)))
        joined.append(span)
    return joined


def qualified_fractions(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A fraction after a qualifier, with no number ("almost half", "nearly a third"), is a FIGURE where no span
    is."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for index, token in enumerate(doc):
        if token.lower_ not in FRACTIONS or token.lower_.endswith("s") or index in taken:
            continue
        if index + 2 < len(doc) and doc[index + 1].lower_ in ("a", "an") and doc[index + 2].lower_ in TIME_UNITS:
            continue  # "nearly half an hour": a length of time
        bare = Candidate(index, index + 1, Label.FIGURE, "other")
        figure = figures.qualified(doc, bare, taken)  # its "a" and its qualifier, as for any figure
        if doc[figure.start].lower_ not in ("a", "an") and figure.start < index:
            added.append(figure)
            taken |= set(range(figure.start, figure.end))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def _place_name_end(doc: Doc, start: int) -> int:
    """The end of a run of capitalised words from `start` ending in a street's or a building's word
    ("Fishmongers' Hall", "Streatham High Road"), or `start` if there is none."""
    end = start
    while end < len(doc) and (doc[end].is_title or doc[end].text in ("'", "'s", "’")):
        end += 1
    while end > start and doc[end - 1].lower_ not in PLACE_NAME_ENDINGS:
        end -= 1
    return end if end - start > 1 else start


def street_and_building_names(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """After a preposition of place, the name of a street or a building is a LOCATION: an ACTOR over exactly
    those words becomes one, and an unmarked name is added ("ran from Fishmongers' Hall onto London Bridge")."""
    out = list(spans)
    for index in range(1, len(doc)):
        if doc[index - 1].lower_ not in STREET_PREPOSITIONS or not doc[index].is_title:
            continue
        end = _place_name_end(doc, index)
        if end == index:
            continue
        over = [s for s in out if s.start < end and index < s.end]
        if not over:
            out.append(Candidate(index, end, Label.LOCATION, "other"))
        elif len(over) == 1 and (over[0].start, over[0].end) == (index, end) and over[0].label is Label.ACTOR:
            out = [Candidate(index, end, Label.LOCATION, "other") if s is over[0] else s for s in out]
    return sorted(out, key=lambda s: (s.start, s.end))


def dated_datelines(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """entities.v6's datelines, also where a date follows the place's comma ("LISBON, June 3 (Reuters) -", as
    agencies date their copy): the place a LOCATION, the agency an ACTOR, the date nothing."""
    return datelines(doc, spans, dates=True)


#: Words of a percentage after its number: "percent", "%", "per cent".
PERCENT_WORDS = frozenset({"percent", "%", "cent"})


def _percentage_start(doc: Doc, sign: int) -> int | None:
    """The first token of the number before a percent word at `sign` ("six and a half | percent"), or None."""
    start = sign
    while start > 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in (*FRACTIONS, "and", "a", "an", "-")):
        start -= 1
    while start < sign and not doc[start].like_num:
        start += 1  # "and" or "a" before the number belongs to the sentence
    return start if start < sign else None


def percentages(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A number with a percent word after it is a FIGURE where no span is, even where the small model read it as a
    date ("rose six and a half percent": its DATE made the rules drop the learned component's FIGURE)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for index, token in enumerate(doc):
        word = token.lower_
        if word not in PERCENT_WORDS or (word == "cent" and doc[index - 1].lower_ != "per"):
            continue
        sign = index - 1 if word == "cent" else index
        start = _percentage_start(doc, sign)
        if start is None or taken & set(range(start, index + 1)):
            continue
        figure = figures.qualified(doc, Candidate(start, index + 1, Label.FIGURE, "other"), taken)
        added.append(figure)
        taken |= set(range(figure.start, figure.end))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


#: entities.v5's layer goes through these: entities.v6's rules with its datelines read with a date, then v7's own.
RULES = [
    dated_datelines,
    vessels,
    products,
    places_of,
    hyphenated_figures,
    things_by_word,
    joined_figures,
    qualified_fractions,
    street_and_building_names,
    percentages,
]
