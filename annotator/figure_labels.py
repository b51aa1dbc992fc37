"""Which entity label the phrase a label key takes at the cursor can have: a FIGURE holds a number, and a number
alone is a FIGURE, no ACTOR nor LOCATION (the guide: "numbers that state a quantity, with the qualifier that changes
their meaning"). A re-trial found 3 adding FIGURE 'line' of "a 20 km line", 1 adding ACTOR '20' on its "km", and 1
on "-3 million" refused as starting with punctuation, the number's minus sign."""

from __future__ import annotations

from annotator.counts import is_figure_number, period
from annotator.figure_shapes import number_range
from annotator.figure_units import is_glued_figure, number_of_unit, with_multiplier
from annotator.shapes import TokenRange, Tokens, qualified, word_at
from annotator.vocabulary import Label
from annotator.wordlists import CURRENCIES, DETERMINERS

#: Why a key refuses a number alone for an ACTOR or a LOCATION, and words with no number for a FIGURE.
A_NUMBER = "is a number, a FIGURE by the guide"
NO_NUMBER = "holds no number, and a FIGURE is a number (the guide)"


def figure_core(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The figure token `index` is a word of, as a label key's phrase ladder first takes it: the number with its
    qualifier, scale words and multiplier ("at least | 35", "3 | million", "€410m"), from its unit too ("20 | km");
    None where the word is no number's, or counts a part of a period ("the last | quarter")."""
    index = number_of_unit(text, tokens, index)
    if period(text, tokens, index) is not None:
        return None
    number = index if is_figure_number(text, tokens, index) or word_at(text, tokens, index) in CURRENCIES else None
    number = qualified(text, tokens, index) if number is None else number
    return None if number is None else with_multiplier(text, tokens, number_range(text, tokens, number))


def holds_a_number(text: str, tokens: Tokens, words: TokenRange) -> bool:
    """Whether tokens words[0]..words[1] hold a number a figure holds (`is_figure_number`): digits ("-15C", "€410m"),
    a number word or a fraction, not one of a period ("the third | quarter": no figure, trial 26)."""
    found = range(words[0], words[1] + 1)
    return any(is_figure_number(text, tokens, i) or is_glued_figure(word_at(text, tokens, i)) for i in found)


def label_misfit(text: str, tokens: Tokens, index: int, label: Label | str, words: TokenRange) -> str | None:
    """Why the key of `label` adds not `words`, its phrase at token `index` with nothing selected (`A_NUMBER`,
    `NO_NUMBER`); None where the phrase can have that label. A selection marks it all the same: the guide names no
    number that is an actor, yet "the 20 who were arrested" may be one."""
    if Label(label) is Label.FIGURE:
        return None if holds_a_number(text, tokens, words) else NO_NUMBER
    core = figure_core(text, tokens, index) or figure_core(text, tokens, words[1])  # "a | dozen": from its number
    if core is None or words[1] > core[1]:
        return None
    first = words[0] + (word_at(text, tokens, words[0]).lower() in DETERMINERS and words[0] < core[0])
    return A_NUMBER if core[0] <= first else None
