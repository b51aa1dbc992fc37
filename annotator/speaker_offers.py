"""The order in which the speaker choice offers a quote's possible speakers (the screen's tab goes through them).

First the speaker the quote was suggested with; then the ACTOR that says it where a speaker is named, its
attribution (the quote's own sentence and, for a quote that is a sentence of its own, the sentence before it:
'"We will stay," Lee said. "We have no choice."'): the subject of a verb of saying there, "Lee said", "said Lee";
then the other ACTORs there ("told Reuters"); then the rest of its paragraph, those before the quote (nearest
first) before those after it, then other paragraphs alike; those inside it last, as a quote seldom names its own
speaker. When a pronoun says it ("She said"), the ACTORs before the pronoun, nearest first, come before the others
of its sentence: one of them is who it stands for (the guide's rule). Newcomers' trials: the next sentence's ACTOR
came before the one in the quote's own sentence; "She said ... victims" offered `victims` and two ACTORs of the
next sentence before "One of the victims" of the sentence before. Sentences are cut at `SENTENCE_MARKS` tokens,
as the edge keys cut them; no parse is needed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from annotator.edges import SENTENCE_MARKS
from annotator.motion import Tokens
from annotator.quotations import paragraph_around
from annotator.wordlists import SPEECH_VERB_FORMS


class Placed(Protocol):
    """Anything with character offsets: an ACTOR span or suggestion as the screen holds it."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


P = TypeVar("P", bound=Placed)


def _is_word(text: str, token: tuple[int, int]) -> bool:
    return any(char.isalnum() for char in text[token[0] : token[1]])


def _sentence_start(text: str, tokens: Tokens, index: int, low: int) -> int:
    """Where the sentence holding token `index` starts: after the last sentence mark before it in the paragraph."""
    for at in range(index - 1, -1, -1):
        if tokens[at][0] < low:
            break
        if text[slice(*tokens[at])] in SENTENCE_MARKS:
            return tokens[at + 1][0]
    return low


def quote_sentence(text: str, tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """The sentence a quote stands in, within its paragraph: from the end of the sentence before it to the end of
    the sentence its last words are in. The marks inside the quote end none; a full stop as its last word does
    ('"We will stay." Police said nothing.'), a "?" or "!" does not ('"Will you stay?" she asked.')."""
    low, high = paragraph_around(text, start, end)
    first = bisect_left(tokens, start, key=lambda token: token[0])
    begins = _sentence_start(text, tokens, first, low)
    after = bisect_left(tokens, end, key=lambda token: token[0])
    run = after  # the marks right after the quote: its closing mark, a comma, a full stop
    while run < len(tokens) and tokens[run][0] < high and not _is_word(text, tokens[run]):
        run += 1
    if text[start:end].rstrip().endswith(".") and not text[start:end].rstrip().endswith(".."):
        return begins, tokens[run - 1][1] if run > after else end
    if any(text[slice(*tokens[at])] == "." for at in range(after, run)):
        return begins, tokens[run - 1][1]
    for at in range(run, len(tokens)):
        if tokens[at][0] >= high:
            break
        if text[slice(*tokens[at])] in SENTENCE_MARKS:
            return begins, tokens[at][1]
    return begins, high


def attribution(text: str, tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """Where a quote's speaker is most likely named: its own sentence (`quote_sentence`), and when no word of that
    sentence stands outside the quote, the sentence before it in its paragraph too."""
    begins, ends = quote_sentence(text, tokens, start, end)
    outside = [
        token
        for token in tokens
        if begins <= token[0] and token[1] <= ends and not (start <= token[0] < end) and _is_word(text, token)
    ]
    low = paragraph_around(text, start, end)[0]
    if outside or begins <= low:
        return begins, ends
    before = bisect_left(tokens, begins, key=lambda token: token[0]) - 1  # the mark that ended the sentence before
    return _sentence_start(text, tokens, before, low), ends


#: Verbs of saying whose subject is the speaker ("Lee said", "said Lee", "Lee, the mayor, told reporters").
SAYING = SPEECH_VERB_FORMS | {"asked", "replied", "commented", "remarked", "recalled", "responded", "continued",
                              "concluded", "argued", "admitted", "acknowledged", "emphasised", "emphasized"}  # fmt: skip
#: Those that stand before their subject, the speaker ("'We will stay,' said Lee"); the others take an object
#: after them ("told Reuters", "described Day").
INVERTED = frozenset({"said", "says", "added", "adds", "wrote", "writes", "continued", "replied", "recalled",
                      "remarked", "commented", "tweeted", "explained"})  # fmt: skip
#: Words between a subject and its verb of saying ("Lee also said", "she has said", "he later told").
BETWEEN = frozenset({"also", "later", "then", "again", "has", "have", "had", "earlier", "further", "once"})
#: Pronouns that stand for a speaker named before them ("She said").
PRONOUNS = frozenset({"he", "she", "they"})


def _word_at(text: str, tokens: Tokens, index: int) -> str:
    return text[slice(*tokens[index])] if 0 <= index < len(tokens) else ""


def _says_after(text: str, tokens: Tokens, index: int, high: int) -> bool:
    """Whether a verb of saying follows token `index` as its subject's verb: after adverbs ("also", "later",
    "publicly") and an apposition between commas ("Lee, the mayor, said")."""
    at = index + 1
    if _word_at(text, tokens, at) == ",":  # an apposition: on to the comma closing it
        closing = next((i for i in range(at + 1, min(at + 16, len(tokens))) if _word_at(text, tokens, i) == ","), None)
        at = closing + 1 if closing is not None else at
    while at < len(tokens) and tokens[at][0] < high:
        word = _word_at(text, tokens, at)
        if word.lower() in SAYING:
            return True
        if not (word in BETWEEN or (word.isalpha() and word.endswith("ly"))):
            return False
        at += 1
    return False


def _names_speaker(text: str, tokens: Tokens, first: int, last: int, high: int) -> bool:
    """Whether the words of tokens `first`..`last` are the subject of a verb of saying: before it ("Lee said") or
    after it ("said Lee", "according to Lee"), never its object ("told Lee")."""
    before = _word_at(text, tokens, first - 1).lower()
    if before in INVERTED and first >= 2 and not _is_word(text, tokens[first - 2]):
        return True  # '"We will stay," said Lee', not 'Lee said the men left'
    if before == "to" and _word_at(text, tokens, first - 2).lower() == "according":
        return True
    return _says_after(text, tokens, last, high)


def offer_place(
    text: str, tokens: Tokens, quote: tuple[int, int], suggested: tuple[int, int] | None
) -> Callable[[int, int], tuple[int, int]]:
    """How early the speaker choice offers the ACTOR at start..end for the quote at `quote` (lower first), in the
    order the module's docstring says: `suggested` (its suggested or current speaker) 0; in its attribution, the
    subject of a verb of saying 1 and the others 2 (3 after the ACTORs before a pronoun that says it, 2); before
    the quote in its paragraph 4, after it 5; before it in other paragraphs 6, after it 7; inside it 8; then nearest
    first."""
    start, end = quote
    low, high = paragraph_around(text, start, end)
    said_low, said_high = attribution(text, tokens, start, end)
    first_said = bisect_left(tokens, said_low, key=lambda token: token[0])
    last_said = bisect_left(tokens, said_high, key=lambda token: token[0])
    pronoun = next(
        (
            tokens[at][0]
            for at in range(first_said, last_said)
            if not (start <= tokens[at][0] < end)
            and _word_at(text, tokens, at).lower() in PRONOUNS
            and _says_after(text, tokens, at, said_high)
        ),
        None,
    )

    def place(actor_start: int, actor_end: int) -> tuple[int, int]:
        gap = start - actor_end if actor_end <= start else actor_start - end
        if (actor_start, actor_end) == suggested:
            return 0, 0
        if start <= actor_start and actor_end <= end:
            return 8, gap
        if pronoun is not None and actor_end <= pronoun:
            return 2, pronoun - actor_end
        if said_low <= actor_start and actor_end <= said_high:
            first = bisect_left(tokens, actor_start, key=lambda token: token[0])
            last = bisect_left(tokens, actor_end, key=lambda token: token[0]) - 1
            if pronoun is None and _names_speaker(text, tokens, first, last, said_high):
                return 1, abs(gap)
            return 3 if pronoun is not None else 2, abs(gap)
        if low <= actor_start and actor_end <= high:
            return (4 if actor_end <= start else 5), gap
        return (6 if actor_end <= start else 7), gap

    return place


def speakers_first(
    text: str, tokens: Tokens, quote: tuple[int, int], suggested: tuple[int, int] | None, actors: Sequence[P]
) -> list[P]:
    """`actors` in the order the speaker choice offers them for the quote at `quote` (`offer_place`); actors as
    near keep their order in `actors`."""
    place = offer_place(text, tokens, quote, suggested)
    return sorted(actors, key=lambda actor: place(actor.start, actor.end))
