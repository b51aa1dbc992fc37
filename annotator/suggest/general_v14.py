"""The general rules entities.v14 adds to entities.v13's layer, for spans it missed on news nothing learned from (the
second entity dev set, each miss traced to the step that lost it):

- a person's name recurring after a blank or a line break is the person again: `general_v4.people_again` took a
  whitespace token (two spaces, a new line) before a name for a word the name is glued to ("Mir-Mohammadi"), so a
  surname opening a paragraph stayed unmarked. Here a whitespace token glues nothing;
- a capital "The" inside a sentence with capitalised proper nouns after it, that nothing marks, is an outlet's or a
  group's name ("a report by The Atlantic", "magazine The Bark", "with The Beatles"), as the house conventions keep
  "The" in "The New York Times"; not a thing's name (`general.is_thing`), not after a sentence's end or a quote mark;
- an ACTOR does not start inside a hyphenated word ("The three-judge court" gave "judge court": "court");
- a figure followed by "or more" / "or fewer" takes them, as it takes "more than" before it ("four or more");
- "one" after "only", "just" or "exactly" is a count, not an article ("recorded only one album").

Each rule reads the tokens, the parse, the small model's types and general word lists, naming no article's phrases.
spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest import general, general_v4
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v13 import RULES as V13_RULES
from annotator.suggest.places_v8 import ordered

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

HYPHENS = frozenset({"-", "–"})
#: Words after a figure and "or" that widen it ("four or more").
OR_MORE = frozenset({"more", "fewer", "less"})
#: Words before "one" that make it a count ("only one", "just one").
ONLY = frozenset({"only", "just", "exactly"})
#: Tokens after which a capital "The" may open a sentence, a quotation or a heading: no sign of a name there.
_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "'", "‘", "(", "[", "-", "–", "—"})


def _glued(doc: Doc, index: int) -> bool:
    """The token at `index` is written onto the token before it, as `general_v4.people_again` reads it (no space
    between, or a "#" or "@" before), except that a whitespace token (two spaces, a line break) glues nothing."""
    if index <= 0:
        return False
    before = doc[index - 1]
    return (not before.whitespace_ and not before.is_space) or before.text in ("#", "@")


def _name_run(doc: Doc, start: int, end: int) -> bool:
    """Capitalised proper nouns from start to end, with no capitalised word or glued word right before or after."""

    def name_word(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()

    joined = _glued(doc, start) or (end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in HYPHENS)
    return (
        all(name_word(i) for i in range(start, end)) and not name_word(start - 1) and not name_word(end) and not joined
    )


def people_again(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """`general_v4.people_again` with whitespace tokens read as space (`_name_run`)."""
    return general_v4.people_again(doc, spans, _name_run)


def names_with_the(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An unmarked capital "The" inside a sentence and the capitalised proper nouns after it are an ACTOR (an outlet,
    a band, a group: "told The Verge"); not where a sentence, a quotation or a bracket may open, not a thing."""
    taken = general_v4._covered(spans)
    added = []
    for token in doc:
        i = token.i
        if token.text != "The" or i == 0 or token.is_sent_start or i in taken:
            continue
        before = doc[i - 1]
        if before.is_space or before.text in _OPENERS or "\n" in before.whitespace_:
            continue
        end = i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in taken:
            end += 1
        if end == i + 1 or end in taken:
            continue
        name = Candidate(i, end, Label.ACTOR, "group")
        if not general.is_thing(doc, name):
            added.append(name)
            taken |= set(range(i, end))
    return ordered(spans + added)


def hyphen_starts(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR that starts inside a hyphenated word starts after it: "three-judge court" -> "court", "then-US
    Libertarian Party" -> "Libertarian Party" (the model's span began after the hyphen)."""
    out = []
    for span in spans:
        start = span.start
        if span.label is Label.ACTOR:
            while (
                start < span.end - 1 and start > 0 and doc[start - 1].text in HYPHENS and not doc[start - 1].whitespace_
            ):
                start += 1  # the glued word, and a hyphen and word more ("all-or-nothing")
                while start < span.end - 1 and doc[start].text in HYPHENS:
                    start += 2
        if start != span.start and start < span.end:
            span = Candidate(start, span.end, span.label, span.kind, span.subject)
        out.append(span)
    return out


def or_more(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A FIGURE followed by "or more" / "or fewer" takes them; an ACTOR the model began at "more" keeps its noun
    ("four or more people" -> FIGURE "four or more", ACTOR "people")."""
    in_order = ordered(spans)
    starts = {span.start: span for span in in_order}
    out: list[Candidate] = []
    cut: set[int] = set()
    for span in in_order:
        if span.start in cut:
            continue
        end = span.end
        if (
            span.label is Label.FIGURE
            and end + 1 < len(doc)
            and doc[end].lower_ == "or"
            and doc[end + 1].lower_ in OR_MORE
        ):
            after = starts.get(end + 1)
            if end in starts or (after is not None and (after.label is not Label.ACTOR or after.end <= end + 2)):
                out.append(span)
                continue
            if after is not None:  # "more people": the noun stays an ACTOR
                cut.add(after.start)
                out.append(Candidate(end + 2, after.end, Label.ACTOR, after.kind, after.subject))
            span = Candidate(span.start, end + 2, Label.FIGURE, span.kind)
        out.append(span)
    return ordered(out)


def only_one(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """ "one" after "only", "just" or "exactly", that the small model counts and nothing marks, is a FIGURE with
    its qualifier: a count, not an article."""
    taken = general_v4._covered(spans)
    added = []
    for token in doc:
        i = token.i
        counted = token.lower_ == "one" and i > 0 and doc[i - 1].lower_ in ONLY and token.ent_type_ == "CARDINAL"
        if counted and not {i - 1, i} & taken:
            added.append(Candidate(i - 1, i + 1, Label.FIGURE, "other"))
    return ordered(spans + added)


#: Every rule entities.v14 may run (the dev sets chose which of them run: `V14_RULES`).
CANDIDATE_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [
    people_again,
    names_with_the,
    hyphen_starts,
    or_more,
    only_one,
]
V14_RULES = list(CANDIDATE_RULES)
RULES = [*V13_RULES, *V14_RULES]
