"""The general rule entities.v16 adds to entities.v15's layer: a number with a multiplier or unit glued inside its
token is a FIGURE whole ("Output rose to 2.4bn", "reached 38C", "a 100MW plant", "up 7pc").

The tokenizer keeps such a word one token (`figure_units.GLUED_FIGURE`), the small model seldom types it a number,
and a span cannot cut a token, so entities.v15 suggested nothing there, while "£1.2bn" (the model's MONEY) was whole.
Units the tokenizer splits off stay out of the figure, as the house conventions keep units out ("20" in "20km", as
"785" in "785 miles"); a money figure's split multiplier is taken by `general_v13.money_multipliers` ("€410m").
The shape says it is a count: no date, time or duration is written so ("1990s", "2h", "10am" are not), so the small
model's types, which call "100MW" and "38C" dates at times, are not read; a number in a name or a longer word is no figure ("Channel
4K" after a capitalised proper noun, as `figures.not_a_figure` has it; "K2-18b"). The figure takes a currency sign glued before it ("€" "5k") and its qualifier ("nearly 2.4bn").
spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.figure_units import CURRENCY_SIGNS, is_glued_figure
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
    """Token `index` is part of a longer word ("K2-18b": "18b" after a hyphen) or of a name, after a capitalised
    proper noun that does not open its sentence ("Channel 4K")."""
    before = doc[index - 1] if index else None
    if before is None:
        return False
    glued = not before.whitespace_ and before.text not in OPENING
    return glued or (before.pos_ == "PROPN" and before.is_title and not before.is_sent_start)


def glued_figures(doc: Doc, spans: list[Candidate]) -> list[Candidate]:
    """A token that is a number with a glued multiplier or unit, that no span holds, is a FIGURE."""
    taken = {index for span in spans for index in range(span.start, span.end)}
    added: list[Candidate] = []
    for token in doc:
        if token.i in taken or not is_glued_figure(token.text) or _in_a_name(doc, token.i):
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
        figure = qualified(doc, Candidate(start, token.i + 1, Label.FIGURE, "other"), taken)
        taken.update(range(figure.start, figure.end))
        added.append(figure)
    return sorted([*spans, *added], key=lambda c: (c.start, c.end)) if added else spans


V16_RULES: list[Callable[[Doc, list[Candidate]], list[Candidate]]] = [glued_figures]
RULES = [*V15_RULES, *V16_RULES]
