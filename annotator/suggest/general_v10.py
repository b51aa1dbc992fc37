"""The general rule entities.v10 adds to entities.v9's layer: streets and squares are places (the guide: "Places as
places: countries, regions, cities, districts, streets, buildings"), whatever the component made of their names.

- a name whose last word is a street word ("Oxford Street", "Nevsky Prospekt", "Potsdamer Platz", "Main St."), that
  is one word ending in one ("Friedrichstraße"), or whose first word is one, with a name word after it ("Avenida da
  Liberdade", "Boulevard Haussmann", "Place de la Concorde"), is a LOCATION, not an ACTOR;
- a name that cuts a street's name takes the whole name: "Liberdade" of "Avenida da Liberdade", "Oxford" of "Oxford
  Street";
- a street's name nothing marks is a LOCATION where it stands ("Police closed Fifth Avenue", "fled down Avenue
  Foch"), unless it is the subject of an active verb ("Wall Street fell": it may stand for who is there).

Not a street: the subject of a verb of saying, which speaks for who is there ("Downing Street said"; the guide's
metonymy), a street word inside a longer name ("the Florida Highway Patrol"), a person's name ending in a word that is also a surname (the small model's PERSON: "Nathan Lane"), and a
street word alone ("Smith met Street"). The word lists are `lexicon.STREET_ENDINGS`, `STREET_SUFFIXES` and
`STREET_FIRST_WORDS`; no article's phrases are named. spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v9 import RULES as V9_RULES
from annotator.suggest.lexicon import (
    SPEECH_VERBS,
    STREET_ENDINGS,
    STREET_FIRST_WORDS,
    STREET_PREPOSITIONS,
    STREET_SUFFIXES,
)
from annotator.suggest.places_v8 import capitalised_word, ordered
from annotator.wordlists import PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _name_word(token: Token) -> bool:
    """A word of a street's name: capitalised ("Fifth", "Karl-Marx-Straße", "St."), or a particle ("da", "de")."""
    return token.text[:1].isupper() or token.lower_ in PARTICLES or token.text in STREET_ENDINGS


def _ends_a_street(token: Token) -> bool:
    lower = token.lower_
    return token.text in STREET_ENDINGS or any(
        lower.endswith(suffix) and len(lower) > len(suffix) + 2 for suffix in STREET_SUFFIXES
    )


def _is_street(doc: Doc, start: int, end: int) -> bool:
    """The words start..end are a street's or a square's name. An empty run (start at or past end) names none: a
    name the guide marks inside a participant's phrase ("the young LAPD fighters", `general_v4.participants` trims
    marked words only at the phrase's left edge) reaches `streets_are_places` after the phrase, whose end bounds the
    name's start. Guarded here rather than in the participants rule, which entities.v4 to v9 share: there the nested
    name changes what they suggest, here an empty run either returned False already or raised IndexError."""
    if start >= end:
        return False
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1  # "the Kurfürstendamm"
    if end < len(doc) and capitalised_word(doc[end]):
        return False  # the name goes on: "Highway Patrol", "Street Journal"
    words = doc[start:end]
    if not all(_name_word(t) for t in words) or not words[-1].text[:1].isupper():
        return False
    last, first = words[-1], words[0]
    if last.text in STREET_ENDINGS and len(words) > 1 and last.ent_type_ != "PERSON":
        return True  # not a surname that is also a street word ("Nathan Lane")
    if last.text not in STREET_ENDINGS and _ends_a_street(last):
        return True  # "Friedrichstraße", "Karl-Marx-Straße"
    return first.text in STREET_FIRST_WORDS and len(words) > 1 and capitalised_word(last)


def _opener_before(doc: Doc, start: int) -> int:
    """The start of a street word and particles right before `start` ("Avenida da | Liberdade"), else `start`."""
    at = start - 1
    while at >= 0 and doc[at].lower_ in PARTICLES:
        at -= 1
    return at if at >= 0 and at < start and doc[at].text in STREET_FIRST_WORDS else start


def _as_subject(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose subject the name is, itself or in a coordination ("The Kremlin and Downing Street denied")."""
    word = doc[start:end].root
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    return word.head if word.dep_ == "nsubj" else None


def _speaks(doc: Doc, start: int, end: int) -> bool:
    """The name is the subject of a verb of saying ("Downing Street said"): it stands for who is there."""
    verb = _as_subject(doc, start, end)
    return verb is not None and verb.lemma_.lower() in SPEECH_VERBS


def streets_are_places(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR or LOCATION that is, or cuts, a street's name becomes a LOCATION of the whole name (see above)."""
    out = []
    for index, span in enumerate(spans):
        if span.label is Label.FIGURE or _speaks(doc, span.start, span.end):
            out.append(span)
            continue
        before = spans[index - 1].end if index else 0
        after = spans[index + 1].start if index + 1 < len(spans) else len(doc)
        start = max(_opener_before(doc, span.start), before) if capitalised_word(doc[span.start]) else span.start
        end = span.end
        if end < after and doc[end].text in STREET_ENDINGS and not _ends_a_street(doc[end - 1]):
            end += 1
        for a, b in ((start, end), (span.start, span.end)):
            if _is_street(doc, a, b):
                out.append(Candidate(a, b, Label.LOCATION, "other", span.subject))
                break
        else:
            out.append(span)
    return out


def _acts(doc: Doc, start: int, end: int) -> bool:
    """The name is the subject of an active verb: it may stand for who is there ("Wall Street fell")."""
    return _as_subject(doc, start, end) is not None


def _opened_street_end(doc: Doc, start: int) -> int:
    """The end of a street's name opening with its street word and with a name word after it ("Avenue Foch"), right
    after a preposition of place ("fled down Avenue Foch"); else `start`."""
    if start == 0 or doc[start - 1].lower_ not in STREET_PREPOSITIONS | {"down", "up", "off", "past", "by"}:
        return start
    end = start + 1
    while end < len(doc) and (capitalised_word(doc[end]) or doc[end].lower_ in PARTICLES):
        end += 1
    while end > start + 1 and not capitalised_word(doc[end - 1]):
        end -= 1
    return end if end > start + 1 else start


def unmarked_streets(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A street's name that nothing marks is a LOCATION: ending in a street word ("Police closed Fifth Avenue"), or
    opening with one after a preposition of place ("fled down Avenue Foch"); not the subject of an active verb, which
    may stand for who is there ("Wall Street fell")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for token in doc:
        if token.i in taken:
            continue
        start, end = token.i, token.i
        if token.text in STREET_ENDINGS:
            while start > 0 and start - 1 not in taken and capitalised_word(doc[start - 1]):
                start -= 1
            end = token.i + 1 if start < token.i else token.i
        if end == start and token.text in STREET_FIRST_WORDS:
            end = _opened_street_end(doc, token.i)
        span = set(range(start, end))
        if end > start and not taken & span and _is_street(doc, start, end) and not _acts(doc, start, end):
            added.append(Candidate(start, end, Label.LOCATION, "other"))
            taken |= span
    return ordered(spans + added)


#: Every rule entities.v10 may run (the dev sets chose which of them run: `V10_RULES`).
CANDIDATE_RULES = [streets_are_places, unmarked_streets]
#: entities.v10's own rules, in the order they run after entities.v9's.
V10_RULES = list(CANDIDATE_RULES)

RULES = [*V9_RULES, *V10_RULES]
