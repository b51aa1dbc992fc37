"""The general rules entities.v12 adds to entities.v11's layer, for two defects a newcomer met on fresh news:

- the unmarked common-noun subject of a verb of saying is a participant who speaks, an ACTOR with its determiner ("the
  grid operator said", "An organizer said"): a speaker the small model never marks (it marks names) and the word
  lists of entities.v4 and v9 did not hold. Only a noun for a doer (`AGENT_HEADS`, or an English doer's ending:
  "operator", "economist"; not a thing with such an ending, `NOT_AGENTS`), never a thing said or written ("The
  comments said", "a manifesto says": `SAID_THINGS`), nobody ("No group claimed"), a subject with a name in it or in
  apposition to it ("The mayor of London, Sadiq Khan, said": the name is the speaker, the descriptor is not marked),
  or one with a number or a marked span among its words (the other rules decide those);
- capital letters in a headline are its case, not names. In a first line that reads as a headline (no sentence end,
  a body after it: how a .txt file's title reaches the pipeline, `exchange.titles`), a capitalised word is in doubt
  where the body writes it as an ordinary word (the body has it, and never capitalised where no sentence starts).
  In sentence case only the first word can be: alone, it is dropped where it modifies the noun after it ("Ferry
  strike halts ..."; a participant heading its phrase stays, "Hackers attack ..."); at the start of a name it is
  taken off ("Analyst Ben Ortiz warns ..." -> "Ben Ortiz"). In title case ("Grid Operator Warns Of ...") an ACTOR or
  LOCATION with a word in doubt is dropped unless its head word is a noun the body writes in lower case.

Each rule reads the tokens, the parse and general word lists only, naming no article's phrases; neither changes a
span of the dev sets (their texts have no headline, and their speaking subjects were marked already): they were kept
for the defects, checked on sentences of their own (`tests/test_suggest_v12.py`) and on the corpus outside test.
spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.general_v11 import RULES as V11_RULES
from annotator.suggest.lexicon import (
    BODY_HEADS,
    BODY_NOUNS,
    GOVERNMENTS,
    GROUP_PLURALS,
    NOT_AGENTS,
    PERSON_NOUNS,
    SAID_THINGS,
    SPEECH_VERBS,
)
from annotator.wordlists import BODY_NOUNS as BODY_WORDS
from annotator.wordlists import PEOPLE_NOUNS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

#: Nouns (lemmas, and plurals as written) for people and bodies of people that speak.
AGENT_HEADS = PERSON_NOUNS | BODY_NOUNS | BODY_HEADS | GOVERNMENTS | GROUP_PLURALS | BODY_WORDS | PEOPLE_NOUNS
#: Endings of English nouns for a doer ("operator", "regulator", "economist", "historian", "applicant",
#: "resident", "employee"); "-ment" nouns are things ("statement", "document").
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "eer")


def agent_noun(token: Token) -> bool:
    """A noun for a doer: a person or a body by the word lists, or by an English doer's ending."""
    lemma = token.lemma_.lower()
    if lemma in AGENT_HEADS or token.lower_ in AGENT_HEADS:
        return True
    return lemma.endswith(AGENT_ENDINGS) and not lemma.endswith("ment") and lemma not in NOT_AGENTS


#: Determiners that say nobody spoke ("No group claimed the attack").
NONE_WORDS = frozenset({"no", "neither"})
#: Dependents a participant's words before its head may have: its article, possessive, adjectives, compounds.
_LEFT_DEPS = frozenset({"det", "poss", "amod", "compound", "case", "nmod"})
#: Line ends of a sentence: a first line that ends so is a paragraph of the body, not a headline.
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '."', ".”", "!”", "?”", ".'", ".’")
#: The most words a headline has.
_HEADLINE_WORDS = 25


def _taken(spans: list[Candidate]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}


def _speaking_subject(doc: Doc, token: Token, taken: set[int]) -> tuple[int, int] | None:
    """The words of a common-noun subject of a verb of saying that may be marked, or None."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    if token.pos_ != "NOUN" or not token.is_lower or token.lemma_.lower() in SAID_THINGS:
        return None
    if not agent_noun(token):
        return None
    if any(t.dep_ == "appos" or t.pos_ == "PROPN" for t in token.subtree):
        return None  # "The mayor of London, Sadiq Khan, said": the name is the speaker
    after = token.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after < len(doc) and doc[after].pos_ == "PROPN":
        return None  # a name right after the subject's words: "speaker of the parliament Ali Larijani wrote"
    start = token.left_edge.i
    if doc[start].lower_ in NONE_WORDS:
        return None  # "No organization claimed": nobody
    left = doc[start : token.i]
    if any(t.dep_ not in _LEFT_DEPS or t.pos_ in ("PROPN", "NUM") or t.ent_type_ for t in left):
        return None
    if not all(t.is_lower or t.i == start for t in left) or taken & set(range(start, token.i + 1)):
        return None
    return start, token.i + 1


def speaking_subjects(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """The unmarked common-noun subject of a verb of saying is an ACTOR with its determiner ("the grid operator
    said", "Local officials warned"); not a thing said or written ("The comments said"), not a subject with a name in
    apposition ("The mayor of London, Sadiq Khan, said"), not one with a name, a number or a marked span among its
    words."""
    taken = _taken(spans)
    added = []
    for token in doc:
        found = _speaking_subject(doc, token, taken)
        if found is not None:
            kind = "person" if token.lemma_.lower() in PERSON_NOUNS else "group"
            added.append(Candidate(found[0], found[1], Label.ACTOR, kind))
            taken |= set(range(*found))
    return sorted(spans + added, key=lambda s: (s.start, s.end))


def _headline_end(doc: Doc) -> int:
    """The token index where a headline first line ends (0 where the first line is no headline)."""
    text = doc.text
    line_end = text.find("\n")
    if line_end <= 0 or not text[line_end:].strip():
        return 0
    line = text[:line_end].strip()
    if not line or line.endswith(_SENTENCE_ENDS):
        return 0
    end = next((t.i for t in doc if t.idx >= line_end), len(doc))
    words = [t for t in doc[:end] if t.is_alpha]
    if len(words) > _HEADLINE_WORDS or all(t.is_upper for t in words):
        return 0
    return end


def _body_names(doc: Doc, start: int) -> set[str]:
    """The capitalised words of the body written where no sentence starts (after a first word, a quote or a
    line break)."""
    names = set()
    for token in doc[start:]:
        if not (token.is_alpha and token.text[:1].isupper()) or token.is_sent_start:
            continue
        before = doc[token.i - 1]
        if before.is_quote or "\n" in before.text or before.text in ("(", ":", "—", "–", "-"):
            continue
        names.add(token.text)
    return names


def _title_case(doc: Doc, end: int) -> bool:
    """A headline with every longer word capitalised ("Grid Operator Warns Of Summer Blackouts")."""
    longer = [t for t in doc[:end] if t.is_alpha and len(t) > 3]
    return len(longer) >= 3 and all(t.text[:1].isupper() for t in longer)


def _ordinary(token: Token, names: set[str], body_words: set[str]) -> bool:
    """A capitalised headline word the body writes as an ordinary word: it is there (in any case) and never
    capitalised where no sentence starts. A word the body lacks tells nothing; an acronym is a name."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and not token.is_upper
        and token.lower_ in body_words
        and token.text not in names
    )


def headline_words(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """In a headline (a first line with no sentence end and a body after it), capital letters are the headline's
    case, not names. A word of an ACTOR or LOCATION there is in doubt where the body writes it as an ordinary word
    (`_ordinary`). In a headline in sentence case only its first word can be: a span of it alone is dropped where
    it modifies the noun after it ("Ferry strike halts ..."; a participant heading its phrase stays, "Hackers
    attack ..."), and it is taken off a longer span ("Biologist Nick Bos tells ..." -> "Nick Bos"). In a headline
    with every longer word capitalised, a span with a word in doubt is dropped ("Grid Operator Warns Of ..." -> no
    "Warns Of") unless its head word is a noun the body writes in lower case ("Hackers Attack ...")."""
    end = _headline_end(doc)
    if not end:
        return spans
    names = _body_names(doc, end)
    body_words = {t.lower_ for t in doc[end:] if t.is_alpha}
    lower_nouns = {t.text for t in doc[end:] if t.is_lower and t.pos_ == "NOUN"}
    title_case = _title_case(doc, end)
    first = next((t.i for t in doc if not (t.is_space or t.is_punct)), 0)
    kept = []
    for span in spans:
        words = doc[span.start : span.end]
        if span.end > end or span.label is Label.FIGURE:
            kept.append(span)
        elif title_case:
            doubt = any(_ordinary(t, names, body_words) for t in words)
            if not doubt or words.root.lower_ in lower_nouns:
                kept.append(span)
        elif span.start != first or not _ordinary(doc[first], names, body_words):
            kept.append(span)
        elif len(words) > 1:
            if not doc[span.start + 1].text[:1].isupper():
                kept.append(span)  # "Local municipalities in ...": a participant's words
                continue
            kept.append(Candidate(span.start + 1, span.end, span.label, span.kind, span.subject))
        elif not (words.root.dep_ in ("compound", "amod", "nmod") and words.root.head.i > span.start):
            kept.append(span)
    return kept


#: Every rule entities.v12 may run (the dev sets chose which of them run: `V12_RULES`).
CANDIDATE_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [speaking_subjects, headline_words]
#: entities.v12's own rules, in the order they run after entities.v11's.
V12_RULES = list(CANDIDATE_RULES)

RULES = [*V11_RULES, *V12_RULES]
