"""The shapes of words in an article's tokens: names (capitalised words with their particles, titles kept
out), figures (numbers, scale words, ranges and qualifiers), the words a common noun's group takes in (its
modifiers, its owner; not a verb before it), read without a parse, for `phrases` (what a key selects) and the
places a missed mention may be; the nouns that name people are `people`'s."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from annotator.wordlists import (
    CURRENCIES,
    DATES,
    DETERMINERS,
    ELIDED_PARTICLES,
    FUNCTION_WORDS,
    LY_NOT_ADVERBS,
    MODIFIER_ENDINGS,
    MODIFIERS,
    NAME_PARTICIPLES,
    NOT_MODIFIERS,
    NUMBER_WORDS,
    OPENING,
    PARTICLES,
    QUALIFIERS,
    SENTENCE_OPENING_WORDS,
    SPEECH_VERB_FORMS,
    TIME_PLACE_ADVERBS,
    TITLES,
)

Tokens = Sequence[tuple[int, int]]
TokenRange = tuple[int, int]


def word_at(text: str, tokens: Tokens, index: int) -> str:
    start, end = tokens[index]
    return text[start:end]


def joined(text: str, tokens: Tokens, left: int, right: int) -> bool:
    """Whether tokens `left` and `right` (= left + 1) are on one line, with nothing but spaces between them."""
    between = text[tokens[left][1] : tokens[right][0]]
    return "\n" not in between and not between.strip()


#: The hyphens that join the words of a compound ("three-year-old"), each its own token between them.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _hyphened(text: str, tokens: Tokens, left: int) -> bool:
    """Whether tokens `left` and `left + 1` touch, one of them a hyphen: two parts of one compound."""
    touching = tokens[left][1] == tokens[left + 1][0]
    return touching and (word_at(text, tokens, left) in HYPHENS or word_at(text, tokens, left + 1) in HYPHENS)


def whole_compounds(text: str, tokens: Tokens, rung: TokenRange) -> TokenRange:
    """`rung` widened so that it neither starts nor ends inside a hyphenated compound ("old Syrian child" ->
    "three-year-old Syrian child"); a name or a number at its edge may stand alone before or after the hyphen, as
    the gold has them ("British"-backed, "Luxembourg"-based, "five"-foot)."""
    first, last = rung

    def alone(index: int) -> bool:
        word = word_at(text, tokens, index)
        return is_name_word(word) or is_number(word)

    if not alone(first):
        while first > 0 and _hyphened(text, tokens, first - 1):
            first -= 1
    if not alone(last):
        while last + 1 < len(tokens) and _hyphened(text, tokens, last):
            last += 1
    return first, last


def is_name_word(word: str) -> bool:
    """A capitalised word, a word of digits and letters ("3M"), or an elided particle glued to a capitalised word
    ("dell'Archeologia", "d'Italia": one token; trial 23)."""
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word)) or elided_name(word)


def elided_name(word: str) -> bool:
    """Whether a word is an elided particle and the capitalised name word it is glued to ("dell'Archeologia")."""
    particle, mark, rest = word.replace("’", "'").partition("'")
    return bool(mark) and particle in ELIDED_PARTICLES and rest[:1].isupper()


def is_number(word: str) -> bool:
    """A number word, or digits with any currency sign or tilde before them and a minus sign glued before those
    ("-3", "-15C", "-$5": the tokenizer keeps such a sign in the number's token; a re-trial got '-3' of "-3 million")."""
    if word.lower() in NUMBER_WORDS:
        return True
    digits = word[1:] if word[:1] in "-−" else word
    return (digits[:1].isdigit() or digits[:1] in "$€£~") and any(c.isdigit() for c in digits)


def qualified(text: str, tokens: Tokens, index: int) -> int | None:
    """The number that a qualifier starting at token `index` qualifies ("at least 35", "about a quarter")."""
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        after = index + len(qualifier)
        words = tuple(word_at(text, tokens, i).lower() for i in range(index, min(after, len(tokens))))
        if words != qualifier or after >= len(tokens):
            continue
        for candidate in (after, after + 1):
            if candidate < len(tokens) and word_at(text, tokens, candidate) in CURRENCIES | {"a"}:
                continue
            if candidate < len(tokens) and is_number(word_at(text, tokens, candidate)):
                return candidate
            break
    return None


def name_word(text: str, tokens: Tokens, index: int, titles: bool) -> bool:
    """A word of the name the cursor is on: titles only when the cursor is on one, days and months never
    ("35 Palestinians | Thursday")."""
    word = word_at(text, tokens, index)
    return (
        is_name_word(word)
        and word.lower() not in DETERMINERS
        and word not in DATES
        and (titles or word.rstrip(".") not in TITLES)
        and not opening_function_word(text, tokens, index)
    )


def opening_function_word(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a preposition, a conjunction or an adverb capitalised only because a sentence or a
    quotation starts with it (`SENTENCE_OPENING_WORDS`: "Unlike | Senators, ...", "After | Mugabe fired"): no name's
    word, unless the article writes it capitalised mid-sentence too, as a name's own capital ("Under Armour")."""
    word = word_at(text, tokens, index)
    return (
        word.lower() in SENTENCE_OPENING_WORDS
        and word[:1].isupper()
        and word[1:].islower()
        and (sentence_start(text, tokens, index) or opens_a_quotation(text, tokens, index))
        and word not in _named(text)
    )


def opening_participle(text: str, tokens: Tokens, index: int, name_end: int) -> bool:
    """Whether token `index` is a participle in -ed capitalised only because a sentence or a quotation starts with it,
    before a name (ending at token `name_end`) and the common noun that name modifies ("Retired | FBI agent",
    "Jailed | Kremlin critics"; a person trying the keys got 'Retired FBI' on "FBI"): the participle modifies the
    noun, no name's first word, unless the article writes it capitalised mid-sentence too, or names open with it
    (`NAME_PARTICIPLES`: "United Nations officials")."""
    word, after = word_at(text, tokens, index), name_end + 1
    if not (len(word) > 4 and word[1:].islower() and word.endswith("ed") and word not in NAME_PARTICIPLES):
        return False
    if not is_modifier(word.lower()) or after >= len(tokens) or not joined(text, tokens, name_end, after):
        return False
    noun = word_at(text, tokens, after)
    return (
        is_common(noun)
        and not noun.endswith("ed")
        and noun not in SPEECH_VERB_FORMS
        and (sentence_start(text, tokens, index) or opens_a_quotation(text, tokens, index))
        and word not in _named(text)
    )


def name_range(text: str, tokens: Tokens, index: int, joiners: frozenset[str]) -> TokenRange:
    """The capitalised name around token `index`: name words and the `joiners` between them; titles before
    it stay out unless the cursor is on one, and so does a sentence's opening participle (`opening_participle`)."""
    titles = word_at(text, tokens, index).rstrip(".") in TITLES
    first = index
    if opening_function_word(text, tokens, index):  # "Unlike | Senators, ...": no name starts with it
        return index, index
    following = index + 1
    named = following < len(tokens) and joined(text, tokens, index, following)
    named = named and name_word(text, tokens, following, False)
    if named and opening_participle(text, tokens, index, _name_end(text, tokens, following, joiners, False)):
        return index, index  # "Retired | FBI agent": the participle alone
    last = _name_end(text, tokens, index, joiners, titles)
    while first > 0 and joined(text, tokens, first - 1, first):
        if name_word(text, tokens, first - 1, titles) and not opening_participle(text, tokens, first - 1, last):
            first -= 1
            continue
        gap = first - 1
        while gap > 0 and _joins(text, tokens, gap, joiners) and joined(text, tokens, gap - 1, gap):
            gap -= 1
        if gap < first - 1 and name_word(text, tokens, gap, titles):
            first = gap
            continue
        break
    return first, last


def _joins(text: str, tokens: Tokens, gap: int, joiners: frozenset[str]) -> bool:
    """Whether token `gap` is one of `joiners`, a hyphen touching both sides ("Jean-Pierre"): a dash between spaces
    ends a name (a trial: "PORT MAREN - Harbor Bank" was one name, 1 on "Harbor" added 'Harbor')."""
    word = word_at(text, tokens, gap)
    touching = 0 < gap < len(tokens) - 1 and tokens[gap - 1][1] == tokens[gap][0] == tokens[gap + 1][0] - len(word)
    return word in joiners and (word not in HYPHENS or touching)


def _name_end(text: str, tokens: Tokens, index: int, joiners: frozenset[str], titles: bool) -> int:
    """The last token of the name that runs on from token `index` (`name_range`'s, after it)."""
    last = index
    while last + 1 < len(tokens) and joined(text, tokens, last, last + 1):
        if name_word(text, tokens, last + 1, titles):
            last += 1
            continue
        gap = last + 1
        while gap + 1 < len(tokens) and _joins(text, tokens, gap, joiners) and joined(text, tokens, gap, gap + 1):
            gap += 1
        if gap > last + 1 and name_word(text, tokens, gap, titles):
            last = gap
            continue
        break
    return last


def in_a_name(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a lower-case particle between the capitalised words of one name ("Hamza | bin Laden",
    "Ludwig | van Beethoven", "Rua | da Prata"): a word of the name, as the name's words are."""
    if word_at(text, tokens, index) not in PARTICLES:
        return False
    first, last = name_range(text, tokens, index, PARTICLES)
    return first < index < last


#: Tokens that end a sentence, and that may open one before its first word (quotation marks, brackets).
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", ":"})
SENTENCE_OPENERS = frozenset({'"', "'", "‘", "(", "[", *OPENING})


def sentence_start(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` starts a line (a headline, a paragraph) or a sentence: after a full stop, a question or
    exclamation mark or a colon, an opening quotation mark or bracket between."""
    before = index - 1
    while (
        before >= 0 and word_at(text, tokens, before) in SENTENCE_OPENERS and joined(text, tokens, before, before + 1)
    ):
        before -= 1
    return before < 0 or not joined(text, tokens, before, before + 1) or word_at(text, tokens, before) in SENTENCE_ENDS


#: Quotation marks that open a quotation right before its first word.
QUOTATION_OPENERS = frozenset({'"', "'", "‘", "‛", *OPENING})


def opens_a_quotation(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is the first word of a quotation: an opening quotation mark glued to it, after a space,
    a line's start, a dash, a colon or a bracket (`added "It is serious,"`): the quoted words start a sentence of
    their own, mid-sentence too (a newcomer's trial took "It" there for a name)."""
    mark = index - 1
    if mark < 0 or word_at(text, tokens, mark) not in QUOTATION_OPENERS or tokens[mark][1] != tokens[index][0]:
        return False
    before = tokens[mark][0] - 1
    return before < 0 or text[before].isspace() or text[before] in "—–-:(["


@lru_cache(maxsize=8)
def _named(text: str) -> frozenset[str]:
    """The article's words capitalised where no sentence starts (after a word, a comma, a closing bracket or a
    number on the same line): a name's own capital. Cached: ; reads them at every sentence."""
    return frozenset(re.findall(r"(?<=[\w,;)%]) +([A-Z]\w*)", text))


def capital_by_position(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a capitalised word may be capitalised only because a headline, a sentence or a quotation starts with
    it ("Unemployment rose ...", "Rescue | crews pulled ..."): a single word (not a name of several: "Prime
    Minister ...") with no capital but its first ("UN", "McCain") that stands nowhere else capitalised
    mid-sentence. A sentence's first capital says nothing of a name; whether an entity marks the word elsewhere,
    which would make it one, `stops` asks."""
    word = word_at(text, tokens, index)
    if not word[:1].isupper() or any(c.isupper() for c in word[1:]):
        return False
    if not (sentence_start(text, tokens, index) or opens_a_quotation(text, tokens, index)):  # `said "Buildings`
        return False
    if name_range(text, tokens, index, PARTICLES) != (index, index):
        return False
    return word not in _named(text)


# -- noun groups: the words a common noun's group takes in, read by `phrases` ----------------------------


def group_word(word: str) -> bool:
    """A word a noun group takes in: a name word, or a lower-case word that is neither a function word, a
    determiner nor a number ("the | Israeli negotiating team", "the | parliament's defense committee")."""
    lower = word.lower()
    return (
        any(c.isalpha() for c in word)
        and lower not in FUNCTION_WORDS
        and lower not in DETERMINERS
        and not is_number(word)
        and word not in DATES
        and (word[:1].isalpha() or is_name_word(word))
    )


def is_modifier(word: str) -> bool:
    """A lower-case word whose ending says it modifies a noun ("western", "stalled", "humanitarian")."""
    return word.islower() and (word in MODIFIERS or (word not in NOT_MODIFIERS and word.endswith(MODIFIER_ENDINGS)))


def is_common(word: str) -> bool:
    return group_word(word) and not is_name_word(word)


def adverb_at(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is an adverb, no noun nor a group's modifier: a lower-case word in -ly that is no noun
    or adjective (`LY_NOT_ADVERBS`: "family", "elderly"), or an adverb of time or place (`TIME_PLACE_ADVERBS`) with
    no common word after it ("Managers working | nearby", "treated patients | daily", "ended | shortly"; a
    newcomer's trial offered 'patients daily'; not "nearby residents")."""
    word = word_at(text, tokens, index)
    if not word.islower():
        return False
    if word in TIME_PLACE_ADVERBS:
        following = index + 1
        return not (
            following < len(tokens)
            and joined(text, tokens, index, following)
            and is_common(word_at(text, tokens, following))
        )
    return len(word) > 3 and word.endswith("ly") and word not in LY_NOT_ADVERBS


def in_headline(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is on the text's first line and that line ends with no full stop: a headline, where a
    verb in -s or a bare verb after a plural reads as one (`verbs.headline_verb`, `modals.verb_after_plural`)."""
    if text.rfind("\n", 0, tokens[index][0]) >= 0:
        return False
    line_end = text.find("\n", tokens[index][1])
    last = (len(tokens) if line_end < 0 else bisect_left(tokens, line_end, key=lambda token: token[0])) - 1
    return word_at(text, tokens, last) not in SENTENCE_ENDS
