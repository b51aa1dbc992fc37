"""What follows a verb and never the plural that ends a noun group: its object or figure ("hits | the coast",
"rises | to 12"), a modifier and its noun after a name's verb ("Harwick Foods posts | lower profit"), an adverb that
ends its clause ("the park opens | soon."). `verbs` reads a word in -s after its subject as a verb by these (a plural
of the group is followed by its verb instead: "rescue | workers arrived"). Apart from `verbs` because they ask only
what comes after the word, never the word or its subject.
"""

from __future__ import annotations

from annotator.shapes import Tokens, adverb_at, is_common, is_modifier, is_number, joined, word_at
from annotator.wordlists import (
    COMPARATIVES,
    CURRENCIES,
    DETERMINERS,
    FUNCTION_WORDS,
    OBJECT_OPENERS,
    OBJECT_QUANTIFIERS,
    PREPOSITIONS,
    TIME_MODIFIERS,
    TIME_UNITS,
)


def object_after(text: str, tokens: Tokens, index: int, quantifiers: bool = True) -> bool:
    """Whether what follows token `index` opens a verb's object or figure, which no plural noun ending a group is
    followed by: an article or a possessive pronoun ("hits | the coast"), an object pronoun, a number ("rises |
    12%") or "to", "by" or "from" with a number ("rises | to 12")."""
    after = index + 1
    if after >= len(tokens) or not joined(text, tokens, index, after):
        return False
    word = word_at(text, tokens, after)
    if word in OBJECT_OPENERS or is_number(word) or word in CURRENCIES:
        return True
    following = after + 1
    if quantifiers and word in OBJECT_QUANTIFIERS:  # "the court needs | more staff"; not "fees | more than doubled"
        return (
            following < len(tokens)
            and joined(text, tokens, after, following)
            and is_common(word_at(text, tokens, following))
        )
    return (
        word in {"to", "by", "from"}
        and following < len(tokens)
        and joined(text, tokens, after, following)
        and (is_number(word_at(text, tokens, following)) or word_at(text, tokens, following) in CURRENCIES)
    )


def modified_object(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a modifier and its common noun, a verb's object, follow token `index` ("Harwick Foods posts | lower profit";
    a re-trial added 'Harwick Foods posts'), as they follow no plural ending a group; not a time ("shares | last week")."""
    after, then = index + 1, index + 2
    if then >= len(tokens) or not (joined(text, tokens, index, after) and joined(text, tokens, after, then)):
        return False
    modifier, noun = word_at(text, tokens, after), word_at(text, tokens, then)
    if modifier.endswith(("ed", "ing")) or modifier in TIME_MODIFIERS:  # "DNA sequences | called plasmids"
        return False
    if not (modifier in COMPARATIVES or is_modifier(modifier)):
        return False
    return is_common(noun) and noun.islower() and noun not in FUNCTION_WORDS and noun not in TIME_UNITS


def ends_its_clause(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, after a noun with its determiner, is followed by an adverb that ends its clause:
    punctuation, a preposition or an object opener after it ("the park opens | soon.", "opens | early on Monday"),
    where a plural ending a noun group is followed by its verb ("the court fees | usually rise"); not after a bare
    noun, whose plural compound an adverb follows as often ("making phone calls | daily")."""
    after, then, subject = index + 1, index + 2, index - 1
    if then >= len(tokens) or not joined(text, tokens, index, after) or not adverb_at(text, tokens, after):
        return False
    while subject > 1 and is_modifier(word_at(text, tokens, subject - 1)):  # "the new bridge | opens soon" (re-trial)
        subject -= 1
    owner = word_at(text, tokens, subject - 1).lower() if subject > 0 else ""
    if not (owner in DETERMINERS and joined(text, tokens, subject - 1, subject)):  # "a lot of phone calls | daily"
        return False
    if not joined(text, tokens, after, then):
        return True
    following = word_at(text, tokens, then)
    return not following[:1].isalnum() or following in PREPOSITIONS or following in OBJECT_OPENERS
