"""The general rules entities.v8 adds to entities.v7's layer, for kinds of error the issue names (titles kept in
person spans, places inside names split or mislabelled) that newcomers' own stories showed again. The people:

- a title of several words before a name stays out of the person's span: "Chief Executive Maria Fernandes" ->
  "Maria Fernandes" (entities.v3's whole names took "Executive" in, a capitalised word that is no title alone);
- two or three capitalised words after a title that nothing marks are a person ("Mayor Ines Costa"), and a given
  name between a title and a surname is part of the name ("Mayor Ana Costa" -> "Ana Costa", not "Costa");
- a descriptor in apposition to a person's name is not marked ("Boris Johnson, the current prime minister");
- a place noun opening a sentence stays in the participant it modifies ("City officials said");
- no ACTOR for a currency word ("9 million euros"), a platform a message went out on ("via Twitter"), a word of a
  title ("Crown Prince ..."), or a verb ("an intent to coerce").

The longer participants, titles standing for people and acronyms are `suggest.participants_v8`'s, the places
`suggest.places_v8`'s. Each rule reads the tokens, the parse and general word lists only, naming
no article's phrases. spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v7 import RULES as V7_RULES
from annotator.suggest.general_v7 import street_and_building_names
from annotator.suggest.lexicon import (
    BODY_NOUNS,
    BUILDING_ENDINGS,
    CURRENCY_WORDS,
    GENERAL_TITLES,
    OCCUPATION_TITLES,
    ORGANISATION_HEADS,
    PLACE_NOUNS,
    PLATFORMS,
    TITLE_HEADS,
)
from annotator.suggest.participants_v8 import (
    acronyms,
    members_of,
    named_administrations,
    newspapers_the,
    organisation_people,
    participants_after_places,
    parties,
    possessed_bodies,
    quantified_participants,
    sentence_first_modifiers,
    titles_standing_for_people,
)
from annotator.suggest.places_v8 import (
    buildings,
    foreign_streets,
    named_buildings_with_generic_heads,
    places_before_place_nouns,
    residents_of_places,
    small_model_places,
)
from annotator.suggest.places_v8 import (
    capitalised_word as _capitalised_word,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _title_word(token: Token) -> bool:
    word = token.lower_
    return word in GENERAL_TITLES or word in OCCUPATION_TITLES or word in TITLE_HEADS


def titles_off_names(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR ending in a person's name loses the title words at its start ("Chief Executive Maria Fernandes" ->
    "Maria Fernandes"); a capitalised word that is no title stays (a given name: "Superintendent Yolanda Yu")."""
    out = []
    for span in spans:
        start = span.start
        if span.label is Label.ACTOR and doc[span.end - 1].ent_type_ == "PERSON":
            while start < span.end - 1 and doc[start].ent_type_ != "PERSON" and _capitalised_word(doc[start]):
                if not _title_word(doc[start]):
                    break
                start += 1
        out.append(span if start == span.start else Candidate(start, span.end, span.label, "person"))
    return out


def given_names_after_titles(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR of one capitalised word takes in the capitalised words before it that the parse joins to it, when a
    title stands before them ("Mayor Ana | Costa" -> "Ana Costa"): a given name, not part of the title."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        start = span.start
        if span.label is Label.ACTOR and span.end - span.start == 1 and _capitalised_word(doc[span.start]):
            while (
                start > 1
                and start - 1 not in taken
                and doc[start - 1].pos_ == "PROPN"
                and _capitalised_word(doc[start - 1])
                and not _title_word(doc[start - 1])
                and doc[start - 1].head.i == span.start
            ):
                start -= 1
            if start == span.start or not _title_word(doc[start - 1]):
                start = span.start
        out.append(span if start == span.start else Candidate(start, span.end, Label.ACTOR, "person"))
    return out


def _person_words_after(doc: Doc, index: int, taken: set[int]) -> int:
    """The end of the unmarked capitalised proper nouns right after token `index` (a title), if they are a
    person's name: no title among them, and not ending in a word of a body's name ("Mayor Office")."""
    end = index + 1
    while (
        end < len(doc)
        and end not in taken
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].is_alpha
        and not _title_word(doc[end])
    ):
        end += 1
    if end - index - 1 not in (2, 3) or doc[end - 1].lower_ in BODY_NOUNS | ORGANISATION_HEADS | BUILDING_ENDINGS:
        return index + 1
    if end < len(doc) and doc[end].text[:1].isupper():
        return index + 1  # "Deputy Emergency Situations Minister": the words belong to a longer title or name
    return end


#: Title words that are also adjectives of names: "General Public License", "Grand Hotel".
ADJECTIVES = frozenset({"general", "grand", "supreme", "senior", "acting", "interim", "major", "home", "foreign"})


def names_after_titles(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """Two or three capitalised words after a capitalised title, that no span marks, are a person's name: "Mayor
    Ines Costa visited" -> ACTOR "Ines Costa" (the small model took it for a product, and the rules then dropped
    the learned component's ACTOR)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for index, token in enumerate(doc):
        if index in taken or not token.is_title or token.lower_ not in GENERAL_TITLES or token.lower_ in ADJECTIVES:
            continue
        end = _person_words_after(doc, index, taken)
        if end > index + 1:
            added.append(Candidate(index + 1, end, Label.ACTOR, "person"))
            taken |= set(range(index + 1, end))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def _sentence_first_place_noun(doc: Doc, index: int, span: Candidate) -> bool:
    """A common place noun capitalised only as a sentence's first word, modifying `span` right after it."""
    word = doc[index]
    return (
        bool(word.is_sent_start)
        and word.tag_ in ("NN", "NNS")
        and word.lower_ in PLACE_NOUNS
        and span.start <= word.head.i < span.end
    )


def place_nouns_on_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A place noun opening a sentence before a participant is part of it, not a place's name: "City officials
    said" -> ACTOR "City officials" (a place noun is a LOCATION only in a name: "Quezon City"); a LOCATION the
    sources made of that word alone goes into the ACTOR."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    taken = {i for s in ordered for i in range(s.start, s.end)}
    out: list[Candidate] = []
    for span in ordered:
        index = span.start - 1
        if span.label is Label.ACTOR and index >= 0 and _sentence_first_place_noun(doc, index, span):
            before = out[-1] if out else None
            alone = before is not None and (before.start, before.end) == (index, index + 1)
            if alone and before is not None and before.label is Label.LOCATION:
                out.pop()
                span = Candidate(index, span.end, span.label, span.kind)
            elif index not in taken:
                span = Candidate(index, span.end, span.label, span.kind)
        out.append(span)
    return out


def appositive_descriptors(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A common noun in apposition to a person's name is not marked ("Boris Johnson, the current prime minister";
    the house conventions: a descriptor of someone named is not marked separately)."""
    people = [s for s in spans if s.label is Label.ACTOR and doc[s.end - 1].ent_type_ == "PERSON"]
    out = []
    for span in spans:
        root = doc[span.start : span.end].root
        if (
            span.label is Label.ACTOR
            and root.pos_ == "NOUN"
            and root.dep_ == "appos"
            and root.i == span.end - 1
            and any(p.start <= root.head.i < p.end for p in people)
        ):
            continue
        out.append(span)
    return out


def currencies(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A currency word is no ACTOR or LOCATION ("about 9 million euros were awarded": the component made "euros" an
    ACTOR)."""
    return [
        s for s in spans if not (s.label is not Label.FIGURE and doc[s.start : s.end].text.lower() in CURRENCY_WORDS)
    ]


def platforms_as_channels(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A platform a message went out on is no ACTOR ("said via Twitter", "posted on Instagram"; the house
    conventions: platforms are no participants; entities.v4 took "via X" for a medium that acts)."""
    return [
        s
        for s in spans
        if not (
            s.label is Label.ACTOR
            and s.end - s.start == 1
            and doc[s.start].lower_ in PLATFORMS
            and s.start > 0
            and doc[s.start - 1].lower_ in ("on", "via")
        )
    ]


def _person_after_titles(doc: Doc, index: int) -> bool:
    while index < len(doc) and doc[index].lower_ in GENERAL_TITLES:
        index += 1
    return index < len(doc) and doc[index].ent_type_ == "PERSON"


def _word_of_a_title(doc: Doc, span: Candidate) -> bool:
    """One word before a capitalised title, or after "<title> of", with a person's name after the title ("Crown |
    Prince Mohammad bin Salman", "Secretary of | State | Mike Pompeo"); no organisation, people or place, and no
    acronym ("Labour MP Tom Watson", "USCG Captain Monica Rochester" keep theirs)."""
    word = doc[span.start]
    if span.end - span.start != 1 or span.end >= len(doc) or word.is_upper:
        return False
    after_of = span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in GENERAL_TITLES
    before_title = doc[span.end].lower_ in GENERAL_TITLES and doc[span.end].text[:1].isupper()
    return (
        (after_of or before_title)
        and _person_after_titles(doc, span.end)
        and word.ent_type_ not in ("ORG", "NORP", "GPE")
    )


def words_of_titles(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A word of a title before a person's name is no ACTOR of its own: "Crown Prince Mohammad bin Salman"."""
    return [s for s in spans if not (s.label is Label.ACTOR and _word_of_a_title(doc, s))]


def verbs_are_no_participants(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR whose head is a verb in a verb's place (not a subject or an object the parse mis-tagged) and holds
    no name is no participant: "an intent to coerce", "a website which hosts user content"."""
    out = []
    for span in spans:
        words = doc[span.start : span.end]
        root = words.root
        if (
            span.label is Label.ACTOR
            and root.pos_ in ("VERB", "AUX", "INTJ")
            and root.is_lower
            and root.ent_type_ == ""
            and root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")
            and not any(t.pos_ == "PROPN" for t in words)
        ):
            continue
        out.append(span)
    return out


def percent_words(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A FIGURE right before an unmarked percent word takes it in ("grew 6 | percent": the learned component made
    one range of "6 percent to 9.8 billion", which the rules cut to its number; "10 per cent")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        end = span.end
        if span.label is Label.FIGURE and end < len(doc) and end not in taken:
            if doc[end].lower_ in ("percent", "%"):
                span = Candidate(span.start, end + 1, span.label, span.kind, span.subject)
            elif doc[end].lower_ == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
                span = Candidate(span.start, end + 2, span.label, span.kind, span.subject)
        out.append(span)
    return out


#: entities.v5's layer goes through these: entities.v7's rules, then v8's own (v7's streets run again after the
#: buildings, so that a street cut off a building's name is found; the small model's places last, where no span is).
RULES = [
    *V7_RULES,
    currencies,
    platforms_as_channels,
    words_of_titles,
    verbs_are_no_participants,
    percent_words,
    titles_off_names,
    given_names_after_titles,
    names_after_titles,
    appositive_descriptors,
    place_nouns_on_participants,
    quantified_participants,
    newspapers_the,
    organisation_people,
    possessed_bodies,
    members_of,
    named_administrations,
    sentence_first_modifiers,
    participants_after_places,
    titles_standing_for_people,
    parties,
    places_before_place_nouns,
    residents_of_places,
    buildings,
    named_buildings_with_generic_heads,
    street_and_building_names,
    foreign_streets,
    small_model_places,
    acronyms,
]
