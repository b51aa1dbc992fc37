"""The shape of a figure's words in an article's tokens: numbers, scale words, ranges, fractions and the
qualifier before them, read without a parse (`figure_labels`, the FIGURE key's phrase; `fraction_length` also for
the suggester's figures)."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.shapes import TokenRange, Tokens, is_number, joined, word_at
from annotator.wordlists import A_NUMBERS, CURRENCIES, FRACTIONS, NUMBER_WORDS, QUALIFIERS, RANGE_WORDS, SCALES

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


def _apart(number: str, after: str) -> bool:
    """Whether a number in digits and a number in words right after it are two figures ("up from 8,300 | twelve months
    ago": the second a duration's, no figure; a newcomer's trial got '8,300 twelve'); a scale word joins them."""
    words = after.lower()
    return number[:1].isdigit() and words.isalpha() and words in NUMBER_WORDS and words not in SCALES | FRACTIONS


def number_range(text: str, tokens: Tokens, index: int) -> TokenRange:
    """The figure around token `index`: numbers and scale words, ranges ("3-1", from either number), plural fractions
    ("three quarters"), and the qualifier before them."""
    first = last = index
    while last + 1 < len(tokens) and joined(text, tokens, last, last + 1):
        word = word_at(text, tokens, last + 1).lower()
        if _apart(word_at(text, tokens, last), word):
            break  # "8,300 | twelve months ago": a number in words after digits counts something else
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
        if not (is_number(before) or before in CURRENCIES or counted) or _apart(before, word_at(text, tokens, first)):
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
