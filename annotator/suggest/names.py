"""Names and titles for entities.v3's general rules: a person's whole name, titles off names, a title or the
words of a title before a name, and the determiner a participant named by a common noun keeps (the guide:
"Prime Minister Jane Doe" -> "Jane Doe"; "one official", "the army")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest import figures
from annotator.suggest.entities import Candidate
from annotator.suggest.lexicon import BODY_NOUNS, GENERAL_TITLES, ORGANISATION_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns a surname before them makes a group of people: "the Kennedy family".
FAMILY_NOUNS = frozenset({"family", "families", "clan", "dynasty", "household"})
#: Determiners a common-noun participant keeps: "the captain", "one official", "a spokesperson".
DETERMINERS = frozenset({"the", "a", "an", "one", "this", "that", "these", "those"})


def part_of_name(token: Token) -> bool:
    """A capital "The" inside a sentence belongs to the name it starts ("an e-mail to The New York Times")."""
    return token.text == "The" and token.i > 0 and not token.is_sent_start and not token.nbor(-1).is_punct


def _name_word(token: Token) -> bool:
    """A capitalised proper noun outside the small model's names that is no title: a word of a person's name."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_iob_ == "O" and not token.is_punct


def whole_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person's name with the words of the same name the small model left out: a given name before it
    ("Sadiq" of "Sadiq Khan"), a surname after it ("Mijares" of "Graciano Mijares"); words joined to the name
    as compounds in the parse, capitalised proper nouns that are no title; and the family a surname names."""
    while start > 0 and _name_word(doc[start - 1]) and not _is_title(doc, start - 1) and not _is_title(doc, start):
        word = doc[start - 1]
        if word.dep_ != "compound" or not start <= word.head.i < end:
            break
        start -= 1
    while end < len(doc) and _name_word(doc[end]) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
        end += 1
    if end < len(doc) and doc[end].lower_ in FAMILY_NOUNS and doc[end - 1].head.i == end:
        end += 1  # "the Kennedy family": the family, a group, is the participant
    return start, end


def _is_title(doc: Doc, index: int) -> bool:
    return doc[index].lower_ in GENERAL_TITLES


def titles_only(doc: Doc, start: int, end: int) -> bool:
    """Every word a title ("Supreme Leader"), after a determiner if there is one."""
    if doc[start].lower_ in DETERMINERS and end - start > 1:
        start += 1
    return all(_is_title(doc, i) for i in range(start, end))


def _lower_case_name(doc: Doc, span: Candidate, root: Token) -> bool:
    """An organisation's name with its last word in lower case: "the European union", "the Republican party"."""
    before = doc[span.start : root.i]
    return len(before) > 0 and all(t.text[:1].isupper() for t in before) and names_a_body(root)


def with_determiner(doc: Doc, span: Candidate) -> Candidate | None:
    """A participant named by a common noun or a title, not by a name, keeps the determiner before it (the
    guide: "one official", "the army"; "the royal council", "a Coast Guard spokesperson", "the President's
    office", "the Supreme Leader"); a title without one is no ACTOR ("Sultan", "President" alone)."""
    titles = titles_only(doc, span.start, span.end)
    root = doc[span.start : span.end].root
    if not titles and (root.pos_ != "NOUN" or _lower_case_name(doc, span, root)):
        return span
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and before.lower_ in DETERMINERS
        and before.dep_ in ("det", "nummod")
        and not (before.lower_ == "one" and figures.counted_with_others(before))
        and span.start <= before.head.i < span.end
    ):
        return Candidate(span.start - 1, span.end, span.label, span.kind)
    if titles and doc[span.start].lower_ not in DETERMINERS:
        return None
    return span


def split_titles(doc: Doc, span: Candidate) -> list[Candidate]:
    """An ACTOR name without its title; words before the title that are capitalised are an organisation."""
    if span.label is not Label.ACTOR or titles_only(doc, span.start, span.end):
        return [span]
    titles = [
        i
        for i in range(span.start, span.end - 1)
        if _is_title(doc, i) and doc[i + 1].pos_ == "PROPN" and (doc[i].is_title or doc[i].is_lower)
    ]
    if not titles:
        return [span]
    first = last = titles[0]
    while last + 1 < span.end - 1 and _is_title(doc, last + 1):
        last += 1  # "Prime Minister"
    if doc[last + 1].ent_type_ not in ("PERSON", ""):
        return [span]  # "Health Ministry", "World Health Organization": a name, not a title before a person
    out = []
    if first > span.start and doc[span.start : first].text[:1].isupper():
        out.append(Candidate(span.start, first, span.label, span.kind))
    out.append(Candidate(last + 1, span.end, span.label, span.kind))
    return out


def _person_follows(doc: Doc, end: int) -> bool:
    """A person's name right after `end` (or after a comma: an apposition)."""
    index = end + 1 if end < len(doc) and doc[end].text == "," else end
    return index < len(doc) and doc[index].ent_type_ == "PERSON"


def title_before_name(doc: Doc, span: Candidate) -> Candidate | None:
    """An ACTOR that is a title or a description of the named person right after it is not marked ("National
    Security Advisor Tzachi Hanegbi", "The mayor of London, Sadiq Khan"); an organisation before the title
    stays ("Coast Guard Commandant Elson Hermogino" -> "Coast Guard", "Labour MP Tom Watson" -> "Labour"), in
    the span or right before it."""
    if span.label is not Label.ACTOR:
        return span
    after = span.end
    while after < len(doc) and _is_title(doc, after):
        after += 1
    if not _person_follows(doc, after) or doc[span.end - 1].ent_type_ == "PERSON":
        return span
    end = span.end
    while end > span.start and _is_title(doc, end - 1):
        end -= 1
    if end == span.end == after:
        last = doc[span.end - 1]
        if last.pos_ == "PROPN" or (names_a_body(last) and doc[span.start : span.end].root == last):
            return span  # "speaker of the parliament Ali Larijani": the parliament is a body
        return None  # a description: "a fire service spokesman"
    if end > span.start and doc[end - 1].pos_ == "PROPN" and (end - span.start == 1 or names_a_body(doc[end - 1])):
        return Candidate(span.start, end, span.label, "group")
    return None  # "National Security Advisor": the words before the title are part of the title


def names_a_body(word: Token) -> bool:
    """The last word of an organisation's name: "Coast Guard", "Health Ministry", "White House"."""
    return word.lower_ in BODY_NOUNS or word.lower_ in ORGANISATION_HEADS


def place_before_person(doc: Doc, span: Candidate) -> list[Candidate]:
    """A name of three words or more right after "<title> of" is the place the title is of and the person
    ("Mayor of Springfield Joe Quimby" -> LOCATION "Springfield", ACTOR "Joe Quimby"); [] for any other span."""
    start, end = span.start, span.end
    if span.label is not Label.ACTOR or end - start < 3 or start < 2:
        return []
    if (
        doc[start - 1].lower_ != "of"
        or not _is_title(doc, start - 2)
        or doc[start].ent_type_ not in ("PERSON", "ORG", "")
    ):
        return []
    return [Candidate(start, start + 1, Label.LOCATION, "other"), Candidate(start + 1, end, Label.ACTOR, "person")]
