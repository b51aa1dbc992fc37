"""The general rules entities.v4 adds to entities.v3's layer, found on the second entity dev set (news the shipped
component never saw) and kept only for a gain there with no loss on the dev gold. Each is plain English grammar
over the parse and word lists, naming no article's phrases:

- titles: occupations written as a title before a name are no part of it ("Sheriff Bill Brown", "Broadcaster
  Piers Morgan", "Representatives Eliot Engel");
- a capital "The" inside a sentence right before a name is part of it ("of The Rolling Stones");
- groups: the small model's nationality or religion nouns in the plural are participants ("the Kurds", "Hindus");
- channels: a name that words go "via" is a medium ("criticized the decision via Twitter"), and so is one a
  person "reacted on";
- things: a name that a work or a vessel noun introduces ("the film Black Panther", "The boat, Conception,") is
  no ACTOR or LOCATION, and neither are the article's other mentions of that whole name;
- people: a person's full name, or its last word, that recurs unmarked in the article is that person again;
- "of" phrases: a member or relative noun joins the ACTOR it is "of" ("Members of the public", "the family of
  Harry Dunn");
- figures: "a few hundred", "an estimated two million", "a hundred thousand", "four or more" are one FIGURE;
- participants: a noun phrase headed by a noun for a person's role that no source marked is an ACTOR ("the
  suspect", "his girlfriend"), unless it describes someone named or a name or nationality word modifies it;
- parties: places "between" which, or "with" which, there are dealings are ACTORs ("talks between Serbia and
  Kosovo", "the conflict with Russia").
- edges (`suggest.names_v4`): a verb is no edge of an ACTOR ("stab people"), a nationality adjective is the
  group and not its noun ("Syrian refugees" -> "Syrian"), a body's name runs through its "of" phrase ("Supreme
  Court of the United Kingdom"), and a legal text's name is no ACTOR or LOCATION ("the United States
  Constitution"); a name written as a place is a LOCATION ("Allen, Texas", "the island Crete").
- counts (`suggest.figures_v4`): a number in digits that counts the noun after it is a FIGURE where no source
  marked it ("6606 lives", "~23 m"), not a duration or a time.
spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.entities_v3 import SMALL_KEY
from annotator.suggest.figures_v4 import digit_counts
from annotator.suggest.lexicon import (
    DEALINGS_NOUNS,
    MEMBER_NOUNS,
    OCCUPATION_TITLES,
    PERSON_NOUNS,
    ROUND_NUMBERS,
    THING_NOUNS,
)
from annotator.suggest.names_v4 import (
    nationality_groups,
    no_documents,
    no_verb_edges,
    of_names,
    places_named_as_places,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    Rule = Callable[[Doc, list[Candidate]], list[Candidate]]

#: Words before a number that make one figure with it: "a few hundred", "an estimated two million".
FIGURE_LEADS = frozenset({("a", "few"), ("an", "estimated"), ("some", "estimated")})
#: The small model's types of participants' and places' names: "via news agency Interfax" names a source.
NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _covered(spans: list[Candidate]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _title_before_name(doc: Doc, index: int) -> bool:
    return doc[index].lower_ in OCCUPATION_TITLES and doc[index + 1].pos_ == "PROPN"


def titles_off(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR starting with an occupation written as a title before a proper name loses it."""
    out = []
    for span in spans:
        start = span.start
        while span.label is Label.ACTOR and start < span.end - 1 and _title_before_name(doc, start):
            start += 1
        out.append(Candidate(start, span.end, span.label, span.kind, span.subject))
    return out


def the_in_names(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A capital "The" inside a sentence, right before an ACTOR's proper name, is the start of that name."""
    taken = _covered(spans)
    out = []
    for span in spans:
        before = span.start - 1
        if (
            span.label is Label.ACTOR
            and before > 0
            and doc[before].text == "The"
            and doc[before - 1].is_alpha
            and doc[before - 1].is_lower
            and doc[span.start].pos_ == "PROPN"
            and before not in taken
        ):
            span = Candidate(before, span.end, span.label, span.kind, span.subject)
        out.append(span)
    return out


def group_nouns(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """The small model's nationality, religion or political names used as plural nouns ("the Kurds") are ACTORs
    where no other span is."""
    taken = _covered(spans)
    added = []
    for ent in doc.spans.get(SMALL_KEY, doc.ents):
        root = ent.root
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        if (
            ent.label_ == "NORP"
            and root.tag_ in ("NNS", "NNPS")
            and root.dep_ not in ("amod", "compound")
            and not any(c.dep_ in ("amod", "advmod", "nummod") for c in root.children)
            and not taken & set(range(start, ent.end))
        ):
            added.append(Candidate(start, ent.end, Label.ACTOR, "group"))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def channels(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A proper name that words go "via", or that someone "reacted on", is a medium, not an ACTOR."""
    out = []
    for span in spans:
        root = doc[span.start : span.end].root
        preposition = root.head
        verb = preposition.head
        medium = root.dep_ == "pobj" and (
            (preposition.lower_ == "via" and verb.pos_ == "VERB" and root.ent_type_ not in NAMED_TYPES)
            or (preposition.lower_ == "on" and verb.lemma_ == "react")
        )
        if not (medium and root.pos_ == "PROPN" and span.label is not Label.FIGURE):
            out.append(span)
    return out


def _introduced_by_thing(doc: Doc, start: int) -> bool:
    """The word before `start` (before a comma, if one) is a work's or a vessel's noun."""
    before = start - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    return before >= 0 and doc[before].lower_ in THING_NOUNS and doc[before].pos_ == "NOUN"


def things_named(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A name a work or a vessel noun introduces is no ACTOR or LOCATION; a whole such name (punctuation after it)
    is a thing wherever else the article mentions it."""
    things: set[str] = set()
    dropped: set[tuple[int, int]] = set()
    for span in spans:
        if span.label is not Label.FIGURE and _introduced_by_thing(doc, span.start):
            dropped.add((span.start, span.end))
            if span.end >= len(doc) or doc[span.end].is_punct:
                things.add(bare_name(doc, span))
    return [
        s
        for s in spans
        if (s.start, s.end) not in dropped and (s.label is Label.FIGURE or bare_name(doc, s) not in things)
    ]


def bare_name(doc: Doc, span: Candidate) -> str:
    """A span's text without a leading article: "The Seawind" and "Seawind" name one thing."""
    start = span.start + (1 if doc[span.start].lower_ == "the" and span.end - span.start > 1 else 0)
    return doc[start : span.end].text


def _name_run(doc: Doc, start: int, end: int) -> bool:
    """Capitalised proper nouns from start to end, with no capitalised word right before or after them."""

    def name_word(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()

    joined = (start > 0 and (not doc[start - 1].whitespace_ or doc[start - 1].text in ("#", "@"))) or (
        end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ("-", "–")
    )
    return (
        all(name_word(i) for i in range(start, end))
        and not name_word(start - 1)
        and not name_word(end)
        and not joined  # "Mir-Mohammadi", "#Imus", "Trump-Ukraine": part of another word
    )


def people_again(
    doc: Doc, spans: list[Candidate], name_run: Callable[[Doc, int, int], bool] | None = None
) -> list[Candidate]:
    """A person's full name (two words or more, the small model's PERSON), or its last word, that recurs where no
    span is, is that person again; `name_run` tells a name standing alone (`_name_run` here; entities.v14 reads
    white space its own way)."""
    name_run = name_run or _name_run
    wanted: set[tuple[str, ...]] = set()
    for span in spans:
        words = doc[span.start : span.end]
        if span.label is Label.ACTOR and len(words) > 1 and all(t.ent_type_ == "PERSON" for t in words):
            wanted.add(tuple(t.text for t in words))
            wanted.add((words[-1].text,))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(wanted, key=lambda n: (-len(n), n)):  # the longest name first, in a fixed order
        by_first.setdefault(name[0], []).append(name)
    taken = _covered(spans)
    added = []
    for start, token in enumerate(doc):
        for name in by_first.get(token.text, []):
            end = start + len(name)
            if (
                end <= len(doc)
                and tuple(t.text for t in doc[start:end]) == name
                and not taken & set(range(start, end))
                and name_run(doc, start, end)
                and not _introduced_by_thing(doc, start)  # "radio show Imus in the Morning"
            ):
                added.append(Candidate(start, end, Label.ACTOR, "person"))
                taken |= set(range(start, end))
                break
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def members_of(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A member or relative noun and the ACTOR it is "of" right after it are one ACTOR ("members of the
    public")."""
    out: list[Candidate] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        last = out[-1] if out else None
        if last is not None and last.label is Label.ACTOR and span.label is Label.ACTOR:
            words = doc[last.start : last.end]
            between = [t.lower_ for t in doc[last.end : span.start]]
            tail = [t.lower_ for t in words]
            head_ok = any(t.lower_ in MEMBER_NOUNS for t in words[: max(1, len(words) - 2)])
            joined = between in (["of"], ["of", "the"]) or (not between and tail[-1:] in (["of"], ["the"]))
            if head_ok and joined and "of" in [*tail, *between]:
                out[-1] = Candidate(last.start, span.end, Label.ACTOR, "group", last.subject)
                continue
        out.append(span)
    return out


def _extended(doc: Doc, span: Candidate) -> tuple[int, int]:
    start, end = span.start, span.end
    if tuple(t.lower_ for t in doc[max(start - 2, 0) : start]) in FIGURE_LEADS:
        start -= 2
    elif start > 0 and doc[start].lower_ in ROUND_NUMBERS and doc[start - 1].lower_ == "a":
        start -= 1
    if end + 1 < len(doc) and doc[end].lower_ == "or" and doc[end + 1].lower_ in ("more", "fewer", "less"):
        end += 2
    return start, end


def whole_figures(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A FIGURE takes the words that make one number with it: "a few" or "an estimated" before it, the article
    of a round number ("a hundred thousand") and "or more" after it. A span made of those words alone goes; a
    span the words only reach into keeps them."""
    out = list(spans)
    for span in spans:
        if span.label is not Label.FIGURE or not any(o is span for o in out):
            continue
        start, end = _extended(doc, span)
        others = [o for o in out if o is not span and o.start < end and start < o.end]
        if (start, end) == (span.start, span.end) or any(o.start < start or o.end > end for o in others):
            continue
        grown = Candidate(start, end, span.label, span.kind, span.subject)
        out = [grown if o is span else o for o in out if not any(o is x for x in others)]
    return out


#: Words a participant's noun phrase keeps before its noun: "the", "his", "a", "this" (not numbers: FIGUREs).
KEPT_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"})
#: Singular nouns for a whole group, which need no determiner: "clergy were told", "crew escaped".
GROUP_NOUNS = frozenset({"clergy", "crew", "police", "staff"})
#: Where a noun describes someone already named or is a predicate, not a mention ("X, a doctor", "was a nurse").
DESCRIBING = frozenset({"appos", "attr", "acomp", "oprd", "compound", "npadvmod"})


def _phrase_start(doc: Doc, head: int) -> int | None:
    """The first word of a participant's noun phrase: its lower-case modifiers and its determiner; None where a
    name or a nationality word modifies the noun (that word is the ACTOR: "Syrian refugees", "ISIS fighters")."""
    start = head
    while start > 0:
        word = doc[start - 1]
        modifier = word.head.i == head and word.dep_ in ("amod", "compound")
        if modifier and (word.pos_ == "PROPN" or word.ent_type_ in NAMED_TYPES):
            return None
        if modifier and (word.pos_ in ("ADJ", "NOUN") or word.tag_ == "VBN"):
            start -= 1
        elif word.dep_ == "advmod" and word.head.pos_ == "ADJ" and start <= word.head.i < head:
            start -= 1  # "too many"
        else:
            break
    if start > 0 and doc[start - 1].lower_ in KEPT_DETERMINERS and doc[start - 1].head.i == head:
        start -= 1
    return start


def _describes(word: Token) -> bool:
    """The noun describes someone named rather than mentioning someone: an apposition, a predicate, "as" a
    role, or a title or description before a person's name ("his wife Mary", "the prime minister, X")."""
    while word.dep_ == "conj" and word.head is not word:
        word = word.head
    after = word.i + 2 if word.i + 1 < len(word.doc) and word.nbor().text == "," else word.i + 1
    return (
        word.dep_ in DESCRIBING
        or (word.dep_ == "pobj" and word.head.lower_ == "as")
        or (after < len(word.doc) and word.doc[after].ent_type_ == "PERSON")
    )


def participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A noun phrase headed by a lower-case noun for a person's role ("the suspect", "his girlfriend", "rogue
    operatives") that no source marked is an ACTOR, with its modifiers and determiner; not where it describes
    someone named, nor where a name or a nationality word modifies it."""
    taken = _covered(spans)
    added = []
    for word in doc:
        if (
            word.pos_ != "NOUN"
            or word.lemma_.lower() not in PERSON_NOUNS
            or not (word.is_lower or word.is_sent_start)
            or word.i in taken
            or _describes(word)
        ):
            continue
        start = _phrase_start(doc, word.i)
        if start is None or (start == word.i and word.tag_ == "NN" and word.lower_ not in GROUP_NOUNS):
            continue  # a singular noun with no determiner mentions nobody: "taken hostage"
        while start in taken:
            start += 1
        added.append(Candidate(start, word.i + 1, Label.ACTOR, "person" if word.tag_ == "NN" else "group"))
        taken |= set(range(start, word.i + 1))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def parties(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A place "between" which, or "with" which, there are dealings (an agreement, a conflict, talks) is a party
    to them: an ACTOR."""
    out = []
    for span in spans:
        root = doc[span.start : span.end].root
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        preposition = root.head
        if (
            span.label is Label.LOCATION
            and root.dep_ == "pobj"
            and preposition.lower_ in ("between", "with")
            and DEALINGS_NOUNS & {preposition.head.lower_, preposition.head.lemma_.lower()}
        ):
            span = Candidate(span.start, span.end, Label.ACTOR, "group", span.subject)
        out.append(span)
    return out


#: The rules in the order entities.v4 applies them to entities.v3's layer.
RULES: list[Rule] = [
    titles_off,
    the_in_names,
    channels,
    things_named,
    group_nouns,
    people_again,
    members_of,
    whole_figures,
    participants,
    parties,
    no_verb_edges,
    nationality_groups,
    of_names,
    no_documents,
    places_named_as_places,
    digit_counts,
]
