"""The general rule entities.v16 adds to entities.v15's layer: a number with a multiplier or unit glued inside its
token is a FIGURE whole ("Output rose to 2.4bn", "reached 38C", "a 100MW plant", "up 7pc").

The tokenizer keeps such a word one token (`figure_units.GLUED_FIGURE`), the small model seldom types it a number,
and a span cannot cut a token, so entities.v15 suggested nothing there, while "£1.2bn" (the model's MONEY) was whole.
Units the tokenizer splits off stay out of the figure, as the house conventions keep units out ("20" in "20km", as
"785" in "785 miles"); a money figure's split multiplier is taken by `general_v13.money_multipliers` ("€410m").
The shape says it is a count: no date, time or duration is written so ("1990s", "2h", "10am" are not), so the small
model's types, which call "100MW" and "38C" dates at times, are not read; a number in a name or a longer word is no figure ("Channel
4K" after a capitalised proper noun, as `figures.not_a_figure` has it; "K2-18b"). The figure takes a currency sign glued before it ("€" "5k") and its qualifier ("nearly 2.4bn").
A number with its minus sign glued before it ("-5", "-5C", "-£3.2bn", one token after a space) is a FIGURE whole
too, with its scale word ("-3 million"), percent sign or money multiplier; and a unit glued to a number is never an
ACTOR or LOCATION (the small model's ORG 'km/h' of "90km/h": a re-trial's `A` accepted it).
spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.figure_units import CURRENCY_SIGNS, MULTIPLIERS, is_glued_figure, is_signed_number, is_unit_of
from annotator.models import Label
from annotator.suggest.entities import Candidate
from annotator.suggest.figures import qualified
from annotator.suggest.general_v15 import RULES as V15_RULES

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc


#: What may be written right before a figure's number with no space: a currency sign, an opening bracket or quote mark.
OPENING = frozenset({*CURRENCY_SIGNS, "US$", "~", "(", "[", '"', "“", "'", "‘"})


def _in_a_name(doc: Doc, index: int) -> bool:
    """Token `index` is part of a longer word ("K2-18b": "18b" after a hyphen; "COVID[-19]": over an opening mark
    glued to the word) or of a name, after a capitalised proper noun that does not open its sentence ("Channel
    4K")."""
    before = doc[index - 1] if index else None
    if before is None:
        return False
    word = index - 1
    while word >= 0 and not doc[word].whitespace_ and doc[word].text in OPENING:
        word -= 1  # "(€" "5k": the marks opening the figure
    glued = word >= 0 and not doc[word].whitespace_
    return glued or (before.pos_ == "PROPN" and before.is_title and not before.is_sent_start)


#: Number words a signed number may have after it ("-3 million").
SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})


def _signed_end(doc: Doc, index: int, taken: set[int]) -> int:
    """Where a FIGURE of the signed number at token `index` ends: after its scale word ("-3 million"), a multiplier
    glued to a money figure ("-$5" "m") or a percent sign glued to it ("-0.3%")."""
    end = index + 1
    if end < len(doc) and end not in taken and doc[end].lower_ in SCALE_WORDS and doc[index].whitespace_:
        return end + 1
    glued = end < len(doc) and end not in taken and not doc[index].whitespace_
    money = any(sign in doc[index].text for sign in CURRENCY_SIGNS)
    if glued and (doc[end].text in ("%", "‰") or (money and doc[end].lower_ in MULTIPLIERS)):
        return end + 1
    return end


def glued_figures(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A token that is a number with a glued multiplier or unit, or with its minus sign ("-5", "-5C"), that no span
    holds, is a FIGURE; a FIGURE right after a signed number starts at it ("-3" "million": the small model marked
    'million' alone)."""
    taken = {index for span in spans for index in range(span.start, span.end)}
    starts = {span.start: span for span in spans if span.label is Label.FIGURE}
    added: list[Candidate] = []
    for token in doc:
        signed = is_signed_number(token.text)
        if token.i in taken or not (signed or is_glued_figure(token.text)) or _in_a_name(doc, token.i):
            continue
        following = starts.get(token.i + 1)
        if signed and following is not None and token.whitespace_:  # "-3 million"
            following.start = token.i
            taken.add(token.i)
            continue
        start = token.i
        before = doc[start - 1] if start else None
        if (
            before is not None
            and before.text in CURRENCY_SIGNS | {"US$"}
            and not before.whitespace_
            and start - 1 not in taken
        ):
            start -= 1  # "€" "5k"
        end = _signed_end(doc, token.i, taken) if signed else token.i + 1
        figure = qualified(doc, Candidate(start, end, Label.FIGURE, "other"), taken)
        taken.update(range(figure.start, figure.end))
        added.append(figure)
    return sorted([*spans, *added], key=lambda c: (c.start, c.end)) if added else spans


def units_of_figures(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """An ACTOR or LOCATION never starts with a unit or multiplier glued to the number before it: the small model's
    ORG 'km/h' of "90km/h" (a re-trial: `A` accepted it) is dropped, a longer one starts after the unit."""
    kept: list[Candidate] = []
    for span in spans:
        start = span.start
        while (
            span.label in (Label.ACTOR, Label.LOCATION)
            and 0 < start < span.end
            and not doc[start - 1].whitespace_
            and is_unit_of(doc[start - 1].text, doc[start].text)
        ):
            start += 1
        if start < span.end:
            kept.append(
                span if start == span.start else Candidate(start, span.end, span.label, span.kind, span.subject)
            )
    return kept


V16_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [units_of_figures, glued_figures]
RULES = [*V15_RULES, *V16_RULES]
