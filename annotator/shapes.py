"""The shapes of words in an article's tokens: names (capitalised words with their particles, titles kept
out), figures (numbers, scale words, ranges and qualifiers), read without a parse, for `phrases` (what a key
selects) and the places a missed mention may be."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.wordlists import (
    CURRENCIES,
    DATES,
    DETERMINERS,
    NUMBER_WORDS,
    QUALIFIERS,
    RANGE_WORDS,
    SCALES,
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
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


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


def number_range(text: str, tokens: Tokens, index: int) -> TokenRange:
    """The figure around token `index`: numbers and scale words, ranges, and the qualifier before them."""
    first = last = index
    while last + 1 < len(tokens) and joined(text, tokens, last, last + 1):
        word = word_at(text, tokens, last + 1).lower()
        if is_number(word) or word in SCALES:
            last += 1
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
        if not (is_number(before) or before in CURRENCIES or (before == "a" and word_at(text, tokens, first).lower()
                                                                in NUMBER_WORDS)):  # fmt: skip
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
