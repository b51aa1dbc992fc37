"""The shapes of words in an article's tokens: names (capitalised words with their particles, titles kept
out), figures (numbers, scale words, ranges and qualifiers), the words a common noun's group takes in (its
modifiers, its owner; not a verb before it), read without a parse, for `phrases` (what a key selects) and the
places a missed mention may be; the nouns that name people are `people`'s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from annotator.wordlists import (
    A_NUMBERS,
    BASE_FORM_PASTS,
    BODY_NOUNS,
    CURRENCIES,
    DATES,
    DETERMINERS,
    ELIDED_PARTICLES,
    FRACTIONS,
    FUNCTION_WORDS,
    MODIFIER_ENDINGS,
    MODIFIERS,
    NOT_MODIFIERS,
    NUMBER_WORDS,
    OBJECT_OPENERS,
    OPENING,
    PARTICLES,
    PEOPLE_NOUNS,
    PLACE_HEADS,
    PLURAL_PEOPLE,
    POSSESSIVES,
    PREPOSITIONS,
    QUALIFIERS,
    RANGE_WORDS,
    SCALES,
    SINGULAR_SUBJECTS,
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


def is_name_word(word: str) -> bool:
    """A capitalised word, a word of digits and letters ("3M"), or an elided particle glued to a capitalised word
    ("dell'Archeologia", "d'Italia": one token; trial 23)."""
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word)) or elided_name(word)


def elided_name(word: str) -> bool:
    """Whether a word is an elided particle and the capitalised name word it is glued to ("dell'Archeologia")."""
    particle, mark, rest = word.replace("’", "'").partition("'")
    return bool(mark) and particle in ELIDED_PARTICLES and rest[:1].isupper()


def is_number(word: str) -> bool:
    return word.lower() in NUMBER_WORDS or (
        (word[:1].isdigit() or word[:1] in "$€£~") and any(c.isdigit() for c in word)
    )


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
    )


def name_range(text: str, tokens: Tokens, index: int, joiners: frozenset[str]) -> TokenRange:
    """The capitalised name around token `index`: name words and the `joiners` between them; titles before
    it stay out unless the cursor is on one."""
    titles = word_at(text, tokens, index).rstrip(".") in TITLES
    first = last = index
    while first > 0 and joined(text, tokens, first - 1, first):
        if name_word(text, tokens, first - 1, titles):
            first -= 1
            continue
        gap = first - 1
        while gap > 0 and word_at(text, tokens, gap) in joiners and joined(text, tokens, gap - 1, gap):
            gap -= 1
        if gap < first - 1 and name_word(text, tokens, gap, titles):
            first = gap
            continue
        break
    while last + 1 < len(tokens) and joined(text, tokens, last, last + 1):
        if name_word(text, tokens, last + 1, titles):
            last += 1
            continue
        gap = last + 1
        while gap + 1 < len(tokens) and word_at(text, tokens, gap) in joiners and joined(text, tokens, gap, gap + 1):
            gap += 1
        if gap > last + 1 and name_word(text, tokens, gap, titles):
            last = gap
            continue
        break
    return first, last


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
    if not word[:1].isupper() or any(c.isupper() for c in word[1:]) or not sentence_start(text, tokens, index):
        return False
    if name_range(text, tokens, index, PARTICLES) != (index, index):
        return False
    return word not in _named(text)


#: The words from a hyphen before a fraction: "-thirds", "-and-a-half", "-and-an-eighth".
_FRACTION_LEADS = (("-",), ("-", "and", "-", "a", "-"), ("-", "and", "-", "an", "-"))


def fraction_length(words: Sequence[str]) -> int:
    """How many of these lower-case words, from a hyphen after a number, make a fraction joined to it ("-thirds": 2,
    "-and-a-half": 6); 0 if they make none."""
    for lead in _FRACTION_LEADS:
        if tuple(words[: len(lead)]) == lead and len(words) > len(lead) and words[len(lead)] in FRACTIONS:
            return len(lead) + 1
    return 0


def _fraction_after(text: str, tokens: Tokens, hyphen: int) -> int | None:
    """The last token of a fraction joined by the hyphen at `hyphen` ("-thirds", "-and-a-half"), or None."""
    end = hyphen
    while end < min(hyphen + 6, len(tokens)) and (end == hyphen or joined(text, tokens, end - 1, end)):
        end += 1
    length = fraction_length([word_at(text, tokens, i).lower() for i in range(hyphen, end)])
    return hyphen + length - 1 if length else None


def number_range(text: str, tokens: Tokens, index: int) -> TokenRange:
    """The figure around token `index`: numbers and scale words, ranges ("3-1", from either number), plural fractions
    ("three quarters"), and the qualifier before them."""
    first = last = index
    while last + 1 < len(tokens) and joined(text, tokens, last, last + 1):
        word = word_at(text, tokens, last + 1).lower()
        if is_number(word) or word in SCALES or word in FRACTIONS:
            last += 1
        elif word == "-" and (fraction := _fraction_after(text, tokens, last + 1)) is not None:
            last = fraction  # "two-thirds", "three-and-a-half"
        elif (
            word in RANGE_WORDS
            and last + 2 < len(tokens)
            and joined(text, tokens, last + 1, last + 2)
            and is_number(word_at(text, tokens, last + 2))
        ):
            last += 2
        else:
            break
    while first > 0 and joined(text, tokens, first - 1, first):
        before = word_at(text, tokens, first - 1)
        counted = before.lower() == "a" and word_at(text, tokens, first).lower() in A_NUMBERS  # not "a | five-storey"
        ranged = before in RANGE_WORDS - {"and"} and first > 1 and joined(text, tokens, first - 2, first - 1)
        if ranged and is_number(word_at(text, tokens, first - 2)):
            first -= 2
            continue
        if not (is_number(before) or before in CURRENCIES or counted):
            break
        first -= 1
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        begin = first - len(qualifier)
        if begin < 0 or not all(joined(text, tokens, i, i + 1) for i in range(begin, first)):
            continue
        if tuple(word_at(text, tokens, i).lower() for i in range(begin, first)) == qualifier:
            first = begin
            break
    return first, last


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


def verb_before_group(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a word in -ed or -ing before a noun group, is a verb of the clause rather than a
    modifier of the group: it follows a common noun ("the blast affected | first responders", "a bus carrying |
    children") or a function word that is no preposition (an auxiliary, a pronoun, "n't": "we haven't allowed |
    residents"). After a determiner, a preposition, a number, a modifier, a name or a verb after "to" it modifies
    ("the affected guests", "to displaced families", "the Israeli negotiating team", "to resume stalled talks").
    A verb whose past is its base form ("cost", "hit") is one after a function word, a common noun or a name ("has
    cost | exporters", "Maersk cut | jobs"; trial 21)."""
    if word_at(text, tokens, index) in BASE_FORM_PASTS:
        before = _before_a_verb(text, tokens, index, ("",), shortest=1)
        return before is not None and (before.lower() in FUNCTION_WORDS or is_common(before) or is_name_word(before))
    before = _before_a_verb(text, tokens, index, ("ed", "ing"))
    if before is None:
        return False
    if before.lower() in FUNCTION_WORDS:
        return True
    return is_common(before) and not is_modifier(before) and not verb_after_to(text, tokens, index - 1)


def _before_a_verb(text: str, tokens: Tokens, index: int, endings: tuple[str, ...], shortest: int = 5) -> str | None:
    """The word before token `index` when that token may be a verb by its ending (lower-case, `shortest` letters
    or more, not a known modifier) and the word before it does not make it a noun or a modifier (a determiner, a
    possessive, a preposition: "the wounded", "to displaced families"); None otherwise."""
    word = word_at(text, tokens, index)
    if not (len(word) >= shortest and word.islower() and word.endswith(endings) and word not in MODIFIERS):
        return None
    if index == 0 or not joined(text, tokens, index - 1, index):
        return None
    before = word_at(text, tokens, index - 1)
    lower = before.lower()
    if lower in DETERMINERS or before in POSSESSIVES or lower in PREPOSITIONS:
        return None
    return before


def verb_after_to(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` follows "to" and is no modifier: a verb ("to | resume stalled truce talks"), which
    a noun group never takes in; a name or a modifier may follow "to" in a group ("to displaced families")."""
    return (
        index > 0
        and word_at(text, tokens, index - 1) == "to"
        and joined(text, tokens, index - 1, index)
        and is_common(word_at(text, tokens, index))
        and not is_modifier(word_at(text, tokens, index))
    )


def verb_after_subject(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a verb after its subject, never after a determiner, a possessive or a preposition
    ("the wounded", "to displaced families", "the rises in prices"). A word in -ed after a common noun, a name or a
    function word (a pronoun, an auxiliary: "one missing deckhand | waited", "Firefighters | battled", "they |
    marched"). A word in -s after "he", "she", "it", "who" or "which", or after a common noun or a name only with
    its object or figure after it (`_object_after`: "the toll | rises to 12", "the storm | hits the coast"): after
    a noun, a word in -s is as often the plural noun its group ends with ("rescue | workers arrived")."""
    before = _before_a_verb(text, tokens, index, ("ed",))
    if before is not None:
        return (
            before.lower() in FUNCTION_WORDS or (is_common(before) and not is_modifier(before)) or is_name_word(before)
        )
    before = _before_a_verb(text, tokens, index, ("s",), shortest=4)
    if before is None or word_at(text, tokens, index).endswith(("ss", "us", "is")):  # "progress", "census", "crisis"
        return False
    if before.lower() in SINGULAR_SUBJECTS:
        return True
    return ((is_common(before) and not is_modifier(before)) or is_name_word(before)) and _object_after(
        text, tokens, index
    )


def _object_after(text: str, tokens: Tokens, index: int) -> bool:
    """Whether what follows token `index` opens a verb's object or figure, which no plural noun ending a group is
    followed by: an article or a possessive pronoun ("hits | the coast"), an object pronoun, a number ("rises |
    12%") or "to", "by" or "from" with a number ("rises | to 12")."""
    after = index + 1
    if after >= len(tokens) or not joined(text, tokens, index, after):
        return False
    word = word_at(text, tokens, after)
    if word in OBJECT_OPENERS or is_number(word) or word in CURRENCIES:
        return True
    following = after + 1
    return (
        word in {"to", "by", "from"}
        and following < len(tokens)
        and joined(text, tokens, after, following)
        and (is_number(word_at(text, tokens, following)) or word_at(text, tokens, following) in CURRENCIES)
    )


def group_head(text: str, tokens: Tokens, index: int) -> int:
    """The last word of the noun group around token `index`: the word itself, unless it is a modifier, whose
    group runs on over the modifiers after it to the first common noun ("the city's western | district"), or a noun
    before a noun for a building or a place ("the town | hall": a LOCATION whole, the guide; trial 22), or a noun
    after an article before a noun for people or a body of them ("the emergency | services"; trial 24)."""
    following = index + 1
    if following < len(tokens) and is_common(word_at(text, tokens, index)) and joined(text, tokens, index, following):
        after = word_at(text, tokens, following)
        if after in PLACE_HEADS or (_after_an_article(text, tokens, index) and _heads_for_people(text, tokens, index)):
            return following
    last = index
    while is_modifier(word_at(text, tokens, last)) and last + 1 < len(tokens) and joined(text, tokens, last, last + 1):
        if not is_common(word_at(text, tokens, last + 1)):
            return index
        last += 1
    return last if not is_modifier(word_at(text, tokens, last)) else index


def _after_an_article(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a determiner other than "that" (a relative pronoun as often) stands right before token `index`."""
    before = word_at(text, tokens, index - 1).lower() if index > 0 and joined(text, tokens, index - 1, index) else ""
    return before in DETERMINERS and before != "that"


def _heads_for_people(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a noun that is no noun for people itself, modifies a noun for people or a body of them
    right after it ("emergency | services", "rescue | workers"); not a subject before its verb's ("the man | police
    arrested": a plural noun for people is no head after a noun)."""
    word, after = word_at(text, tokens, index), word_at(text, tokens, index + 1)

    def people(noun: str) -> bool:
        return any(form in PEOPLE_NOUNS or form in BODY_NOUNS for form in (noun, noun[:-1], noun[:-2]) if form)

    return not is_modifier(word) and not people(word) and after not in PLURAL_PEOPLE and people(after)


def group_start(text: str, tokens: Tokens, index: int) -> int:
    """The first word of the noun group that ends at token `index`: its modifiers before it, and a common noun
    or a title that owns it; not its determiner. A name that owns it is a span of its own ("Israel's army")."""
    first = index
    while first > 0 and joined(text, tokens, first - 1, first):
        before = word_at(text, tokens, first - 1)
        owner = word_at(text, tokens, first - 2) if first > 1 else ""
        if before in POSSESSIVES and group_word(owner) and (owner.islower() or owner.rstrip(".") in TITLES):
            first -= 2  # "the island's power authority", "the President's office"; not "Israel's | army"
        elif (
            group_word(before)
            and not verb_after_to(text, tokens, first - 1)
            and not verb_before_group(text, tokens, first - 1)
        ):
            first -= 1
        else:
            break
    return first
