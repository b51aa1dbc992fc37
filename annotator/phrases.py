"""Selections worth one key: the quotation around the cursor, and the phrase under it.

Plain functions over an article's text and tokens ((start, end) offsets, in order) that answer with token
ranges (first, last), inclusive, as the TUI's selection holds them. They need no parse: a phrase is read
from the tokens' shapes (capitalised names with their joining particles, numbers with their qualifiers and
scale words, a noun with its determiner), so articles stored without a model work the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.motion import token_at
from annotator.spans import DOUBLE_QUOTES, fit
from annotator.vocabulary import Label
from annotator.wordlists import (
    CLOSING,
    CONNECTORS,
    CURRENCIES,
    DATES,
    DETERMINERS,
    FUNCTION_WORDS,
    MODIFIER_ENDINGS,
    NOT_MODIFIERS,
    NUMBER_WORDS,
    OPENING,
    PARTICLES,
    POSSESSIVES,
    QUALIFIERS,
    RANGE_WORDS,
    SCALES,
    TITLES,
)

Tokens = Sequence[tuple[int, int]]
TokenRange = tuple[int, int]


def _word(text: str, tokens: Tokens, index: int) -> str:
    start, end = tokens[index]
    return text[start:end]


def _joined(text: str, tokens: Tokens, left: int, right: int) -> bool:
    """Whether tokens `left` and `right` (= left + 1) are on one line, with nothing but spaces between them."""
    between = text[tokens[left][1] : tokens[right][0]]
    return "\n" not in between and not between.strip()


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


def _is_number(word: str) -> bool:
    return word.lower() in NUMBER_WORDS or (
        (word[:1].isdigit() or word[:1] in "$€£~") and any(c.isdigit() for c in word)
    )


def _qualified(text: str, tokens: Tokens, index: int) -> int | None:
    """The number that a qualifier starting at token `index` qualifies ("at least 35", "about a quarter")."""
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        after = index + len(qualifier)
        words = tuple(_word(text, tokens, i).lower() for i in range(index, min(after, len(tokens))))
        if words != qualifier or after >= len(tokens):
            continue
        for candidate in (after, after + 1):
            if candidate < len(tokens) and _word(text, tokens, candidate) in CURRENCIES | {"a"}:
                continue
            if candidate < len(tokens) and _is_number(_word(text, tokens, candidate)):
                return candidate
            break
    return None


def _name_word(text: str, tokens: Tokens, index: int, titles: bool) -> bool:
    """A word of the name the cursor is on: titles only when the cursor is on one, days and months never
    ("35 Palestinians | Thursday")."""
    word = _word(text, tokens, index)
    return (
        _is_name_word(word)
        and word.lower() not in DETERMINERS
        and word not in DATES
        and (titles or word.rstrip(".") not in TITLES)
    )


def _name(text: str, tokens: Tokens, index: int, joiners: frozenset[str]) -> TokenRange:
    """The capitalised name around token `index`: name words and the `joiners` between them; titles before
    it stay out unless the cursor is on one."""
    titles = _word(text, tokens, index).rstrip(".") in TITLES
    first = last = index
    while first > 0 and _joined(text, tokens, first - 1, first):
        if _name_word(text, tokens, first - 1, titles):
            first -= 1
            continue
        gap = first - 1
        while gap > 0 and _word(text, tokens, gap) in joiners and _joined(text, tokens, gap - 1, gap):
            gap -= 1
        if gap < first - 1 and _name_word(text, tokens, gap, titles):
            first = gap
            continue
        break
    while last + 1 < len(tokens) and _joined(text, tokens, last, last + 1):
        if _name_word(text, tokens, last + 1, titles):
            last += 1
            continue
        gap = last + 1
        while gap + 1 < len(tokens) and _word(text, tokens, gap) in joiners and _joined(text, tokens, gap, gap + 1):
            gap += 1
        if gap > last + 1 and _name_word(text, tokens, gap, titles):
            last = gap
            continue
        break
    return first, last


def _number(text: str, tokens: Tokens, index: int) -> TokenRange:
    """The figure around token `index`: numbers and scale words, ranges, and the qualifier before them."""
    first = last = index
    while last + 1 < len(tokens) and _joined(text, tokens, last, last + 1):
        word = _word(text, tokens, last + 1).lower()
        if _is_number(word) or word in SCALES:
            last += 1
        elif (
            word in RANGE_WORDS
            and last + 2 < len(tokens)
            and _joined(text, tokens, last + 1, last + 2)
            and _is_number(_word(text, tokens, last + 2))
        ):
            last += 2
        else:
            break
    while first > 0 and _joined(text, tokens, first - 1, first):
        before = _word(text, tokens, first - 1)
        if not (_is_number(before) or before in CURRENCIES or (before == "a" and _word(text, tokens, first).lower()
                                                                in NUMBER_WORDS)):  # fmt: skip
            break
        first -= 1
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        begin = first - len(qualifier)
        if begin < 0 or not all(_joined(text, tokens, i, i + 1) for i in range(begin, first)):
            continue
        if tuple(_word(text, tokens, i).lower() for i in range(begin, first)) == qualifier:
            first = begin
            break
    return first, last


def phrase_ladder(text: str, tokens: Tokens, index: int) -> list[TokenRange]:
    """Ever larger phrases around token `index`, for a key that grows the selection one rung a press: the name,
    the figure or the word under the cursor; then with its determiner ("the Gaza Strip", "the army")."""
    if not tokens:
        return []
    word = _word(text, tokens, index)
    number = index if _is_number(word) or word in CURRENCIES else _qualified(text, tokens, index)
    if number is not None:
        core = _number(text, tokens, number)
    elif word in DATES:  # a day or a month is a phrase of its own: it never joins a name ("Palestinians | Thursday")
        core = (index, index)
    elif _is_name_word(word) and word.lower() not in DETERMINERS:
        return _ladder(
            text, tokens, index, [_name(text, tokens, index, PARTICLES), _name(text, tokens, index, CONNECTORS)]
        )
    elif word.lower() in DETERMINERS and index + 1 < len(tokens) and _joined(text, tokens, index, index + 1):
        following = phrase_ladder(text, tokens, index + 1)
        return [(index, following[0][1])] if following else [(index, index)]
    elif _group_word(word):
        group = (_group_start(text, tokens, index), _group_head(text, tokens, index))
        return _ladder(text, tokens, index, [(index, index), group])
    else:
        core = (index, index)
    return _ladder(text, tokens, index, [core])


def _group_word(word: str) -> bool:
    """A word a noun group takes in: a name word, or a lower-case word that is neither a function word, a
    determiner nor a number ("the | Israeli negotiating team", "the | parliament's defense committee")."""
    lower = word.lower()
    return (
        any(c.isalpha() for c in word)
        and lower not in FUNCTION_WORDS
        and lower not in DETERMINERS
        and not _is_number(word)
        and word not in DATES
        and (word[:1].isalpha() or _is_name_word(word))
    )


def _is_modifier(word: str) -> bool:
    """A lower-case word whose ending says it modifies a noun ("western", "stalled", "humanitarian")."""
    return word.islower() and word not in NOT_MODIFIERS and word.endswith(MODIFIER_ENDINGS)


def _common(word: str) -> bool:
    return _group_word(word) and not _is_name_word(word)


def _verb_after_to(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` follows "to" and is no modifier: a verb ("to | resume stalled truce talks"), which
    a noun group never takes in; a name or a modifier may follow "to" in a group ("to displaced families")."""
    return (
        index > 0
        and _word(text, tokens, index - 1) == "to"
        and _joined(text, tokens, index - 1, index)
        and _common(_word(text, tokens, index))
        and not _is_modifier(_word(text, tokens, index))
    )


def _group_head(text: str, tokens: Tokens, index: int) -> int:
    """The last word of the noun group around token `index`: the word itself, unless it is a modifier, whose
    group runs on over the modifiers after it to the first common noun ("the city's western | district")."""
    last = index
    while _is_modifier(_word(text, tokens, last)) and last + 1 < len(tokens) and _joined(text, tokens, last, last + 1):
        if not _common(_word(text, tokens, last + 1)):
            return index
        last += 1
    return last if not _is_modifier(_word(text, tokens, last)) else index


def _group_start(text: str, tokens: Tokens, index: int) -> int:
    """The first word of the noun group that ends at token `index`: its modifiers before it, and a common noun
    or a title that owns it; not its determiner. A name that owns it is a span of its own ("Israel's army")."""
    first = index
    while first > 0 and _joined(text, tokens, first - 1, first):
        before = _word(text, tokens, first - 1)
        owner = _word(text, tokens, first - 2) if first > 1 else ""
        if before in POSSESSIVES and _group_word(owner) and (owner.islower() or owner.rstrip(".") in TITLES):
            first -= 2  # "the island's power authority", "the President's office"; not "Israel's | army"
        elif _group_word(before) and not _verb_after_to(text, tokens, first - 1):
            first -= 1
        else:
            break
    return first


def _ladder(text: str, tokens: Tokens, index: int, cores: list[TokenRange]) -> list[TokenRange]:
    """Each core, then the last core with the determiner before it; clean ranges only, once each, each one
    larger than the one before."""
    rungs = list(cores)
    first, last = cores[-1]
    if first > 0 and _joined(text, tokens, first - 1, first) and _word(text, tokens, first - 1).lower() in DETERMINERS:
        first -= 1
    rungs.append((first, last))
    ladder: list[TokenRange] = []
    for rung in rungs:
        if rung not in ladder and is_clean(text, tokens, rung) and (not ladder or rung[0] <= ladder[-1][0]):
            ladder.append(rung)
    return ladder


def is_clean(text: str, tokens: Tokens, rung: TokenRange) -> bool:
    """Whether a token range could be an entity span by the span rules (no stray punctuation at its edges)."""
    start, end = tokens[rung[0]][0], tokens[rung[1]][1]
    return fit(text, start, end, Label.ACTOR) == (start, end)


def _with_complement(text: str, tokens: Tokens, rung: TokenRange) -> TokenRange | None:
    """A noun group with the "of" phrase after it ("the families" -> "the families of the victims", "supporters"
    -> "supporters of hostages"): "of", one determiner at most, and the common-noun group that follows (a word
    in -ed after its first word is taken for a verb and ends it); None when no such phrase follows."""
    of = end = rung[1] + 1
    if of + 1 >= len(tokens) or _word(text, tokens, of) != "of" or not _joined(text, tokens, of - 1, of):
        return None
    end += 1 + (
        of + 2 < len(tokens)
        and _word(text, tokens, of + 1).lower() in DETERMINERS
        and _joined(text, tokens, of + 1, of + 2)
    )
    word = _word(text, tokens, end)
    if not _joined(text, tokens, of, of + 1) or not _group_word(word) or _is_name_word(word):  # "city of | Rafah"
        return None
    while end + 1 < len(tokens) and _joined(text, tokens, end, end + 1):
        word = _word(text, tokens, end + 1)
        if not _group_word(word) or _is_name_word(word) or word.endswith("ed"):  # "hostages | rallied"
            break
        end += 1
    return (rung[0], end) if is_clean(text, tokens, (rung[0], end)) else None


def grow(text: str, tokens: Tokens, selection: TokenRange | None, cursor: int) -> TokenRange | None:
    """The next rung of the phrase ladder around the cursor after the current selection (the first rung when
    nothing is selected, or the selection is not on the ladder); None when the ladder ends. On a common noun the
    last rung takes the "of" phrase after its group (`at_cursor`, a label key alone, stops before it)."""
    ladder = phrase_ladder(text, tokens, cursor)
    word = _word(text, tokens, cursor) if tokens else ""
    if ladder and _group_word(word) and not _is_name_word(word):
        extended = _with_complement(text, tokens, ladder[-1])
        if extended is not None:
            ladder.append(extended)
    if selection is None:
        return ladder[0] if ladder else None
    low, high = sorted(selection)
    bigger = [r for r in ladder if r[0] <= low and r[1] >= high and r != (low, high)]
    return bigger[0] if bigger else None


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations in text[start:end] (one paragraph), as the character ranges between their marks: curly
    marks open and close by their shape, straight ones in turn; a quotation left open runs to the paragraph's
    end (the next paragraph reopens it)."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for position in range(start, end):
        char = text[position]
        if char not in DOUBLE_QUOTES:
            continue
        if opened is None and char not in CLOSING:
            opened = position + 1
        elif opened is not None and char not in OPENING:
            found.append((opened, position))
            opened = None
        elif char in OPENING:  # a second opening mark: the first one was never closed
            opened = position + 1
    if opened is not None:
        found.append((opened, end))
    return found


def quotation(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The tokens of the quotation around token `index` (without its marks), or else of the next quotation
    in the same paragraph; None when there is none."""
    if not tokens:
        return None
    offset = tokens[index][0]
    start, end = _paragraph(text, offset)
    ranges = quotations(text, start, end)
    around = [r for r in ranges if r[0] - 1 <= offset <= r[1]]
    later = [r for r in ranges if r[0] > offset]
    for low, high in around + later:
        fitted = fit(text, low, high, Label.QUOTE)
        if fitted is None:
            continue
        first = token_at(tokens, fitted[0])
        if tokens[first][0] < fitted[0]:
            first += 1
        last = token_at(tokens, fitted[1] - 1)
        if first <= last and tokens[last][1] <= fitted[1]:
            return first, last
    return None


def at_cursor(text: str, tokens: Tokens, index: int, label: Label | str) -> TokenRange:
    """What a label key adds with nothing selected and nothing under the cursor: for a QUOTE the quotation
    around the cursor (or the next one in its paragraph), for an entity the phrase under it (the first rung
    of `phrase_ladder`), else the cursor's token alone."""
    if Label(label) is Label.QUOTE:
        found = quotation(text, tokens, index)
        if found is not None:
            return found
    ladder = phrase_ladder(text, tokens, index)
    if not ladder:
        return (index, index)
    word = _word(text, tokens, index)
    if _group_word(word) and not _is_name_word(word):  # a common noun: its whole group ("the male victim")
        return ladder[-1]
    return ladder[0]


def is_unmarked_word(text: str, tokens: Tokens, index: int, covered: Callable[[int], bool]) -> bool:
    """Whether token `index` may begin or be a missing entity: a word (starting with a letter or a digit: not
    "'s") that is not a function word or a determiner and that no entity span or suggestion covers (`covered`)."""
    word = _word(text, tokens, index).lower()
    return word[:1].isalnum() and word not in FUNCTION_WORDS and word not in DETERMINERS and not covered(index)


def next_unmarked(text: str, tokens: Tokens, index: int, step: int, covered: Callable[[int], bool]) -> int:
    """The next (step 1) or previous (step -1) word no entity covers, function words, punctuation and marked
    spans skipped (`is_unmarked_word`): the places a pass for missed mentions stops at; `index` if none.
    A label key there adds the phrase under the cursor (a common noun: its whole group)."""
    position = index + step
    while 0 <= position < len(tokens):
        if is_unmarked_word(text, tokens, position, covered):
            return position
        position += step
    return index


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
