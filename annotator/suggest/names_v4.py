"""Span edges of names and groups for entities.v4 (see `suggest.general_v4`, which applies them): a verb is no
edge of an ACTOR, a nationality word is the group it stands for, and a body's capitalised name runs through
its "of" phrase. spaCy is not imported here: the parsed Doc is handed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import DOCUMENT_HEADS, PLACE_NOUNS
from annotator.suggest.names import names_a_body

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _governs(doc: Doc, verb: int, start: int, end: int, deps: tuple[str, ...]) -> bool:
    """A verb with its object or subject inside start..end: the span ran into the clause around it."""
    return doc[verb].pos_ in ("VERB", "AUX") and any(
        t.head.i == verb and t.dep_ in deps for t in doc[start:end] if t.i != verb
    )


def no_verb_edges(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR that starts with the verb it is the object of, or ends with the verb it is the subject of, loses
    the verb ("stab people" -> "people", "officers arrived" -> "officers"); a verb used as a noun or a modifier
    stays ("the injured", "participating voters")."""
    out = []
    for span in spans:
        start, end = span.start, span.end
        if span.label is Label.ACTOR and end - start > 1:
            if _governs(doc, start, start, end, ("dobj", "nsubjpass")):
                start += 1
            elif _governs(doc, end - 1, start, end, ("nsubj",)):
                end -= 1
        out.append(Candidate(start, end, span.label, span.kind, span.subject))
    return out


def nationality_groups(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR made of a nationality or religion adjective and the lower-case nouns of a group is the adjective
    (the guide: "Egyptian and Qatari mediators" -> "Egyptian", "Qatari"; "the Bahamian government")."""
    out = []
    for span in spans:
        first = doc[span.start]
        rest = doc[span.start + 1 : span.end]
        if (
            span.label is Label.ACTOR
            and len(rest) > 0
            and first.ent_type_ == "NORP"
            and first.pos_ == "ADJ"
            and all(t.pos_ == "NOUN" and t.is_lower for t in rest)
        ):
            span = Candidate(span.start, span.start + 1, span.label, "group", span.subject)
        out.append(span)
    return out


def of_names(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A body's capitalised name and the capitalised name of its "of" phrase right after it are one name
    ("Supreme Court" + "of the United Kingdom", "Office" + "of the UN High Commissioner ...")."""
    out: list[Candidate] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        last = out[-1] if out else None
        if last is not None and last.label is Label.ACTOR and span.label in (Label.ACTOR, Label.LOCATION):
            between = [t.lower_ for t in doc[last.end : span.start]]
            head = doc[last.end - 1]
            if between in (["of"], ["of", "the"]) and head.is_title and names_a_body(head) and doc[span.start].is_title:
                out[-1] = Candidate(last.start, span.end, Label.ACTOR, "group", last.subject)
                continue
        out.append(span)
    return out


def no_documents(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A capitalised name ending in a legal text's noun ("the United States Constitution", "Directive") names a
    text: no ACTOR or LOCATION."""
    return [
        s
        for s in spans
        if s.label is Label.FIGURE or not (doc[s.end - 1].is_title and doc[s.end - 1].lower_ in DOCUMENT_HEADS)
    ]


def places_named_as_places(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A name written as a place is a LOCATION: "Allen, Texas" (a name followed by a comma and a place: the
    place it is in) and "the island Crete" (a name in apposition to a place noun)."""
    out = []
    locations = {s.start for s in spans if s.label is Label.LOCATION}
    for span in spans:
        root = doc[span.start : span.end].root
        in_place = (
            span.end + 1 < len(doc)
            and doc[span.end].text == ","
            and span.end + 1 in locations
            and doc[span.end + 1].ent_type_ == "GPE"
            and root.ent_type_ in ("GPE", "LOC", "")
        )
        named = root.dep_ == "appos" and root.head.lemma_.lower() in PLACE_NOUNS
        if span.label is Label.ACTOR and root.pos_ == "PROPN" and (in_place or named):
            span = Candidate(span.start, span.end, Label.LOCATION, "other", span.subject)
        out.append(span)
    return out
