"""What --snap would make of a span whose edges the span rules refuse: trimmed, and then put on the tokens.

A trim only helps when the trimmed range rests on tokens: '.NET' trimmed is 'NET', but the tokenizer keeps
'.NET' one token, so snapping outward gives '.NET' back (trial 11: the error promised "--snap trims it to 'NET'",
and --snap then failed). The tokens are spaCy's tokenizer's, those a new article gets on import.
"""

from __future__ import annotations

from annotator.literal import quoted
from annotator.models import Label
from annotator.spans import edge_problem


def snap_hint(text: str, fitted: tuple[int, int], label: Label) -> str:
    """The hint after a refused span's reason: what --snap trims it to, or that it cannot."""
    from annotator.suggest.tokens import tokenize

    start, end = fitted
    tokens = tokenize([text])[0]
    outward = (
        max((t.start for t in tokens if t.start <= start), default=start),
        min((t.end for t in tokens if t.end >= end), default=end),
    )
    if outward == fitted or not edge_problem(text, *outward, label):
        return f" (--snap trims it to {quoted(text[outward[0] : outward[1]])})"
    return f" (its token is {quoted(text[outward[0] : outward[1]])}: --snap cannot trim it)"
