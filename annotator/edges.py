"""Moving a span's edge by a key (`[ ] { }`): token by token, onto a token the span rules of `annotator.spans`
allow an edge to rest on, never over a line break, a quote's quotation mark or (an entity's) a sentence's end."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from annotator.literal import quoted
from annotator.spans import DOUBLE_QUOTES, LINE_BREAKS, edge_fault, edge_problem
from annotator.vocabulary import Label, a_or_an
from annotator.wording import elided


class EdgeRefused(ValueError):
    """An edge move the rules do not allow; the message says why, in words."""


#: Tokens that end a sentence, which no entity's edge moves over (`move_edge`).
SENTENCE_MARKS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
#: The sentence whose end an edge stopped at, by the edge.
_ENDED = {"start": "the one before", "end": "it"}

#: A markup-like bracket group: "[red]", "[/red]", "[/]", "<b>", "</b>", "{b}", "[link=http://x]": no white space inside.
_BRACKETED = re.compile(r"\[[^\[\]\s]*\]|<[^<>\s]*>|\{[^{}\s]*\}")


def in_markup_tag(text: str, offset: int) -> bool:
    """Whether character `offset` is inside a markup-like tag (its brackets included): a closing one ("[/red]") or
    one glued to the word after it ("[red]1.2"), which no span edge rests on (a newcomer's trial: } moved a
    FIGURE's end into "[/red"). An editor's brackets around a word ("[Smith] was right") are no tag."""
    low = max(text.rfind("\n", 0, offset), offset - 200, 0)
    for found in _BRACKETED.finditer(text, low, min(len(text), offset + 200)):
        if found.start() <= offset < found.end():
            glued = found.end() < len(text) and not text[found.end()].isspace()
            return found.group()[1:2] == "/" or glued
    return False


def move_edge(
    text: str, tokens: Sequence[tuple[int, int]], start: int, end: int, label: Label | str, side: str, step: int
) -> tuple[int, int]:
    """The span after moving its start (`side` "start") or end ("end") by one allowed token (`step` -1 or 1).

    An allowed token is one the edge may rest on by the rules above: the move skips tokens that would leave
    punctuation at the edge (the start of "Gaza" moves left over a '(' to the word before it), or a markup tag
    (`in_markup_tag`: "1.2 tonnes[/red] of", not "1.2 tonnes[/red"). A quote never grows over the quotation mark
    at its edge (`_mark_outside`; the guide: the words between the marks) and its start rests on no punctuation but
    a bracket (a newcomer's trial grew one to '. "We will'). An entity's edge never crosses a sentence's end
    (`SENTENCE_MARKS`: a newcomer's trial grew the start of 'Soldiers' to 'metres. Soldiers'); a quote's does, its
    words whole sentences. Nor does it cross the full stop held inside a figure's last token (`stop_inside`: "m."
    of "€410m.", as articles stored before the tokenizer split it off have it). It never crosses a line break and
    never leaves the span without a token; when no allowed token is left in that direction, `EdgeRefused` says why."""
    label = Label(label)
    starts = [token_start for token_start, _ in tokens]
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    last = max(bisect.bisect_right(starts, max(end - 1, start)) - 1, 0)
    if label is Label.QUOTE and _mark_outside(text, tokens, first, last, side, step):
        where = "starts just after its opening mark" if side == "start" else "ends just before its closing mark"
        raise EdgeRefused(f"the quote {where}: a quote is the words between the quotation marks, without them")
    crossed: str | None = None  # the sentence's end the edge moved onto: it may rest there, never move past it
    while True:
        if side == "start":
            first += step
        else:
            last += step
        where = "starts a sentence: its start" if side == "start" else "ends a sentence: its end"
        sentence = f"the span {where} does not cross the '{crossed}' that ends {_ENDED[side]}"
        if first < 0 or last >= len(tokens):  # 'Port Mellin.' at the article's end: its sentence ends first
            raise EdgeRefused("the article ends there" if crossed is None else sentence)
        if first > last:
            raise EdgeRefused("a span needs at least one token: remove it with x instead")
        if crossed is not None:  # before the line break after it: the sentence's end is what stops it (t10 T6)
            raise EdgeRefused(sentence)
        new_start, new_end = tokens[first][0], tokens[last][1]
        if any(char in LINE_BREAKS for char in text[new_start:new_end]):
            raise EdgeRefused("a span may not cross a line break")
        edge = new_start if side == "start" else new_end - 1  # never on a markup tag, as over punctuation
        opening = text[new_start] in "([{" or any(char.isalnum() for char in text[new_start : tokens[first][1]])
        if label is Label.QUOTE and side == "start" and not opening:  # not '. "We will', nor ', of course'
            continue
        outward = step == (-1 if side == "start" else 1)
        held = label is not Label.QUOTE and outward and stop_inside(text, tokens[first if side == "start" else last])
        if held and side == "start":  # resting on "m." of "€410m. Its", the start would hold the sentence's end
            raise EdgeRefused(f"the span {where} does not cross the '.' that ends {_ENDED[side]}")
        if edge_problem(text, new_start, new_end, label) is None and not in_markup_tag(text, edge):
            return new_start, new_end
        mark = text[slice(*tokens[first if side == "start" else last])]
        if label is not Label.QUOTE and outward and (mark in SENTENCE_MARKS or held):
            crossed = "." if held else mark


#: A figure's word ending with a full stop glued to its unit ("€410m.", "38C."): no abbreviation has a digit there.
_FIGURE_STOP = re.compile(r"\d[^\W\d_]*\.\Z")


def stop_inside(text: str, token: Sequence[int]) -> bool:
    """Whether a token holds a sentence's full stop after a word: the last token of a figure with its unit and the
    stop ("m." of "€410m.", "38C."), as spaCy tokenized them before `suggest.unit_stops` split the stop off; stored
    articles keep the tokens they were ingested with. An abbreviation's or an initial's stop ("U.S.", "J.") is no
    sentence's end."""
    start, end = token[0], token[1]
    if end - start < 2 or text[end - 1] != ".":
        return False
    word = text[max(start - 40, 0) : end].split()  # the figure's word: what is glued to the token before it
    return bool(word) and _FIGURE_STOP.search(word[-1]) is not None


def _mark_outside(text: str, tokens: Sequence[tuple[int, int]], first: int, last: int, side: str, step: int) -> bool:
    """Whether a quote of tokens `first`..`last` would grow (`side`, `step`) over a quotation mark glued to its edge:
    its own opening mark before it or its closing mark after it."""
    mark = first - 1 if (side, step) == ("start", -1) else last + 1 if (side, step) == ("end", 1) else -1
    if not 0 <= mark < len(tokens) or tokens[mark][1] - tokens[mark][0] != 1:
        return False
    glued = tokens[mark][1] == tokens[first][0] if mark < first else tokens[last][1] == tokens[mark][0]
    return glued and (text[tokens[mark][0]] in DOUBLE_QUOTES or text[tokens[mark][0]] in "'‘’‛")  # single: British


def crossing_sentence_end(
    text: str, tokens: Sequence[tuple[int, int]], start: int, end: int, label: Label | str
) -> str | None:
    """Why an entity of `label` may not be made over start:end, words chosen by a selection: they cross a
    sentence's end (a `SENTENCE_MARKS` token with words of the span after it, or a token holding the full stop,
    `stop_inside`), as `move_edge` never grows one over it (a tester's trial: the selection 'later. Talks' and 1
    added that ACTOR). None when they do not, and for a quote, whose words are whole sentences."""
    if Label(label) is Label.QUOTE:
        return None
    # the tokens inside start:end, found by halving: the "Selected ..." line asks on every move of the selection
    inside = range(
        bisect.bisect_left(tokens, start, key=itemgetter(0)), bisect.bisect_right(tokens, end, key=itemgetter(1))
    )
    for at in inside[:-1]:
        mark = text[slice(*tokens[at])]
        if at > inside[0] and mark in SENTENCE_MARKS:
            before = text[slice(*tokens[at - 1])]
            return f"an entity does not cross a sentence's end: the selection crosses the {quoted(mark)} after {quoted(before)}"
        if stop_inside(text, tokens[at]):  # "€410m. Its" on the tokens of an article stored before
            return f"an entity does not cross a sentence's end: the selection crosses the '.' of {quoted(mark)}"
    return None


@dataclass(frozen=True)
class Refusal:
    """Why a label key refuses a span over chosen words: `reason` as the key says it (the Store's words), and the few
    words the "Selected ..." line says it in, after one key ("4 overlaps a QUOTE") or more ("1-3 cross ...")."""

    reason: str
    one: str
    more: str


def refusal(
    text: str,
    tokens: Sequence[tuple[int, int]],
    start: int,
    end: int,
    label: Label | str,
    spans: Sequence[tuple[int, int, Label | str, str]],
) -> Refusal | None:
    """Why a label key would refuse a span of `label` over start:end (words a selection chose, on token boundaries),
    or None when the Store takes it: it crosses a sentence's end (`crossing_sentence_end`), breaks an edge rule
    (`spans.edge_problem`) or overlaps one of `spans` (start, end, label, text: the annotation's spans but the one a
    resize moves) on its layer (`Changes._check_free`). The keys ask it before the Store, the "Selected ..." line
    for each key, so the line never offers a key that refuses (a tester: 'later.' was offered to 1)."""
    label = Label(label)
    crossing = crossing_sentence_end(text, tokens, start, end, label)
    if crossing is not None:
        return Refusal(crossing, "crosses a sentence end", "cross a sentence end")
    fault = edge_fault(text, start, end, label)
    if fault is not None:
        return Refusal(*fault)
    for low, high, other, words in spans:
        if low < end and start < high and (Label(other) is Label.QUOTE) == (label is Label.QUOTE):
            shown = words if len(words) <= 60 else elided(words, 40, 16)  # as `store.changes.describe` says it
            kind = a_or_an(Label(other).value)
            return Refusal(
                f"it would overlap {Label(other).value} {quoted(shown)} at {low}:{high}",
                f"overlaps {kind}",
                f"overlap {kind}",
            )
    return None
