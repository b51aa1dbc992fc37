"""Figures for entities.v3's general rules: what is no figure (dates, ordinals, numbers in names, "one" as an
article), a "one" that counts, and the qualifier a figure takes ("at least 35", "nearly 24", "all 33", "~23",
"a dozen", "half a million")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import A_QUANTITIES, FIGURE_QUALIFIERS_1, FIGURE_QUALIFIERS_2, FIGURE_QUALIFIERS_3

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KEPT_SIGNS = frozenset({"$", "£", "€", "~"})
COUNT_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def not_a_figure(doc: Doc, span: Candidate) -> bool:
    """Dates and times, ordinals, numbers that are part of a name, a clock time, or "one"."""
    tokens = doc[span.start : span.end]
    text = tokens.text
    if (
        any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in tokens)
        and not any(t.ent_type_ in COUNT_ENTS for t in tokens)
        and not _share_of(doc, span.end)
    ):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and before.pos_ == "PROPN"
        and before.is_title
        and not before.is_sent_start
        and text[:1] not in KEPT_SIGNS
    ):
        return True  # "Channel 13", "Apollo 11"
    if len(text) == 4 and text.startswith("0") and text.isdigit():
        return True  # "0800"
    return text.lower() in ("one", "1") and not counted_with_others(doc[span.start])


def _share_of(doc: Doc, end: int) -> bool:
    """A share of something ("a quarter of the homes"), which the small model may read as a date."""
    return doc[end - 1].lower_ in A_QUANTITIES and end < len(doc) and doc[end].lower_ == "of"


def _conjuncts(token: Token) -> list[Token]:
    """The token and every word coordinated with it ("civilians, personnel, and member")."""
    first = token
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ == first.pos_)]


def counted_with_others(one: Token) -> bool:
    """A "one" that counts like the numbers coordinated with it, so it is a figure: "five soldiers and one
    sailor", "killed one and injured eight"."""
    noun = one.head if one.dep_ in ("nummod", "det") else one
    others = [t for t in _conjuncts(noun) if t is not noun]
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass"):
        verbs = [v for v in _conjuncts(noun.head) if v is not noun.head]
        others += [c for v in verbs for c in v.children if c.dep_ == noun.dep_]
    return any(t.like_num or any(c.dep_ == "nummod" and c.like_num for c in t.children) for t in others)


def qualified(doc: Doc, span: Candidate, taken: set[int]) -> Candidate:
    """A FIGURE with its own words ("a dozen", "half a million") and the qualifier before it, where those
    tokens belong to no other span."""
    if span.label is not Label.FIGURE:
        return span
    start, end = span.start, span.end
    if (
        doc[end - 1].lower_ == "half"
        and end + 1 < len(doc)
        and doc[end].lower_ == "a"
        and doc[end + 1].like_num
        and end not in taken
    ):
        end += 2
    if (
        start >= 1
        and doc[start].lower_ in A_QUANTITIES
        and doc[start - 1].lower_ in ("a", "an")
        and start - 1 not in taken
    ):
        start -= 1  # "a dozen", "a quarter"

    def free(first: int) -> bool:
        return first >= 0 and not set(range(first, start)) & taken

    words = [t.lower_ for t in doc[max(start - 3, 0) : start]]
    if len(words) == 3 and tuple(words) in FIGURE_QUALIFIERS_3 and free(start - 3):
        start -= 3
    elif len(words) >= 2 and tuple(words[-2:]) in FIGURE_QUALIFIERS_2 and free(start - 2):
        start -= 2
    elif words and (words[-1] in FIGURE_QUALIFIERS_1 or words[-1].endswith("~")) and free(start - 1):
        start -= 1
    return Candidate(start, end, span.label, span.kind)
