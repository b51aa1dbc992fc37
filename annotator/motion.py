"""Where the token cursor goes: word jumps, paragraph jumps, search and the next place with the same words (`#`)
in an article's text.

Plain functions over the text and its tokens ((start, end) character offsets, in order), so the TUI and
anything that plans keystrokes (benchmarks/keys_to_gold.py) move the cursor the same way. Moves by screen
line (up, down, line start and end, pages) depend on how the text is wrapped, and live with the layout
(`annotator/tui/layout.py`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

Tokens = Sequence[tuple[int, int]]
TokenRange = tuple[int, int]


def token_at(tokens: Tokens, offset: int) -> int:
    """The index of the token at or before character `offset` (0 before the first)."""
    return max(bisect_right(tokens, (offset, 1 << 62)) - 1, 0)


def is_word(text: str, token: tuple[int, int]) -> bool:
    """A token with a letter or a digit in it (not punctuation alone)."""
    return any(char.isalnum() for char in text[token[0] : token[1]])


def next_word(text: str, tokens: Tokens, index: int, step: int) -> int:
    """The next (step 1) or previous (step -1) token that is a word, skipping punctuation; `index` if none."""
    position = index + step
    while 0 <= position < len(tokens):
        if is_word(text, tokens[position]):
            return position
        position += step
    return index


def starts_with(text: str, token: tuple[int, int], char: str) -> bool:
    """A word token whose first character is `char`, a letter's case ignored."""
    return is_word(text, token) and text[token[0] : token[0] + 1].casefold() == char.casefold()


def next_starting(text: str, tokens: Tokens, index: int, char: str, step: int) -> int:
    """The next (step 1) or previous (step -1) word starting with `char` (case ignored), as vim's f and F jump
    on a line: two keys to most words in sight; `index` if there is none that way."""
    position = index + step
    while 0 <= position < len(tokens):
        if starts_with(text, tokens[position], char):
            return position
        position += step
    return index


def _paragraph_starts(text: str, tokens: Tokens) -> list[int]:
    """Indices of the first token of each paragraph (a line break between two tokens starts one)."""
    starts = [0] if tokens else []
    for index in range(1, len(tokens)):
        if "\n" in text[tokens[index - 1][1] : tokens[index][0]]:
            starts.append(index)
    return starts


def paragraph(text: str, tokens: Tokens, index: int, step: int) -> int:
    """The first token of the next paragraph (step 1), or of this one, or of the one before when the cursor is
    there already (step -1); `index` at either end of the article."""
    starts = _paragraph_starts(text, tokens)
    if not starts:
        return index
    if step > 0:
        following = bisect_right(starts, index)
        return starts[following] if following < len(starts) else index
    before = bisect_left(starts, index) - 1
    return starts[before] if before >= 0 else index


def _smartcase(query: str) -> bool:
    """Whether a search is case-sensitive: only when a capital stands inside a word of the query ("US", "McCann"),
    not at a word's start ("Mellin" finds the dateline's "PORT MELLIN", where agencies name a place first)."""
    return any(char.isupper() and query[i - 1].isalpha() for i, char in enumerate(query) if i > 0)


def match_starts(text: str, query: str) -> list[int]:
    """Where `query` occurs in `text` (overlapping occurrences too); case-insensitive unless a capital stands
    inside one of its words."""
    if not query:
        return []
    haystack, needle = (text, query) if _smartcase(query) else (text.lower(), query.lower())
    if len(haystack) != len(text):  # lower() changed a length (a rare ligature): search the text as it is
        haystack, needle = text, query
    found, position = [], haystack.find(needle)
    while position >= 0:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def search(text: str, tokens: Tokens, query: str, index: int, step: int) -> int | None:
    """The token of the next match after token `index` (step 1) or of the previous one before it (step -1),
    wrapping around the article; a match inside the cursor's own token is passed over, so where the only
    match is the cursor's, the search wraps round to it: `index` itself, which the caller says is the only
    match (as less and vim do). None when the query occurs nowhere."""
    starts = match_starts(text, query)
    if not starts or not tokens:
        return None
    start, end = tokens[index]
    if step > 0:
        following = bisect_left(starts, end)
        found = starts[following % len(starts)]
    else:
        found = starts[bisect_left(starts, start) - 1]  # -1 wraps to the last match
    return token_at(tokens, found)


def words_around(text: str, tokens: Tokens, start: int, end: int, count: int = 3) -> tuple[str, str]:
    """Up to `count` tokens of its line before and after characters `start` to `end`, with "…" where the line goes
    on: what tells apart places with the same words (the speaker choice's candidates named alike)."""
    first, last = token_at(tokens, start), token_at(tokens, max(end - 1, start))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    low = first if tokens and tokens[first][0] >= start else first + 1
    before = [t for t in tokens[max(low - count, 0) : low] if t[0] >= line_start]
    after = [t for t in tokens[last + 1 : last + 1 + count] if t[1] <= line_end]
    left = text[before[0][0] : start] if before else ""
    right = text[end : after[-1][1]] if after else ""
    left_more = (before[0][0] if before else start) > line_start
    right_more = (after[-1][1] if after else end) < line_end
    return ("…" if left_more else "") + left.lstrip(), right.rstrip() + ("…" if right_more else "")


def occurrences(text: str, tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Every other place where exactly the words text[start:end] stand on token boundaries (case-sensitive),
    in order; for a key that marks them all with the same label."""
    words = text[start:end]
    if not words:
        return []
    starts = {token_start for token_start, _ in tokens}
    ends = {token_end for _, token_end in tokens}
    found, position = [], text.find(words)
    while position >= 0:
        if position != start and position in starts and position + len(words) in ends:
            found.append((position, position + len(words)))
        position = text.find(words, position + 1)
    return found


def next_occurrence(text: str, tokens: Tokens, start: int, end: int, step: int) -> int | None:
    """The token where the words text[start:end] stand next after `start` (step 1), or last before it (step -1),
    on token boundaries (`occurrences`), wrapping around the article; None when they stand nowhere else. For a
    key that goes from a name or a noun to its next mention, to mark or fix it."""
    found = [position for position, _ in occurrences(text, tokens, start, end)]
    if not found:
        return None
    if step > 0:
        later = [position for position in found if position > start]
        return token_at(tokens, later[0] if later else found[0])
    earlier = [position for position in found if position < start]
    return token_at(tokens, earlier[-1] if earlier else found[-1])


def occurrence_from(
    text: str, tokens: Tokens, words: TokenRange | None, cursor: int, step: int
) -> tuple[int | None, TokenRange]:
    """Where `#` goes from the cursor (a token index): the next place with the current entity's words (`words`,
    character offsets), or with the cursor's word when there is no entity or its words stand nowhere else; and
    the words it looked for. A person who landed inside a longer name keeps going with the word they followed."""
    if words is not None:
        found = next_occurrence(text, tokens, words[0], words[1], step)
        if found is not None:
            return found, words
    own = (tokens[cursor][0], tokens[cursor][1])
    return next_occurrence(text, tokens, own[0], own[1], step), (own if words is None else words)
