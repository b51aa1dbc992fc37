"""What a common noun's group takes in around it, by the house conventions: what quantifies it before it ("one
resident", "most of the deceased") and the "of" phrase after it that says whose ("the families of the victims",
"a member of the Coast Guard"). For `phrases`, whose keys add those groups; read from the words' shapes, no parse."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.people import head_after_name
from annotator.shapes import group_word, is_name_word, joined, name_range, word_at
from annotator.spans import fit
from annotator.vocabulary import Label
from annotator.wordlists import DETERMINERS, PARTICLES, QUANTIFIERS

Tokens = Sequence[tuple[int, int]]
TokenRange = tuple[int, int]


def is_clean(text: str, tokens: Tokens, rung: TokenRange) -> bool:
    """Whether a token range could be an entity span by the span rules (no stray punctuation at its edges): an
    ACTOR's, or a FIGURE's, which alone may open with a minus sign ("-3 million"; a re-trial got '-3')."""
    start, end = tokens[rung[0]][0], tokens[rung[1]][1]
    return any(fit(text, start, end, label) == (start, end) for label in (Label.ACTOR, Label.FIGURE))


def with_complement(text: str, tokens: Tokens, rung: TokenRange, names: bool = False) -> TokenRange | None:
    """A noun group with the "of" phrase after it ("the families" -> "the families of the victims", "supporters"
    -> "supporters of hostages"): "of", one determiner at most, and the common-noun group that follows (a word
    in -ed after its first word is taken for a verb and ends it), or with `names` a name, with the lower-case
    head of a group it opens ("a member of | the Coast Guard", "members of | the SEAL union"; trial 21); None
    when no such phrase follows."""
    of = end = rung[1] + 1
    if of + 1 >= len(tokens) or word_at(text, tokens, of) != "of" or not joined(text, tokens, of - 1, of):
        return None
    end += 1 + (
        of + 2 < len(tokens)
        and word_at(text, tokens, of + 1).lower() in DETERMINERS
        and joined(text, tokens, of + 1, of + 2)
    )
    word = word_at(text, tokens, end)
    if names and joined(text, tokens, of, of + 1) and group_word(word) and is_name_word(word):
        end = head_after_name(text, tokens, name_range(text, tokens, end, PARTICLES)[1])
        named = (rung[0], end)
        return named if is_clean(text, tokens, named) else None
    if not joined(text, tokens, of, of + 1) or not group_word(word) or is_name_word(word):  # "city of | Rafah"
        return None
    while end + 1 < len(tokens) and joined(text, tokens, end, end + 1):
        word = word_at(text, tokens, end + 1)
        if not group_word(word) or is_name_word(word) or word.endswith("ed"):  # "hostages | rallied"
            break
        end += 1
    return (rung[0], end) if is_clean(text, tokens, (rung[0], end)) else None


def quantified(text: str, tokens: Tokens, rung: TokenRange) -> TokenRange | None:
    """A common-noun group with what quantifies it before it, which the house conventions keep in the ACTOR:
    "one" ("one resident", not a FIGURE: one person), or a quantifier and "of" ("most of the deceased", "many of
    the affected guests"); None when nothing does."""
    first = rung[0]
    if first == 0 or not joined(text, tokens, first - 1, first):
        return None
    before = word_at(text, tokens, first - 1).lower()
    if before == "one" and word_at(text, tokens, first).lower() not in DETERMINERS:
        wider = (first - 1, rung[1])
    elif (
        before == "of"
        and first > 1
        and joined(text, tokens, first - 2, first - 1)
        and word_at(text, tokens, first - 2).lower() in QUANTIFIERS
    ):
        wider = (first - 2, rung[1])
    else:
        return None
    return wider if is_clean(text, tokens, wider) else None
