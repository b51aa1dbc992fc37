"""The one set of rules every span obeys, wherever it comes from: the editor, an import, a suggester.

A span is at least one character of its article and never crosses a line break. Its edges are its words:
no white space at either end (Unicode white space, a no-break space included), nor an invisible character (a
control or format character: a zero-width space, a bidi override, named in the refusal), nor a terminal's escape
sequence (`ESCAPE_SEQUENCE`: "ESC[0m" ends in a letter, yet it is no word; a span may not start or end with one,
nor inside one), and for the entity layer (ACTOR, LOCATION, FIGURE) no punctuation either, except what belongs
to the word it edges: a leading @ or # (handles, tags), a FIGURE's leading minus sign glued to its digits (or
its currency sign) and to no word before it ("-5C", "-£3m"; not the dash of "3-1"), a trailing % (figures), a
trailing # glued to a letter or digit (the names "C#", "F#": no sentence ends with one), a trailing "." that ends
an abbreviation ("U.S.", "Inc."), a closing bracket whose opening one is inside the span. Sentence punctuation glued to a word stays out ("Yahoo!"
is "Yahoo"): neither the text nor spaCy's tokens tell that name from "I met Ruiz!". A QUOTE is the words between the quotation marks, so it
may end with the sentence's own punctuation but never with a double quotation mark. Within one annotation,
entity spans do not overlap each other, quotes do not overlap each other, and a speaker is one of the
annotation's ACTOR spans.

Plain functions over plain values, so the TUI, the store, imports and suggesters all call the same ones.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from annotator.literal import literal, quoted, shown_char
from annotator.vocabulary import Label, a_or_an

#: The characters str.splitlines() breaks at: a span never contains one.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
#: Unicode categories of characters that are not white space to str.isspace() but are never a span's edge either:
#: control characters ("\x07") and invisible format characters (zero-width spaces and joiners, the soft hyphen,
#: the byte-order mark, bidi overrides).
INVISIBLE = frozenset({"Cc", "Cf"})
#: Quotation marks that open or close a quotation (single ones may end a quote within the quote).
DOUBLE_QUOTES = frozenset('"“”„‟«»〝〞＂')
LEADING_SIGNS = frozenset("@#")
TRAILING_SIGNS = frozenset("%‰")
#: Signs that end a name when glued to a letter or digit before them ("C#", "F#"), and never a sentence.
GLUED_SIGNS = frozenset("#")
CLOSERS = {")": "(", "]": "[", "}": "{"}
ABBREVIATIONS = frozenset(
    [
        "Inc",
        "Jr",
        "Sr",
        "Co",
        "Corp",
        "Ltd",
        "Bros",
        "St",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Gen",
        "Col",
        "Lt",
        "Sgt",
        "Capt",
        "Gov",
        "Sen",
        "Rep",
        "Rev",
        "No",
        "vs",
        "etc",
    ]
)
#: A terminal's escape sequence, as text copied from a terminal holds them: a CSI (ESC "[" or its one-character C1
#: form U+009B, parameters, intermediates and a final character: the colour "ESC[31m"), an OSC (ESC "]" or U+009D, up
#: to BEL, ESC "\" or U+009C: a window title, up to white space when it has no end) or ESC and one character
#: ("ESC(B", "ESC7"). None holds white space (the rare intermediate space, "ESC[0 q", is left out, as the tokenizer
#: splits there), nor the start of another but for the ESC "\" that ends an OSC: so one that holds a place is the
#: one begun by the last introducer before it, or the OSC that introducer ends. The tokenizer makes each a token of
#: its own (`suggest.tokens`).
ESCAPE_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]*[!-/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9b\x9c\x9d\s]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[!-/]*[0-~]"
)
#: The characters an escape sequence starts with.
INTRODUCERS = "\x1b\x9b\x9d"
#: How far before a span's start a sequence that would hold the start is looked for: far longer than any.
LONGEST_ESCAPE = 256
_ESCAPE = re.compile(ESCAPE_SEQUENCE)
_INTRODUCER = re.compile(f"[{INTRODUCERS}]")
_LINE_BREAK = re.compile("[" + re.escape("".join(sorted(LINE_BREAKS))) + "]")
#: A minus sign glued to a figure's digits, a currency sign between them ("-5C", "-£3.2bn").
_SIGNED = re.compile(r"-[$£€¥₹]?\d")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\.")


def is_blank(char: str) -> bool:
    """White space by Unicode (str.isspace: a no-break space too), a control character or an invisible one."""
    return char.isspace() or unicodedata.category(char) in INVISIBLE


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _ends_abbreviation(words: str) -> bool:
    """Whether the "." ending `words` belongs to an abbreviation ("U.S.", "D.C.", "Inc.", "J.")."""
    last = re.split(r"\s", words)[-1]
    return bool(_INITIALS.fullmatch(last)) or last[:-1] in ABBREVIATIONS


def _sequence_reaching(text: str, lowest: int, position: int) -> re.Match[str] | None:
    """The escape sequence begun in text[lowest:position] that reaches `position` or beyond, if any."""
    if _INTRODUCER.search(text, lowest, position) is None:  # the common case: one search
        return None
    begun = max(text.rfind(introducer, lowest, position) for introducer in INTRODUCERS)
    found = _ESCAPE.match(text, begun)
    if found is not None and found.group() == "\x1b\\":  # ESC \ may end an OSC begun before it: then that is it
        before = max(text.rfind(introducer, lowest, begun) for introducer in INTRODUCERS)
        whole = _ESCAPE.match(text, before) if before >= 0 else None
        found = whole if whole is not None and whole.end() == found.end() else found
    return found if found is not None and found.end() >= position else None


def _sequence_holding_start(text: str, start: int) -> re.Match[str] | None:
    """The escape sequence a span starting at `start` would start with or inside, if any."""
    if start < len(text) and text[start] in INTRODUCERS:
        return _ESCAPE.match(text, start)
    if start == 0 or text[start - 1].isspace():
        return None  # no sequence holds white space: the common case costs no search
    found = _sequence_reaching(text, max(start - LONGEST_ESCAPE, 0), start + 1)
    return found if found is not None and found.start() < start else None


def escape_at_edge(text: str, start: int, end: int) -> str | None:
    """The terminal escape sequence the span start:end of `text` starts or ends with, or inside, if any."""
    found = _sequence_holding_start(text, start) or _sequence_reaching(text, start, end)
    return None if found is None else found.group()


def _bad_first(text: str, label: Label, before: str = "") -> bool:
    """Whether the span `text` may not start where it does; `before` is the character before it ("" at the start)."""
    char = text[0]
    if is_blank(char):
        return True
    if label is Label.QUOTE:
        return char in DOUBLE_QUOTES
    signed = label is Label.FIGURE and _SIGNED.match(text) is not None and not before.isalnum()  # "-5C", "-£3m"
    return _is_punctuation(char) and char not in LEADING_SIGNS and not signed


def _bad_last(text: str, label: Label) -> bool:
    char = text[-1]
    if is_blank(char):
        return True
    if label is Label.QUOTE:
        return char in DOUBLE_QUOTES
    if not _is_punctuation(char) or char in TRAILING_SIGNS:
        return False
    if char in GLUED_SIGNS:
        return not (len(text) > 1 and text[-2].isalnum())
    if char == ".":
        return not _ends_abbreviation(text)
    return not (char in CLOSERS and CLOSERS[char] in text[:-1])


def edge_problem(text: str, start: int, end: int, label: Label | str) -> str | None:
    """Why a span of `label` at start:end of the article `text` breaks the rules, in words, or None."""
    fault = edge_fault(text, start, end, label)
    return None if fault is None else fault[0]


#: The few words a key line says a broken rule in, after one key ("starts with '.'") and after several ("start with
#: '.'"), where the rule has its own; any other is "breaks a span rule".
_RULE = ("breaks a span rule", "break a span rule")


def edge_fault(text: str, start: int, end: int, label: Label | str) -> tuple[str, str, str] | None:
    """`edge_problem`'s reason with the few words the "Selected ..." line says it in (`edges.refusal`): (reason,
    after one key, after several), or None."""
    label = label if isinstance(label, Label) else Label(label)
    if start < 0 or end <= start:
        return ("a span needs at least one character", *_RULE)
    if end > len(text):
        return (f"{start}:{end} is beyond the article's {len(text)} characters", *_RULE)
    if _LINE_BREAK.search(text, start, end):
        return "a span may not cross a line break", "crosses a line break", "cross a line break"
    sequence = escape_at_edge(text, start, end)
    if sequence is not None:
        return (f"a span may not start or end with a terminal escape sequence ({literal(sequence)})", *_RULE)
    if text[start].isalnum() and text[end - 1].isalnum():
        return None  # a letter or digit is a good edge under every rule below (exports check every stored span)
    words = text[start:end]
    invisible = next((char for char in (words[0], words[-1]) if is_blank(char) and not char.isspace()), None)
    if invisible is not None:  # named: a bidi override or a zero-width space is no white space to a reader
        return (f"a span may not start or end with an invisible character ({shown_char(invisible)})", *_RULE)
    if words[0].isspace() or words[-1].isspace():
        return ("a span may not start or end with white space", *_RULE)
    first, last = _bad_first(words, label, text[start - 1 : start]), _bad_last(words, label)
    if first or last:
        if label is Label.QUOTE:
            return ("a quote is the words between its quotation marks, without the marks", *_RULE)
        span = f"{a_or_an(label.value)} span"
        if first and last:
            reason = f"{span} may not start or end with punctuation ({quoted(words[0])} ... {quoted(words[-1])})"
            return reason, "starts and ends with punctuation", "start and end with punctuation"
        # the edge at fault alone (a re-trial, 38D, read "('j' ... ',')" as if 'j' were punctuation)
        side, char = ("start", words[0]) if first else ("end", words[-1])
        return (
            f"{span} may not {side} with punctuation ({quoted(char)})",
            f"{side}s with {quoted(char)}",
            f"{side} with {quoted(char)}",
        )
    return None


def edges_fit(text: str, spans: Iterable[Sequence[Any]]) -> bool:
    """Whether every span of `text`, a (start, end, label, ...) sequence, obeys `edge_problem`'s rules: an export
    checks each stored span, so the common case costs no call: a span after white space (or at the text's start) of
    letters or digits alone, or with a letter or digit at both edges and nothing unprintable inside (every line
    break and escape sequence is unprintable). Labels are
    taken as valid (the store's are: its schema checks them)."""
    size = len(text)
    for span in spans:
        start, end = span[0], span[1]
        if 0 <= start < end <= size and (start == 0 or text[start - 1].isspace()):  # so no escape sequence holds it
            words = text[start:end]
            if words.isalnum() or (words[0].isalnum() and words[-1].isalnum() and words.isprintable()):
                continue
        if edge_problem(text, start, end, span[2]) is not None:
            return False
    return True


def fit(text: str, start: int, end: int, label: Label | str) -> tuple[int, int] | None:
    """The range inside start:end that obeys the edge rules, its edges trimmed; None if none is left or the
    span crosses a line break (for suggesters, and for snapping an imported span)."""
    label = Label(label)
    start, end = max(start, 0), min(end, len(text))
    while start < end:  # an escape sequence goes whole, with whatever else may not be an edge
        held = _sequence_holding_start(text, start)
        if held is not None:
            start = max(held.end(), start + 1)
        elif _bad_first(text[start:end], label, text[start - 1 : start]):
            start += 1
        else:
            break
    while start < end:
        reaching = _sequence_reaching(text, start, end)
        if reaching is not None:
            end = reaching.start()
        elif _bad_last(text[start:end], label):
            end -= 1
        else:
            break
    if start >= end or edge_problem(text, start, end, label):
        return None
    return start, end


#: A span as plain values, for `fitted`: (start, end, label, speaker's (start, end) or None).
Plain = tuple[int, int, Label, tuple[int, int] | None]


def fitted(text: str, spans: Sequence[Plain], tokens: Sequence[Range] | None = None) -> list[Plain]:
    """Machine-made spans (a suggester's, a prediction's) under every rule of this module, sorted by (start, end):
    each span's edges trimmed by `fit` (dropped when nothing is left, or, given the article's `tokens`, when
    the trimmed edges are not token boundaries: a span rests on tokens, as in the editor), a span that
    overlaps one kept before it in its layer dropped (the first by start, then the longer, stays), and a
    quote's speaker moved with its ACTOR's trimmed range, or dropped with it. The one place these rules meet
    machine output, so whatever path a suggestion takes (ingest, suggest, predict, export), the same spans
    come out."""
    starts = None if tokens is None else {t.start for t in tokens}
    ends = None if tokens is None else {t.end for t in tokens}
    trimmed: list[Plain] = []
    actor_moved: dict[tuple[int, int], tuple[int, int]] = {}
    for start, end, label, speaker in spans:
        found = fit(text, start, end, label)
        if found is not None and starts is not None and ends is not None:
            found = found if found[0] in starts and found[1] in ends else None
        if found is not None:
            trimmed.append((found[0], found[1], Label(label), speaker))
            if Label(label) is Label.ACTOR:
                actor_moved.setdefault((start, end), found)
    kept: list[Plain] = []
    reach = {"entity": 0, "quote": 0}  # where the last kept span of each layer ends
    for start, end, label, speaker in sorted(trimmed, key=lambda s: (s[0], -s[1])):
        if start < reach[label.layer]:
            continue
        reach[label.layer] = end
        kept.append((start, end, label, speaker))
    actors = {(start, end) for start, end, label, _ in kept if label is Label.ACTOR}
    result: list[Plain] = []
    for start, end, label, speaker in sorted(kept, key=lambda s: (s[0], s[1])):
        moved = None if speaker is None else actor_moved.get(speaker, speaker)
        result.append((start, end, label, moved if label is Label.QUOTE and moved in actors else None))
    return result


class Range(Protocol):
    """Anything with character offsets: a speaker, a token, a span."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class SpanShape(Protocol):
    """What the layer rules read of a span: a stored row and a file's record alike."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> Label: ...

    @property
    def speaker(self) -> Range | None: ...


def layer_problem(spans: Sequence[SpanShape]) -> tuple[int, str] | None:
    """The first span (by its index in `spans`) that clashes with another of the same annotation, and why."""
    indexed = sorted(enumerate(spans), key=lambda pair: (pair[1].start, pair[1].end))
    for layer in ("entity", "quote"):
        same = [(i, s) for i, s in indexed if Label(s.label).layer == layer]
        for (_, before), (index, after) in itertools.pairwise(same):
            if after.start < before.end:
                what = "quotes" if layer == "quote" else "entity spans"
                return index, f"{what} {before.start}:{before.end} and {after.start}:{after.end} overlap"
    actors = {(s.start, s.end) for s in spans if Label(s.label) is Label.ACTOR}
    for index, span in enumerate(spans):
        speaker = span.speaker
        if speaker is None:
            continue
        if Label(span.label) is not Label.QUOTE:
            return index, f"only a QUOTE may have a speaker, not {Label(span.label).value}"
        if (speaker.start, speaker.end) not in actors:
            return index, f"speaker {speaker.start}:{speaker.end} is not an ACTOR span of this annotation"
    return None


#: A suggestion's offsets and label: (start, end, label).
Suggested = tuple[int, int, Label]


def decided_by(
    start: int, end: int, label: Label, pending: Sequence[Suggested]
) -> tuple[Suggested | None, list[Suggested]]:
    """What adding an entity span start..end with `label` does to the pending suggestions of its layer (`pending`):
    (the one it accepts, the ones it rejects as replaced). A suggestion with exactly its words and label is accepted
    (`Store.add_span`: the span is that suggestion); otherwise each it overlaps is rejected as replaced
    (`Changes._replaced`). The status line says so before the key is pressed (trial 26)."""
    same = next((p for p in pending if (p[0], p[1], Label(p[2])) == (start, end, label)), None)
    if same is not None:
        return same, []
    return None, [p for p in pending if p[0] < end and start < p[1]]
