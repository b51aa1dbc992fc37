"""What is written right after a figure's number with no space: a multiplier or a unit ("€410m", "2.4bn", "20km").

The house conventions (tests/fixtures/README.md, FIGURE) keep currency and percent signs in a figure and other units
out ("785" in "785 miles", "18" in "18-karat"); a multiplier is part of the number ("$2.5 billion", so "€410m").
The tokenizer splits most glued units and a money figure's multiplier off the number ("20", "km"; "€", "410", "m"),
and keeps others in the number's token ("2.4bn", "38C", "100MW", "7pc"): a span cannot cut a token, so such a token
is a figure whole. The suggesters (`suggest.general_v16`) and the label keys (`phrases`) read these shapes here,
so that a key under the cursor adds what a suggestion would: never a unit alone ("m", "km").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from annotator.wordlists import NUMBER_WORDS

Tokens = Sequence[tuple[int, int]]
TokenRange = tuple[int, int]

#: Multipliers written right after a money figure's number ("£3m", "$40bn", "€5k"): part of the figure.
MULTIPLIERS = frozenset({"m", "mn", "mln", "bn", "b", "bln", "k", "tn", "trn"})
#: Units the tokenizer splits off a number glued to them ("20km" is "20", "km"): the conventions keep them out.
SPLIT_UNITS = frozenset(
    {"m", "km", "cm", "mm", "kg", "g", "mg", "t", "lb", "lbs", "oz", "ft", "mi", "mph", "km/h", "ha", "GB", "MB", "TB"}
)
#: A token the tokenizer keeps whole: a number with a multiplier, a temperature's, a power's or a volume's unit, a
#: percent or pence sign glued to it ("2.4bn", "€5k"'s "5k", "38C", "100MW", "5ml", "7pc", "50p"); not a duration,
#: a time, a decade or a name ("2h", "1990s", "3D"); no lone "b", which letters a part ("Figure 3b") or a planet
#: ("K2-18b") more often than billions. A minus sign glued before it is the number's ("-5C", "−5C" with U+2212).
GLUED_FIGURE = re.compile(
    r"~?[-−]?(?:US\$|[$£€¥₹])?\d[\d,]*(?:\.\d+)?"
    r"(?:bn|bln|mn|mln|tn|trn|k|C|F|ºC|ºF|kW|MW|GW|kWh|MWh|GWh|TWh|ml|kph|pc|p)"
)
CURRENCY_SIGNS = frozenset("$£€¥₹")
#: A number with a minus sign glued before its digits, a currency sign between them ("-5", "−12.5", "-$5"): a token
#: the tokenizer keeps whole after a space, so a figure whole (a hyphen after a word or number is split off: "3-1").
SIGNED_NUMBER = re.compile(r"[-−](?:US\$|[$£€¥₹])?\d[\d,]*(?:\.\d+)?")


def is_signed_number(word: str) -> bool:
    """Whether a token is a number with its minus sign (`SIGNED_NUMBER`): a figure whole, as "-5C" is."""
    return SIGNED_NUMBER.fullmatch(word) is not None


def is_unit_of(number: str, word: str) -> bool:
    """Whether `word`, written right after the token `number` with no space, is its unit or multiplier ("20" "km",
    "90" "km/h", "€410" "m"): the figure's, never a name of its own."""
    return (word in MULTIPLIERS or word in SPLIT_UNITS) and number[-1:].isdigit()


def is_glued_figure(word: str) -> bool:
    """Whether a token is a number with a multiplier or unit glued inside it (`GLUED_FIGURE`): a figure whole."""
    return GLUED_FIGURE.fullmatch(word) is not None


def _touching(tokens: Tokens, left: int) -> bool:
    return left >= 0 and left + 1 < len(tokens) and tokens[left][1] == tokens[left + 1][0]


def unit_number(text: str, tokens: Tokens, index: int) -> int | None:
    """The number token that token `index`, a multiplier or a unit, is written after, glued or after one space ("€410 |
    m", "20 | km", "20 | km" in "a 20 km line": `unit_after_number`; a re-trial got 'km line' there, '20' glued);
    None where token `index` is no such word right after a number's digit."""
    return index - 1 if unit_after_number(text, tokens, index) else None


def unit_after_number(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a unit or multiplier right after a number, glued to it or after one space ("km" in
    "a 20km line" and "a 20 km line", "m" in "the €410m deal"): the figure's, no word of the noun group after it (a
    newcomer's trial: "A 20km line" offered 'km line')."""
    word = text[slice(*tokens[index])]
    if index == 0 or (word not in MULTIPLIERS and word not in SPLIT_UNITS):
        return False
    return text[tokens[index - 1][1] : tokens[index][0]] in ("", " ") and text[tokens[index - 1][1] - 1].isdigit()


def number_of_unit(text: str, tokens: Tokens, index: int) -> int:
    """The token a label key reads at token `index`: the number a unit or multiplier there is written after
    (`unit_number`), or a percentage's word (`percent_number`), else `index`."""
    number = unit_number(text, tokens, index)
    number = percent_number(text, tokens, index) if number is None else number
    return index if number is None else number


def percent_number(text: str, tokens: Tokens, index: int) -> int | None:
    """The number before the percentage token `index` is a word of ("13 | percent", "13 per | cent", "thirteen |
    percent"): the figure's as a percent sign is (trials: 'percent' alone was the phrase, after digits and after a
    number word); None elsewhere."""
    word = text[slice(*tokens[index])].lower()
    number = index - 1 - (word == "cent")
    if word not in ("percent", "pct", "per", "cent") or number < 0:
        return None
    if not text[tokens[number][1] - 1].isdigit() and text[slice(*tokens[number])].lower() not in NUMBER_WORDS:
        return None
    shown = " ".join(text[slice(*token)].lower() for token in tokens[number + 1 : number + 3])
    spaced = all(text[tokens[i][1] : tokens[i + 1][0]] in ("", " ") for i in range(number, index))
    return number if spaced and (shown == "per cent" or shown.split(" ")[0] in ("percent", "pct")) else None


def with_multiplier(text: str, tokens: Tokens, figure: TokenRange) -> TokenRange:
    """`figure` (first and last token) with the multiplier glued after its last digit where a currency sign opens it
    ("€410" -> "€410m", as `suggest.general_v13.money_multipliers` suggests it); a figure without a sign keeps its
    unit out ("3" in "3m high": metres)."""
    first, last = figure
    start, end = tokens[first][0], tokens[last][1]
    signed = any(sign in text[start:end] for sign in CURRENCY_SIGNS)
    if not (signed and text[end - 1].isdigit() and _touching(tokens, last)):
        return figure
    return (first, last + 1) if text[slice(*tokens[last + 1])].lower() in MULTIPLIERS else figure
