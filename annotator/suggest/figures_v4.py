"""Figures entities.v4 adds (see `suggest.general_v4`, which applies it): a number written in digits that
counts the noun or the unit after it is a FIGURE even where no source marked it ("~23 m", "6606 lives"); not
a time ("40 years", "18 hours"), nor a year, a date or a number in a name. spaCy is not imported here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.wordlists import TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: A number in digits, with an approximation sign before it if any: "23", "~415", "6,606".
DIGITS = re.compile(r"[~≈]?[0-9][0-9,.]*")
#: Nouns of time: a number that counts them is a duration or an age, no FIGURE (the guide).
TIME_NOUNS = TIME_UNITS


def _counts_what_follows(doc: Doc, index: int) -> bool:
    """The next word is a lower-case noun (a thing or a unit counted: "6606 lives", "~23 m") other than time."""
    nxt = doc[index + 1] if index + 1 < len(doc) else None
    return (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.is_lower
        and nxt.lower_ not in TIME_NOUNS
        and "." not in nxt.text  # "10 p.m.": a time
    )


def digit_counts(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A number in digits that counts the noun after it, where no span is, is a FIGURE; a year ("in 2019") or a
    number in a name ("Channel 13") is none, as the sources say (the small model's DATE is trusted unless a
    plural noun follows)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for token in doc:
        if token.i in taken or not DIGITS.fullmatch(token.text) or not _counts_what_follows(doc, token.i):
            continue
        previous = doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.pos_ == "PROPN" and previous.is_title:
            continue  # "Channel 13 news"
        if token.ent_type_ in ("DATE", "TIME") and doc[token.i + 1].tag_ != "NNS":
            continue
        added.append(Candidate(token.i, token.i + 1, Label.FIGURE, "other"))
    return sorted(spans + added, key=lambda s: (s.start, s.end))
